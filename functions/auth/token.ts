/**
 * The app's own session token: base64url(payload).base64url(HMAC-SHA256). It carries only the user id, the
 * user's token version and times; roles and the current token version are read from the database on every
 * request, so revoking a role, or signing out (which moves the version on), takes effect at once.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { AppError } from '../core/errors';

export const SESSION_TTL_SECONDS = 7 * 24 * 3600;
const MIN_SECRET_LENGTH = 32;

interface Payload {
  v: 1;
  sub: string;
  /** The user's token version when it was issued (absent in tokens from before sign-out existed: 0). */
  tv?: number;
  iat: number;
  exp: number;
}

/** What a valid token says: whose it is and which of their token versions it was issued under. */
export interface VerifiedToken {
  userId: string;
  version: number;
}

function secret(): string {
  const s = process.env.SESSION_SECRET ?? '';
  // Fail closed: a stage deployed without a real secret must not mint or accept tokens.
  if (s.length < MIN_SECRET_LENGTH) throw new Error('SESSION_SECRET is missing or too short');
  return s;
}

const b64 = (buf: Buffer | string) => Buffer.from(buf).toString('base64url');
const sign = (data: string) => createHmac('sha256', secret()).update(data).digest();

export function issueToken(userId: string, version: number, nowMs = Date.now()): { token: string; expiresAt: string } {
  const iat = Math.floor(nowMs / 1000);
  const payload: Payload = { v: 1, sub: userId, tv: version, iat, exp: iat + SESSION_TTL_SECONDS };
  const body = b64(JSON.stringify(payload));
  return { token: `${body}.${b64(sign(body))}`, expiresAt: new Date(payload.exp * 1000).toISOString() };
}

/** Returns the user id and token version of a valid token; throws 401 otherwise (revocation is checked by authenticate). */
export function verifyToken(token: string, nowMs = Date.now()): VerifiedToken {
  const parts = token.split('.');
  if (parts.length !== 2 || !parts[0] || !parts[1] || token.length > 1024) {
    throw new AppError('UNAUTHENTICATED', '登录凭证无效，请重新登录');
  }
  const [body, sig] = parts;
  // Only the canonical encoding of the right signature is accepted: Buffer.from(…, 'base64url') skips bytes it
  // cannot decode, so comparing decoded bytes would let many strings through. Compare the strings themselves.
  const expected = Buffer.from(b64(sign(body)));
  const given = Buffer.from(sig);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw new AppError('UNAUTHENTICATED', '登录凭证无效，请重新登录');
  }
  let payload: Payload;
  try {
    const decoded = Buffer.from(body, 'base64url');
    if (b64(decoded) !== body) throw new Error('not canonical');
    payload = JSON.parse(decoded.toString('utf8'));
  } catch {
    throw new AppError('UNAUTHENTICATED', '登录凭证无效，请重新登录');
  }
  const version = payload.tv === undefined ? 0 : payload.tv;
  if (payload.v !== 1 || typeof payload.sub !== 'string' || typeof payload.exp !== 'number' || !Number.isSafeInteger(version) || version < 0) {
    throw new AppError('UNAUTHENTICATED', '登录凭证无效，请重新登录');
  }
  if (payload.exp * 1000 <= nowMs) throw new AppError('TOKEN_EXPIRED', '登录已过期，请重新登录');
  return { userId: payload.sub, version };
}
