/**
 * Every booking endpoint against every role: nobody, a resident who is not involved, the merchant of another
 * outlet, the community worker, and the rightful owner. Roles come from the server, never from the client.
 */
import { randomUUID } from 'node:crypto';
import { api, signInAs } from '../support/api';
import { shanghaiDate } from '../../shared/time';

type Who = 'anonymous' | 'resident' | 'otherMerchant' | 'worker' | 'owner';
const tokens: Partial<Record<Who, string>> = {};
let bookingId = '';
let slotId = '';
let freshResidentId = '';
const date = shanghaiDate(Date.now() + 8 * 24 * 3600_000);

beforeAll(async () => {
  tokens.resident = await signInAs('u_demo_parent');
  tokens.otherMerchant = await signInAs('u_demo_canteen');
  tokens.worker = await signInAs('u_demo_worker');
  tokens.owner = await signInAs('u_demo_merchant');
  // Someone no other test file looks at, to be verified by the worker.
  freshResidentId = (await api('/auth/wechat', { body: { code: 'authz-matrix-1-fresh' } })).body.user.id;
  const booker = await signInAs('u_demo_resident');
  const published = await api('/merchant/outlets/o-laozheng/slots', { token: tokens.owner, body: { serviceId: 's01', modes: ['in_store'], slots: [{ date, start: '20:00', end: '20:30', capacity: 3 }] } });
  slotId = published.body.slotIds[0];
  const booked = await api('/bookings', { token: booker, body: { slotId, mode: 'in_store' }, headers: { 'idempotency-key': randomUUID().replace(/-/g, '') } });
  bookingId = booked.body.id;
});

type Case = [name: string, method: 'GET' | 'POST', path: () => string, body: object | undefined, expected: Partial<Record<Who, number>>];
const cases: Case[] = [
  ['publish slots', 'POST', () => '/merchant/outlets/o-laozheng/slots', { serviceId: 's01', modes: ['in_store'], slots: [{ date, start: '21:00', end: '21:30', capacity: 1 }] }, { anonymous: 401, resident: 403, otherMerchant: 403, worker: 403, owner: 201 }],
  ['change capacity', 'POST', () => `/merchant/slots/${slotId}/capacity`, { capacity: 4 }, { anonymous: 401, resident: 403, otherMerchant: 403, worker: 403, owner: 200 }],
  ['merchant inbox of an outlet', 'GET', () => '/merchant/bookings?outletId=o-laozheng', undefined, { anonymous: 401, resident: 403, otherMerchant: 403, worker: 403, owner: 200 }],
  ['circle bookings', 'GET', () => '/worker/bookings', undefined, { anonymous: 401, resident: 403, otherMerchant: 403, owner: 403, worker: 200 }],
  ['canteen day', 'GET', () => `/merchant/outlets/o-kangle/meals?date=${date}`, undefined, { anonymous: 401, resident: 403, owner: 403, worker: 403, otherMerchant: 200 }],
  ['meal pickup', 'POST', () => '/merchant/outlets/o-kangle/pickup', { date, code: '123456' }, { anonymous: 401, resident: 403, owner: 403, worker: 403, otherMerchant: 404 }],
  ['read a booking', 'GET', () => `/bookings/${bookingId}`, undefined, { anonymous: 401, resident: 404, otherMerchant: 404, worker: 200, owner: 200 }],
  ['accept a booking', 'POST', () => `/bookings/${bookingId}/actions`, { action: 'accept' }, { anonymous: 401, resident: 404, otherMerchant: 404, worker: 403, owner: 200 }],
  ['cancel someone else\'s booking', 'POST', () => `/bookings/${bookingId}/actions`, { action: 'cancel' }, { anonymous: 401, resident: 404, otherMerchant: 404, worker: 403, owner: 403 }],
  ['my bookings', 'GET', () => '/bookings/mine', undefined, { anonymous: 401, resident: 200 }],
  ['book', 'POST', () => '/bookings', { slotId: 'o-laozheng~s01~209901010900', mode: 'in_store' }, { anonymous: 401 }],
  ['quote', 'GET', () => '/bookings/quote?slotId=o-laozheng~s01~209901010900', undefined, { anonymous: 401 }],
  ['children', 'GET', () => '/me/children', undefined, { anonymous: 401, resident: 200 }],
  ['family links', 'GET', () => '/family/links', undefined, { anonymous: 401, resident: 200 }],
  ['add a child', 'POST', () => '/me/children', { name: '小明', birthDate: '2024-01-01' }, { anonymous: 401, resident: 201 }],
  ['family code', 'GET', () => '/me/family-code', undefined, { anonymous: 401, resident: 200 }],
  ['link to an elder', 'POST', () => '/family/links', { code: 'ZZZZZZ' }, { anonymous: 401, resident: 404 }],
  ['confirm someone else\'s family link', 'POST', () => '/family/links/u_demo_resident/u_demo_merchant/confirm', {}, { anonymous: 401, resident: 404, otherMerchant: 404 }],
  ['verify a resident', 'POST', () => `/worker/residents/${freshResidentId}/verify`, { birthDate: '1980-01-01' }, { anonymous: 401, resident: 403, otherMerchant: 403, owner: 403, worker: 200 }],
  // Only refused here: signing one of these users out would end their sessions for every other case (tests/integration/auth.test.ts signs its own users out).
  ['sign out', 'POST', () => '/auth/sign-out', undefined, { anonymous: 401 }],
  ['canteen rules', 'POST', () => '/merchant/outlets/o-kangle/canteen-pricing', { elderAge: 60, elderRatePermille: 900, subsidyFen: 300, subsidisedMealsPerDay: 1 }, { anonymous: 401, resident: 403, owner: 403, worker: 403, otherMerchant: 200 }],
];

describe.each(cases)('%s', (_name, method, path, body, expected) => {
  it.each(Object.entries(expected) as Array<[Who, number]>)('as %s → %d', async (who, status) => {
    const res = await api(path(), { method, body, token: tokens[who] });
    expect({ who, status: res.status }).toEqual({ who, status });
    if (status >= 400) expect(res.body.error.code).toEqual(expect.any(String));
  });
});

it('a client cannot claim a role: extra fields are refused and roles come from the server', async () => {
  const res = await api('/merchant/outlets/o-laozheng/slots', { token: tokens.resident, body: { serviceId: 's01', modes: ['in_store'], role: 'merchant', slots: [{ date, start: '22:00', end: '22:30', capacity: 1 }] } });
  expect(res.status).toBe(400);
  const spoof = await api('/merchant/bookings', { token: tokens.resident, headers: { 'x-role': 'merchant' } });
  expect(spoof.status).toBe(403);
});
