import { randomUUID } from 'node:crypto';
import { api, expectError, signInAs } from '../support/api';
import { shanghaiDate } from '../../shared/time';
import type { Booking } from '../../shared/api';

const key = () => randomUUID().replace(/-/g, '');
const inDays = (n: number) => shanghaiDate(Date.now() + n * 24 * 3600_000);
const monthsAgo = (m: number) => shanghaiDate(Date.now() - m * 30.5 * 24 * 3600_000);

async function parentWithChild(tag: string, ageMonths = 20) {
  const token = (await api('/auth/wechat', { body: { code: `childcare-${tag}-${tag}` } })).body.token as string;
  const child = await api('/me/children', { token, body: { name: `宝宝${tag}`, birthDate: monthsAgo(ageMonths) } });
  expect(child.status).toBe(201);
  return { token, childId: child.body.id as string };
}

const book = (p: { token: string; childId: string }, slotId: string, extra: object = {}) =>
  api('/bookings', { token: p.token, body: { slotId, mode: 'in_store', childId: p.childId, ...extra }, headers: { 'idempotency-key': key() } });

jest.setTimeout(120_000);

let owner: string;
beforeAll(async () => {
  owner = await signInAs('u_demo_childcare');
});

async function session(capacity: number, date: string) {
  const res = await api('/merchant/outlets/o-xiaohemiao/slots', { token: owner, body: { serviceId: 's03', modes: ['in_store'], slots: [{ date, start: '18:00', end: '20:00', capacity }] } });
  expect(res.status).toBe(201);
  return res.body.slotIds[0] as string;
}

async function slotState(slotId: string) {
  const res = await api(`/outlets/o-xiaohemiao/slots?serviceId=s03&days=14`);
  return res.body.items.find((s: any) => s.id === slotId);
}

describe('childcare sessions', () => {
  it('keeps child profiles and checks the age band', async () => {
    const p = await parentWithChild('a', 20);
    expect((await api('/me/children', { token: p.token })).body.items.map((c: any) => c.id)).toEqual([p.childId]);
    expectError(await api('/me/children', { token: p.token, body: { name: '', birthDate: '2024-01-01' } }), 400, 'VALIDATION_FAILED');
    expectError(await api('/me/children', { token: p.token, body: { name: '未来', birthDate: '2099-01-01' } }), 400, 'VALIDATION_FAILED');
    const slotId = await session(3, inDays(3));
    expect((await slotState(slotId)).ageBand).toEqual({ minMonths: 12, maxMonths: 36 });
    expectError(await api('/bookings', { token: p.token, body: { slotId, mode: 'in_store' }, headers: { 'idempotency-key': key() } }), 400, 'VALIDATION_FAILED');
    const older = await api('/me/children', { token: p.token, body: { name: '哥哥', birthDate: monthsAgo(60) } });
    const tooOld = await book({ token: p.token, childId: older.body.id }, slotId);
    expectError(tooOld, 409, 'CONFLICT');
    expect(tooOld.body.error.details.reason).toBe('AGE_BAND');
    expectError(await book({ token: p.token, childId: 'c_nobody' }, slotId), 404, 'NOT_FOUND');
    expect((await book(p, slotId)).status).toBe(201);
    expectError(await book(p, slotId), 409, 'CONFLICT');
  });

  it('fills up, queues a waitlist in order, and promotes when a place frees', async () => {
    const slotId = await session(2, inDays(4));
    const [a, b, c, d, e] = await Promise.all(['w1', 'w2', 'w3', 'w4', 'w5'].map((t) => parentWithChild(t)));
    expect((await book(a, slotId)).status).toBe(201);
    expect((await book(b, slotId)).status).toBe(201);
    const full = await book(c, slotId);
    expectError(full, 409, 'CONFLICT');
    expect(full.body.error.details).toMatchObject({ reason: 'SLOT_FULL', canWaitlist: true });

    const cw = await book(c, slotId, { waitlist: true });
    expect(cw.status).toBe(201);
    expect(cw.body).toMatchObject({ state: 'waitlisted', stateName: '候补中', waitPosition: 1 });
    const dw = await book(d, slotId, { waitlist: true });
    expect(dw.body.waitPosition).toBe(2);
    expect(await slotState(slotId)).toMatchObject({ booked: 2, waiting: 2, remaining: 0 });

    // A place frees: the first in line gets it, not a newcomer.
    const aBooking = (await api('/bookings/mine', { token: a.token })).body.items[0] as Booking;
    expect((await api(`/bookings/${aBooking.id}/actions`, { token: a.token, body: { action: 'cancel' } })).body.state).toBe('cancelled');
    const cNow = (await api('/bookings/mine', { token: c.token })).body.items[0] as Booking;
    expect(cNow.state).toBe('requested');
    const dNow = (await api('/bookings/mine', { token: d.token })).body.items[0] as Booking;
    expect(dNow).toMatchObject({ state: 'waitlisted', waitPosition: 1 });
    expectError(await book(e, slotId), 409, 'CONFLICT');
    expect(await slotState(slotId)).toMatchObject({ booked: 2, waiting: 1 });

    // Leaving the waitlist gives back no place; raising the capacity promotes the next in line.
    const ew = await book(e, slotId, { waitlist: true });
    expect(ew.body.waitPosition).toBe(2);
    expect((await api(`/bookings/${ew.body.id}/actions`, { token: e.token, body: { action: 'cancel' } })).body.state).toBe('cancelled');
    expect(await slotState(slotId)).toMatchObject({ booked: 2, waiting: 1 });
    const raised = await api(`/merchant/slots/${slotId}/capacity`, { token: owner, body: { capacity: 3 } });
    expect(raised.body).toMatchObject({ capacity: 3, booked: 3, waiting: 0 });
    expect(((await api('/bookings/mine', { token: d.token })).body.items[0] as Booking).state).toBe('requested');
  });
});
