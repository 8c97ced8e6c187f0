import { randomUUID } from 'node:crypto';
import { api, expectError, signInAs } from '../support/api';
import { shanghaiDate } from '../../shared/time';
import type { Booking, Slot } from '../../shared/api';

const key = () => randomUUID().replace(/-/g, '');
const tomorrow = () => shanghaiDate(Date.now() + 24 * 3600_000);
const inDays = (n: number) => shanghaiDate(Date.now() + n * 24 * 3600_000);

let resident: string, parent: string, merchant: string, canteen: string, worker: string;
beforeAll(async () => {
  [resident, parent, merchant, canteen, worker] = await Promise.all(
    ['u_demo_resident', 'u_demo_parent', 'u_demo_merchant', 'u_demo_canteen', 'u_demo_worker'].map(signInAs),
  );
});

async function freshSlot(start: string, capacity: number, date = inDays(3), serviceId = 's01', outletId = 'o-laozheng', modes = ['in_store']): Promise<string> {
  const end = `${String(Number(start.slice(0, 2)) + 1).padStart(2, '0')}:${start.slice(3)}`;
  const res = await api(`/merchant/outlets/${outletId}/slots`, { token: merchant, body: { serviceId, modes, slots: [{ date, start, end, capacity }] } });
  expect(res.status).toBe(201);
  return res.body.slotIds[0];
}

/**
 * Like a real client: a request that timed out (serverless-offline answers a Lambda timeout as 200 with
 * errorType) or failed with 5xx is sent again with the same idempotency key. Under 200 cold concurrent
 * invocations on two cores some do time out, which exercises exactly the retry path.
 */
async function bookWithRetries(token: string, slotId: string, idem: string) {
  for (let attempt = 1; attempt <= 10; attempt++) {
    const res = await bookSlot(token, slotId, idem);
    const failed = res.status >= 500;
    if (!failed) return res;
    await new Promise((r) => setTimeout(r, 300 * attempt));
  }
  throw new Error('booking request still timing out after 10 attempts');
}

const bookSlot = (token: string, slotId: string, idem = key(), extra: object = {}) =>
  api('/bookings', { token, body: { slotId, mode: 'in_store', ...extra }, headers: { 'idempotency-key': idem } });

async function slotOf(id: string): Promise<Slot> {
  const [outletId, serviceId] = id.split('~');
  const res = await api(`/outlets/${outletId}/slots?serviceId=${serviceId}&days=14`);
  return res.body.items.find((s: Slot) => s.id === id);
}

describe('slots', () => {
  it('lists the demo repair stall slots with remaining places', async () => {
    const res = await api(`/outlets/o-laozheng/slots?serviceId=s01&from=${tomorrow()}&days=1`);
    expect(res.status).toBe(200);
    expect(res.body.items.length).toBe(16);
    expect(res.body.items[0]).toMatchObject({ startTime: '09:00', endTime: '09:30', capacity: 3, remaining: expect.any(Number), modes: ['in_store'] });
  });

  it('lets only the owner publish, refuses past times, and never lowers capacity below bookings', async () => {
    expectError(await api('/merchant/outlets/o-kangle/slots', { token: merchant, body: { serviceId: 's01', modes: ['in_store'], slots: [{ date: inDays(2), start: '11:00', end: '12:00', capacity: 5 }] } }), 403, 'FORBIDDEN');
    expectError(await api('/merchant/outlets/o-laozheng/slots', { token: resident, body: { serviceId: 's01', modes: ['in_store'], slots: [{ date: inDays(2), start: '11:00', end: '12:00', capacity: 5 }] } }), 403, 'FORBIDDEN');
    expectError(await api('/merchant/outlets/o-laozheng/slots', { token: merchant, body: { serviceId: 's01', modes: ['in_store'], slots: [{ date: '2020-01-01', start: '11:00', end: '12:00', capacity: 5 }] } }), 400, 'VALIDATION_FAILED');
    expectError(await api('/merchant/outlets/o-laozheng/slots', { token: merchant, body: { serviceId: 's03', modes: ['in_store'], slots: [{ date: inDays(2), start: '11:00', end: '12:00', capacity: 5 }] } }), 409, 'CONFLICT');
    expectError(await api('/merchant/outlets/o-laozheng/slots', { token: merchant, body: { serviceId: 's01', modes: [], slots: [] } }), 400, 'VALIDATION_FAILED');
    const id = await freshSlot('20:00', 2, inDays(4));
    expect((await bookSlot(resident, id)).status).toBe(201);
    expectError(await api(`/merchant/slots/${id}/capacity`, { token: merchant, body: { capacity: 0 } }), 409, 'CONFLICT');
    expect((await api(`/merchant/slots/${id}/capacity`, { token: merchant, body: { capacity: 4 } })).body.remaining).toBe(3);
    expectError(await api(`/merchant/slots/${id}/capacity`, { token: canteen, body: { capacity: 9 } }), 403, 'FORBIDDEN');
  });
});

