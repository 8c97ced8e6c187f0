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

/** An outlet without check dates (loaded before they existed) is not flagged: nothing is known against it. */
export function freshness(checkedAt: CheckedAt | undefined, now: Date): Freshness {
  if (!checkedAt) return { hoursUnconfirmed: false, stale: false };
  const age = (iso?: string) => (iso ? (now.getTime() - Date.parse(iso)) / DAY_MS : Infinity);
  const newest = Math.min(...FRESH_FIELDS.map((f) => age(checkedAt[f])));
  return { hoursUnconfirmed: age(checkedAt.hours) > HOURS_CONFIRM_DAYS, stale: newest > OUTLET_STALE_DAYS };
}

/** The check dates after confirming `fields` at `now`, leaving the others as they were. */
export function checked(previous: CheckedAt | undefined, fields: readonly FreshField[], now: Date): CheckedAt {
  const next: CheckedAt = { ...previous };
  for (const f of fields) next[f] = now.toISOString();
  return next;
}
