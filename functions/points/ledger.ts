/**
 * Volunteer points, pure rules. Points are kept in half-point units ("units", 2 units = 1 point) so that
 * half-hour service at 1 point an hour stays exact in integers.
 *
 * The ledger is append-only: every change is an entry with a signed amount and the balance after it.
 * Earned points form lots that expire at the end of the calendar year after they were earned (configurable);
 * spending and expiry consume the oldest lots first.
 */
export const UNITS_PER_POINT = 2;
export const HALF_HOUR_MS = 30 * 60_000;

export type EntryKind = 'earn' | 'redeem' | 'refund' | 'expire' | 'adjust';

export interface LedgerEntry {
  id: string;
  kind: EntryKind;
  /** Signed, in units. */
  amount: number;
  /** Balance after this entry, in units. */
  balance: number;
  at: string;
  /** For credits: when the lot expires. */
  expiresAt?: string;
  /**
   * A refund gives back exactly the lots its redemption used, with their original expiry, so cancelling
   * never makes old points live longer.
   */
  lots?: Array<{ expiresAt: string; units: number }>;
  /** Position in the account's ledger (1, 2, …): the order entries were appended in. */
  seq?: number;
}

/** Ledger order: by sequence number when stored, else by time (clocks of two Lambdas may disagree). */
function ledgerOrder(a: LedgerEntry, b: LedgerEntry): number {
  if (a.seq !== undefined && b.seq !== undefined) return a.seq - b.seq;
  return a.at.localeCompare(b.at) || a.id.localeCompare(b.id);
}

export interface ExpiryPolicy {
  /** Years after the year of earning; 1 = end of next calendar year. */
  yearsAfter: number;
}

export const DEFAULT_EXPIRY: ExpiryPolicy = { yearsAfter: 1 };

/** The deployment's policy: POINTS_EXPIRY_YEARS overrides the default of one year after the year earned. */
export function expiryPolicy(env: Record<string, string | undefined> = process.env): ExpiryPolicy {
  const years = Number(env.POINTS_EXPIRY_YEARS);
  return Number.isInteger(years) && years >= 0 && years <= 10 && env.POINTS_EXPIRY_YEARS !== '' && env.POINTS_EXPIRY_YEARS !== undefined ? { yearsAfter: years } : DEFAULT_EXPIRY;
}

export const toPoints = (units: number) => units / UNITS_PER_POINT;
export const toUnits = (points: number) => Math.round(points * UNITS_PER_POINT);

/** End of the calendar year (China time) `yearsAfter` years after `earnedAt`, as an ISO instant. */
export function expiryFor(earnedAt: string, policy: ExpiryPolicy = DEFAULT_EXPIRY): string {
  const shanghai = new Date(new Date(earnedAt).getTime() + 8 * 3600_000);
  const year = shanghai.getUTCFullYear() + policy.yearsAfter;
  // 31 Dec 24:00 in UTC+8 is 31 Dec 16:00 UTC.
  return new Date(Date.UTC(year, 11, 31, 16, 0, 0)).toISOString();
}

/**
 * Verified service time from check-in and check-out: clipped to the activity window, rounded down to
 * whole half hours, never more than the activity lasts.
 */
export function serviceHalfHours(checkIn: Date, checkOut: Date, activityStart: Date, activityEnd: Date): number {
  const from = Math.max(checkIn.getTime(), activityStart.getTime());
  const to = Math.min(checkOut.getTime(), activityEnd.getTime());
  if (to <= from) return 0;
  return Math.floor((to - from) / HALF_HOUR_MS);
}

/**
 * Units earned for half hours at a rate of whole points per hour (default 1): 1 h at 1 point = 2 units.
 * The rate is whole so that every half hour is worth a whole number of half points.
 */
export function unitsForHalfHours(halfHours: number, pointsPerHour = 1): number {
  if (!Number.isInteger(halfHours) || halfHours < 0) throw new RangeError('half hours must be a whole number');
  if (!Number.isInteger(pointsPerHour) || pointsPerHour < 0) throw new RangeError('the rate must be whole points per hour');
  return halfHours * pointsPerHour;
}


export interface Lot {
  earnedAt: string;
  expiresAt: string;
  remaining: number;
}

/**
 * The earned lots still held, after every debit (redeem, expire, negative adjustment) took from the oldest
 * first and every credit that is not an earning (refund, positive adjustment) was added back as a new lot
 * expiring like an earning on its own date.
 */
export function openLots(entries: LedgerEntry[], policy: ExpiryPolicy = DEFAULT_EXPIRY): Lot[] {
  const lots: Lot[] = [];
  for (const e of [...entries].sort(ledgerOrder)) {
    if (e.amount > 0) {
      if (e.lots) lots.push(...e.lots.map((l) => ({ earnedAt: e.at, expiresAt: l.expiresAt, remaining: l.units })));
      else lots.push({ earnedAt: e.at, expiresAt: e.expiresAt ?? expiryFor(e.at, policy), remaining: e.amount });
      lots.sort((a, b) => a.expiresAt.localeCompare(b.expiresAt) || a.earnedAt.localeCompare(b.earnedAt));
    } else {
      let debt = -e.amount;
      for (const lot of lots) {
        const take = Math.min(lot.remaining, debt);
        lot.remaining -= take;
        debt -= take;
        if (debt === 0) break;
      }
      if (debt > 0) throw new Error(`ledger overdrawn by ${debt} units at entry ${e.id}`);
    }
  }
  return lots.filter((l) => l.remaining > 0);
}

