/**
 * Limits on guessing short codes (issue "Hard to break", point 5), over HTTP: 亲情码, pickup codes at a canteen
 * counter, redemption codes at a station and check-in codes are counted per caller and per target before
 * they are checked, and answered 429 with Retry-After and a message in Chinese once a window is used up.
 * Everyone here is someone of their own (fresh people, canteens and stations), so no limit reached here
 * holds up another test file; "the window passes" is stood for by ending it in the table (endTryWindow).
 */
import { randomUUID } from 'node:crypto';
import { api, expectError, signInAs, type ApiResponse } from '../support/api';
import { activityUnderWay, endTryWindow, signedInUserWith, useStackTable } from '../support/db';
import { saveOutlet } from '../../functions/outlets/store';
import { FAMILY_CODE_LIMITS } from '../../functions/family/domain';
import { PICKUP_CODE_LIMITS } from '../../functions/bookings/canteen';
import { REDEMPTION_CODE_LIMITS } from '../../functions/stations/redemptions';
import { CHECKIN_CODE_LIMITS } from '../../functions/volunteering/signups';
import { shanghaiDate } from '../../shared/time';
import type { Service } from '../../shared/api';

useStackTable();
jest.setTimeout(180_000);

const tag = () => randomUUID().replace(/-/g, '').slice(0, 8);
const key = () => randomUUID().replace(/-/g, '');
const WINDOW_SECONDS = 15 * 60;

/** A 429 in the documented shape: Retry-After (seconds, within the window), the same figure in details, Chinese words. */
function expectTooMany(res: ApiResponse, message: RegExp) {
  expectError(res, 429, 'RATE_LIMITED');
  const retryAfter = Number(res.headers.get('retry-after'));
  expect(Number.isInteger(retryAfter) && retryAfter >= 1 && retryAfter <= WINDOW_SECONDS).toBe(true);
  expect(res.body.error.details).toEqual({ reason: 'TOO_MANY_TRIES', retryAfterSeconds: retryAfter });
  expect(res.body.error.message).toMatch(message);
}

async function resident(name = tag()): Promise<{ id: string; token: string }> {
  const res = await api('/auth/wechat', { body: { code: `guess-${tag()}-${name}` } });
  expect(res.status).toBe(201);
  return { id: res.body.user.id, token: res.body.token };
}

/** `n` different codes of `make()`, none of them in `avoid`. */
function wrongCodes(n: number, make: () => string, avoid: string[]): string[] {
  const out = new Set<string>();
  while (out.size < n) {
    const c = make();
    if (!avoid.includes(c)) out.add(c);
  }
  return [...out];
}
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const familyCodeLike = () => Array.from({ length: 6 }, () => ALPHABET[Math.floor(Math.random() * ALPHABET.length)]).join('');
const digits = (n: number) => () => Array.from({ length: n }, () => Math.floor(Math.random() * 10)).join('');

/** Sends one request after the other (a person at a counter, not a burst). */
async function inTurn<T>(items: T[], send: (item: T) => Promise<ApiResponse>): Promise<ApiResponse[]> {
  const out: ApiResponse[] = [];
  for (const item of items) out.push(await send(item));
  return out;
}

/** A listed outlet of its own, far from the demo city (so no nearby test sees it), run by `ownerId`. */
async function outletOf(ownerId: string, categories: string[], services: Service[] = []): Promise<string> {
  const t = tag();
  const id = `o_g${t}`;
  const outcome = await saveOutlet(
    {
      id, circleId: `c-g${t}`, name: `测试网点${t}`, categories, lat: 25.0406 + Math.random() * 0.01, lng: 102.7123 + Math.random() * 0.01, address: '测试路8号',
      hours: { windows: [{ days: [1, 2, 3, 4, 5, 6, 7], open: '00:00', close: '24:00' }] }, approval: 'approved', ownerId,
    },
    services,
  );
  expect(outcome).toBe('saved');
  return id;
}

