import { randomUUID } from 'node:crypto';
import { api, expectError, signInAs } from '../support/api';
import { activityUnderWay, backdateCheckIn, useStackTable, workerOfAnotherCircle } from '../support/db';
import { inShanghai } from '../../shared/time';
import type { Activity, Passbook, Redemption, VolunteerHours } from '../../shared/api';
import { appendToLedger, auditLedger, expireAll } from '../../functions/points/account';
import { checkinCode } from '../../functions/volunteering/hours';

// The data layer reads its environment on first use, so choosing the table here is early enough.
useStackTable();

jest.setTimeout(180_000);

const key = () => randomUUID().replace(/-/g, '');
const tag = () => randomUUID().slice(0, 8);

async function newVolunteer(name = tag()): Promise<{ token: string; id: string }> {
  const res = await api('/auth/wechat', { body: { code: `pts-${tag()}-${name}` } });
  expect(res.status).toBe(201);
  const token = res.body.token as string;
  expect((await api('/me/volunteer', { token, method: 'POST' })).status).toBe(200);
  return { token, id: res.body.user.id as string };
}

let worker: string;
let station: string;
beforeAll(async () => {
  [worker, station] = await Promise.all([signInAs('u_demo_worker'), signInAs('u_demo_station')]);
});

async function currentCode(activityId: string): Promise<string> {
  const res = await api(`/worker/activities/${activityId}/checkin-code`, { token: worker });
  expect(res.status).toBe(200);
  return res.body.code;
}

async function pointsOf(token: string): Promise<Passbook> {
  const res = await api('/points/passbook', { token });
  expect(res.status).toBe(200);
  return res.body;
}

async function grant(userId: string, points: number) {
  // The worker's manual adjustment needs the person to belong to the circle: verify them first.
  expect((await api(`/worker/residents/${userId}/verify`, { token: worker, body: { birthDate: '1980-01-01' } })).status).toBe(200);
  const res = await api('/worker/points/adjust', { token: worker, body: { userId, points, reason: '测试发放' }, headers: { 'idempotency-key': key() } });
  expect(res.status).toBe(200);
}

async function reward(pricePoints: number, stock: number) {
  const res = await api('/station/outlets/o-nuanxin/rewards', { token: station, body: { name: `测试兑换品${tag()}`, pricePoints, stock } });
  expect(res.status).toBe(201);
  return res.body.id as string;
}

const redeem = (token: string, rewardId: string, k = key()) => api('/redemptions', { token, body: { outletId: 'o-nuanxin', rewardId }, headers: { 'idempotency-key': k } });

