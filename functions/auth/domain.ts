import { AppError, notFound } from '../core/errors';
import type { DemoUser, Me, SessionResponse } from '../../shared/api';
import { code2Session } from './wechat';
import { devSignInAllowed } from './dev';
import { issueToken } from './token';
import { findOrCreateWechatUser, getUser, listDemoUsers, revokeTokens, type UserRecord } from '../users/store';
import { listOutletsOfOwner } from '../outlets/store';
import { bearerToken, type AuthUser } from './authenticate';

async function toMe(user: UserRecord): Promise<Me> {
  return {
    id: user.id,
    nickname: user.nickname,
    roles: user.roles,
    ...(user.circleId ? { circleId: user.circleId } : {}),
    // Everything the user owns in any status: a merchant's outlets, a worker's points-exchange station, and a
    // resident's own applications (draft, 待审核, 待修改, 未通过) before approval makes them a merchant.
    outlets: await listOutletsOfOwner(user.id),
  };
}

async function session(user: UserRecord): Promise<SessionResponse> {
  return { ...issueToken(user.id, user.tokenVersion ?? 0), user: await toMe(user) };
}

export async function signInWithWechat(code: string): Promise<SessionResponse> {
  const { openid } = await code2Session(code);
  return session(await findOrCreateWechatUser(openid));
}

function assertDevSignIn(): void {
  // Answer as if the route did not exist, so a deployed stage reveals nothing about it.
  if (!devSignInAllowed()) throw new AppError('NOT_FOUND', '接口不存在');
}

export async function demoUsers(): Promise<{ items: DemoUser[] }> {
  assertDevSignIn();
  const users = await listDemoUsers();
  return { items: users.map((u) => ({ id: u.id, nickname: u.nickname, roles: u.roles })) };
}

export async function devSignIn(userId: string): Promise<SessionResponse> {
  assertDevSignIn();
  const user = await getUser(userId, { consistent: true });
  if (!user || !user.demo) throw notFound('演示用户');
  return session(user);
}

export async function me(auth: AuthUser): Promise<Me> {
  const user = await getUser(auth.id);
  if (!user) throw new AppError('UNAUTHENTICATED', '账号不存在，请重新登录');
  return toMe(user);
}

/**
 * 退出登录: every token the user was issued so far stops working at once (on this phone and any other), by
 * moving their token version on. A token from before an earlier sign-out finds it done already (a second
 * tap, a retry), so signing out twice answers the same; a new sign-in is issued under the new version.
 */
export async function signOut(authorization: string | undefined): Promise<{ signedOut: true }> {
  const { userId, version } = bearerToken(authorization);
  const user = await getUser(userId, { consistent: true });
  if (!user) throw new AppError('UNAUTHENTICATED', '账号不存在，请重新登录');
  // When the condition fails, a concurrent sign-out moved the version first: the tokens are revoked either way.
  if ((user.tokenVersion ?? 0) === version) await revokeTokens(userId, version);
  return { signedOut: true };
}