describe('亲情码', () => {
  const link = (token: string, code: string) => api('/family/links', { token, body: { code } });
  const familyCodeOf = async (token: string) => (await api('/me/family-code', { token })).body.code as string;
  const MESSAGE = /^亲情码尝试次数过多，请\d+分钟后再试$/;

  it('25 wrong codes in a row from one caller: 429 with Retry-After before the 25th; the right code too, until the window passes', async () => {
    const [elder, guesser] = await Promise.all([resident(), resident()]);
    const right = await familyCodeOf(elder.token);
    const results = await inTurn(wrongCodes(25, familyCodeLike, [right]), (c) => link(guesser.token, c));
    const max = FAMILY_CODE_LIMITS.caller.max;
    expect(max).toBeLessThan(25);
    expect(results.slice(0, max).map((r) => r.status)).toEqual(Array(max).fill(404));
    for (const r of results.slice(max)) expectTooMany(r, MESSAGE);

    // A lucky guess is refused like the others while the window lasts: nothing tells it apart.
    const lucky = await link(guesser.token, right);
    expectTooMany(lucky, MESSAGE);
    expect(JSON.stringify(lucky.body)).not.toContain(elder.id);

    await endTryWindow(FAMILY_CODE_LIMITS.caller.name, guesser.id);
    const linked = await link(guesser.token, right);
    expect(linked.status).toBe(201);
    expect(linked.body).toMatchObject({ elderId: elder.id, familyId: guesser.id, state: 'pending' });
  });

  it('counts tries before checking them: 15 guesses sent at once get 10 answers and 5 refusals', async () => {
    const guesser = await resident();
    const results = await Promise.all(wrongCodes(15, familyCodeLike, []).map((c) => link(guesser.token, c)));
    expect(results.filter((r) => r.status === 404)).toHaveLength(FAMILY_CODE_LIMITS.caller.max);
    expect(results.filter((r) => r.status === 429)).toHaveLength(15 - FAMILY_CODE_LIMITS.caller.max);
  });

  it("does not hold up another caller for the first one's failures, nor count right codes against a relative", async () => {
    const [elder, guesser, daughter] = await Promise.all([resident(), resident(), resident()]);
    const right = await familyCodeOf(elder.token);
    await inTurn(wrongCodes(FAMILY_CODE_LIMITS.caller.max, familyCodeLike, [right]), (c) => link(guesser.token, c));
    expectTooMany(await link(guesser.token, familyCodeLike()), MESSAGE);

    // The daughter mistypes a few times, then links; her right code gives its try back.
    const typos = await inTurn(wrongCodes(3, familyCodeLike, [right]), (c) => link(daughter.token, c));
    expect(typos.map((r) => r.status)).toEqual([404, 404, 404]);
    expect((await link(daughter.token, right)).status).toBe(201);
    expect((await link(daughter.token, right)).status).toBe(201); // asking again answers the same link
    const rest = await inTurn(wrongCodes(FAMILY_CODE_LIMITS.caller.max - 3, familyCodeLike, [right]), (c) => link(daughter.token, c));
    expect(rest.every((r) => r.status === 404)).toBe(true);
    expectTooMany(await link(daughter.token, familyCodeLike()), MESSAGE);
  });

  it("limits one elder's code presented by many callers, each still within their own tries", async () => {
    const elder = await resident();
    const right = await familyCodeOf(elder.token);
    const callers = await Promise.all(Array.from({ length: FAMILY_CODE_LIMITS.elder.max + 1 }, () => resident()));
    const results = await inTurn(callers, (c) => link(c.token, right));
    expect(results.slice(0, -1).map((r) => r.status)).toEqual(Array(FAMILY_CODE_LIMITS.elder.max).fill(201));
    const last = callers[callers.length - 1];
    expectTooMany(results[results.length - 1], MESSAGE);
    // The refused caller's own tries are untouched: a wrong code is answered as one.
    expectError(await link(last.token, wrongCodes(1, familyCodeLike, [right])[0]), 404, 'NOT_FOUND');
    await endTryWindow(FAMILY_CODE_LIMITS.elder.name, elder.id);
    expect((await link(last.token, right)).status).toBe(201);
    const links = await api('/family/links', { token: elder.token });
    expect(links.body.asElder).toHaveLength(FAMILY_CODE_LIMITS.elder.max + 1);
  });
});