describe('activities', () => {
  it('a worker publishes; volunteers browse and sign up without overselling places', async () => {
    const date = inShanghai(Date.now() + 3 * 86_400_000).format('YYYY-MM-DD');
    const body = { title: '社区清洁日', description: '打扫楼道', place: '红枫社区3号楼', date, startTime: '09:00', endTime: '11:30', capacity: 5, pointsPerHour: 2 };
    const pub = await api<Activity>('/worker/activities', { token: worker, body });
    expect(pub.status).toBe(201);
    expect(pub.body).toMatchObject({ circleId: 'c-hongfeng', capacity: 5, remaining: 5, pointsPerHour: 2 });
    // Whole points per hour keep each half hour a whole number of half points.
    expectError(await api('/worker/activities', { token: worker, body: { ...body, pointsPerHour: 1.5 } }), 400, 'VALIDATION_FAILED');
    expectError(await api('/worker/activities', { token: worker, body: { ...body, date: '2027-02-31' } }), 400, 'VALIDATION_FAILED');
    expectError(await api('/worker/activities', { token: worker, body: { ...body, startTime: '24:00', endTime: '24:00' } }), 400, 'VALIDATION_FAILED');
    expect(JSON.stringify(pub.body)).not.toContain('checkinSecret');
    expectError(await api('/worker/activities', { token: worker, body: { ...body, endTime: '08:00' } }), 400, 'VALIDATION_FAILED');
    expectError(await api('/worker/activities', { token: worker, body: { ...body, pointsPerHour: 0.3 } }), 400, 'VALIDATION_FAILED');
    expectError(await api('/worker/activities', { token: worker, body: { ...body, date: '2020-01-01' } }), 400, 'VALIDATION_FAILED');

    const list = await api('/activities?lat=36.6623&lng=117.0565');
    expect(list.status).toBe(200);
    const listed = list.body.items.find((a: Activity) => a.id === pub.body.id);
    expect(listed).toMatchObject({ circleName: expect.any(String), walkMinutes: expect.any(Number) });

    const volunteers = await Promise.all(Array.from({ length: 12 }, () => newVolunteer()));
    const results = await Promise.all(volunteers.map((v) => api(`/activities/${pub.body.id}/signup`, { token: v.token, method: 'POST' })));
    expect(results.filter((r) => r.status === 201)).toHaveLength(5);
    expect(results.filter((r) => r.status === 409 && r.body.error.details.reason === 'ACTIVITY_FULL')).toHaveLength(7);
    expect((await api<Activity>(`/activities/${pub.body.id}`)).body).toMatchObject({ signedUp: 5, remaining: 0 });

    // Signing up again is the same place; cancelling frees it for someone else.
    const winner = volunteers[results.findIndex((r) => r.status === 201)];
    expect((await api(`/activities/${pub.body.id}/signup`, { token: winner.token, method: 'POST' })).status).toBe(200);
    const cancelled = await api(`/activities/${pub.body.id}/cancel`, { token: winner.token, method: 'POST' });
    expect({ status: cancelled.status, state: cancelled.body.state, error: cancelled.body.error }).toEqual({ status: 200, state: 'cancelled', error: undefined });
    const loser = volunteers[results.findIndex((r) => r.status === 409)];
    expect((await api(`/activities/${pub.body.id}/signup`, { token: loser.token, method: 'POST' })).status).toBe(201);
    expect((await api<Activity>(`/activities/${pub.body.id}`)).body.signedUp).toBe(5);
  });

  it('only residents who opted in can sign up', async () => {
    const a = await activityUnderWay({ startedMinutesAgo: -60 });
    const res = await api('/auth/wechat', { body: { code: `pts-${tag()}-${tag()}` } });
    expectError(await api(`/activities/${a.id}/signup`, { token: res.body.token, method: 'POST' }), 403, 'FORBIDDEN');
  });
});

