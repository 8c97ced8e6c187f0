/**
 * Writing to a points account. Every change appends one entry and moves the account from the exact state
 * it was read in (seq, balance) in the same transaction as the rest of the change (a redemption, a stock
 * decrement, a confirmed sign-up). When another append got in first the whole change is planned again
 * from a fresh read, so a balance is never spent twice and no entry is lost.
 */
import { randomUUID } from 'node:crypto';
import { AppError } from '../core/errors';
import { transactWrite, TransactionFailed, type Actions } from '../db/transact';
import { accountMove, getAccount, ledgerAppend, listAccounts, listEntries, type LedgerEntryRecord, type PointsAccount } from './store';
import { checkAccount, expiryGroups, expiryPolicy, nextEntry, nextFirstExpiry, openLots, type LedgerEntry } from './ledger';

export interface LedgerChange {
  kind: LedgerEntryRecord['kind'];
  /** Signed units. */
  amount: number;
  cause: LedgerEntryRecord['cause'];
  manual?: boolean;
  by?: string;
  reason?: string;
  /** A refund: the lots its redemption took, returned with their own expiry. */
  lots?: Array<{ expiresAt: string; units: number }>;
}

export interface LedgerPlan<N extends string> {
  change: LedgerChange;
  /** The other writes of the same change, by name (a redemption, a stock decrement, a confirmed sign-up). */
  extras: Actions<N>;
  /** Extras whose failed condition means "read again and plan anew" (a code collision, claims that changed). */
  replanOn?: readonly N[];
}

/** Written, or which of the plan's extras refused (the caller says what that means). */
export type LedgerOutcome<N extends string> = { entry: LedgerEntryRecord; failed?: undefined } | { failed: N; entry?: undefined };

const MAX_PLANS = 60;

export const insufficientPoints = (balanceUnits: number, neededUnits: number) =>
  new AppError('CONFLICT', `积分不足：需要${neededUnits / 2}分，当前${balanceUnits / 2}分`, { reason: 'INSUFFICIENT_POINTS', balance: balanceUnits / 2, needed: neededUnits / 2 });

const entryId = () => `pe_${randomUUID().replace(/-/g, '').slice(0, 20)}`;

async function backoff(attempt: number) {
  await new Promise((r) => setTimeout(r, Math.random() * Math.min(200, 5 * 2 ** Math.min(attempt, 6))));
}

/**
 * Appends one entry and writes the plan's extras in the same transaction. A lost race on the account (another
 * append got in first) re-reads it and plans again; so does a failed extra named in `replanOn`.
 */
export async function appendToLedger<N extends string = never>(userId: string, now: Date, plan: (account: PointsAccount) => Promise<LedgerPlan<N>> | LedgerPlan<N>): Promise<LedgerOutcome<N>> {
  const policy = expiryPolicy();
  for (let attempt = 0; attempt < MAX_PLANS; attempt++) {
    const account = await getAccount(userId);
    const { change, extras, replanOn = [] } = await plan(account);
    // Points past their expiry are written off before any debit, so they can never be spent.
    if (change.amount < 0 && account.firstExpiry && account.firstExpiry <= now.toISOString()) {
      await expireDue(userId, now);
      continue;
    }
    const next = nextEntry(account, change, now, policy);
    if (!next) throw insufficientPoints(account.balance, -change.amount);
    if (change.lots?.length) next.expiresAt = change.lots.map((l) => l.expiresAt).sort()[0];
    const entry: LedgerEntryRecord = {
      id: entryId(),
      userId,
      ...next,
      kind: change.kind,
      amount: change.amount,
      cause: change.cause,
      ...(change.lots?.length ? { lots: change.lots } : {}),
      ...(change.manual ? { manual: true } : {}),
      ...(change.by ? { by: change.by } : {}),
      ...(change.reason ? { reason: change.reason } : {}),
    };
    try {
      await transactWrite<N | 'account' | 'entry'>({ ...extras, ...ledgerAppend(account, entry, nextFirstExpiry(account.firstExpiry, entry.expiresAt)) });
      return { entry };
    } catch (e) {
      if (!(e instanceof TransactionFailed)) throw e;
      const failed = [...(e.failed as ReadonlySet<string>)];
      if (!failed.length) throw e;
      const extra = failed.find((n): n is N => n !== 'account' && n !== 'entry');
      if (!failed.includes('account') && !failed.includes('entry') && extra && !replanOn.includes(extra)) return { failed: extra };
      await backoff(attempt);
    }
  }
  throw new AppError('UPSTREAM_BUSY', '当前操作人数较多，请稍后再试');
}

