import { created, route } from '../http/handler';
import { dateParam as date, idParam, z } from '../http/validate';
import { addChild, myChildren } from './children';
import { verifyResident } from './domain';

export const verify = route(
  {
    route: 'POST /worker/residents/{userId}/verify', fn: 'verifyResident', role: 'BookingsRole',
    auth: 'required',
    path: z.object({ userId: idParam }),
    body: z.object({ birthDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD'), hardship: z.boolean().default(false) }).strict(),
  },
  async ({ user, path, body, now }) => verifyResident(user, path.userId, body, now),
);

export const children = route({ route: 'GET /me/children', fn: 'myChildren', role: 'PublicReadRole', auth: 'required' }, async ({ user }) => myChildren(user));

export const child = route(
  {
    route: 'POST /me/children', fn: 'addChild', role: 'BookingsRole',
    auth: 'required',
    body: z.object({ name: z.string().trim().min(1, '请填写孩子的名字').max(20, '名字最多20字'), birthDate: date }).strict(),
  },
  async ({ user, body, now }) => created(await addChild(user, body, now)),
);