describe('hours', () => {
  it('check-in and check-out with the rotating code; hours computed, capped, confirmed into points', async () => {
    const a = await activityUnderWay({ startedMinutesAgo: 121, hours: 4 });
    const v = await newVolunteer();
    expect((await api(`/activities/${a.id}/signup`, { token: v.token, method: 'POST' })).status).toBe(201);
    expectError(await api(`/activities/${a.id}/check-in`, { token: v.token, body: { code: '12345' } }), 400, 'VALIDATION_FAILED');
    const wrong = String((Number(await currentCode(a.id)) + 1) % 1_000_000).padStart(6, '0');
    const bad = await api(`/activities/${a.id}/check-in`, { token: v.token, body: { code: wrong } });
    expectError(bad, 400, 'VALIDATION_FAILED');
    expect(bad.body.error.details.reason).toBe('WRONG_CODE');
    // A code from two minutes ago has rotated out.
    expectError(await api(`/activities/${a.id}/check-in`, { token: v.token, body: { code: checkinCode(a.checkinSecret, new Date(Date.now() - 150_000)) } }), 400, 'VALIDATION_FAILED');

    const inRes = await api<VolunteerHours>(`/activities/${a.id}/check-in`, { token: v.token, body: { code: await currentCode(a.id) } });
    expect(inRes.status).toBe(200);
    expect(inRes.body.state).toBe('checked_in');
    expectError(await api(`/activities/${a.id}/cancel`, { token: v.token, method: 'POST' }), 409, 'CONFLICT');
    await backdateCheckIn(a.id, v.id, a.start);
    const out = await api<VolunteerHours>(`/activities/${a.id}/check-out`, { token: v.token, body: { code: await currentCode(a.id) } });
    expect(out.status).toBe(200);
    expect(out.body).toMatchObject({ state: 'pending', halfHours: 4, points: 2 });
    expect((await pointsOf(v.token)).balance).toBe(0); // only confirmed hours earn

    const hours = await api('/volunteer/hours', { token: v.token });
    expect(hours.body).toMatchObject({ pendingHours: 2, confirmedHours: 0 });

    const confirmed = await api<VolunteerHours>(`/worker/activities/${a.id}/hours/${v.id}`, { token: worker, body: { action: 'confirm' } });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body).toMatchObject({ state: 'confirmed', halfHours: 4, points: 2, reviewedBy: 'u_demo_worker' });
    expectError(await api(`/worker/activities/${a.id}/hours/${v.id}`, { token: worker, body: { action: 'confirm' } }), 409, 'CONFLICT');
    const book = await pointsOf(v.token);
    expect(book.balance).toBe(2);
    expect(book.entries[0]).toMatchObject({ kind: 'earn', points: 2, balance: 2, cause: { type: 'activity', id: a.id } });
    const year = Number(inShanghai(book.entries[0].at).format('YYYY'));
    expect(book.expiring).toEqual([{ expiresAt: expect.any(String), date: `${year + 1}-12-31`, points: 2 }]);
  });

  it('adjusts with a reason, rejects with a reason, adds by hand (marked), and refuses overlapping claims', async () => {
    const a = await activityUnderWay({ startedMinutesAgo: 180, hours: 4 });
    const b = await activityUnderWay({ startedMinutesAgo: 120, hours: 4 }); // overlaps a
    const [v1, v2, v3] = await Promise.all([newVolunteer(), newVolunteer(), newVolunteer()]);
    for (const v of [v1, v2]) expect((await api(`/activities/${a.id}/signup`, { token: v.token, method: 'POST' })).status).toBe(201);
    expect((await api(`/activities/${b.id}/signup`, { token: v1.token, method: 'POST' })).status).toBe(201);
    const code = await currentCode(a.id);
    for (const v of [v1, v2]) expect((await api(`/activities/${a.id}/check-in`, { token: v.token, body: { code } })).status).toBe(200);
    // One place at a time: v1 cannot check in to b while checked in at a.
    const elsewhere = await api(`/activities/${b.id}/check-in`, { token: v1.token, body: { code: await currentCode(b.id) } });
    expectError(elsewhere, 409, 'CONFLICT');
    expect(elsewhere.body.error.details.reason).toBe('CHECKED_IN_ELSEWHERE');

    expectError(await api(`/worker/activities/${a.id}/hours/${v1.id}`, { token: worker, body: { action: 'adjust', halfHours: 6 } }), 400, 'VALIDATION_FAILED');
    expectError(await api(`/worker/activities/${a.id}/hours/${v1.id}`, { token: worker, body: { action: 'adjust', halfHours: 9, reason: '超出' } }), 400, 'VALIDATION_FAILED');
    const adjusted = await api<VolunteerHours>(`/worker/activities/${a.id}/hours/${v1.id}`, { token: worker, body: { action: 'adjust', halfHours: 6, reason: '忘记签退，现场核实3小时' } });
    expect(adjusted.status).toBe(200);
    expect(adjusted.body).toMatchObject({ state: 'confirmed', halfHours: 6, points: 3, reason: '忘记签退，现场核实3小时' });
    expectError(await api(`/worker/activities/${a.id}/hours/${v2.id}`, { token: worker, body: { action: 'reject' } }), 400, 'VALIDATION_FAILED');
    expect((await api(`/worker/activities/${a.id}/hours/${v2.id}`, { token: worker, body: { action: 'reject', reason: '未在岗' } })).body.state).toBe('rejected');
    expect((await pointsOf(v2.token)).balance).toBe(0);

    // v1's 3 hours at a overlap anything at b during them.
    const overlap = await api(`/worker/activities/${b.id}/manual-hours`, { token: worker, body: { userId: v1.id, halfHours: 2, reason: '补录' } });
    expectError(overlap, 409, 'CONFLICT');
    expect(overlap.body.error.details.reason).toBe('HOURS_OVERLAP');
    expect((await pointsOf(v1.token)).balance).toBe(3);

    // Hours by hand only for the circle's own volunteers.
    const stranger = await newVolunteer();
    expectError(await api(`/worker/activities/${b.id}/manual-hours`, { token: worker, body: { userId: stranger.id, halfHours: 3, reason: '补录' } }), 403, 'FORBIDDEN');
    const notVolunteer = (await api('/auth/wechat', { body: { code: `pts-${tag()}-${tag()}` } })).body.user.id;
    const refused = await api(`/worker/activities/${b.id}/manual-hours`, { token: worker, body: { userId: notVolunteer, halfHours: 3, reason: '补录' } });
    expectError(refused, 409, 'CONFLICT');
    expect(refused.body.error.details.reason).toBe('NOT_VOLUNTEER');

    // Someone without a phone (signed up at the desk): hours by hand, marked as such.
    expect((await api(`/activities/${b.id}/signup`, { token: v3.token, method: 'POST' })).status).toBe(201);
    const manual = await api<VolunteerHours>(`/worker/activities/${b.id}/manual-hours`, { token: worker, body: { userId: v3.id, halfHours: 3, reason: '老人无手机，纸质签到' } });
    expect(manual.status).toBe(201);
    expect(manual.body).toMatchObject({ state: 'confirmed', manual: true, halfHours: 3, points: 1.5 });
    const book = await pointsOf(v3.token);
    expect(book.balance).toBe(1.5);
    expect(book.entries[0]).toMatchObject({ kind: 'earn', manual: true, points: 1.5 });
    const list = await api(`/worker/activities/${b.id}/signups`, { token: worker });
    expect(list.body.items.find((s: VolunteerHours) => s.userId === v3.id).manual).toBe(true);
  });

  it('counts code tries before checking them: guesses sent at once stop at the limit', async () => {
    const a = await activityUnderWay();
    const v = await newVolunteer();
    expect((await api(`/activities/${a.id}/signup`, { token: v.token, method: 'POST' })).status).toBe(201);
    const right = await currentCode(a.id);
    const guesses = Array.from({ length: 14 }, (_, i) => String((Number(right) + 7 + i) % 1_000_000).padStart(6, '0'));
    const results = await Promise.all(guesses.map((code) => api(`/activities/${a.id}/check-in`, { token: v.token, body: { code } })));
    expect(results.filter((r) => r.status === 400)).toHaveLength(10);
    expect(results.filter((r) => r.status === 429)).toHaveLength(4);
    expectError(await api(`/activities/${a.id}/check-in`, { token: v.token, body: { code: await currentCode(a.id) } }), 429, 'RATE_LIMITED');
  });

  it('nobody confirms their own hours; a worker manages only their own circle', async () => {
    const a = await activityUnderWay();
    expectError(await api(`/worker/activities/${a.id}/hours/u_demo_worker`, { token: worker, body: { action: 'adjust', halfHours: 2, reason: '自己' } }), 403, 'FORBIDDEN');
    expectError(await api(`/worker/activities/${a.id}/manual-hours`, { token: worker, body: { userId: 'u_demo_worker', halfHours: 2, reason: '自己' } }), 403, 'FORBIDDEN');
    expectError(await api('/worker/points/adjust', { token: worker, body: { userId: 'u_demo_worker', points: 5, reason: '自己' }, headers: { 'idempotency-key': key() } }), 403, 'FORBIDDEN');
  });
});