describe('booking lifecycle over HTTP', () => {
  it('books, replays a retry, refuses a second booking, and the merchant accepts', async () => {
    const slotId = await freshSlot('19:00', 3);
    const idem = key();
    const first = await bookSlot(resident, slotId, idem);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ state: 'requested', stateName: '待确认', outletName: '老郑修鞋配钥匙', serviceName: '钉鞋掌', price: '10元', userName: '张阿姨' });
    const retry = await bookSlot(resident, slotId, idem);
    expect(retry.status).toBe(200);
    expect(retry.body.id).toBe(first.body.id);
    expectError(await bookSlot(resident, slotId, idem, { note: '不同的内容' }), 409, 'CONFLICT');
    const again = await bookSlot(resident, slotId);
    expectError(again, 409, 'CONFLICT');
    expect(again.body.error.details.reason).toBe('ALREADY_BOOKED');
    expect((await slotOf(slotId)).remaining).toBe(2);

    // Nobody else can see or touch it; the resident cannot accept their own booking.
    expectError(await api(`/bookings/${first.body.id}`, { token: parent }), 404, 'NOT_FOUND');
    expectError(await api(`/bookings/${first.body.id}/actions`, { token: canteen, body: { action: 'accept' } }), 404, 'NOT_FOUND');
    expectError(await api(`/bookings/${first.body.id}/actions`, { token: resident, body: { action: 'accept' } }), 403, 'FORBIDDEN');
    expect((await api('/merchant/bookings', { token: canteen })).body.items.map((b: Booking) => b.id)).not.toContain(first.body.id);

    const inbox = await api(`/merchant/bookings?state=requested&date=${inDays(3)}`, { token: merchant });
    expect(inbox.body.items.map((b: Booking) => b.id)).toContain(first.body.id);
    const accepted = await api(`/bookings/${first.body.id}/actions`, { token: merchant, body: { action: 'accept' } });
    expect(accepted.status).toBe(200);
    expect(accepted.body.state).toBe('accepted');
    expectError(await api(`/bookings/${first.body.id}/actions`, { token: merchant, body: { action: 'accept' } }), 409, 'CONFLICT');
    const mine = await api('/bookings/mine', { token: resident });
    expect(mine.body.items.find((b: Booking) => b.id === first.body.id).state).toBe('accepted');
    expect(accepted.body.history.map((h: any) => h.to)).toEqual(['requested', 'accepted']);

    // The worker of the circle sees it read-only.
    expect((await api(`/bookings/${first.body.id}`, { token: worker })).status).toBe(200);
    expect((await api('/worker/bookings', { token: worker })).body.items.map((b: Booking) => b.id)).toContain(first.body.id);
    expectError(await api(`/bookings/${first.body.id}/actions`, { token: worker, body: { action: 'complete' } }), 403, 'FORBIDDEN');
    expectError(await api('/worker/bookings', { token: resident }), 403, 'FORBIDDEN');
    expectError(await api('/merchant/bookings', { token: resident }), 403, 'FORBIDDEN');
  });

  it('gives the place back on reject (with a reason) and on cancel, so it can be booked again', async () => {
    const slotId = await freshSlot('18:00', 1);
    const a = await bookSlot(resident, slotId);
    expectError(await bookSlot(parent, slotId), 409, 'CONFLICT');
    expectError(await api(`/bookings/${a.body.id}/actions`, { token: merchant, body: { action: 'reject' } }), 400, 'VALIDATION_FAILED');
    const rejected = await api(`/bookings/${a.body.id}/actions`, { token: merchant, body: { action: 'reject', reason: '师傅今天不在' } });
    expect(rejected.body).toMatchObject({ state: 'rejected', history: expect.arrayContaining([expect.objectContaining({ reason: '师傅今天不在' })]) });
    expect((await slotOf(slotId)).remaining).toBe(1);
    const b = await bookSlot(parent, slotId);
    expect(b.status).toBe(201);
    const cancelled = await api(`/bookings/${b.body.id}/actions`, { token: parent, body: { action: 'cancel' } });
    expect(cancelled.body.state).toBe('cancelled');
    expect((await slotOf(slotId)).remaining).toBe(1);
    // The resident whose booking was rejected may book again.
    expect((await bookSlot(resident, slotId)).status).toBe(201);
  });

  it('validates the request and the mode', async () => {
    const slotId = await freshSlot('17:00', 2, inDays(5));
    expectError(await api('/bookings', { token: resident, body: { slotId, mode: 'in_store' } }), 400, 'VALIDATION_FAILED');
    expectError(await api('/bookings', { body: { slotId, mode: 'in_store' }, headers: { 'idempotency-key': key() } }), 401, 'UNAUTHENTICATED');
    expectError(await bookSlot(resident, 'nope'), 400, 'VALIDATION_FAILED');
    expectError(await bookSlot(resident, 'o-laozheng~s01~209901010900'), 404, 'NOT_FOUND');
    expectError(await bookSlot(resident, slotId, key(), { mode: 'home_visit' }), 400, 'VALIDATION_FAILED');
    expectError(await bookSlot(merchant, slotId), 409, 'CONFLICT');
    const home = await freshSlot('15:00', 1, inDays(5), 's01', 'o-anxin', ['home_visit']);
    expectError(await bookSlot(resident, home, key(), { mode: 'home_visit' }), 400, 'VALIDATION_FAILED');
    const ok = await bookSlot(resident, home, key(), { mode: 'home_visit', address: '银杏苑3号楼2单元501' });
    expect(ok.status).toBe(201);
    expect(ok.body.address).toBe('银杏苑3号楼2单元501');
  });
});

