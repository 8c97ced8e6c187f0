import { randomUUID } from 'node:crypto';
import { api, expectError, signInAs } from '../support/api';
import { shanghaiDate } from '../../shared/time';
import type { Booking } from '../../shared/api';

const key = () => randomUUID().replace(/-/g, '');
const inDays = (n: number) => shanghaiDate(Date.now() + n * 24 * 3600_000);
const meal = (date: string, time: '1100' | '1700') => `o-kangle~s01~${date.replace(/-/g, '')}${time}`;

let elder: string, relative: string, stranger: string, worker: string;
beforeAll(async () => {
  // The demo volunteer plays the relative; the demo parent is a stranger here (other test files use her as one too).
  [elder, relative, stranger, worker] = await Promise.all(['u_demo_resident', 'u_demo_volunteer', 'u_demo_parent', 'u_demo_worker'].map(signInAs));
});

it('a relative links with the 亲情码, is confirmed, and orders a meal for the elder at the elder\'s price', async () => {
  const { code } = (await api('/me/family-code', { token: elder })).body;
  expect(code).toMatch(/^[A-HJ-NP-Z2-9]{6}$/);
  expect((await api('/me/family-code', { token: elder })).body.code).toBe(code);

  expectError(await api('/family/links', { token: relative, body: { code: 'ZZZZZZ' } }), 404, 'NOT_FOUND');
  expectError(await api('/family/links', { token: elder, body: { code } }), 409, 'CONFLICT');
  expectError(await api('/family/links', { token: relative, body: { code: 'ab' } }), 400, 'VALIDATION_FAILED');
  const pending = await api('/family/links', { token: relative, body: { code: code.toLowerCase() } });
  expect(pending.status).toBe(201);
  expect(pending.body).toMatchObject({ elderId: 'u_demo_resident', familyId: 'u_demo_volunteer', state: 'pending', elderName: '张阿姨', familyName: '王大哥' });

  // Canteen tests use days 2–6; this one has tomorrow to itself.
  const d = inDays(1);
  const order = (token: string, slotId: string, forUserId?: string) =>
    api('/bookings', { token, body: { slotId, mode: 'pickup', ...(forUserId ? { forUserId } : {}) }, headers: { 'idempotency-key': key() } });
  expectError(await order(relative, meal(d, '1700'), 'u_demo_resident'), 403, 'FORBIDDEN');
  expectError(await api('/family/links/u_demo_resident/u_demo_volunteer/confirm', { token: stranger, body: {} }), 403, 'FORBIDDEN');
  expectError(await api('/family/links/u_demo_resident/u_demo_volunteer/confirm', { token: relative, body: {} }), 403, 'FORBIDDEN');
  // The worker of the elder's circle may confirm for someone without a phone.
  const confirmed = await api('/family/links/u_demo_resident/u_demo_volunteer/confirm', { token: worker, body: {} });
  expect(confirmed.body).toMatchObject({ state: 'confirmed', confirmedBy: 'u_demo_worker' });
  expectError(await api('/family/links/u_demo_resident/u_demo_volunteer/confirm', { token: elder, body: {} }), 409, 'CONFLICT');
  expect((await api('/family/links', { token: elder })).body.asElder.map((l: any) => l.familyId)).toContain('u_demo_volunteer');

  const forElder = await order(relative, meal(d, '1700'), 'u_demo_resident');
  expect(forElder.status).toBe(201);
  expect(forElder.body).toMatchObject({ userId: 'u_demo_resident', userName: '张阿姨', bookedBy: 'u_demo_volunteer', bookedByName: '王大哥' });
  // Priced from the elder's verified age; the day's subsidy is the elder's, shared with their own orders.
  expect(forElder.body).toMatchObject({ payFen: 1050, subsidised: true });
  expect((await order(elder, meal(d, '1100'))).body).toMatchObject({ payFen: 1350, subsidised: false });
  expectError(await order(relative, meal(d, '1700'), 'u_demo_resident'), 409, 'CONFLICT');

  const ids = (token: string) => api('/bookings/mine', { token }).then((r) => r.body.items.map((b: Booking) => b.id));
  expect(await ids(elder)).toContain(forElder.body.id);
  expect(await ids(relative)).toContain(forElder.body.id);
  expectError(await api(`/bookings/${forElder.body.id}`, { token: stranger }), 404, 'NOT_FOUND');
  expect((await api(`/bookings/${forElder.body.id}/actions`, { token: relative, body: { action: 'cancel' } })).body.state).toBe('cancelled');
  // A stranger cannot order for the elder.
  expectError(await order(stranger, meal(inDays(5), '1700'), 'u_demo_resident'), 403, 'FORBIDDEN');
});
