import { created, route } from '../http/handler';
import { idParam, idempotencyKeyOf, points, text, z } from '../http/validate';
import { cancelRedemption, handOver, myRedemptions, redeem, stationRedemptions } from './redemptions';
import { addReward, changeReward, stationCatalogue, stationRewardsForOperator } from './rewards';

const idPath = z.object({ id: idParam });

export const catalogue = route({ route: 'GET /stations/{id}', fn: 'stationCatalogue', role: 'PublicReadRole', auth: 'none', path: idPath }, async ({ path }) => stationCatalogue(path.id));

export const redeemRoute = route(
  { route: 'POST /redemptions', fn: 'redeem', role: 'PointsRole', auth: 'required', body: z.object({ outletId: idParam, rewardId: idParam }).strict() },
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
    body: z.object({ name: text('兑换品名称', 30), description: text('说明', 100, 0).optional(), pricePoints: points(0.5, 10000), stock: z.number().int().min(0).max(100000) }).strict(),
  },
  async ({ user, path, body }) => created(await addReward(user, path.id, body)),
);

export const editReward = route(
  {
    route: 'POST /station/outlets/{id}/rewards/{rewardId}', fn: 'stationEditReward', role: 'PointsRole',
    auth: 'required',
    path: z.object({ id: idParam, rewardId: idParam }),
    body: z.object({ pricePoints: points(0.5, 10000).optional(), active: z.boolean().optional(), addStock: z.number().int().min(1).max(100000).optional() }).strict(),
  },
  async ({ user, path, body }) => changeReward(user, path.id, path.rewardId, body),
);

export const stationOrders = route({ route: 'GET /station/outlets/{id}/redemptions', fn: 'stationRedemptions', role: 'PublicReadRole', auth: 'required', path: idPath }, async ({ user, path }) =>
  stationRedemptions(user, path.id),
);

export const handover = route(
  { route: 'POST /station/outlets/{id}/handover', fn: 'stationHandover', role: 'PointsRole', auth: 'required', path: idPath, body: z.object({ code: z.string().regex(/^\d{8}$/, '兑换码是8位数字') }).strict() },
  async ({ user, path, body, now }) => handOver(user, path.id, body.code, now),
);