describe('redemption', () => {
  it('redeems with a one-time code, hands over once, cancels with refund before hand-over', async () => {
    const v = await newVolunteer();
    await grant(v.id, 10);
    const rewardId = await reward(4, 5);
    const first = await redeem(v.token, rewardId);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ state: 'issued', pricePoints: 4, code: expect.stringMatching(/^\d{8}$/) });
    const second = await redeem(v.token, rewardId);
    expect((await pointsOf(v.token)).balance).toBe(2);
    expectError(await redeem(v.token, rewardId), 409, 'CONFLICT');

    // The station hands over once; two at once give one success.
    const [h1, h2] = await Promise.all([1, 2].map(() => api('/station/outlets/o-nuanxin/handover', { token: station, body: { code: first.body.code } })));
    expect([h1.status, h2.status].sort()).toEqual([200, 409]);
    expectError(await api(`/redemptions/${first.body.id}/cancel`, { token: v.token, method: 'POST' }), 409, 'CONFLICT');

    const cancelled = await api<Redemption>(`/redemptions/${second.body.id}/cancel`, { token: v.token, method: 'POST' });
    expect(cancelled.body.state).toBe('cancelled');
    expect((await api(`/redemptions/${second.body.id}/cancel`, { token: v.token, method: 'POST' })).body.state).toBe('cancelled');
    expectError(await api('/station/outlets/o-nuanxin/handover', { token: station, body: { code: second.body.code } }), 409, 'CONFLICT');
    const book = await pointsOf(v.token);
    expect(book.balance).toBe(6);
    expect(book.entries.map((e) => e.kind)).toEqual(['refund', 'redeem', 'redeem', 'adjust']);
    const stock = (await api(`/stations/o-nuanxin`)).body.rewards.find((r: any) => r.id === rewardId).stock;
    expect(stock).toBe(4);
    expectError(await api('/station/outlets/o-nuanxin/handover', { token: station, body: { code: '00000000' } }), 404, 'NOT_FOUND');
  });

  it('50 simultaneous redemptions against a balance that covers 3: exactly 3', async () => {
    const v = await newVolunteer();
    await grant(v.id, 15);
    const rewardId = await reward(5, 100);
    const results = await Promise.all(Array.from({ length: 50 }, () => redeem(v.token, rewardId)));
    expect(results.filter((r) => r.status === 201)).toHaveLength(3);
    expect(results.filter((r) => r.status === 409 && r.body.error.details.reason === 'INSUFFICIENT_POINTS')).toHaveLength(47);
    const book = await pointsOf(v.token);
    expect(book.balance).toBe(0);
    expect(book.entries.every((e) => e.balance >= 0)).toBe(true);
    expect((await api(`/stations/o-nuanxin`)).body.rewards.find((r: any) => r.id === rewardId).stock).toBe(97);
  });

  it('100 volunteers racing for the last unit of stock: exactly 1', async () => {
    const rewardId = await reward(1, 1);
    const volunteers: Array<{ token: string; id: string }> = [];
    for (let i = 0; i < 10; i++) volunteers.push(...(await Promise.all(Array.from({ length: 10 }, () => newVolunteer()))));
    for (let i = 0; i < 100; i += 10) await Promise.all(volunteers.slice(i, i + 10).map((v) => grant(v.id, 1)));
    const results = await Promise.all(volunteers.map((v) => redeem(v.token, rewardId)));
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    expect(results.filter((r) => r.status === 409 && r.body.error.details.reason === 'OUT_OF_STOCK')).toHaveLength(99);
    expect((await api(`/stations/o-nuanxin`)).body.rewards.find((r: any) => r.id === rewardId).stock).toBe(0);
    const balances: Passbook[] = [];
    for (let i = 0; i < 100; i += 10) balances.push(...(await Promise.all(volunteers.slice(i, i + 10).map((v) => pointsOf(v.token)))));
    expect(balances.filter((b) => b.balance === 0)).toHaveLength(1);
  });

  it('retries with the same idempotency key make one redemption', async () => {
    const v = await newVolunteer();
    await grant(v.id, 10);
    const rewardId = await reward(2, 10);
    const k = key();
    const results = await Promise.all(Array.from({ length: 10 }, () => redeem(v.token, rewardId, k)));
    expect(results.every((r) => r.status === 200 || r.status === 201)).toBe(true);
    expect(new Set(results.map((r) => r.body.id)).size).toBe(1);
    expect((await pointsOf(v.token)).balance).toBe(8);
    expect((await api('/redemptions/mine', { token: v.token })).body.items).toHaveLength(1);
    // The same key for a different request is refused.
    expectError(await redeem(v.token, await reward(1, 1), k), 409, 'CONFLICT');
  });

  it('station operators list and restock rewards; prices and stock are validated', async () => {
    const rewardId = await reward(3, 0);
    const v = await newVolunteer();
    await grant(v.id, 5);
    expectError(await redeem(v.token, rewardId), 409, 'CONFLICT');
    const restocked = await api(`/station/outlets/o-nuanxin/rewards/${rewardId}`, { token: station, body: { addStock: 2 } });
    expect(restocked.body.stock).toBe(2);
    expect((await redeem(v.token, rewardId)).status).toBe(201);
    expectError(await api('/station/outlets/o-nuanxin/rewards', { token: station, body: { name: '坏价格', pricePoints: 1.3, stock: 1 } }), 400, 'VALIDATION_FAILED');
    expectError(await api('/station/outlets/o-nuanxin/rewards', { token: station, body: { name: '负库存', pricePoints: 1, stock: -1 } }), 400, 'VALIDATION_FAILED');
    const orders = await api('/station/outlets/o-nuanxin/redemptions', { token: station });
    expect(orders.body.items.some((r: Redemption) => r.rewardId === rewardId)).toBe(true);
    // The code proves the volunteer is at the counter: the station's list never shows it.
    expect(orders.body.items.every((r: Redemption) => r.code === undefined)).toBe(true);
  });
});

