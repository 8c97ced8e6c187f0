import fs from 'node:fs';
import { createHmac, randomUUID } from 'node:crypto';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { api, expectError, signInAs } from '../support/api';
import { signedInUserWith, useStackTable } from '../support/db';
import { LOCAL_SESSION_SECRET } from '../../scripts/stack';
import { db, tableName } from '../../functions/db/client';
import { keys } from '../../functions/db/keys';

useStackTable();

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

describe('POST /auth/sign-out', () => {
  // Someone of their own (the fake WeChat gives each name its own openid): signing out ends every session of
  // an account, so no demo user another test file holds a token of is ever signed out here.
  const wechatSignIn = async (name: string) => {
    const res = await api('/auth/wechat', { body: { code: `signout-${randomUUID().slice(0, 8)}-${name}` } });
    expect(res.status).toBe(201);
    return { token: res.body.token as string, id: res.body.user.id as string };
  };
  const reads = ['/me', '/bookings/mine', '/points/passbook', '/me/children', '/family/links', '/redemptions/mine'];
  const writes: Array<[string, object | undefined]> = [
    ['/me/volunteer', undefined],
    ['/me/children', { name: '小明', birthDate: '2024-01-01' }],
    ['/family/links', { code: 'ZZZZZZ' }],
  ];

  it('revokes every token issued before it at once, on GET and POST; a new sign-in works', async () => {
    const name = `amy${randomUUID().slice(0, 6)}`;
    const phone = await wechatSignIn(name);
    const otherPhone = await wechatSignIn(name); // the same person signed in on a second phone
    expect(otherPhone.id).toBe(phone.id);
    for (const t of [phone.token, otherPhone.token]) {
      expect((await api('/me', { token: t })).status).toBe(200);
      expect((await api('/me/volunteer', { token: t, method: 'POST' })).status).toBe(200);
    }

    const out = await api('/auth/sign-out', { token: phone.token, method: 'POST' });
    expect({ status: out.status, body: out.body }).toEqual({ status: 200, body: { signedOut: true } });
    for (const t of [phone.token, otherPhone.token]) {
      for (const route of reads) expectError(await api(route, { token: t }), 401, 'UNAUTHENTICATED');
      for (const [route, body] of writes) expectError(await api(route, { token: t, method: 'POST', body }), 401, 'UNAUTHENTICATED');
    }
    expect((await api('/me', { token: phone.token })).body.error.message).toContain('退出登录');

    const again = await wechatSignIn(name);
    expect(again.id).toBe(phone.id);
    const me = await api('/me', { token: again.token });
    expect({ status: me.status, id: me.body.id }).toEqual({ status: 200, id: phone.id });
    expect((await api('/me/children', { token: again.token, body: { name: '小红', birthDate: '2023-05-01' } })).status).toBe(201);
    expectError(await api('/me', { token: phone.token }), 401, 'UNAUTHENTICATED');
  });

  it('is fine twice: a second tap, two taps at once, and again after signing in anew', async () => {
    const name = `ben${randomUUID().slice(0, 6)}`;
    const first = await wechatSignIn(name);
    const [a, b] = await Promise.all([1, 2].map(() => api('/auth/sign-out', { token: first.token, method: 'POST' })));
    expect([a.status, b.status]).toEqual([200, 200]);
    const repeat = await api('/auth/sign-out', { token: first.token, method: 'POST' });
    expect({ status: repeat.status, body: repeat.body }).toEqual({ status: 200, body: { signedOut: true } });
    expectError(await api('/me', { token: first.token }), 401, 'UNAUTHENTICATED');

    const second = await wechatSignIn(name);
    expect((await api('/me', { token: second.token })).status).toBe(200);
    expect((await api('/auth/sign-out', { token: second.token, method: 'POST' })).status).toBe(200);
    expect((await api('/auth/sign-out', { token: second.token, method: 'POST' })).status).toBe(200);
    expectError(await api('/me', { token: second.token }), 401, 'UNAUTHENTICATED');
    // The earlier token stays revoked too, and a third sign-in works as the first did.
    expectError(await api('/me', { token: first.token }), 401, 'UNAUTHENTICATED');
    expect((await api('/me', { token: (await wechatSignIn(name)).token })).status).toBe(200);
  });

  it('needs a real token: missing, malformed, tampered, forged, expired and unknown users get 401', async () => {
    const now = Math.floor(Date.now() / 1000);
    const { token } = await wechatSignIn('cat');
    const [body, sig] = token.split('.');
    expectError(await api('/auth/sign-out', { method: 'POST' }), 401, 'UNAUTHENTICATED');
    expectError(await api('/auth/sign-out', { method: 'POST', headers: { authorization: 'Basic abc' } }), 401, 'UNAUTHENTICATED');
    for (const t of ['abc.def', `${token}x`, `${body}.${sig.slice(0, 4)}~${sig.slice(4)}`, forge({ v: 1, sub: 'u_nobody', iat: now, exp: now + 60 })]) {
      expectError(await api('/auth/sign-out', { token: t, method: 'POST' }), 401, 'UNAUTHENTICATED');
    }
    expectError(await api('/auth/sign-out', { token: forge({ v: 1, sub: 'u_demo_worker', iat: now - 100, exp: now - 10 }), method: 'POST' }), 401, 'TOKEN_EXPIRED');
    // None of them signed anyone out.
    expect((await api('/me', { token })).status).toBe(200);
    expect((await api('/me', { token: await signInAs('u_demo_worker') })).status).toBe(200);
  });
});

describe('roles are read on every request', () => {
  const setRoles = (id: string, roles: string[]) =>
    db().send(new UpdateCommand({ TableName: tableName(), Key: keys.user(id), UpdateExpression: 'SET #roles = :r', ExpressionAttributeNames: { '#roles': 'roles' }, ExpressionAttributeValues: { ':r': roles } }));

  it('a worker or a merchant losing the role loses access at once, with the same token', async () => {
    const worker = await signedInUserWith(['resident', 'worker'], { circleId: 'c-hongfeng' });
    expect((await api('/worker/bookings', { token: worker.token })).status).toBe(200);
    await setRoles(worker.id, ['resident']);
    expectError(await api('/worker/bookings', { token: worker.token }), 403, 'FORBIDDEN');
    expectError(await api('/worker/activities', { token: worker.token }), 403, 'FORBIDDEN');

    const merchant = await signedInUserWith(['resident', 'merchant']);
    expect((await api('/merchant/bookings', { token: merchant.token })).status).toBe(200);
    await setRoles(merchant.id, ['resident']);
    expectError(await api('/merchant/bookings', { token: merchant.token }), 403, 'FORBIDDEN');
    expect((await api('/me', { token: merchant.token })).body.roles).toEqual(['resident']);
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
