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