describe('authorization', () => {
  it('checks every points endpoint against every role and another user’s data', async () => {
    const a = await activityUnderWay();
    const [v, other] = await Promise.all([newVolunteer(), newVolunteer()]);
    await grant(v.id, 5);
    const rewardId = await reward(1, 5);
    const r = await redeem(v.token, rewardId);
    const [resident, merchant, nuanxinOperator, otherWorker] = await Promise.all([signInAs('u_demo_resident'), signInAs('u_demo_merchant'), Promise.resolve(station), workerOfAnotherCircle()]);
    expect((await api(`/activities/${a.id}/signup`, { token: v.token, method: 'POST' })).status).toBe(201);
    const body = { title: '越权活动', description: '', place: '某处', date: inShanghai(Date.now() + 86_400_000).format('YYYY-MM-DD'), startTime: '09:00', endTime: '10:00', capacity: 1 };

    const calls: Array<[string, string, unknown?]> = [
      ['POST', '/worker/activities', body],
      ['GET', '/worker/activities'],
      ['GET', `/worker/activities/${a.id}/signups`],
      ['GET', `/worker/activities/${a.id}/checkin-code`],
      ['POST', `/worker/activities/${a.id}/hours/${v.id}`, { action: 'reject', reason: '越权' }],
      ['POST', `/worker/activities/${a.id}/manual-hours`, { userId: v.id, halfHours: 1, reason: '越权' }],
      ['POST', '/worker/points/adjust', { userId: v.id, points: 100, reason: '越权' }],
      ['GET', '/station/outlets/o-nuanxin/rewards'],
      ['POST', '/station/outlets/o-nuanxin/rewards', { name: '越权', pricePoints: 1, stock: 1 }],
      ['POST', `/station/outlets/o-nuanxin/rewards/${rewardId}`, { addStock: 5 }],
      ['GET', '/station/outlets/o-nuanxin/redemptions'],
      ['POST', '/station/outlets/o-nuanxin/handover', { code: r.body.code }],
    ];
    for (const [method, path, payload] of calls) {
      const headers = { 'idempotency-key': key() };
      expectError(await api(path, { method, body: payload, headers }), 401, 'UNAUTHENTICATED');
      // Another circle's worker may publish and list in their own circle, nothing about this one's.
      const ownCircleRoute = path === '/worker/activities';
      for (const token of [v.token, resident, merchant, ...(ownCircleRoute ? [] : [otherWorker])]) {
        const res = await api(path, { method, body: payload, token, headers });
        expect({ path, status: res.status }).toEqual({ path, status: 403 });
      }
    }
    const theirs = await api('/worker/activities', { token: otherWorker });
    expect(theirs.status).toBe(200);
    expect(theirs.body.items.some((x: Activity) => x.id === a.id || x.circleId !== 'c-quanyuan')).toBe(false);
    // The 红枫 worker does not operate 暖心驿站; the 暖心驿站 operator is no community worker.
    expect((await api('/station/outlets/o-nuanxin/handover', { token: worker, body: { code: r.body.code } })).status).toBe(403);
    expect((await api(`/worker/activities/${a.id}/signups`, { token: nuanxinOperator })).status).toBe(403);

    // Every volunteer route needs a signed-in caller.
    const own: Array<[string, string, unknown?]> = [
      ['POST', '/me/volunteer'],
      ['POST', `/activities/${a.id}/signup`],
      ['POST', `/activities/${a.id}/cancel`],
      ['POST', `/activities/${a.id}/check-in`, { code: '123456' }],
      ['POST', `/activities/${a.id}/check-out`, { code: '123456' }],
      ['GET', '/volunteer/hours'],
      ['GET', '/points/passbook'],
      ['POST', '/redemptions', { outletId: 'o-nuanxin', rewardId }],
      ['GET', '/redemptions/mine'],
      ['POST', `/redemptions/${r.body.id}/cancel`],
    ];
    for (const [method, path, payload] of own) {
      expectError(await api(path, { method, body: payload, headers: { 'idempotency-key': key() } }), 401, 'UNAUTHENTICATED');
      expectError(await api(path, { method, body: payload, token: 'not-a-token', headers: { 'idempotency-key': key() } }), 401, 'UNAUTHENTICATED');
    }
    // Another volunteer's sign-up is theirs: checking in on an activity one did not sign up for is refused.
    expectError(await api(`/activities/${a.id}/check-in`, { token: other.token, body: { code: await currentCode(a.id) } }), 409, 'CONFLICT');
    expectError(await api(`/activities/${a.id}/cancel`, { token: other.token, method: 'POST' }), 404, 'NOT_FOUND');

    // Nobody else sees or cancels a volunteer's redemption; everyone sees only their own passbook.
    expectError(await api(`/redemptions/${r.body.id}/cancel`, { token: other.token, method: 'POST' }), 404, 'NOT_FOUND');
    expect((await api('/redemptions/mine', { token: other.token })).body.items).toEqual([]);
    expect((await pointsOf(other.token)).entries).toEqual([]);
    expectError(await api('/points/passbook'), 401, 'UNAUTHENTICATED');
    expect((await api(`/redemptions/${r.body.id}/cancel`, { token: v.token, method: 'POST' })).status).toBe(200);
    // Wrong input writes nothing.
    expectError(await api('/redemptions', { token: v.token, body: { outletId: 'o-nuanxin' }, headers: { 'idempotency-key': key() } }), 400, 'VALIDATION_FAILED');
    expectError(await api('/redemptions', { token: v.token, body: { outletId: 'o-nuanxin', rewardId } }), 400, 'VALIDATION_FAILED');
    expectError(await api('/redemptions', { token: v.token, body: { outletId: 'o-laozheng', rewardId }, headers: { 'idempotency-key': key() } }), 404, 'NOT_FOUND');
    expect((await pointsOf(v.token)).balance).toBe(5);
  });
});

