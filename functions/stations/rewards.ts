/** Exchange stations and their rewards: the public catalogue, and the operator's own list, new rewards and changes. */
import { randomUUID } from 'node:crypto';
import { AppError, notFound } from '../core/errors';
import type { AuthUser } from '../auth/authenticate';
import { requireStationOperator } from '../auth/policies';
import { getOutlet } from '../outlets/store';
import type { Outlet, Reward, Station } from '../../shared/api';
import { listRewards, putReward, updateReward } from './store';

export const POINTS_EXCHANGE = 'points_exchange';

/** A listed outlet of the points-exchange category, or 404. */
export async function stationOutlet(id: string): Promise<Outlet> {
  const outlet = await getOutlet(id);
  if (!outlet || outlet.approval !== 'approved' || !outlet.categories.includes(POINTS_EXCHANGE)) throw notFound('积分兑换点');
  return outlet;
}

/** The station, when the caller runs it. */
export async function operatedStation(user: AuthUser, id: string): Promise<Outlet> {
  const outlet = await stationOutlet(id);
  requireStationOperator(user, outlet);
  return outlet;
}

export async function stationCatalogue(outletId: string): Promise<Station> {
  const outlet = await stationOutlet(outletId);
  const rewards = (await listRewards(outletId)).filter((r) => r.active).sort((a, b) => a.pricePoints - b.pricePoints);
  return { id: outlet.id, name: outlet.name, address: outlet.address, rewards };
}

export async function stationRewardsForOperator(user: AuthUser, outletId: string): Promise<Station> {
  const outlet = await operatedStation(user, outletId);
  return { id: outlet.id, name: outlet.name, address: outlet.address, rewards: await listRewards(outletId) };
}

export async function addReward(user: AuthUser, outletId: string, input: { name: string; description?: string; pricePoints: number; stock: number }): Promise<Reward> {
  await operatedStation(user, outletId);
  const reward: Reward = { id: `r_${randomUUID().replace(/-/g, '').slice(0, 12)}`, outletId, name: input.name, ...(input.description ? { description: input.description } : {}), pricePoints: input.pricePoints, stock: input.stock, active: true };
  await putReward(reward);
  return reward;
}

export async function changeReward(user: AuthUser, outletId: string, rewardId: string, change: { pricePoints?: number; active?: boolean; addStock?: number }): Promise<Reward> {
  await operatedStation(user, outletId);
  if (change.pricePoints === undefined && change.active === undefined && !change.addStock) throw new AppError('VALIDATION_FAILED', '没有要修改的内容');
  const updated = await updateReward(outletId, rewardId, change);
  if (!updated) throw notFound('兑换品');
  return updated;
}
