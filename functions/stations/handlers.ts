import { created, route } from '../http/handler';
import * as z from 'zod/mini';
import { digits, idParam, idempotencyKeyOf, int, points, text } from '../http/validate';
import { cancelRedemption, handOver, myRedemptions, redeem, stationRedemptions } from './redemptions';
import { addReward, changeReward, stationCatalogue, stationRewardsForOperator } from './rewards';

const idPath = z.object({ id: idParam });

export const catalogue = route({ route: 'GET /stations/{id}', fn: 'stationCatalogue', role: 'PublicReadRole', auth: 'none', path: idPath }, async ({ path }) => stationCatalogue(path.id));

export const redeemRoute = route(
  { route: 'POST /redemptions', fn: 'redeem', role: 'PointsRole', auth: 'required', body: z.strictObject({ outletId: idParam, rewardId: idParam }) },
  async ({ user, body, headers, now }) => {
    const { redemption, replayed } = await redeem(user, body, idempotencyKeyOf(headers), now);
    return replayed ? redemption : created(redemption);
  },
);

export const redemptions = route({ route: 'GET /redemptions/mine', fn: 'myRedemptions', role: 'PublicReadRole', auth: 'required' }, async ({ user }) => myRedemptions(user));

export const cancelRedemptionRoute = route({ route: 'POST /redemptions/{id}/cancel', fn: 'cancelRedemption', role: 'PointsRole', auth: 'required', path: idPath }, async ({ user, path, now }) =>
  cancelRedemption(user, path.id, now),
);

export const stationRewards = route({ route: 'GET /station/outlets/{id}/rewards', fn: 'stationRewards', role: 'PublicReadRole', auth: 'required', path: idPath }, async ({ user, path }) =>
  stationRewardsForOperator(user, path.id),
);

export const newReward = route(
  {
    route: 'POST /station/outlets/{id}/rewards', fn: 'stationNewReward', role: 'PointsRole',
    auth: 'required',
    path: idPath,
    body: z.strictObject({ name: text('兑换品名称', 30), description: z.optional(text('说明', 100, 0)), pricePoints: points(0.5, 10000), stock: int(0, 100000) }),
  },
  async ({ user, path, body }) => created(await addReward(user, path.id, body)),
);

export const editReward = route(
  {
    route: 'POST /station/outlets/{id}/rewards/{rewardId}', fn: 'stationEditReward', role: 'PointsRole',
    auth: 'required',
    path: z.object({ id: idParam, rewardId: idParam }),
    body: z.strictObject({ pricePoints: z.optional(points(0.5, 10000)), active: z.optional(z.boolean()), addStock: z.optional(int(1, 100000)) }),
  },
  async ({ user, path, body }) => changeReward(user, path.id, path.rewardId, body),
);

export const stationOrders = route({ route: 'GET /station/outlets/{id}/redemptions', fn: 'stationRedemptions', role: 'PublicReadRole', auth: 'required', path: idPath }, async ({ user, path }) =>
  stationRedemptions(user, path.id),
);

export const handover = route(
  { route: 'POST /station/outlets/{id}/handover', fn: 'stationHandover', role: 'PointsRole', auth: 'required', path: idPath, body: z.strictObject({ code: digits(8, '兑换码是8位数字') }) },
  async ({ user, path, body, now }) => handOver(user, path.id, body.code, now),
);