/**
 * Writes off points past their expiry (oldest first) as one `expire` entry, and moves the account's
 * next-expiry mark on. Cheap when nothing is due: it only reads the account.
 */
export async function expireDue(userId: string, now: Date): Promise<LedgerEntryRecord | undefined> {
  const policy = expiryPolicy();
  for (let attempt = 0; attempt < MAX_PLANS; attempt++) {
    const account = await getAccount(userId);
    if (!account.firstExpiry || account.firstExpiry > now.toISOString()) return undefined;
    const entries = toLedger(await listEntries(userId));
    const lots = openLots(entries, policy);
    const due = lots.filter((l) => l.expiresAt <= now.toISOString()).reduce((s, l) => s + l.remaining, 0);
    const firstLeft = lots.filter((l) => l.expiresAt > now.toISOString()).map((l) => l.expiresAt).sort()[0];
    try {
      if (due === 0) {
        await transactWrite({ account: accountMove(account, { balance: account.balance, seq: account.seq, firstExpiry: firstLeft }) });
        return undefined;
      }
      const next = nextEntry(account, { kind: 'expire', amount: -due }, now, policy)!;
      const entry: LedgerEntryRecord = { id: entryId(), userId, ...next, kind: 'expire', amount: -due, cause: { type: 'expiry', title: '积分到期清零' } };
      await transactWrite(ledgerAppend(account, entry, firstLeft));
      return entry;
    } catch (e) {
      if (!(e instanceof TransactionFailed)) throw e;
      await backoff(attempt);
    }
  }
  throw new AppError('UPSTREAM_BUSY', '当前操作人数较多，请稍后再试');
}

export function toLedger(records: LedgerEntryRecord[]): Array<LedgerEntry & { seq: number }> {
  return records.map((r) => ({ id: r.id, kind: r.kind, amount: r.amount, balance: r.balance, at: r.at, seq: r.seq, ...(r.expiresAt ? { expiresAt: r.expiresAt } : {}), ...(r.lots ? { lots: r.lots } : {}) }));
}

export async function accountWithEntries(userId: string) {
  const [account, entries] = await Promise.all([getAccount(userId), listEntries(userId)]);
  return { account, entries };
}

export function expiringOf(entries: LedgerEntryRecord[]) {
  return expiryGroups(openLots(toLedger(entries), expiryPolicy()));
}

/** Year-end expiry over every account (the scheduled job). */
export async function expireAll(now: Date): Promise<{ accounts: number; expired: number; failed: number }> {
  let expired = 0;
  let failed = 0;
  const accounts = await listAccounts();
  // A few at a time; one account that fails is logged and left for tomorrow (or its next read), not the rest.
  for (let i = 0; i < accounts.length; i += 8) {
    await Promise.all(
      accounts.slice(i, i + 8).map(async (a) => {
        try {
          if (await expireDue(a.userId, now)) expired++;
        } catch (e) {
          failed++;
          console.error(JSON.stringify({ level: 'error', msg: 'points expiry failed', userId: a.userId, error: String((e as Error)?.message ?? e) }));
        }
      }),
    );
  }
  return { accounts: accounts.length, expired, failed };
}

/** The ledger check: every account's entries chain and sum to its balance. */
export async function auditLedger(): Promise<{ accounts: number; entries: number; units: number; problems: string[] }> {
  const accounts = await listAccounts();
  const problems: string[] = [];
  let entries = 0;
  let units = 0;
  for (const listed of accounts) {
    // Account and entries are two reads; a change landing between them is re-read, not reported.
    let found: string[] = [];
    for (let attempt = 0; attempt < 3; attempt++) {
      const { account, entries: list } = await accountWithEntries(listed.userId);
      found = checkAccount(account, toLedger(list));
      if (!found.length || attempt === 2) {
        entries += list.length;
        units += account.balance;
        break;
      }
      await backoff(attempt + 3);
    }
    problems.push(...found.map((p) => `${listed.userId}: ${p}`));
  }
  return { accounts: accounts.length, entries, units, problems };
}
