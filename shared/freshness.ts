/**
 * How current an outlet's information is (StreetComplete's check_date per key): each field keeps its own
 * check date, a one-tap "信息无变化" refreshes them all, and an edit refreshes only the fields it changed.
 */
import type { FreshField } from './revisions';

export const HOURS_CONFIRM_DAYS = 180;
export const OUTLET_STALE_DAYS = 365;

export type CheckedAt = Partial<Record<FreshField, string>>;

export const FRESH_FIELDS: readonly FreshField[] = ['name', 'categories', 'location', 'phone', 'hours', 'prices', 'legalBasis'];

const DAY_MS = 86_400_000;

export interface Freshness {
  /** Hours not confirmed for 180 days: residents see 待确认, the merchant a prompt. */
  hoursUnconfirmed: boolean;
  /** Nothing confirmed for a year: left out of 营业中 and flagged to the worker. */
  stale: boolean;
}

/**
 * Only a known check date can be old: a field without one (an outlet loaded before check dates existed, and
 * then edited in one field) is not flagged, since nothing is known against it.
 */
export function freshness(checkedAt: CheckedAt | undefined, now: Date): Freshness {
  const ages = FRESH_FIELDS.flatMap((f) => (checkedAt?.[f] ? [(now.getTime() - Date.parse(checkedAt[f]!)) / DAY_MS] : []));
  const hours = checkedAt?.hours ? (now.getTime() - Date.parse(checkedAt.hours)) / DAY_MS : 0;
  return { hoursUnconfirmed: hours > HOURS_CONFIRM_DAYS, stale: ages.length > 0 && Math.min(...ages) > OUTLET_STALE_DAYS };
}

/** The check dates after confirming `fields` at `now`, leaving the others as they were. */
export function checked(previous: CheckedAt | undefined, fields: readonly FreshField[], now: Date): CheckedAt {
  const next: CheckedAt = { ...previous };
  for (const f of fields) next[f] = now.toISOString();
  return next;
}
