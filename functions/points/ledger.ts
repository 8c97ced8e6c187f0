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
  /** For earn entries: when the lot expires. */
  expiresAt?: string;
}

export interface ExpiryPolicy {
  /** Years after the year of earning; 1 = end of next calendar year. */
  yearsAfter: number;
}

export const DEFAULT_EXPIRY: ExpiryPolicy = { yearsAfter: 1 };

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

/** Units earned for half hours at a rate of points per hour (default 1): 1 h at 1 point = 2 units. */
export function unitsForHalfHours(halfHours: number, pointsPerHour = 1): number {
  if (!Number.isInteger(halfHours) || halfHours < 0) throw new RangeError('half hours must be a whole number');
  if (!Number.isInteger(pointsPerHour * 2) || pointsPerHour < 0) throw new RangeError('rate must be a multiple of 0.5');
  return halfHours * pointsPerHour;
}

export function formatPoints(units: number): string {
  return units % UNITS_PER_POINT === 0 ? String(units / UNITS_PER_POINT) : (units / UNITS_PER_POINT).toFixed(1);
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
  for (const e of [...entries].sort((a, b) => a.at.localeCompare(b.at) || a.id.localeCompare(b.id))) {
    if (e.amount > 0) {
      lots.push({ earnedAt: e.at, expiresAt: e.expiresAt ?? expiryFor(e.at, policy), remaining: e.amount });
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
  for (const e of [...entries].sort((a, b) => a.at.localeCompare(b.at) || a.id.localeCompare(b.id))) {
    running += e.amount;
    if (e.balance !== running) problems.push(`entry ${e.id}: balance ${e.balance} but entries sum to ${running}`);
    if (running < 0) problems.push(`entry ${e.id}: balance negative (${running})`);
  }
  return problems;
}
