import { AppError } from '../core/errors';
import { verifyToken, type VerifiedToken } from './token';
import { getUser } from '../users/store';
import type { Role } from '../../shared/api';

/** Who is calling, as decided by the server from the token and the user's stored roles. */
export interface AuthUser {
  id: string;
  roles: Role[];
  /** The circle a community worker is responsible for. */
  circleId?: string;
}

/** The token of an Authorization header, its signature and expiry checked (whether it was revoked is not). */
export function bearerToken(header: string | undefined): VerifiedToken {
  if (!header) throw new AppError('UNAUTHENTICATED', '请先登录');
  const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
  if (!match) throw new AppError('UNAUTHENTICATED', '登录凭证格式不对，请重新登录');
  return verifyToken(match[1]);
}

export async function authenticate(header: string | undefined): Promise<AuthUser> {
  const { userId, version } = bearerToken(header);
  // Read consistently: a sign-out or a role taken away a moment ago must already count.
  const user = await getUser(userId, { consistent: true });
  if (!user) throw new AppError('UNAUTHENTICATED', '账号不存在，请重新登录');
  // Signing out moves the user's token version on: every token issued before it is refused from then on.
  if ((user.tokenVersion ?? 0) !== version) throw new AppError('UNAUTHENTICATED', '您已退出登录，请重新登录');
  return { id: user.id, roles: user.roles, ...(user.circleId ? { circleId: user.circleId } : {}) };
}

