/**
 * Volunteer hours, pure rules: the sign-up state machine, the rotating check-in code, and the rule that one
 * person's confirmed hours never overlap.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { SignupState } from '../../shared/api';
import { HALF_HOUR_MS } from '../points/ledger';
import { CHECKIN_GRACE_MS } from '../../shared/points';

export type SignupAction = 'signUp' | 'cancel' | 'checkIn' | 'checkOut' | 'confirm' | 'adjust' | 'reject' | 'addByHand';

/** Which states each action may start from. `none` is "no sign-up yet". */
const FROM: Record<SignupAction, ReadonlyArray<SignupState | 'none'>> = {
  signUp: ['none', 'cancelled'],
  cancel: ['signed_up'],
  checkIn: ['signed_up'],
  checkOut: ['checked_in'],
  confirm: ['pending'],
  // A volunteer who forgot to check out can still be credited (adjusted) or turned down by the worker.
  adjust: ['pending', 'checked_in'],
  reject: ['pending', 'checked_in'],
  addByHand: ['none', 'signed_up', 'cancelled'],
};

const TO: Record<SignupAction, SignupState> = {
  signUp: 'signed_up',
  cancel: 'cancelled',
  checkIn: 'checked_in',
  checkOut: 'pending',
  confirm: 'confirmed',
  adjust: 'confirmed',
  reject: 'rejected',
  addByHand: 'confirmed',
};

export function signupTransition(from: SignupState | 'none', action: SignupAction): SignupState | undefined {
  return FROM[action].includes(from) ? TO[action] : undefined;
}

export function statesAllowing(action: SignupAction): ReadonlyArray<SignupState | 'none'> {
  return FROM[action];
}

/** The stored states an action may move a sign-up from (the compare-and-swap's expected values). */
export function storedStatesAllowing(action: SignupAction): SignupState[] {
  return FROM[action].filter((x): x is SignupState => x !== 'none');
}

export const CODE_STEP_MS = 60_000;

export function inCheckinWindow(now: Date, start: Date, end: Date): boolean {
  return now.getTime() >= start.getTime() - CHECKIN_GRACE_MS && now.getTime() <= end.getTime() + CHECKIN_GRACE_MS;
}

/** The 6-digit code of one 60-second step, derived from the activity's secret (HOTP-style truncation). */
export function checkinCode(secret: string, at: Date): string {
  const step = Math.floor(at.getTime() / CODE_STEP_MS);
  const mac = createHmac('sha256', secret).update(String(step)).digest();
  const offset = mac[mac.length - 1] & 0x0f;
  const n = mac.readUInt32BE(offset) & 0x7fffffff;
  return String(n % 1_000_000).padStart(6, '0');
}

/** When the code shown at `at` stops being shown (the next step begins). */
export function codeRotatesAt(at: Date): Date {
  return new Date((Math.floor(at.getTime() / CODE_STEP_MS) + 1) * CODE_STEP_MS);
}

/** The current code, or the one just before it (someone typing as it rotates), is accepted. */
export function verifyCheckinCode(secret: string, code: string, now: Date): boolean {
  const given = Buffer.from(code);
  return [now, new Date(now.getTime() - CODE_STEP_MS)].some((t) => {
    const expected = Buffer.from(checkinCode(secret, t));
    return expected.length === given.length && timingSafeEqual(expected, given);
  });
}

export interface Interval {
  from: string;
  to: string;
  activityId: string;
}

/** The stretch of time that confirmed hours claim: from the (clipped) check-in, or the activity start, onwards. */
export function claimedInterval(activity: { id: string; start: Date; end: Date }, halfHours: number, checkIn?: Date): Interval {
  const from = new Date(Math.max(activity.start.getTime(), Math.min(checkIn?.getTime() ?? activity.start.getTime(), activity.end.getTime())));
  const to = new Date(Math.min(from.getTime() + halfHours * HALF_HOUR_MS, activity.end.getTime()));
  // Hours adjusted beyond what is left after a late check-in still lie within the activity: shift back.
  const shiftedFrom = new Date(Math.max(activity.start.getTime(), to.getTime() - halfHours * HALF_HOUR_MS));
  return { from: shiftedFrom.toISOString(), to: to.toISOString(), activityId: activity.id };
}

/** The first claimed interval that overlaps `candidate` (touching ends do not overlap). */
export function findOverlap(claimed: Interval[], candidate: Interval): Interval | undefined {
  return claimed.find((c) => c.activityId !== candidate.activityId && c.from < candidate.to && candidate.from < c.to);
}

/** Whole half hours an activity lasts: the most any one person can be credited for it. */
export function activityHalfHours(start: Date, end: Date): number {
  return Math.floor((end.getTime() - start.getTime()) / HALF_HOUR_MS);
}
