import { route } from '../http/handler';
import { idParam, z } from '../http/validate';
import { verifyResident } from './domain';

export const verify = route(
  {
    route: 'POST /worker/residents/{userId}/verify',
    auth: 'required',
    path: z.object({ userId: idParam }),
    body: z.object({ birthDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD'), hardship: z.boolean().default(false) }).strict(),
  },
  async ({ user, path, body, now }) => verifyResident(user, path.userId, body, now),
);
