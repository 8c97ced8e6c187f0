/**
 * Small helpers for the volunteer-points pages: how points and hours are written.
 */
import type { Activity, Me } from '@shared/api';
import { dayLabel } from './dates';


/** Points come in steps of 0.5: "2", "1.5". */
export function formatPoints(p: number): string {
  const v = Math.round(p * 2) / 2;
  return Number.isInteger(v) ? String(v) : v.toFixed(1);
}

/** "+2" / "−1.5" for passbook entries. */
export function signedPoints(p: number): string {
  if (p > 0) return `+${formatPoints(p)}`;
  if (p < 0) return `−${formatPoints(-p)}`;
  return '0';
}

/** Half hours as "1.5小时". */
export function hoursText(halfHours: number): string {
  return `${formatPoints(halfHours / 2)}小时`;
}

export function activityTime(a: Pick<Activity, 'date' | 'startTime' | 'endTime'>): string {
  return `${dayLabel(a.date)} ${a.startTime}–${a.endTime}`;
}

/** Check-in opens 15 minutes before the start and closes 15 minutes after the end (as on the server). */
export const CHECKIN_GRACE_MS = 15 * 60_000;

/** Exchange stations this user runs (outlets in the `points_exchange` category). */
export function stationsOf(user: Me | null): Me['outlets'] {
  return (user?.outlets ?? []).filter((o) => (o.categories ?? []).includes('points_exchange'));
}

/** "1234 5678": long codes in groups, easier to read aloud and to copy. */
export function groupDigits(code: string, size: number): string {
  const parts: string[] = [];
  for (let i = 0; i < code.length; i += size) parts.push(code.slice(i, i + size));
  return parts.join(' ');
}