describe('ledger', () => {
  /** Stands for points earned and spent in earlier years (the API only writes entries dated now). */
  async function history(userId: string, entries: Array<[at: string, units: number]>) {
    for (const [at, amount] of entries) {
      await appendToLedger(userId, new Date(at), () => ({ change: { kind: amount > 0 ? 'earn' : 'redeem', amount, cause: { type: 'activity', title: '往年服务' } }, extras: {} }));
    }
  }

  it('expires points at the end of the year after earning, oldest first, as a ledger entry', async () => {
    const v = await newVolunteer();
    // 5 points earned in 2024 (expired at the end of 2025), 2 of them spent; 2 points granted now.
    await history(v.id, [['2024-03-01T02:00:00.000Z', 10], ['2024-06-01T02:00:00.000Z', -4]]);
    await grant(v.id, 2);
    const book = await pointsOf(v.token);
    expect(book.entries.map((e) => [e.kind, e.points, e.balance])).toEqual([['expire', -3, 2], ['adjust', 2, 5], ['redeem', -2, 3], ['earn', 5, 5]]);
    expect(book.balance).toBe(2);
    expect(book.expiring).toEqual([{ expiresAt: expect.any(String), date: `${Number(inShanghai(Date.now()).format('YYYY')) + 1}-12-31`, points: 2 }]);
    // Reading again writes nothing more.
    expect((await pointsOf(v.token)).entries).toHaveLength(4);
    // Expired points cannot be spent.
    const rewardId = await reward(3, 5);
    const res = await redeem(v.token, rewardId);
    expectError(res, 409, 'CONFLICT');
    expect(res.body.error.details.reason).toBe('INSUFFICIENT_POINTS');
  });

  it('a cancelled redemption gives back the very points it took, with their original expiry', async () => {
    const v = await newVolunteer();
    const thisYear = Number(inShanghai(Date.now()).format('YYYY'));
    // 2 points earned last March (they expire at the end of this year), then 4 granted now (end of next year).
    await history(v.id, [[`${thisYear - 1}-03-01T02:00:00.000Z`, 4]]);
    await grant(v.id, 4);
    const r = await redeem(v.token, await reward(3, 5));
    expect(r.status).toBe(201);
    expect((await api(`/redemptions/${r.body.id}/cancel`, { token: v.token, method: 'POST' })).status).toBe(200);
    const book = await pointsOf(v.token);
    expect(book.balance).toBe(6);
    expect(book.expiring.map((g) => [g.date, g.points])).toEqual([
      [`${thisYear}-12-31`, 2],
      [`${thisYear + 1}-12-31`, 4],
    ]);
  });

  it('the daily job writes off what expired on every account', async () => {
    const v = await newVolunteer();
    await history(v.id, [['2024-08-01T02:00:00.000Z', 6]]);
    const result = await expireAll(new Date());
    expect(result.expired).toBeGreaterThanOrEqual(1);
    const book = await pointsOf(v.token);
    expect(book.entries[0]).toMatchObject({ kind: 'expire', points: -3, balance: 0 });
  });

  it('every account’s entries chain and sum to its balance (the check:ledger audit)', async () => {
    const report = await auditLedger();
    expect(report.accounts).toBeGreaterThan(100);
    expect(report.problems).toEqual([]);
  });
});
