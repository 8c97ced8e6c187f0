/** A volunteer's side of an activity: sign up, cancel, check in and out with the rotating code, see their hours. */
import { AppError, notFound } from '../core/errors';
import type { AuthUser } from '../auth/authenticate';
import { requireRole } from '../auth/policies';
import { writeIf } from '../db/transact';
import { countTries, type TryLimit } from '../db/limits';
import { getUser } from '../users/store';
import { CHECKIN_GRACE_MS } from '../../shared/points';
import { SIGNUP_STATE_NAMES, type SignupState, type VolunteerHours } from '../../shared/api';
import { serviceHalfHours, toPoints, unitsForHalfHours } from '../points/ledger';
import { checkinCode, codeRotatesAt, inCheckinWindow, signupTransition, statesAllowing, storedStatesAllowing, verifyCheckinCode, type SignupAction } from './hours';
import { activityOfWorker, activityOrThrow, newSignup, toHours } from './activities';
import { getSignup, givePlaceBack, listSignupsOfUser, signupMove, takePlace, type ActivityRecord, type SignupRecord } from './store';

export async function signUp(user: AuthUser, activityId: string, now: Date): Promise<{ hours: VolunteerHours; created: boolean }> {
  requireRole(user, 'volunteer', '请先登记成为志愿者');
  const a = await activityOrThrow(activityId);
  if (a.state !== 'published') throw new AppError('CONFLICT', '活动已取消', { reason: 'ACTIVITY_CANCELLED' });
  if (a.end <= now.toISOString()) throw new AppError('CONFLICT', '活动已经结束', { reason: 'ACTIVITY_OVER' });
  const existing = await getSignup(activityId, user.id);
  // Signing up twice (a retry, a double tap) is the same sign-up, not a second place.
  if (existing && existing.state !== 'cancelled') return { hours: toHours(existing), created: false };
  const profile = await getUser(user.id);
  const s: SignupRecord = newSignup(a, { id: user.id, name: profile?.nickname ?? '志愿者' }, 'signed_up', now);
  const taken = await takePlace(a, s, statesAllowing('signUp'), now);
  if (taken.outcome === 'signedUp') return { hours: toHours(s), created: true };
  if (taken.outcome === 'alreadySignedUp') return { hours: toHours(taken.signup), created: false };
  if (taken.outcome === 'full') throw new AppError('CONFLICT', '名额已满', { reason: 'ACTIVITY_FULL' });
  throw new AppError('CONFLICT', '报名状态刚刚变化，请再试一次', { reason: 'STATE_CHANGED' });
}

export async function cancelSignup(user: AuthUser, activityId: string, now: Date): Promise<VolunteerHours> {
  const a = await activityOrThrow(activityId);
  const s = await getSignup(activityId, user.id);
  if (!s) throw notFound('报名');
  if (s.state === 'cancelled') return toHours(s);
  if (a.start <= now.toISOString()) throw new AppError('CONFLICT', '活动已经开始，不能取消报名', { reason: 'ACTIVITY_STARTED' });
  if ((await givePlaceBack(activityId, user.id, now.toISOString())) === 'notCancellable') throw new AppError('CONFLICT', '已签到，不能取消报名', { reason: 'NOT_CANCELLABLE' });
  return toHours((await getSignup(activityId, user.id))!);
}

/**
 * Tries at check-in codes, counted before the code is checked: per volunteer (across activities, and across
 * cancelling and signing up again) and per activity. A right code gives its try back.
 */
export const CHECKIN_CODE_LIMITS = {
  caller: { name: 'checkinCode.caller', max: 10, windowSeconds: 15 * 60 },
  activity: { name: 'checkinCode.activity', max: 100, windowSeconds: 15 * 60 },
} satisfies Record<string, TryLimit>;

/** Checks the code typed by a volunteer; wrong codes are counted so 6 digits cannot be guessed. */
async function acceptCode(a: ActivityRecord, s: SignupRecord, code: string, now: Date) {
  if (!inCheckinWindow(now, new Date(a.start), new Date(a.end))) throw new AppError('CONFLICT', '不在活动签到时间内', { reason: 'OUTSIDE_WINDOW' });
  // The try is counted before the code is checked, so guesses sent all at once are counted too.
  const tries = await countTries(
    [{ limit: CHECKIN_CODE_LIMITS.caller, subject: s.userId }, { limit: CHECKIN_CODE_LIMITS.activity, subject: a.id }],
    now,
    (wait) => `签到码错误次数过多，请${wait}后再试，或找现场社工签到`,
  );
  if (!verifyCheckinCode(a.checkinSecret, code, now)) {
    throw new AppError('VALIDATION_FAILED', `签到码不对或已过期，请看现场最新的签到码（还可尝试${tries.remaining}次）`, { reason: 'WRONG_CODE' });
  }
  await tries.giveBack();
}

