import { randomUUID } from 'node:crypto';
import { api, expectError, signInAs } from '../support/api';
import { shanghaiDate } from '../../shared/time';
import type { Booking } from '../../shared/api';

const key = () => randomUUID().replace(/-/g, '');
const inDays = (n: number) => shanghaiDate(Date.now() + n * 24 * 3600_000);
const meal = (date: string, time: '1100' | '1700') => `o-kangle~s01~${date.replace(/-/g, '')}${time}`;
const order = (token: string, slotId: string, mode = 'pickup') =>
  api('/bookings', { token, body: { slotId, mode }, headers: { 'idempotency-key': key() } });

let elder: string, younger: string, canteen: string, otherMerchant: string;
beforeAll(async () => {
  [elder, younger, canteen, otherMerchant] = await Promise.all(['u_demo_resident', 'u_demo_parent', 'u_demo_canteen', 'u_demo_merchant'].map(signInAs));
});

describe('elderly canteen', () => {
  it('prices from the verified age: 9折 and the 3 元 subsidy once a day; under-60s pay the base price', async () => {
    const d = inDays(2);
    const lunch = await order(elder, meal(d, '1100'));
    expect(lunch.status).toBe(201);
    expect(lunch.body).toMatchObject({ state: 'accepted', payFen: 1050, subsidised: true, price: '10.5元', pickupCode: expect.stringMatching(/^\d{6}$/) });
    expect(lunch.body.priceLines.map((l: any) => l.amountFen)).toEqual([1500, -150, -300]);
    const dinner = await order(elder, meal(d, '1700'));
    expect(dinner.body).toMatchObject({ payFen: 1350, subsidised: false });
    const other = await order(younger, meal(d, '1100'));
    expect(other.body).toMatchObject({ payFen: 1500, subsidised: false });
  });

  it('publishes each meal with its menu', async () => {
    const res = await api(`/outlets/o-kangle/slots?serviceId=s01&from=${inDays(2)}&days=1`);
    expect(res.body.items.map((s: any) => s.startTime)).toEqual(['11:00', '17:00']);
    expect(res.body.items[0].menu.length).toBeGreaterThan(1);
    expectError(await api('/merchant/outlets/o-kangle/slots', { token: canteen, body: { serviceId: 's01', modes: ['pickup'], menu: ['x'.repeat(30)], slots: [{ date: inDays(9), start: '11:00', end: '13:00', capacity: 5 }] } }), 400, 'VALIDATION_FAILED');
  });

  it('quotes the price before ordering, without writing anything', async () => {
    const d = inDays(6);
    const q = await api(`/bookings/quote?slotId=${meal(d, '1100')}`, { token: elder });
    expect(q.body).toMatchObject({ payFen: 1050, subsidised: true, ageVerified: true });
    expect((await api(`/bookings/quote?slotId=${meal(d, '1100')}`, { token: younger })).body).toMatchObject({ payFen: 1500, ageVerified: false });
    expectError(await api(`/bookings/quote?slotId=${meal(d, '1100')}`), 401, 'UNAUTHENTICATED');
    expectError(await api('/bookings/quote?slotId=o-laozheng~s01~209901010900', { token: elder }), 404, 'NOT_FOUND');
    // Quoting twice changes nothing: the subsidy is still there when ordering.
    expect((await order(elder, meal(d, '1100'))).body.subsidised).toBe(true);
  });

  it('gives exactly one subsidised meal even when two are ordered at the same moment', async () => {
    const d = inDays(3);
    const [a, b] = await Promise.all([order(elder, meal(d, '1100')), order(elder, meal(d, '1700'))]);
    expect([a.status, b.status]).toEqual([201, 201]);
    expect([a.body.subsidised, b.body.subsidised].filter(Boolean)).toHaveLength(1);
    expect(a.body.payFen + b.body.payFen).toBe(1050 + 1350);
  });

  it('returns the subsidy when a subsidised meal is cancelled', async () => {
    const d = inDays(4);
    const lunch = await order(elder, meal(d, '1100'));
    expect(lunch.body.subsidised).toBe(true);
    expect((await api(`/bookings/${lunch.body.id}/actions`, { token: elder, body: { action: 'cancel' } })).body.state).toBe('cancelled');
    const dinner = await order(elder, meal(d, '1700'));
    expect(dinner.body).toMatchObject({ subsidised: true, payFen: 1050 });
  });

  it('lists the day per meal with pickup codes, and a code hands over one meal exactly once', async () => {
    const d = inDays(5);
    const mine = await order(elder, meal(d, '1100'));
    await order(younger, meal(d, '1100'));
    const day = await api(`/merchant/outlets/o-kangle/meals?date=${d}`, { token: canteen });
    expect(day.status).toBe(200);
    expect(day.body.meals.find((m: any) => m.startTime === '11:00')).toMatchObject({ reserved: 2, collected: 0 });
    expect(day.body.items.map((b: Booking) => b.pickupCode)).toContain(mine.body.pickupCode);

    expectError(await api(`/merchant/outlets/o-kangle/meals?date=${d}`, { token: otherMerchant }), 403, 'FORBIDDEN');
    expectError(await api('/merchant/outlets/o-kangle/pickup', { token: otherMerchant, body: { date: d, code: mine.body.pickupCode } }), 403, 'FORBIDDEN');
    expectError(await api('/merchant/outlets/o-kangle/pickup', { token: elder, body: { date: d, code: mine.body.pickupCode } }), 403, 'FORBIDDEN');
    const wrong = mine.body.pickupCode === '000000' ? '000001' : '000000';
    expectError(await api('/merchant/outlets/o-kangle/pickup', { token: canteen, body: { date: d, code: wrong } }), 404, 'NOT_FOUND');
    expectError(await api('/merchant/outlets/o-kangle/pickup', { token: canteen, body: { date: d, code: '12ab' } }), 400, 'VALIDATION_FAILED');

    const [first, second] = await Promise.all([
      api('/merchant/outlets/o-kangle/pickup', { token: canteen, body: { date: d, code: mine.body.pickupCode } }),
      api('/merchant/outlets/o-kangle/pickup', { token: canteen, body: { date: d, code: mine.body.pickupCode } }),
    ]);
    expect([first.status, second.status].sort()).toEqual([200, 409]);
    const collected = first.status === 200 ? first : second;
    expect(collected.body.state).toBe('completed');
    expectError(await api('/merchant/outlets/o-kangle/pickup', { token: canteen, body: { date: d, code: mine.body.pickupCode } }), 409, 'CONFLICT');
    const after = await api(`/merchant/outlets/o-kangle/meals?date=${d}`, { token: canteen });
    expect(after.body.meals.find((m: any) => m.startTime === '11:00')).toMatchObject({ reserved: 2, collected: 1 });
  });
});