describe('pickup codes at the canteen counter', () => {
  const MESSAGE = /^取餐码输错次数过多，请\d+分钟后再试，或在当天的预订名单里核对$/;
  const date = shanghaiDate(Date.now() + 2 * 24 * 3600_000);
  const meal: Service = { id: 's01', name: '两荤一素套餐', priceFen: 1500, unit: '份', bookable: true, pricing: 'canteen' };

  /** A canteen of its own with `meals` reservations for the day after tomorrow; their pickup codes. */
  async function canteenWithMeals(ownerToken: string, ownerId: string, meals: number): Promise<{ outletId: string; codes: string[] }> {
    const outletId = await outletOf(ownerId, ['elder_canteen'], [meal]);
    const published = await api(`/merchant/outlets/${outletId}/slots`, { token: ownerToken, body: { serviceId: 's01', modes: ['pickup'], slots: [{ date, start: '11:00', end: '13:00', capacity: 10 }] } });
    expect(published.status).toBe(201);
    const slotId = published.body.slotIds[0];
    const codes: string[] = [];
    for (let i = 0; i < meals; i++) {
      const booked = await api('/bookings', { token: (await resident()).token, body: { slotId, mode: 'pickup' }, headers: { 'idempotency-key': key() } });
      expect(booked.status).toBe(201);
      codes.push(booked.body.pickupCode);
    }
    return { outletId, codes };
  }
  const pickup = (token: string, outletId: string, code: string) => api(`/merchant/outlets/${outletId}/pickup`, { token, body: { date, code } });

  it('refuses wrong codes with 429 before the 25th, and then the right code too until the window passes; meals handed over never add up', async () => {
    const owner = await signedInUserWith(['merchant']);
    const { outletId, codes } = await canteenWithMeals(owner.token, owner.id, 4);
    const max = PICKUP_CODE_LIMITS.canteen.max;
    const wrong = wrongCodes(25, digits(6), codes);
    // Wrong codes and meals handed over in between: only the wrong ones count.
    const first = await inTurn(wrong.slice(0, max - 1), (c) => pickup(owner.token, outletId, c));
    expect(first.every((r) => r.status === 404)).toBe(true);
    for (const c of codes.slice(0, 3)) expect((await pickup(owner.token, outletId, c)).body.state).toBe('completed');
    expectError(await pickup(owner.token, outletId, codes[0]), 409, 'CONFLICT'); // used: it names a meal, so it is no guess
    expectError(await pickup(owner.token, outletId, wrong[max - 1]), 404, 'NOT_FOUND');
    const rest = await inTurn(wrong.slice(max), (c) => pickup(owner.token, outletId, c));
    expect(rest.length).toBeGreaterThan(0);
    for (const r of rest) expectTooMany(r, MESSAGE);

    expectTooMany(await pickup(owner.token, outletId, codes[3]), MESSAGE);
    await endTryWindow(PICKUP_CODE_LIMITS.canteen.name, outletId);
    const collected = await pickup(owner.token, outletId, codes[3]);
    expect({ status: collected.status, state: collected.body.state }).toEqual({ status: 200, state: 'completed' });
  });

  it("limits the person at the counter across their canteens, holds up no other canteen's staff, and strangers' tries never count", async () => {
    const owner = await signedInUserWith(['merchant']);
    const [a, b, c] = [await outletOf(owner.id, ['elder_canteen'], [meal]), await outletOf(owner.id, ['elder_canteen'], [meal]), await outletOf(owner.id, ['elder_canteen'], [meal])];
    const perCanteen = PICKUP_CODE_LIMITS.canteen.max;
    expect(PICKUP_CODE_LIMITS.caller.max).toBe(2 * perCanteen);
    for (const outletId of [a, b]) {
      const results = await inTurn(wrongCodes(perCanteen, digits(6), []), (code) => pickup(owner.token, outletId, code));
      expect(results.every((r) => r.status === 404)).toBe(true);
    }
    // Canteen c has had no wrong code yet, but the person at its counter has used up their tries.
    expectTooMany(await pickup(owner.token, c, '123456'), MESSAGE);

    // Another canteen's manager is not held up, and a stranger's tries at c are refused before any is counted.
    const other = await signedInUserWith(['merchant']);
    const theirs = await outletOf(other.id, ['elder_canteen'], [meal]);
    expectError(await pickup(other.token, theirs, '123456'), 404, 'NOT_FOUND');
    const strangers = await inTurn(wrongCodes(perCanteen + 2, digits(6), []), (code) => pickup(other.token, c, code));
    expect(strangers.every((r) => r.status === 403)).toBe(true);

    await endTryWindow(PICKUP_CODE_LIMITS.caller.name, owner.id);
    const results = await inTurn(wrongCodes(perCanteen, digits(6), []), (code) => pickup(owner.token, c, code));
    expect(results.every((r) => r.status === 404)).toBe(true);
    expectTooMany(await pickup(owner.token, c, '123456'), MESSAGE); // now canteen c's own limit
  });
});

