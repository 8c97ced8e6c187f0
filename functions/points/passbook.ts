/** The ledger as people see and correct it: a volunteer's passbook, and a worker's adjustment with a reason. */
import { forbidden, notFound } from '../core/errors';
import type { AuthUser } from '../auth/authenticate';
import { memberOfCircle, requireWorker } from '../auth/policies';
import { GUARD } from '../db/transact';
import { idempotent } from '../db/idempotency';
import { getUser } from '../users/store';
import { LEDGER_KIND_NAMES, type Passbook } from '../../shared/api';
import { shanghaiDate } from '../../shared/time';
import { appendToLedger, expireDue, expiringOf } from './account';
import { toPoints, toUnits } from './ledger';
import { getAccount, listEntries } from './store';

/** The volunteer's passbook: every entry newest first, the balance, and what expires when. */
export async function passbook(user: AuthUser, now: Date): Promise<Passbook> {
  await expireDue(user.id, now);
  const [account, entries] = await Promise.all([getAccount(user.id), listEntries(user.id)]);
  return {
    balance: toPoints(account.balance),
    entries: entries
      .sort((a, b) => b.seq - a.seq)
      .map((e) => ({
        id: e.id,
        seq: e.seq,
        kind: e.kind,
        kindName: LEDGER_KIND_NAMES[e.kind],
        points: toPoints(e.amount),
        balance: toPoints(e.balance),
        at: e.at,
        cause: e.cause,
        ...(e.expiresAt ? { expiresAt: e.expiresAt } : {}),
        ...(e.manual ? { manual: true } : {}),
        ...(e.reason ? { reason: e.reason } : {}),
      })),
    // 1 Jan 00:00 China time is shown as the last day the points can be used: 31 Dec.
    expiring: expiringOf(entries).map((g) => ({ expiresAt: g.expiresAt, date: shanghaiDate(new Date(g.expiresAt).getTime() - 1), points: toPoints(g.units) })),
  };
}

/** A worker's correction with a reason, for a resident of their circle (never themselves); once per idempotency key. */
export async function adjustPoints(worker: AuthUser, input: { userId: string; points: number; reason: string }, idempotencyKey: string, now: Date) {
  const circleId = requireWorker(worker, '只有社区工作者可以调整积分');
  if (input.userId === worker.id) throw forbidden('不能调整自己的积分');
  const target = await getUser(input.userId);
  if (!target) throw notFound('居民');
  if (!(await memberOfCircle(target, circleId))) throw forbidden('只能调整本社区居民或本社区志愿者的积分');
  const balance = async () => toPoints((await getAccount(target.id)).balance);
  const { result, replayed } = await idempotent({ userId: worker.id, key: idempotencyKey, operation: 'POST /worker/points/adjust', body: input, now }, balance, async (guard) => {
    await appendToLedger(target.id, now, () => ({
      change: { kind: 'adjust', amount: toUnits(input.points), cause: { type: 'adjustment', title: '社区人工调整' }, by: worker.id, reason: input.reason },
      extras: { [GUARD]: guard(target.id) },
    }));
    return balance();
  });
  return { replayed, balance: result };
}
