import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { route, created, MAX_BODY_BYTES } from './handler';
import { AppError } from '../core/errors';
import * as z from 'zod/mini';

const event = (over: Partial<APIGatewayProxyEventV2> = {}): APIGatewayProxyEventV2 =>
  ({ headers: { 'content-type': 'application/json' }, requestContext: { requestId: 'r1' }, ...over }) as APIGatewayProxyEventV2;

const call = async (h: ReturnType<typeof route>, e: APIGatewayProxyEventV2) => {
  const res = (await h(e)) as APIGatewayProxyStructuredResultV2;
  return { status: res.statusCode, body: JSON.parse(res.body as string) };
};

describe('handler wrapper', () => {
  let logs: string[];
  beforeEach(() => {
    logs = [];
    jest.spyOn(console, 'log').mockImplementation((l: string) => void logs.push(l));
    jest.spyOn(console, 'error').mockImplementation(() => undefined);
  });
  afterEach(() => jest.restoreAllMocks());

  const echo = route({ route: 'POST /echo', fn: 'test', role: 'PublicReadRole', auth: 'none', body: z.strictObject({ n: z.int() }) }, async ({ body }) => created({ n: body.n }));

  it('validates and answers with the handler result', async () => {
    expect(await call(echo, event({ body: '{"n":2}' }))).toEqual({ status: 201, body: { n: 2 } });
  });

  it('maps bad input to clear JSON errors', async () => {
    expect((await call(echo, event({ body: '{"n":' }))).body.error.code).toBe('INVALID_JSON');
    expect((await call(echo, event({ body: '{"n":"x"}' }))).status).toBe(400);
    expect((await call(echo, event({ body: '{"n":1,"extra":1}' }))).body.error.code).toBe('VALIDATION_FAILED');
    expect((await call(echo, event({ body: JSON.stringify({ n: 1, p: 'x'.repeat(MAX_BODY_BYTES) }) }))).status).toBe(413);
    expect((await call(echo, event({ body: 'n=1', headers: { 'content-type': 'text/plain' } }))).status).toBe(415);
    expect((await call(echo, event({ body: Buffer.from('{"n":3}').toString('base64'), isBase64Encoded: true }))).body).toEqual({ n: 3 });
  });

  it('turns AppError into its status and anything else into a 500 JSON error, never a 200', async () => {
    const conflict = route({ route: 'GET /c', fn: 'test', role: 'PublicReadRole', auth: 'none' }, async () => {
      throw new AppError('CONFLICT', '已被占用');
    });
    expect(await call(conflict, event())).toEqual({ status: 409, body: { error: { code: 'CONFLICT', message: '已被占用' } } });
    const boom = route({ route: 'GET /b', fn: 'test', role: 'PublicReadRole', auth: 'none' }, async () => {
      throw new TypeError('secret internals');
    });
    const res = await call(boom, event());
    expect(res.status).toBe(500);
    expect(res.body.error.code).toBe('INTERNAL');
    expect(JSON.stringify(res.body)).not.toContain('secret internals');
  });

  it('requires a token where auth is required, before touching any data', async () => {
    const me = route({ route: 'GET /me', fn: 'test', role: 'PublicReadRole', auth: 'required' }, async () => ({ ok: true }));
    expect((await call(me, event())).status).toBe(401);
    expect((await call(me, event({ headers: { authorization: 'Token x' } }))).body.error.code).toBe('UNAUTHENTICATED');
  });

  it('logs one JSON line per request with id, route, status and latency', async () => {
    await call(echo, event({ body: '{"n":2}' }));
    expect(logs).toHaveLength(1);
    expect(JSON.parse(logs[0])).toEqual(expect.objectContaining({ requestId: 'r1', route: 'POST /echo', status: 201, latencyMs: expect.any(Number) }));
  });
});

describe('shared parameter schemas', () => {
  it('accepts real calendar dates only', async () => {
    const { dateParam } = await import('./validate');
    expect(dateParam.safeParse('2028-02-29').success).toBe(true);
    expect(dateParam.safeParse('2027-02-29').success).toBe(false);
    expect(dateParam.safeParse('2025-02-31').success).toBe(false);
    expect(dateParam.safeParse('2025-13-01').success).toBe(false);
  });
});
