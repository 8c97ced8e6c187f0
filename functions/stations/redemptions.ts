/** Redeeming points for a reward: one transaction with the ledger; hand-over by one-time code; cancel with refund. */
import { randomInt, randomUUID } from 'node:crypto';
import { AppError, forbidden, notFound } from '../core/errors';
import type { AuthUser } from '../auth/authenticate';
import { idempotent } from '../db/idempotency';
import { GUARD, writeIf } from '../db/transact';
import { countTries, type TryLimit } from '../db/limits';
import { getUser } from '../users/store';
import { REDEMPTION_STATE_NAMES, type Redemption } from '../../shared/api';
import { appendToLedger, insufficientPoints, toLedger } from '../points/account';
import { expiryPolicy, lotsTakenBy, toUnits } from '../points/ledger';
import { listEntries } from '../points/store';
import { operatedStation, stationOutlet } from './rewards';
import { getRedemption, getReward, listRedemptionsOfStation, listRedemptionsOfUser, redemptionCodePut, redemptionIdForCode, redemptionMove, redemptionPut, stockReturn, stockTake } from './store';

/** Spends the reward's price once per idempotency key: the debit, the stock, the redemption and its code together. */
export async function redeem(user: AuthUser, input: { outletId: string; rewardId: string }, idempotencyKey: string, now: Date): Promise<{ redemption: Redemption; replayed: boolean }> {
  const { result, replayed } = await idempotent({ userId: user.id, key: idempotencyKey, operation: 'POST /redemptions', body: input, now }, getRedemption, async (guard) => {
    const outlet = await stationOutlet(input.outletId);
    if (outlet.ownerId === user.id) throw forbidden('不能在自己管理的兑换点兑换');
    const reward = await getReward(input.outletId, input.rewardId);
    if (!reward || !reward.active) throw notFound('兑换品');
    if (reward.stock <= 0) throw new AppError('CONFLICT', '这件兑换品已经兑完了', { reason: 'OUT_OF_STOCK' });
    const profile = await getUser(user.id);
    const price = toUnits(reward.pricePoints);
    let redemption: Redemption | undefined;
    const written = await appendToLedger<'stock' | 'redemption' | 'code' | typeof GUARD>(user.id, now, (account) => {
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
        extras: { stock: stockTake(reward), redemption: redemptionPut(redemption), code: redemptionCodePut(outlet.id, redemption.code, redemption.id), [GUARD]: guard(redemption.id) },
        // Two codes collided, or a new redemption id did: draw again.
        replanOn: ['code', 'redemption'],
      };
    });
    if (written.failed === 'stock') throw new AppError('CONFLICT', '这件兑换品已经兑完或刚调整了价格，请刷新', { reason: 'OUT_OF_STOCK' });
    return redemption!;
  });
  return { redemption: result, replayed };
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
  const written = await appendToLedger(user.id, now, () => ({
    change: { kind: 'refund', amount: toUnits(r.pricePoints), cause: { type: 'redemption', id: r.id, title: `取消兑换：${r.rewardName}` }, ...(lots ? { lots } : {}) },
    extras: { redemption: redemptionMove(r.id, 'issued', 'cancelled', { cancelledAt: now.toISOString() }), stock: stockReturn(r.outletId, r.rewardId) },
  }));
  if (written.failed) {
    // A second cancel at the same moment: the first one's result is the answer; a hand-over is a refusal.
    const current = await getRedemption(id);
    if (current?.state === 'cancelled') return current;
    throw new AppError('CONFLICT', '已经领取，不能取消', { reason: 'HANDED_OVER' });
  }
  return (await getRedemption(id))!;
}

/**
 * Tries at redemption codes, counted before the code is looked up: per person at the counter (across their
 * stations) and per station. A code that names a redemption gives its try back, so only wrong codes add up.
 */
export const REDEMPTION_CODE_LIMITS = {
  caller: { name: 'redemptionCode.caller', max: 20, windowSeconds: 15 * 60 },
  station: { name: 'redemptionCode.station', max: 10, windowSeconds: 15 * 60 },
} satisfies Record<string, TryLimit>;

export async function handOver(user: AuthUser, outletId: string, code: string, now: Date): Promise<Redemption> {
  await operatedStation(user, outletId);
  const tries = await countTries(
    [{ limit: REDEMPTION_CODE_LIMITS.caller, subject: user.id }, { limit: REDEMPTION_CODE_LIMITS.station, subject: outletId }],
    now,
    (wait) => `兑换码输错次数过多，请${wait}后再试`,
  );
  const id = await redemptionIdForCode(outletId, code);
  if (!id) throw notFound('兑换码');
  await tries.giveBack();
  if (!(await writeIf(redemptionMove(id, 'issued', 'handed_over', { handedOverAt: now.toISOString(), handedOverBy: user.id })))) {
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
