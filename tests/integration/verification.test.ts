import { api, expectError, signInAs } from '../support/api';
import { shanghaiDate } from '../../shared/time';

const date = shanghaiDate(Date.now() + 9 * 24 * 3600_000);

it('a community worker verifies age and hardship; canteen prices follow; a canteen sets its own rules', async () => {
  const [worker, merchant, canteen] = await Promise.all(['u_demo_worker', 'u_demo_merchant', 'u_demo_canteen'].map(signInAs));
  const signIn = await api('/auth/wechat', { body: { code: 'verify-me-1-laoli' } });
  const resident = signIn.body.token as string;
  const residentId = signIn.body.user.id as string;

  const published = await api('/merchant/outlets/o-yinxing-meal/slots', { token: canteen, body: { serviceId: 's01', modes: ['pickup'], menu: ['米饭', '红烧茄子'], slots: [{ date, start: '11:00', end: '13:00', capacity: 30 }] } });
  expect(published.status).toBe(201);
  const slotId = published.body.slotIds[0];
  const quote = () => api(`/bookings/quote?slotId=${slotId}`, { token: resident }).then((r) => r.body);
  // Unverified: the base price, whatever age the person claims.
  expect(await quote()).toMatchObject({ payFen: 1200, ageVerified: false });

  const body = { birthDate: '1950-01-01', hardship: false };
  expectError(await api(`/worker/residents/${residentId}/verify`, { token: resident, body }), 403, 'FORBIDDEN');
  expectError(await api(`/worker/residents/${residentId}/verify`, { token: merchant, body }), 403, 'FORBIDDEN');
  expectError(await api('/worker/residents/u_demo_worker/verify', { token: worker, body }), 403, 'FORBIDDEN');
  expectError(await api('/worker/residents/u_nobody/verify', { token: worker, body }), 404, 'NOT_FOUND');
  expectError(await api(`/worker/residents/${residentId}/verify`, { token: worker, body: { birthDate: '1950/01/01' } }), 400, 'VALIDATION_FAILED');
  expectError(await api(`/worker/residents/${residentId}/verify`, { token: worker, body: { birthDate: '2999-01-01' } }), 400, 'VALIDATION_FAILED');
  const verified = await api(`/worker/residents/${residentId}/verify`, { token: worker, body });
  expect(verified.body).toMatchObject({ birthDate: '1950-01-01', ageVerified: true, hardship: false, homeCircleId: 'c-hongfeng' });
  expect(await quote()).toMatchObject({ payFen: 1200 - 120 - 300, ageVerified: true, subsidised: true });

  const rules = { elderAge: 60, elderRatePermille: 800, subsidyFen: 500, subsidisedMealsPerDay: 1 };
  expectError(await api('/merchant/outlets/o-yinxing-meal/canteen-pricing', { token: merchant, body: rules }), 403, 'FORBIDDEN');
  expectError(await api('/merchant/outlets/o-yinxing-meal/canteen-pricing', { token: resident, body: rules }), 403, 'FORBIDDEN');
  expectError(await api('/merchant/outlets/o-yinxing-meal/canteen-pricing', { token: canteen, body: { ...rules, elderRatePermille: 1200 } }), 400, 'VALIDATION_FAILED');
  expectError(await api('/merchant/outlets/o-laozheng/canteen-pricing', { token: merchant, body: rules }), 409, 'CONFLICT');
  expect((await api('/merchant/outlets/o-yinxing-meal/canteen-pricing', { token: canteen, body: rules })).status).toBe(200);
  expect(await quote()).toMatchObject({ payFen: 960 - 500 });
});

it('residents certified in hardship get the free set meal, one a day; nobody else can book it', async () => {
  const [worker, canteen] = await Promise.all(['u_demo_worker', 'u_demo_canteen'].map(signInAs));
  const signIn = await api('/auth/wechat', { body: { code: 'verify-me-2-laozhou' } });
  const token = signIn.body.token as string;
  const day = shanghaiDate(Date.now() + 10 * 24 * 3600_000);
  const published = await api('/merchant/outlets/o-kangle/slots', { token: canteen, body: { serviceId: 's02', modes: ['pickup'], slots: [{ date: day, start: '11:00', end: '13:00', capacity: 10 }, { date: day, start: '17:00', end: '18:30', capacity: 10 }] } });
  const [lunch, dinner] = published.body.slotIds as string[];
  const order = (slotId: string) => api('/bookings', { token, body: { slotId, mode: 'pickup' }, headers: { 'idempotency-key': `hardship${slotId.slice(-12)}x` } });
  expectError(await order(lunch), 403, 'FORBIDDEN');
  await api(`/worker/residents/${signIn.body.user.id}/verify`, { token: worker, body: { birthDate: '1948-06-01', hardship: true } });
  expect((await api(`/bookings/quote?slotId=${lunch}`, { token })).body.payFen).toBe(0);
  const free = await order(lunch);
  expect(free.status).toBe(201);
  expect(free.body).toMatchObject({ payFen: 0, subsidised: true });
  const second = await order(dinner);
  expectError(second, 409, 'CONFLICT');
  expect(second.body.error.details.reason).toBe('FREE_MEAL_USED');
});
