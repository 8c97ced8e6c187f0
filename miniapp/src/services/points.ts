/**
 * Small helpers for the volunteer-points pages: how signed points, hours and codes are written (the points
 * themselves by shared/points, as on the server).
 */
import type { Activity, Me } from '@shared/api';
import { FINDABLE_STATUSES } from '@shared/outlet-status';
import { formatPoints } from '@shared/points';
import { dayLabel } from './dates';

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

/**
 * Exchange stations this user runs (outlets in the `points_exchange` category on the map): an application for
 * one, still waiting or refused, is no station yet, and the server answers it as none.
 */
export function stationsOf(user: Me | null): Me['outlets'] {
  return (user?.outlets ?? []).filter((o) => (o.categories ?? []).includes('points_exchange') && (!o.status || FINDABLE_STATUSES.includes(o.status)));
}

/** "1234 5678": long codes in groups, easier to read aloud and to copy. */
export function groupDigits(code: string, size: number): string {
  const parts: string[] = [];
  for (let i = 0; i < code.length; i += size) parts.push(code.slice(i, i + size));
  return parts.join(' ');
}