/** Moves the sign-up by a volunteer's action; a double tap that already moved it answers with its state. */
async function move(activityId: string, userId: string, action: SignupAction, set: Record<string, unknown>): Promise<VolunteerHours> {
  const from = storedStatesAllowing(action);
  if (!(await writeIf(signupMove(activityId, userId, from, set)))) {
    const current = await getSignup(activityId, userId);
    if (current && current.state === signupTransition(from[0], action)) return toHours(current);
    throw new AppError('CONFLICT', '状态已变化，请刷新后再试', { reason: 'STATE_CHANGED' });
  }
  return toHours((await getSignup(activityId, userId))!);
}

export async function checkIn(user: AuthUser, activityId: string, code: string, now: Date): Promise<VolunteerHours> {
  const a = await activityOrThrow(activityId);
  const s = await getSignup(activityId, user.id);
  if (!s || s.state === 'cancelled') throw new AppError('CONFLICT', '请先报名这个活动', { reason: 'NOT_SIGNED_UP' });
  if (s.state === 'checked_in') return toHours(s);
  if (!signupTransition(s.state, 'checkIn')) throw new AppError('CONFLICT', `当前状态（${s.stateName}）不能签到`, { reason: 'STATE' });
  await acceptCode(a, s, code, now);
  // One person is in one place at a time: an open check-in elsewhere must be closed first.
  const open = (await listSignupsOfUser(user.id)).find((o) => o.activityId !== activityId && o.state === 'checked_in' && o.end > now.toISOString());
  if (open) throw new AppError('CONFLICT', `您还在「${open.activityTitle}」签到中，请先签退`, { reason: 'CHECKED_IN_ELSEWHERE' });
  return move(activityId, user.id, 'checkIn', { state: 'checked_in', stateName: SIGNUP_STATE_NAMES.checked_in, checkInAt: now.toISOString() });
}

export async function checkOut(user: AuthUser, activityId: string, code: string, now: Date): Promise<VolunteerHours> {
  const a = await activityOrThrow(activityId);
  const s = await getSignup(activityId, user.id);
  if (!s || s.state === 'cancelled') throw new AppError('CONFLICT', '请先报名这个活动', { reason: 'NOT_SIGNED_UP' });
  if (s.state === 'pending') return toHours(s);
  if (s.state !== 'checked_in') throw new AppError('CONFLICT', '请先签到', { reason: 'NOT_CHECKED_IN' });
  await acceptCode(a, s, code, now);
  const halfHours = serviceHalfHours(new Date(s.checkInAt!), now, new Date(a.start), new Date(a.end));
  return move(activityId, user.id, 'checkOut', { state: 'pending', stateName: SIGNUP_STATE_NAMES.pending, checkOutAt: now.toISOString(), halfHours, points: toPoints(unitsForHalfHours(halfHours, a.pointsPerHour)) });
}

/** The organiser's phone shows this: it changes every minute and only works around the activity's time. */
export async function currentCheckinCode(user: AuthUser, activityId: string, now: Date) {
  const a = await activityOfWorker(user, activityId);
  const validFrom = new Date(new Date(a.start).getTime() - CHECKIN_GRACE_MS).toISOString();
  const validUntil = new Date(new Date(a.end).getTime() + CHECKIN_GRACE_MS).toISOString();
  if (!inCheckinWindow(now, new Date(a.start), new Date(a.end))) {
    throw new AppError('CONFLICT', '不在活动签到时间内', { reason: 'OUTSIDE_WINDOW', validFrom, validUntil });
  }
  return { code: checkinCode(a.checkinSecret, now), rotatesAt: codeRotatesAt(now).toISOString(), validFrom, validUntil };
}

export async function myHours(user: AuthUser) {
  const items = (await listSignupsOfUser(user.id)).map(toHours);
  const sum = (states: SignupState[]) => items.filter((i) => states.includes(i.state)).reduce((s, i) => s + (i.halfHours ?? 0), 0) / 2;
  return { items, confirmedHours: sum(['confirmed']), pendingHours: sum(['pending']) };
}
