import { route } from '../http/handler';
import * as z from 'zod/mini';
import { idParam, idempotencyKeyOf, points, text } from '../http/validate';
import { adjustPoints, passbook as passbookOf } from './passbook';

export const passbook = route({ route: 'GET /points/passbook', fn: 'passbook', role: 'PointsRole', auth: 'required' }, async ({ user, now }) => passbookOf(user, now));

export const adjust = route(
  {
    route: 'POST /worker/points/adjust', fn: 'workerAdjustPoints', role: 'PointsRole',
    auth: 'required',
    body: z.strictObject({ userId: idParam, points: points(-1000, 1000).check(z.refine((p) => p !== 0, '调整积分不能为0')), reason: text('调整原因', 100) }),
  },
  async ({ user, body, headers, now }) => adjustPoints(user, body, idempotencyKeyOf(headers), now),
);

