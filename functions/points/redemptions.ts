/** Exchange stations: rewards with a point price and stock, redemption by one-time code, hand-over, cancel. */
import { randomInt, randomUUID } from 'node:crypto';
import { AppError, forbidden, notFound } from '../http/errors';
import type { AuthUser } from '../auth/authenticate';
import { idempotencyPut, replayedResult, requestHash } from '../db/idempotency';
import { transactWrite, TransactionFailed } from '../db/transact';
import { getOutlet } from '../outlets/store';
import { getUser } from '../users/store';
import { REDEMPTION_STATE_NAMES, type Outlet, type Redemption, type Reward, type Station } from '../../shared/api';
import { appendToLedger, insufficientPoints, LostRace, toLedger } from './account';
import { expiryPolicy, lotsTakenBy, toUnits } from './ledger';
import {
  getRedemption,
  getReward,
  listEntries,
  listRedemptionsOfStation,
  listRedemptionsOfUser,
  listRewards,
  putReward,
  redemptionCodePut,
  redemptionIdForCode,
  redemptionMove,
  redemptionPut,
  stockReturn,
  stockTake,
  updateReward,
} from './store';

export const POINTS_EXCHANGE = 'points_exchange';

async function stationOutlet(id: string): Promise<Outlet> {
  const outlet = await getOutlet(id);
  if (!outlet || outlet.approval !== 'approved' || !outlet.categories.includes(POINTS_EXCHANGE)) throw notFound('积分兑换点');
  return outlet;
}

/** The station's operator: the merchant or community worker who runs it. */
async function operatedStation(user: AuthUser, id: string): Promise<Outlet> {
  const outlet = await stationOutlet(id);
  if (outlet.ownerId !== user.id) throw forbidden('只有兑换点的管理人可以操作');
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

const REDEEM_ACTIONS = { stock: 0, redemption: 1, code: 2, idempotency: 3 } as const;

export async function redeem(user: AuthUser, input: { outletId: string; rewardId: string }, idempotencyKey: string, now: Date): Promise<{ redemption: Redemption; replayed: boolean }> {
  const hash = requestHash('POST /redemptions', input);
  const replay = async () => {
    const id = await replayedResult(user.id, idempotencyKey, hash);
    return id ? getRedemption(id) : undefined;
  };
  const earlier = await replay();
  if (earlier) return { redemption: earlier, replayed: true };
  const outlet = await stationOutlet(input.outletId);
  if (outlet.ownerId === user.id) throw forbidden('不能在自己管理的兑换点兑换');
  const reward = await getReward(input.outletId, input.rewardId);
  if (!reward || !reward.active) throw notFound('兑换品');
  if (reward.stock <= 0) throw new AppError('CONFLICT', '这件兑换品已经兑完了', { reason: 'OUT_OF_STOCK' });
  const profile = await getUser(user.id);
  const price = toUnits(reward.pricePoints);
  let redemption: Redemption | undefined;
  try {
    await appendToLedger(
      user.id,
      now,
      (account) => {
        if (account.balance < price) throw insufficientPoints(account.balance, price);
        redemption = {
          id: `rd_${randomUUID().replace(/-/g, '').slice(0, 20)}`,
          userId: user.id,
          userName: profile?.nickname ?? '志愿者',
          outletId: outlet.id,
          outletName: outlet.name,
          outletAddress: outlet.address,
          rewardId: reward.id,
          rewardName: reward.name,
          pricePoints: reward.pricePoints,
          code: String(randomInt(0, 100_000_000)).padStart(8, '0'),
          state: 'issued',
          stateName: REDEMPTION_STATE_NAMES.issued,
          createdAt: now.toISOString(),
        };
        return {
          change: { kind: 'redeem', amount: -price, cause: { type: 'redemption', id: redemption.id, title: `兑换：${reward.name}` } },
          extras: [stockTake(reward), redemptionPut(redemption), redemptionCodePut(outlet.id, redemption.code, redemption.id), idempotencyPut(user.id, idempotencyKey, hash, redemption.id, now)],
        };
      },
      (i) => {
        if (i === REDEEM_ACTIONS.code) return 'replan'; // two codes collided: draw another
        if (i === REDEEM_ACTIONS.idempotency) throw new LostRace();
        if (i === REDEEM_ACTIONS.stock) throw new AppError('CONFLICT', '这件兑换品已经兑完或刚调整了价格，请刷新', { reason: 'OUT_OF_STOCK' });
        return 'replan';
      },
    );
  } catch (e) {
    if (!(e instanceof LostRace)) throw e;
    const winner = await replay();
    if (!winner) throw new AppError('CONFLICT', '请重试', { reason: 'RETRY' });
    return { redemption: winner, replayed: true };
  }
  return { redemption: redemption!, replayed: false };
}

export async function cancelRedemption(user: AuthUser, id: string, now: Date): Promise<Redemption> {
  const r = await getRedemption(id);
  if (!r || r.userId !== user.id) throw notFound('兑换记录');
  if (r.state === 'cancelled') return r;
  if (r.state !== 'issued') throw new AppError('CONFLICT', '已经领取，不能取消', { reason: 'HANDED_OVER' });
  // The points go back as the very lots the redemption took (entries never change, so one read will do).
  const records = await listEntries(user.id);
  const debit = records.find((e) => e.kind === 'redeem' && e.cause.id === r.id);
  const lots = debit ? lotsTakenBy(toLedger(records), debit.seq, expiryPolicy()) : undefined;
  try {
    await appendToLedger(
      user.id,
      now,
      () => ({
        change: { kind: 'refund', amount: toUnits(r.pricePoints), cause: { type: 'redemption', id: r.id, title: `取消兑换：${r.rewardName}` }, ...(lots ? { lots } : {}) },
        extras: [redemptionMove(r.id, 'issued', 'cancelled', { cancelledAt: now.toISOString() }), stockReturn(r.outletId, r.rewardId)],
      }),
      () => {
        throw new LostRace();
      },
    );
  } catch (e) {
    if (!(e instanceof LostRace)) throw e;
    // A second cancel at the same moment: the first one's result is the answer; a hand-over is a refusal.
    const now_ = await getRedemption(id);
    if (now_?.state === 'cancelled') return now_;
    throw new AppError('CONFLICT', '已经领取，不能取消', { reason: 'HANDED_OVER' });
  }
  return (await getRedemption(id))!;
}

export async function handOver(user: AuthUser, outletId: string, code: string, now: Date): Promise<Redemption> {
  await operatedStation(user, outletId);
  const id = await redemptionIdForCode(outletId, code);
  if (!id) throw notFound('兑换码');
  try {
    await transactWrite([redemptionMove(id, 'issued', 'handed_over', { handedOverAt: now.toISOString(), handedOverBy: user.id })]);
  } catch (e) {
    if (!(e instanceof TransactionFailed)) throw e;
    const r = await getRedemption(id);
    throw new AppError('CONFLICT', r?.state === 'cancelled' ? '这个兑换已被取消' : '这个兑换码已经领取过了', { reason: r?.state === 'cancelled' ? 'CANCELLED' : 'ALREADY_HANDED_OVER' });
  }
  return (await getRedemption(id))!;
}

export async function myRedemptions(user: AuthUser) {
  return { items: await listRedemptionsOfUser(user.id) };
}

export async function stationRedemptions(user: AuthUser, outletId: string) {
  await operatedStation(user, outletId);
  // The code is the volunteer's proof of being there: the station sees who redeemed what, never the code.
  return { items: (await listRedemptionsOfStation(outletId)).map(({ code, ...rest }) => (void code, rest)) };
}
