import { createHmac } from 'node:crypto';
import { issueToken, verifyToken, SESSION_TTL_SECONDS } from './token';
import { devSignInAllowed } from './dev';
import { code2Session, wechatConfig } from './wechat';
import { startFakeWechat, type FakeWechat } from '../../scripts/fake-wechat';
import { freePort } from '../../scripts/stack';

beforeAll(() => {
  process.env.SESSION_SECRET = 'unit-test-secret-unit-test-secret-123';
});

describe('session tokens', () => {
  it('round-trips the user id and the token version it was issued under', () => {
    expect(verifyToken(issueToken('u_1', 0).token)).toEqual({ userId: 'u_1', version: 0 });
    expect(verifyToken(issueToken('u_1', 3).token)).toEqual({ userId: 'u_1', version: 3 });
  });
  it('rejects tampered, malformed and expired tokens', () => {
    const { token } = issueToken('u_1', 0);
    const [body, sig] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ v: 1, sub: 'u_admin', iat: 1, exp: 9e9 })).toString('base64url');
    expect(() => verifyToken(`${forged}.${sig}`)).toThrow(expect.objectContaining({ code: 'UNAUTHENTICATED' }));
    // A different first character (picking 'x' when the signature starts with 'x' would change nothing: 1 run in 64).
    expect(() => verifyToken(`${body}.${sig[0] === 'x' ? 'y' : 'x'}${sig.slice(1)}`)).toThrow(expect.objectContaining({ code: 'UNAUTHENTICATED' }));
    expect(() => verifyToken('abc')).toThrow(expect.objectContaining({ code: 'UNAUTHENTICATED' }));
    const old = issueToken('u_1', 0, Date.now() - (SESSION_TTL_SECONDS + 5) * 1000).token;
    expect(() => verifyToken(old)).toThrow(expect.objectContaining({ code: 'TOKEN_EXPIRED', status: 401 }));
  });
  it('reads a token without a version (issued before sign-out existed) as version 0, and refuses an odd one', () => {
    const sign = (payload: object) => {
      const body = Buffer.from(JSON.stringify(payload)).toString('base64url');
      return `${body}.${createHmac('sha256', process.env.SESSION_SECRET!).update(body).digest('base64url')}`;
    };
    const now = Math.floor(Date.now() / 1000);
    expect(verifyToken(sign({ v: 1, sub: 'u_1', iat: now, exp: now + 60 }))).toEqual({ userId: 'u_1', version: 0 });
    for (const tv of [-1, 1.5, '2', null]) {
      expect(() => verifyToken(sign({ v: 1, sub: 'u_1', tv, iat: now, exp: now + 60 }))).toThrow(expect.objectContaining({ code: 'UNAUTHENTICATED' }));
    }
  });
  it('refuses to work without a real secret', () => {
    const saved = process.env.SESSION_SECRET;
    process.env.SESSION_SECRET = 'short';
    expect(() => issueToken('u_1', 0)).toThrow(/SESSION_SECRET/);
    process.env.SESSION_SECRET = saved;
  });
});

describe('dev sign-in guard', () => {
  it('is on only under serverless-offline in the local stage', () => {
    expect(devSignInAllowed({ STAGE: 'local', IS_OFFLINE: 'true' })).toBe(true);
  });
  it.each([
    [{ STAGE: 'prod', IS_OFFLINE: 'true' }],
    [{ STAGE: 'dev' }],
    [{ STAGE: 'local' }],
    // A real Lambda (AWS_EXECUTION_ENV set) deployed with --stage local still refuses.
    [{ STAGE: 'local', IS_OFFLINE: 'true', AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs20.x' }],
  ])('is off for %o', (env) => {
    expect(devSignInAllowed(env as NodeJS.ProcessEnv)).toBe(false);
  });
});

describe('code2Session client against a fake WeChat server', () => {
  let fake: FakeWechat;
  let config: ReturnType<typeof wechatConfig>;
  beforeAll(async () => {
    fake = await startFakeWechat(await freePort(), 'wx-app', 'wx-secret');
    config = { ...wechatConfig({ WECHAT_APPID: 'wx-app', WECHAT_SECRET: 'wx-secret', WECHAT_API_BASE: fake.url }), timeoutMs: 2000 };
  });
  afterAll(() => fake.close());

  it('returns the openid and never the session_key', async () => {
    const s = await code2Session('good-code-1-alice', config);
    expect(s.openid).toMatch(/^o/);
    expect(JSON.stringify(s)).not.toMatch(/session_key/);
  });
  it('maps 40029, 45011, -1 and reuse to clear errors', async () => {
    await expect(code2Session('bad-code-1', config)).rejects.toMatchObject({ code: 'INVALID_WECHAT_CODE', status: 401 });
    await expect(code2Session('rate-limit-1', config)).rejects.toMatchObject({ code: 'RATE_LIMITED', status: 429 });
    await expect(code2Session('system-busy-1', config)).rejects.toMatchObject({ code: 'UPSTREAM_BUSY', status: 503 });
    await code2Session('once-only-code-bob', config);
    await expect(code2Session('once-only-code-bob', config)).rejects.toMatchObject({ code: 'INVALID_WECHAT_CODE' });
  });
  it('fails clearly on a wrong secret or an unreachable server', async () => {
    await expect(code2Session('good-code-2', { ...config, secret: 'wrong' })).rejects.toMatchObject({ code: 'UPSTREAM_ERROR' });
    await expect(code2Session('good-code-3', { ...config, apiBase: 'http://127.0.0.1:9' })).rejects.toMatchObject({ code: 'UPSTREAM_BUSY' });
    await expect(code2Session('good-code-4', { ...config, appid: '' })).rejects.toMatchObject({ code: 'UPSTREAM_ERROR' });
  });
});

describe('strict token encoding', () => {
  const OLD = process.env.SESSION_SECRET;
  beforeAll(() => {
    process.env.SESSION_SECRET = 'x'.repeat(40);
  });
  afterAll(() => {
    if (OLD === undefined) delete process.env.SESSION_SECRET;
    else process.env.SESSION_SECRET = OLD;
  });
  it('accepts only the exact token it issued: no junk inserted or appended, in the signature or the payload', () => {
    const { issueToken, verifyToken } = jest.requireActual('./token') as typeof import('./token');
    const { token } = issueToken('u_strict', 0);
    expect(verifyToken(token).userId).toBe('u_strict');
    const [body, sig] = token.split('.');
    const tampered = [`${body}.${sig}!`, `${body}.${sig.slice(0, 5)}*${sig.slice(5)}`, `${body}.${sig} `, `${body}=.${sig}`, `${body.slice(0, 3)}!${body.slice(3)}.${sig}`, `${body}.${sig}=`];
    for (const t of tampered) expect(() => verifyToken(t)).toThrow(expect.objectContaining({ status: 401 }));
  });
});
