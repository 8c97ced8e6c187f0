/** Findings of a first outside look (issue "Hard to break"), each pinned over HTTP. */
import { api, expectError, signInAs } from '../support/api';

describe('strict inputs', () => {
  it('refuses a session token with junk inserted into or appended to it', async () => {
    const token = await signInAs('u_demo_resident');
    expect((await api('/me', { token })).status).toBe(200);
    const [body, sig] = token.split('.');
    for (const t of [`${token}!`, `${token}x`, `${body}.${sig.slice(0, 4)}~${sig.slice(4)}`, `${body}.${sig}=`, `${body}=.${sig}`]) {
      for (const route of ['/me', '/bookings/mine', '/points/passbook', '/me/children', '/family/links', '/redemptions/mine']) {
        expectError(await api(route, { token: t }), 401, 'UNAUTHENTICATED');
      }
      // Nor can such a token sign anyone out.
      expectError(await api('/auth/sign-out', { token: t, method: 'POST' }), 401, 'UNAUTHENTICATED');
    }
    expect((await api('/me', { token })).status).toBe(200);
  });

  it('refuses bad input to sign-out before anything is revoked', async () => {
    const res = await api('/auth/wechat', { body: { code: 'hardening-signout-x-gwen' } });
    const token = res.body.token as string;
    const post = (opts: { rawBody?: string; body?: unknown; headers?: Record<string, string> }) => api('/auth/sign-out', { token, method: 'POST', ...opts });
    expectError(await post({ rawBody: '{"all":', headers: { 'content-type': 'application/json' } }), 400, 'INVALID_JSON');
    expectError(await post({ rawBody: 'everywhere=1', headers: { 'content-type': 'text/plain' } }), 415, 'UNSUPPORTED_MEDIA_TYPE');
    expectError(await post({ body: { pad: 'x'.repeat(20_000) } }), 413, 'PAYLOAD_TOO_LARGE');
    expectError(await api('/auth/sign-out', { method: 'POST', headers: { authorization: `Bearer ${token} ${token}` } }), 401, 'UNAUTHENTICATED');
    expect((await api('/me', { token })).status).toBe(200);
    expect((await post({})).status).toBe(200);
    expectError(await api('/me', { token }), 401, 'UNAUTHENTICATED');
  });

  it('limits nearby search to the service area (a pin near the pole would query hundreds of cells)', async () => {
    expectError(await api('/outlets/nearby?lat=88&lng=117&maxMinutes=30'), 400, 'VALIDATION_FAILED');
    expectError(await api('/outlets/nearby?lat=36.66&lng=-70'), 400, 'VALIDATION_FAILED');
    expectError(await api('/activities?lat=-33.9&lng=151.2'), 400, 'VALIDATION_FAILED');
    expect((await api('/outlets/nearby?lat=36.6623&lng=117.0565')).status).toBe(200);
  });

  it('stores only real calendar dates as a verified birth date', async () => {
    const worker = await signInAs('u_demo_worker');
    const someone = (await api('/auth/wechat', { body: { code: 'hardening-birth-x-feb30' } })).body.user.id;
    expectError(await api(`/worker/residents/${someone}/verify`, { token: worker, body: { birthDate: '1961-02-30' } }), 400, 'VALIDATION_FAILED');
  });

  it('does not show who owns an outlet on its public page', async () => {
    const res = await api('/outlets/o-laozheng');
    expect(res.status).toBe(200);
    expect(res.body.ownerId).toBeUndefined();
  });
});