describe('redemption codes at a station', () => {
  const MESSAGE = /^兑换码输错次数过多，请\d+分钟后再试$/;
  let worker: string;
  beforeAll(async () => {
    worker = await signInAs('u_demo_worker');
  });

  /** A volunteer of the demo circle with points, who redeems `count` rewards at the station: their codes. */
  async function redemptionsAt(stationId: string, operatorToken: string, count: number): Promise<string[]> {
    const reward = await api(`/station/outlets/${stationId}/rewards`, { token: operatorToken, body: { name: `测试毛巾${tag()}`, pricePoints: 1, stock: 20 } });
    expect(reward.status).toBe(201);
    const v = await resident();
    expect((await api(`/worker/residents/${v.id}/verify`, { token: worker, body: { birthDate: '1980-01-01' } })).status).toBe(200);
    expect((await api('/worker/points/adjust', { token: worker, body: { userId: v.id, points: count, reason: '测试发放' }, headers: { 'idempotency-key': key() } })).status).toBe(200);
    const codes: string[] = [];
    for (let i = 0; i < count; i++) {
      const r = await api('/redemptions', { token: v.token, body: { outletId: stationId, rewardId: reward.body.id }, headers: { 'idempotency-key': key() } });
      expect(r.status).toBe(201);
      codes.push(r.body.code);
    }
    return codes;
  }
  const handover = (token: string, stationId: string, code: string) => api(`/station/outlets/${stationId}/handover`, { token, body: { code } });

  it('refuses wrong codes with 429 before the 25th, and then the right code too until the window passes; hand-overs never add up', async () => {
    const operator = await signedInUserWith(['resident', 'merchant']);
    const station = await outletOf(operator.id, ['points_exchange']);
    const codes = await redemptionsAt(station, operator.token, 3);
    const max = REDEMPTION_CODE_LIMITS.station.max;
    const wrong = wrongCodes(25, digits(8), codes);
    const first = await inTurn(wrong.slice(0, max - 1), (c) => handover(operator.token, station, c));
    expect(first.every((r) => r.status === 404)).toBe(true);
    for (const c of codes.slice(0, 2)) expect((await handover(operator.token, station, c)).body.state).toBe('handed_over');
    expectError(await handover(operator.token, station, codes[0]), 409, 'CONFLICT');
    expectError(await handover(operator.token, station, wrong[max - 1]), 404, 'NOT_FOUND');
    const rest = await inTurn(wrong.slice(max), (c) => handover(operator.token, station, c));
    expect(rest.length).toBeGreaterThan(0);
    for (const r of rest) expectTooMany(r, MESSAGE);

    expectTooMany(await handover(operator.token, station, codes[2]), MESSAGE);
    await endTryWindow(REDEMPTION_CODE_LIMITS.station.name, station);
    const handed = await handover(operator.token, station, codes[2]);
    expect({ status: handed.status, state: handed.body.state }).toEqual({ status: 200, state: 'handed_over' });
  });

  it("limits the person at the counter across their stations, holds up no other station, and strangers' tries never count", async () => {
    const operator = await signedInUserWith(['resident', 'merchant']);
    const [a, b, c] = [await outletOf(operator.id, ['points_exchange']), await outletOf(operator.id, ['points_exchange']), await outletOf(operator.id, ['points_exchange'])];
    const perStation = REDEMPTION_CODE_LIMITS.station.max;
    expect(REDEMPTION_CODE_LIMITS.caller.max).toBe(2 * perStation);
    for (const s of [a, b]) {
      const results = await inTurn(wrongCodes(perStation, digits(8), []), (code) => handover(operator.token, s, code));
      expect(results.every((r) => r.status === 404)).toBe(true);
    }
    expectTooMany(await handover(operator.token, c, '12345678'), MESSAGE);

    const other = await signedInUserWith(['resident', 'merchant']);
    const theirs = await outletOf(other.id, ['points_exchange']);
    expectError(await handover(other.token, theirs, '12345678'), 404, 'NOT_FOUND');
    const strangers = await inTurn(wrongCodes(perStation + 2, digits(8), []), (code) => handover(other.token, c, code));
    expect(strangers.every((r) => r.status === 403)).toBe(true);

    await endTryWindow(REDEMPTION_CODE_LIMITS.caller.name, operator.id);
    const results = await inTurn(wrongCodes(perStation, digits(8), []), (code) => handover(operator.token, c, code));
    expect(results.every((r) => r.status === 404)).toBe(true);
    expectTooMany(await handover(operator.token, c, '12345678'), MESSAGE);
  });
});

