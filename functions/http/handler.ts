/**
 * The one Lambda handler wrapper. Every route goes through it: body size and JSON checks, zod validation of
 * path/query/body, authentication from the bearer token, one JSON log line, and the mapping of AppError (or
 * anything unexpected) to {"error":{code,message}}. Feature handlers stay a few lines long.
 */
import { gunzipSync } from 'node:zlib';
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2, Context } from 'aws-lambda';
import { AppError } from '../core/errors';
import { parseWith, type Schema } from './validate';
import { authenticate, type AuthUser } from '../auth/authenticate';

export const MAX_BODY_BYTES = 16 * 1024;

type AuthMode = 'required' | 'optional' | 'none';

/** The IAM roles of serverless.yml: each function gets the narrowest one that covers what it writes. */
export type IamRole = 'PublicReadRole' | 'SignInRole' | 'BookingsRole' | 'PointsRole' | 'OutletsRole';

/** How a function is deployed; `npm run gen:functions` writes serverless.functions.yml from these. */
export interface DeploySpec {
  /** The function's name in serverless.yml (and so its CloudFormation logical id). */
  fn: string;
  role: IamRole;
}

export interface RouteSpec<Q, B, P> extends DeploySpec {
  /** 'METHOD /path': the HTTP API route, declared here and nowhere else by hand. */
  route: string;
  auth: AuthMode;
  query?: Schema<Q>;
  body?: Schema<B>;
  path?: Schema<P>;
}

export interface RequestContext<Q, B, P, U> {
  query: Q;
  body: B;
  path: P;
  user: U;
  /** Request headers, names in lower case. */
  headers: Record<string, string | undefined>;
  requestId: string;
  now: Date;
}

export class HttpResult {
  constructor(
    readonly status: number,
    readonly body: unknown,
    /** With a content-type of its own, `body` is a string sent as it is (a CSV export); otherwise JSON. */
    readonly headers?: Record<string, string>,
    /** `body` is a Buffer of bytes (sent base64-encoded, as API Gateway expects). */
    readonly binary = false,
  ) {}
}
export const created = (body: unknown) => new HttpResult(201, body);

/**
 * A JSON body that is stored gzipped (a cached report): sent as those bytes to a client that accepts gzip
 * (browsers and wx.request decode it), unzipped for one that does not.
 */
export function gzippedJson(gz: Uint8Array, requestHeaders: Record<string, string | undefined>, headers: Record<string, string> = {}): HttpResult {
  const type = { 'content-type': 'application/json; charset=utf-8', ...headers };
  if (/\bgzip\b/.test(requestHeaders['accept-encoding'] ?? '')) {
    return new HttpResult(200, Buffer.from(gz), { ...type, 'content-encoding': 'gzip', vary: 'accept-encoding' }, true);
  }
  return new HttpResult(200, gunzipSync(gz).toString('utf8'), type);
}

const JSON_HEADERS = {
  'content-type': 'application/json; charset=utf-8',
  'cache-control': 'no-store',
};

function respond(status: number, body: unknown): APIGatewayProxyResultV2 {
  return { statusCode: status, headers: JSON_HEADERS, body: JSON.stringify(body) };
}

function readBody(event: APIGatewayProxyEventV2): unknown {
  if (event.body === undefined || event.body === null || event.body === '') return undefined;
  // API Gateway always sends text; serverless-offline hands over a JSON body of false or 0 already parsed.
  const text = typeof event.body === 'string' ? event.body : JSON.stringify(event.body);
  const raw = event.isBase64Encoded ? Buffer.from(text, 'base64').toString('utf8') : text;
  if (Buffer.byteLength(raw, 'utf8') > MAX_BODY_BYTES) {
    throw new AppError('PAYLOAD_TOO_LARGE', `请求内容过大（上限 ${MAX_BODY_BYTES / 1024} KB）`);
  }
  const type = (event.headers?.['content-type'] ?? event.headers?.['Content-Type'] ?? '').toLowerCase();
  if (type && !type.startsWith('application/json')) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', '请求内容必须是 JSON');
  }
  try {
    return JSON.parse(raw);
  } catch {
    throw new AppError('INVALID_JSON', '请求内容不是有效的 JSON');
  }
}

type UserFor<M extends AuthMode> = M extends 'required' ? AuthUser : M extends 'optional' ? AuthUser | undefined : undefined;

export function route<Q = undefined, B = undefined, P = undefined, M extends AuthMode = AuthMode>(
  spec: RouteSpec<Q, B, P> & { auth: M },
  fn: (ctx: RequestContext<Q, B, P, UserFor<M>>) => Promise<unknown>,
) {
  const handler = async (event: APIGatewayProxyEventV2, context?: Context): Promise<APIGatewayProxyResultV2> => {
    const started = Date.now();
    const requestId = context?.awsRequestId ?? event.requestContext?.requestId ?? 'local';
    let status = 500;
    let errorCode: string | undefined;
    try {
      const body = spec.body ? parseWith(spec.body, readBody(event), 'body') : (readBody(event), undefined);
      const query = spec.query ? parseWith(spec.query, event.queryStringParameters ?? {}, 'query') : undefined;
      const path = spec.path ? parseWith(spec.path, event.pathParameters ?? {}, 'path') : undefined;
      const header = event.headers?.authorization ?? event.headers?.Authorization;
      let user: AuthUser | undefined;
      if (spec.auth === 'required' || (spec.auth === 'optional' && header)) {
        user = await authenticate(header);
      }
      const result = await fn({
        query: query as Q,
        body: body as B,
        path: path as P,
        user: user as UserFor<M>,
        headers: Object.fromEntries(Object.entries(event.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v])),
        requestId,
        now: new Date(),
      });
      const out = result instanceof HttpResult ? result : new HttpResult(200, result);
      status = out.status;
      if (out.binary && Buffer.isBuffer(out.body)) {
        return { statusCode: out.status, headers: { 'cache-control': 'no-store', ...out.headers }, body: out.body.toString('base64'), isBase64Encoded: true };
      }
      if (out.headers?.['content-type'] && typeof out.body === 'string') {
        return { statusCode: out.status, headers: { 'cache-control': 'no-store', ...out.headers }, body: out.body };
      }
      return respond(out.status, out.body);
    } catch (err) {
      if (err instanceof AppError) {
        status = err.status;
        errorCode = err.code;
        const body = { error: { code: err.code, message: err.message, ...(err.details ? { details: err.details } : {}) } };
        // An error may come with headers of its own (Retry-After on a 429).
        if (err.headers) return { statusCode: err.status, headers: { ...err.headers, ...JSON_HEADERS }, body: JSON.stringify(body) };
        return respond(err.status, body);
      }
      status = 500;
      errorCode = 'INTERNAL';
      // The stack goes to the log (no request data in it); the client gets a generic message.
      console.error(JSON.stringify({ level: 'error', requestId, route: spec.route, error: String((err as Error)?.stack ?? err) }));
      return respond(500, { error: { code: 'INTERNAL', message: '服务器开小差了，请稍后再试' } });
    } finally {
      console.log(
        JSON.stringify({
          level: 'info',
          msg: 'request',
          requestId,
          route: spec.route,
          status,
          latencyMs: Date.now() - started,
          ...(errorCode ? { errorCode } : {}),
        }),
      );
    }
  };
  return Object.assign(handler, { spec: spec as DeploySpec & { route: string } });
}

/** A scheduled job (EventBridge cron, UTC): deployed like a route, run without HTTP. */
export function scheduled<R>(spec: DeploySpec & { schedule: string; timeout?: number; why: string }, fn: () => Promise<R>) {
  return Object.assign(fn, { spec });
}
