/** Volunteer-points rules that the pages show and the server enforces. */

/** The check-in code may be used from 15 minutes before an activity's start to 15 minutes after its end. */
export const CHECKIN_GRACE_MS = 15 * 60_000;

/** Points come in steps of 0.5 and are written "2" or "1.5". */
export function formatPoints(points: number): string {
  const v = Math.round(points * 2) / 2;
  return Number.isInteger(v) ? String(v) : v.toFixed(1);
}
