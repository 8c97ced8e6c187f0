import { created, route } from '../http/handler';
import * as z from 'zod/mini';
import { dateParam as date, idParam } from '../http/validate';
import { addChild, myChildren } from './children';
import { verifyResident } from './domain';

export const verify = route(
  {
    route: 'POST /worker/residents/{userId}/verify', fn: 'verifyResident', role: 'BookingsRole',
    auth: 'required',
    path: z.object({ userId: idParam }),
    body: z.strictObject({ birthDate: date, hardship: z._default(z.boolean(), false) }),
  },
  async ({ user, path, body, now }) => verifyResident(user, path.userId, body, now),
);

export const children = route({ route: 'GET /me/children', fn: 'myChildren', role: 'PublicReadRole', auth: 'required' }, async ({ user }) => myChildren(user));

export const child = route(
  {
    route: 'POST /me/children', fn: 'addChild', role: 'BookingsRole',
    auth: 'required',
    body: z.strictObject({ name: z.string().check(z.trim(), z.minLength(1, '请填写孩子的名字'), z.maxLength(20, '名字最多20字')), birthDate: date }),
  },
  async ({ user, body, now }) => created(await addChild(user, body, now)),
);
