import { AppError } from '../core/errors';
import { verifyToken } from './token';
import { getUser } from '../users/store';
import type { Role } from '../../shared/api';

/** Who is calling, as decided by the server from the token and the user's stored roles. */
export interface AuthUser {
  id: string;
  roles: Role[];
  /** The circle a community worker is responsible for. */
  circleId?: string;
}

export async function authenticate(header: string | undefined): Promise<AuthUser> {
  if (!header) throw new AppError('UNAUTHENTICATED', '请先登录');
  const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
  if (!match) throw new AppError('UNAUTHENTICATED', '登录凭证格式不对，请重新登录');
  const userId = verifyToken(match[1]);
  const user = await getUser(userId);
  if (!user) throw new AppError('UNAUTHENTICATED', '账号不存在，请重新登录');
  return { id: user.id, roles: user.roles, ...(user.circleId ? { circleId: user.circleId } : {}) };
}