describe('never oversold, never duplicated', () => {
  jest.setTimeout(180_000);
  it('200 simultaneous requests at capacity 10: exactly 10 bookings, one per person, counter = live bookings', async () => {
    const people: string[] = [];
    for (let i = 0; i < 190; i += 19) {
      const batch = await Promise.all(
        Array.from({ length: 19 }, async (_, j) => (await api('/auth/wechat', { body: { code: `race-booking-${i + j}-p${i + j}` } })).body.token as string),
      );
      people.push(...batch);
    }
    expect(people.every(Boolean)).toBe(true);
    const slotId = await freshSlot('21:00', 10, inDays(6));
    const retryKeys = people.slice(0, 5).map(() => key());
    const requests = [
      ...people.map((t, i) => () => bookWithRetries(t, slotId, i < 5 ? retryKeys[i] : key())),
      ...people.slice(5, 10).map((t) => () => bookWithRetries(t, slotId, key())), // same person twice, new key
      ...people.slice(0, 5).map((t, i) => () => bookWithRetries(t, slotId, retryKeys[i])), // client retries, same key
    ];
    expect(requests.length).toBe(200);
    const results = await Promise.all(requests.map((r) => r()));
    expect(results.every((r) => [200, 201, 409].includes(r.status))).toBe(true);
    const ok = results.filter((r) => r.status === 200 || r.status === 201);
    expect(ok.every((r) => typeof r.body.id === 'string')).toBe(true);
    const ids = new Set(ok.map((r) => r.body.id));
    expect(ids.size).toBe(10);
    const owners = new Map<string, string>();
    for (const r of ok) {
      const prev = owners.get(r.body.id);
      if (prev) expect(r.body.userId).toBe(prev);
      owners.set(r.body.id, r.body.userId);
    }
    expect(new Set(owners.values()).size).toBe(10);
    const full = results.filter((r) => r.status === 409).map((r) => r.body.error.details?.reason);
    expect(full.every((reason) => reason === 'SLOT_FULL' || reason === 'ALREADY_BOOKED')).toBe(true);

    const inbox = await api(`/merchant/bookings?date=${inDays(6)}`, { token: merchant });
    const live = inbox.body.items.filter((b: Booking) => b.slotId === slotId && ['requested', 'accepted'].includes(b.state));
    expect(live.length).toBe(10);
    const slot = await slotOf(slotId);
    expect(slot.booked).toBe(live.length);
    expect(slot.remaining).toBe(0);
  });
});
