import { created, route } from '../http/handler';
import * as z from 'zod/mini';
import { idParam } from '../http/validate';
import { demoUsers, devSignIn, me as meOf, signInWithWechat, signOut as signOutOf } from './domain';

// wx.login codes are short opaque strings; anything else is rejected before WeChat is asked.
const wechatBody = z.strictObject({ code: z.string({ error: '缺少微信登录码 code' }).check(z.regex(/^[A-Za-z0-9_-]{8,128}$/, '微信登录码格式不对')) });

export const wechat = route({ route: 'POST /auth/wechat', fn: 'authWechat', role: 'SignInRole', auth: 'none', body: wechatBody }, async ({ body }) =>
  created(await signInWithWechat(body.code)),
);

export const devUsers = route({ route: 'GET /auth/dev/users', fn: 'authDevUsers', role: 'PublicReadRole', auth: 'none' }, async () => demoUsers());

export const dev = route(
  { route: 'POST /auth/dev', fn: 'authDev', role: 'PublicReadRole', auth: 'none', body: z.strictObject({ userId: idParam }) },
  async ({ body }) => created(await devSignIn(body.userId)),
);

// The token is checked here rather than by the wrapper: one already revoked (a second tap) is answered 200 too.
export const signOut = route({ route: 'POST /auth/sign-out', fn: 'authSignOut', role: 'SignInRole', auth: 'none' }, async ({ headers }) => signOutOf(headers.authorization));

export const me = route({ route: 'GET /me', fn: 'me', role: 'PublicReadRole', auth: 'required' }, async ({ user }) => meOf(user));