describe('check-in codes (the same limiter)', () => {
  const MESSAGE = /^签到码错误次数过多，请\d+分钟后再试，或找现场社工签到$/;

  it("counts a volunteer's tries across activities, holds up no other volunteer, and lets the right code through once the window passes", async () => {
    const worker = await signInAs('u_demo_worker');
    const currentCode = async (id: string) => (await api(`/worker/activities/${id}/checkin-code`, { token: worker })).body.code as string;
    const [a, b] = await Promise.all([activityUnderWay(), activityUnderWay()]);
    const volunteer = async () => {
      const v = await resident();
      expect((await api('/me/volunteer', { token: v.token, method: 'POST' })).status).toBe(200);
      for (const id of [a.id, b.id]) expect((await api(`/activities/${id}/signup`, { token: v.token, method: 'POST' })).status).toBe(201);
      return v;
    };
    const [v, w] = await Promise.all([volunteer(), volunteer()]);
    const checkIn = (token: string, id: string, code: string) => api(`/activities/${id}/check-in`, { token, body: { code } });
    const right = await currentCode(a.id);
    const wrong = wrongCodes(CHECKIN_CODE_LIMITS.caller.max, digits(6), [right, await currentCode(b.id)]);
    const results = await inTurn(wrong, (c) => checkIn(v.token, a.id, c));
    expect(results.every((r) => r.status === 400 && r.body.error.details.reason === 'WRONG_CODE')).toBe(true);
    expect(results[0].body.error.message).toContain(`还可尝试${CHECKIN_CODE_LIMITS.caller.max - 1}次`);
    expectTooMany(await checkIn(v.token, b.id, await currentCode(b.id)), MESSAGE);

    const other = await checkIn(w.token, a.id, await currentCode(a.id));
    expect({ status: other.status, state: other.body.state }).toEqual({ status: 200, state: 'checked_in' });

    await endTryWindow(CHECKIN_CODE_LIMITS.caller.name, v.id);
    const done = await checkIn(v.token, b.id, await currentCode(b.id));
    expect({ status: done.status, state: done.body.state }).toEqual({ status: 200, state: 'checked_in' });
  });
});