/** How many units have expired by `now` and are not yet written off. */
export function unitsToExpire(entries: LedgerEntry[], now: Date, policy: ExpiryPolicy = DEFAULT_EXPIRY): number {
  return openLots(entries, policy)
    .filter((l) => l.expiresAt <= now.toISOString())
    .reduce((s, l) => s + l.remaining, 0);
}

/** The invariants every account must hold: balances chain, sum matches, never negative. */
export function checkLedger(entries: LedgerEntry[]): string[] {
  const problems: string[] = [];
  let running = 0;
  for (const e of [...entries].sort(ledgerOrder)) {
    running += e.amount;
    if (e.balance !== running) problems.push(`entry ${e.id}: balance ${e.balance} but entries sum to ${running}`);
    if (running < 0) problems.push(`entry ${e.id}: balance negative (${running})`);
  }
  return problems;
}

/** What an account looks like to the ledger rules: its balance and how many entries it has. */
export interface AccountState {
  balance: number;
  seq: number;
  firstExpiry?: string;
}

/**
 * The entry that follows `account`: next sequence number and the balance after it. A debit that would take
 * the balance below zero is refused here, before anything is written (the write's condition on seq then
 * guarantees the balance it was checked against is still the balance).
 */
export function nextEntry(
  account: AccountState,
  change: { kind: EntryKind; amount: number },
  now: Date,
  policy: ExpiryPolicy = DEFAULT_EXPIRY,
): { seq: number; balance: number; at: string; expiresAt?: string } | undefined {
  if (!Number.isInteger(change.amount) || change.amount === 0) throw new RangeError('an entry moves a whole, non-zero number of units');
  const balance = account.balance + change.amount;
  if (balance < 0) return undefined;
  const at = now.toISOString();
  return { seq: account.seq + 1, balance, at, ...(change.amount > 0 ? { expiresAt: expiryFor(at, policy) } : {}) };
}

/** The earliest expiry among lots that may still hold points, after an entry that creates one expiring at `expiresAt`. */
export function nextFirstExpiry(current: string | undefined, expiresAt: string | undefined): string | undefined {
  if (!expiresAt) return current;
  return !current || expiresAt < current ? expiresAt : current;
}

/** Points still held grouped by expiry instant, oldest first. */
export function expiryGroups(lots: Lot[]): Array<{ expiresAt: string; units: number }> {
  const byExpiry = new Map<string, number>();
  for (const l of lots) byExpiry.set(l.expiresAt, (byExpiry.get(l.expiresAt) ?? 0) + l.remaining);
  return [...byExpiry.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([expiresAt, units]) => ({ expiresAt, units }));
}

/** Everything wrong with one account: its entries must chain without gaps and end at its stored balance. */
export function checkAccount(account: AccountState, entries: Array<LedgerEntry & { seq: number }>): string[] {
  const problems = checkLedger(entries);
  const sorted = [...entries].sort((a, b) => a.seq - b.seq);
  sorted.forEach((e, i) => {
    if (e.seq !== i + 1) problems.push(`entry ${e.id}: sequence ${e.seq} where ${i + 1} was expected`);
  });
  const sum = entries.reduce((s, e) => s + e.amount, 0);
  if (sum !== account.balance) problems.push(`balance ${account.balance} but entries sum to ${sum}`);
  if (account.seq !== entries.length) problems.push(`account at seq ${account.seq} but ${entries.length} entries`);
  if (account.balance < 0) problems.push(`balance negative (${account.balance})`);
  return problems;
}

/**
 * Which lots (by expiry) the debit entry with sequence `seq` took, oldest first: replaying the ledger up to
 * it. A refund of that debit returns these lots.
 */
export function lotsTakenBy(entries: Array<LedgerEntry & { seq: number }>, seq: number, policy: ExpiryPolicy = DEFAULT_EXPIRY): Array<{ expiresAt: string; units: number }> {
  const debit = entries.find((e) => e.seq === seq);
  if (!debit || debit.amount >= 0) throw new Error(`entry ${seq} is not a debit`);
  let need = -debit.amount;
  const taken = new Map<string, number>();
  for (const lot of openLots(entries.filter((e) => e.seq < seq), policy)) {
    const take = Math.min(lot.remaining, need);
    if (take > 0) taken.set(lot.expiresAt, (taken.get(lot.expiresAt) ?? 0) + take);
    need -= take;
    if (need === 0) break;
  }
  return [...taken.entries()].map(([expiresAt, units]) => ({ expiresAt, units }));
}
