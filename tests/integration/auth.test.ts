import fs from 'node:fs';
import { createHmac } from 'node:crypto';
import { api, expectError, signInAs } from '../support/api';
import { LOCAL_SESSION_SECRET } from '../../scripts/stack';

const forge = (payload: object) => {
  const body = Buffer.from(JSON.stringify(payload)).toString('base64url');
  return `${body}.${createHmac('sha256', LOCAL_SESSION_SECRET).update(body).digest('base64url')}`;
};

describe('POST /auth/wechat', () => {
  it('exchanges a code for our own token, creates a resident once, never returns session_key', async () => {
    const first = await api('/auth/wechat', { body: { code: 'login-code-1-carol' } });
    expect(first.status).toBe(201);
    expect(first.body.token).toEqual(expect.any(String));
    expect(first.body.user.roles).toEqual(['resident']);
    expect(JSON.stringify(first.body)).not.toMatch(/session_key|openid/);
    const again = await api('/auth/wechat', { body: { code: 'login-code-2-carol' } });
    expect(again.body.user.id).toBe(first.body.user.id);
    const me = await api('/me', { token: again.body.token });
    expect(me.status).toBe(200);
    expect(me.body.id).toBe(first.body.user.id);
  });

  it('creates exactly one account when the first sign-ins race', async () => {
    const results = await Promise.all(Array.from({ length: 8 }, (_, i) => api('/auth/wechat', { body: { code: `race-code-${i}-dave` } })));
    expect(results.every((r) => r.status === 201)).toBe(true);
    expect(new Set(results.map((r) => r.body.user.id)).size).toBe(1);
  });

  it.each([
    ['bad-code-xyz', 401, 'INVALID_WECHAT_CODE'],
    ['rate-limit-xyz', 429, 'RATE_LIMITED'],
    ['system-busy-xyz', 503, 'UPSTREAM_BUSY'],
  ])('maps WeChat errors: %s → %d', async (code, status, errorCode) => {
    expectError(await api('/auth/wechat', { body: { code } }), status, errorCode);
  });

  it('rejects bad bodies before asking WeChat', async () => {
    expectError(await api('/auth/wechat', { body: {} }), 400, 'VALIDATION_FAILED');
    expectError(await api('/auth/wechat', { body: { code: 'a b' } }), 400, 'VALIDATION_FAILED');
    expectError(await api('/auth/wechat', { body: { code: 'abcdefgh12', role: 'worker' } }), 400, 'VALIDATION_FAILED');
    expectError(await api('/auth/wechat', { method: 'POST', rawBody: '{"code":', headers: { 'content-type': 'application/json' } }), 400, 'INVALID_JSON');
    expectError(await api('/auth/wechat', { method: 'POST', rawBody: 'code=abc', headers: { 'content-type': 'text/plain' } }), 415, 'UNSUPPORTED_MEDIA_TYPE');
    expectError(await api('/auth/wechat', { body: { code: 'abcdefgh12', pad: 'x'.repeat(20_000) } }), 413, 'PAYLOAD_TOO_LARGE');
  });
});

describe('GET /me and tokens', () => {
  it('answers the caller from the token, roles from the server', async () => {
    const token = await signInAs('u_demo_worker');
    const me = await api('/me', { token });
    expect(me.body).toMatchObject({ id: 'u_demo_worker', roles: ['resident', 'worker'], circleId: 'c-hongfeng' });
    const merchant = await api('/me', { token: await signInAs('u_demo_merchant') });
    expect(merchant.body.outlets.map((o: any) => o.id).sort()).toEqual(['o-anxin', 'o-laozheng']);
  });
  it('rejects missing, malformed, forged, expired tokens and unknown users', async () => {
    expectError(await api('/me'), 401, 'UNAUTHENTICATED');
    expectError(await api('/me', { headers: { authorization: 'Basic abc' } }), 401, 'UNAUTHENTICATED');
    expectError(await api('/me', { token: 'abc.def' }), 401, 'UNAUTHENTICATED');
    const now = Math.floor(Date.now() / 1000);
    expectError(await api('/me', { token: forge({ v: 1, sub: 'u_demo_worker', iat: now - 100, exp: now - 10 }) }), 401, 'TOKEN_EXPIRED');
    expectError(await api('/me', { token: forge({ v: 1, sub: 'u_nobody', iat: now, exp: now + 60 }) }), 401, 'UNAUTHENTICATED');
    const token = await signInAs('u_demo_resident');
    expectError(await api('/me', { token: token.slice(0, -2) + (token.endsWith('A') ? 'BB' : 'AA') }), 401, 'UNAUTHENTICATED');
  });
  it('dev sign-in lists demo users and refuses anyone else', async () => {
    const users = await api('/auth/dev/users');
    expect(users.body.items.map((u: any) => u.id)).toEqual(expect.arrayContaining(['u_demo_resident', 'u_demo_merchant', 'u_demo_worker', 'u_demo_volunteer']));
    expectError(await api('/auth/dev', { body: { userId: 'u_nobody' } }), 404, 'NOT_FOUND');
    expectError(await api('/auth/dev', { body: { userId: 'u_demo_worker', roles: ['worker'] } }), 400, 'VALIDATION_FAILED');
  });
});

describe('request logs', () => {
  it('write one JSON line per request with id, route, status and latency, and no personal data', async () => {
    const token = await signInAs('u_demo_merchant');
    await api('/me', { token });
    await api('/outlets/o-laozheng');
    await api('/auth/wechat', { body: { code: 'log-check-code-erin' } });
    await new Promise((r) => setTimeout(r, 300));
    const lines = fs.readFileSync(process.env.YKZ_FUNCTION_LOG!, 'utf8').split('\n').filter((l) => l.startsWith('{'));
    const requests = lines.map((l) => JSON.parse(l)).filter((l) => l.msg === 'request');
    expect(requests.length).toBeGreaterThan(5);
    for (const r of requests) expect(r).toEqual(expect.objectContaining({ requestId: expect.any(String), route: expect.any(String), status: expect.any(Number), latencyMs: expect.any(Number) }));
    const all = lines.join('\n');
    expect(all).not.toContain(token);
    expect(all).not.toMatch(/0531-8\d{7}|(?<![0-9a-f])1[3-9]\d{9}(?![0-9a-f])/); // phone numbers (not digits inside request ids)
    expect(all).not.toMatch(/"openid"|session_key/);
  });
});
