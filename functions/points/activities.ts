/** Volunteer activities and hours: publish, sign up, check in and out by code, confirm. */
import { randomBytes, randomUUID } from 'node:crypto';
import { AppError, forbidden, notFound } from '../http/errors';
import { hasRole, type AuthUser } from '../auth/authenticate';
import { transactWrite, TransactionFailed, type TransactItem } from '../db/transact';
import { getCircle, listCircles } from '../circles/store';
import { addOwnRole, getUser } from '../users/store';
import { localToUtc } from '../../shared/time';
import { CHECKIN_GRACE_MS } from '../../shared/points';
import { distanceMetres, walkingMinutes } from '../../shared/walking';
import { inShanghai } from '../../shared/time';
import { SIGNUP_STATE_NAMES, type Activity, type ActivityDraft, type SignupState, type VolunteerHours } from '../../shared/api';
import { appendToLedger } from './account';
import { serviceHalfHours, toPoints, unitsForHalfHours } from './ledger';
import {
  activityHalfHours,
  checkinCode,
  claimedInterval,
  codeRotatesAt,
  findOverlap,
  inCheckinWindow,
  MAX_WRONG_CODES,
  signupTransition,
  statesAllowing,
  storedStatesAllowing,
  verifyCheckinCode,
  type SignupAction,
} from './hours';
import {
  cancelSignupItems,
  countCodeTry,
  getActivity,
  getHoursClaimed,
  getSignup,
  hoursClaimedPut,
  listActivitiesOfCircle,
  listSignups,
  listSignupsOfUser,
  putActivity,
  signUpItems,
  signupMove,
  signupPut,
  type ActivityRecord,
  type SignupRecord,
} from './store';

export function toActivity(a: ActivityRecord, extra: Partial<Activity> = {}): Activity {
  const { checkinSecret, ...rest } = a;
  void checkinSecret;
  return { ...rest, remaining: Math.max(0, a.capacity - a.signedUp), ...extra };
}

function toHours(s: SignupRecord): VolunteerHours {
  const { wrongCodes, ...rest } = s;
  void wrongCodes;
  return rest;
}

/** The community worker's circle, or 403. */
export function workerCircle(user: AuthUser): string {
  if (!hasRole(user, 'worker') || !user.circleId) throw forbidden('只有社区工作者可以管理志愿活动');
  return user.circleId;
}

async function activityOrThrow(id: string): Promise<ActivityRecord> {
  const a = await getActivity(id);
  if (!a) throw notFound('活动');
  return a;
}

async function activityOfWorker(user: AuthUser, id: string): Promise<ActivityRecord> {
  const circleId = workerCircle(user);
  const a = await activityOrThrow(id);
  if (a.circleId !== circleId) throw forbidden('只能管理本社区的活动');
  return a;
}

export async function publishActivity(user: AuthUser, input: ActivityDraft, now: Date): Promise<Activity> {
  const circleId = workerCircle(user);
  const start = localToUtc(input.date, input.startTime);
  const end = localToUtc(input.date, input.endTime);
  if (end <= start) throw new AppError('VALIDATION_FAILED', '结束时间要晚于开始时间');
  if (new Date(start).getTime() <= now.getTime()) throw new AppError('VALIDATION_FAILED', '不能发布已经开始的活动');
  if (activityHalfHours(new Date(start), new Date(end)) < 1) throw new AppError('VALIDATION_FAILED', '活动至少半小时');
  const a: ActivityRecord = {
    id: `a_${randomUUID().replace(/-/g, '').slice(0, 16)}`,
    circleId,
    title: input.title,
    description: input.description,
    place: input.place,
    date: input.date,
    startTime: input.startTime,
    endTime: input.endTime,
    start,
    end,
    capacity: input.capacity,
    signedUp: 0,
    pointsPerHour: input.pointsPerHour ?? 1,
    state: 'published',
    createdBy: user.id,
    createdAt: now.toISOString(),
    checkinSecret: randomBytes(20).toString('base64url'),
  };
  await putActivity(a);
  return toActivity(a);
}

/** Upcoming activities: of one circle, or of every circle nearest first when a position is given. */
export async function listActivities(q: { circleId?: string; lat?: number; lng?: number; days: number }, now: Date): Promise<{ items: Activity[] }> {
  const circles = (await listCircles()).filter((c) => !q.circleId || c.id === q.circleId);
  if (q.circleId && !circles.length) throw notFound('生活圈');
  const from = now.toISOString();
  const to = new Date(now.getTime() + q.days * 86_400_000).toISOString();
  const lists = await Promise.all(
    circles.map(async (c) => {
      // An activity already under way is still listed (people check in during it).
      const items = await listActivitiesOfCircle(c.id, new Date(now.getTime() - 12 * 3600_000).toISOString(), to);
      const walk = q.lat !== undefined && q.lng !== undefined ? walkingMinutes(distanceMetres({ lat: q.lat, lng: q.lng }, c.centre)) : undefined;
      return items
        .filter((a) => a.state === 'published' && a.end > from)
        .map((a) => toActivity(a, { circleName: c.name, ...(walk !== undefined ? { walkMinutes: walk } : {}) }));
    }),
  );
  const items = lists.flat().sort((a, b) => (a.walkMinutes ?? 0) - (b.walkMinutes ?? 0) || a.start.localeCompare(b.start));
  return { items };
}

export async function activityDetail(id: string): Promise<Activity> {
  const a = await activityOrThrow(id);
  const circle = await getCircle(a.circleId);
  return toActivity(a, circle ? { circleName: circle.name } : {});
}

export async function becomeVolunteer(user: AuthUser) {
  await addOwnRole(user.id, 'volunteer');
  const u = (await getUser(user.id))!;
  return { id: u.id, roles: u.roles };
}

function newSignup(a: ActivityRecord, userId: string, userName: string, state: SignupState, now: Date): SignupRecord {
  return {
    activityId: a.id,
    activityTitle: a.title,
    circleId: a.circleId,
    place: a.place,
    userId,
    userName,
    date: a.date,
    startTime: a.startTime,
    endTime: a.endTime,
    start: a.start,
    end: a.end,
    state,
    stateName: SIGNUP_STATE_NAMES[state],
    signedUpAt: now.toISOString(),
  };
}

export async function signUp(user: AuthUser, activityId: string, now: Date): Promise<{ hours: VolunteerHours; created: boolean }> {
  if (!hasRole(user, 'volunteer')) throw forbidden('请先登记成为志愿者');
  const a = await activityOrThrow(activityId);
  if (a.state !== 'published') throw new AppError('CONFLICT', '活动已取消', { reason: 'ACTIVITY_CANCELLED' });
  if (a.end <= now.toISOString()) throw new AppError('CONFLICT', '活动已经结束', { reason: 'ACTIVITY_OVER' });
  const existing = await getSignup(activityId, user.id);
  // Signing up twice (a retry, a double tap) is the same sign-up, not a second place.
  if (existing && existing.state !== 'cancelled') return { hours: toHours(existing), created: false };
  const profile = await getUser(user.id);
  // Cancelling and signing up again does not reset the count of code tries.
  const s: SignupRecord = { ...newSignup(a, user.id, profile?.nickname ?? '志愿者', 'signed_up', now), ...(existing?.wrongCodes ? { wrongCodes: existing.wrongCodes } : {}) };
  try {
    await transactWrite(signUpItems(a, s, statesAllowing('signUp'), now));
    return { hours: toHours(s), created: true };
  } catch (e) {
    if (!(e instanceof TransactionFailed)) throw e;
    if (e.reasons[1] === 'ConditionalCheckFailed') {
      const winner = await getSignup(activityId, user.id);
      if (winner && winner.state !== 'cancelled') return { hours: toHours(winner), created: false };
    }
    if (e.reasons[0] === 'ConditionalCheckFailed') throw new AppError('CONFLICT', '名额已满', { reason: 'ACTIVITY_FULL' });
    throw new AppError('CONFLICT', '报名状态刚刚变化，请再试一次', { reason: 'STATE_CHANGED' });
  }
}

export async function cancelSignup(user: AuthUser, activityId: string, now: Date): Promise<VolunteerHours> {
  const a = await activityOrThrow(activityId);
  const s = await getSignup(activityId, user.id);
  if (!s) throw notFound('报名');
  if (s.state === 'cancelled') return toHours(s);
  if (a.start <= now.toISOString()) throw new AppError('CONFLICT', '活动已经开始，不能取消报名', { reason: 'ACTIVITY_STARTED' });
  try {
    await transactWrite(cancelSignupItems(activityId, user.id, now.toISOString()));
  } catch (e) {
    if (e instanceof TransactionFailed && e.reasons[0] === 'ConditionalCheckFailed') throw new AppError('CONFLICT', '已签到，不能取消报名', { reason: 'NOT_CANCELLABLE' });
    throw e;
  }
  return toHours((await getSignup(activityId, user.id))!);
}

/** Checks the code typed by a volunteer; wrong codes are counted so 6 digits cannot be guessed. */
async function acceptCode(a: ActivityRecord, s: SignupRecord, code: string, now: Date) {
  if (!inCheckinWindow(now, new Date(a.start), new Date(a.end))) throw new AppError('CONFLICT', '不在活动签到时间内', { reason: 'OUTSIDE_WINDOW' });
  // The try is counted before the code is checked, so guesses sent all at once are counted too.
  const tries = await countCodeTry(a.id, s.userId, MAX_WRONG_CODES);
  if (tries === undefined) throw new AppError('RATE_LIMITED', '签到码错误次数过多，请找现场社工签到');
  if (!verifyCheckinCode(a.checkinSecret, code, now)) {
    throw new AppError('VALIDATION_FAILED', `签到码不对或已过期，请看现场最新的签到码（还可尝试${Math.max(0, MAX_WRONG_CODES - tries)}次）`, { reason: 'WRONG_CODE' });
  }
}

/** Moves the sign-up by a volunteer's action; a double tap that already moved it answers with its state. */
async function move(activityId: string, userId: string, action: SignupAction, set: Record<string, unknown>): Promise<VolunteerHours> {
  const from = storedStatesAllowing(action);
  try {
    await transactWrite([signupMove(activityId, userId, from, { ...set, wrongCodes: 0 })]);
  } catch (e) {
    if (!(e instanceof TransactionFailed)) throw e;
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

export async function activitySignups(user: AuthUser, activityId: string) {
  const a = await activityOfWorker(user, activityId);
  return { activity: toActivity(a), items: (await listSignups(activityId)).map(toHours) };
}

export async function circleActivities(user: AuthUser, now: Date) {
  const circleId = workerCircle(user);
  const from = new Date(now.getTime() - 30 * 86_400_000).toISOString();
  const to = new Date(now.getTime() + 60 * 86_400_000).toISOString();
  const items = await listActivitiesOfCircle(circleId, from, to);
  return { items: items.map((a) => toActivity(a)).reverse() };
}

const claimHorizon = (now: Date) => new Date(now.getTime() - 366 * 86_400_000).toISOString();

export interface ReviewInput {
  action: 'confirm' | 'adjust' | 'reject';
  halfHours?: number;
  reason?: string;
}

/**
 * Credits confirmed hours: the sign-up becomes confirmed, the hours are claimed against every other claim
 * of that person (no overlap), and the points are earned, all in one transaction.
 */
async function creditHours(
  worker: AuthUser,
  a: ActivityRecord,
  volunteerId: string,
  halfHours: number,
  signupWrite: (claimedPut: TransactItem) => TransactItem[],
  checkInAt: string | undefined,
  manual: boolean,
  reason: string | undefined,
  now: Date,
): Promise<void> {
  if (a.end <= claimHorizon(now)) throw new AppError('CONFLICT', '活动结束已超过一年，不能再记入时长', { reason: 'TOO_OLD' });
  const units = unitsForHalfHours(halfHours, a.pointsPerHour);
  const interval = claimedInterval(a.id, new Date(a.start), new Date(a.end), halfHours, checkInAt ? new Date(checkInAt) : undefined);
  const planWrites = async () => {
    const claimed = await getHoursClaimed(volunteerId);
    const overlap = findOverlap(claimed.intervals, interval);
    if (overlap) {
      throw new AppError('CONFLICT', `这段时间已记入另一项活动的服务时长（${inShanghai(overlap.from).format('MM-DD HH:mm')}–${inShanghai(overlap.to).format('HH:mm')}）`, { reason: 'HOURS_OVERLAP', activityId: overlap.activityId });
    }
    // Claims older than a year are dropped: nothing that old can be credited any more (see below).
    const recent = claimed.intervals.filter((c) => c.to > claimHorizon(now));
    return signupWrite(hoursClaimedPut(volunteerId, claimed, halfHours > 0 ? [...recent, interval] : recent));
  };
  const stateChanged = () => new AppError('CONFLICT', '这条时长已经处理过了', { reason: 'ALREADY_REVIEWED' });
  if (units === 0) {
    for (let attempt = 0; attempt < 5; attempt++) {
      try {
        await transactWrite(await planWrites());
        return;
      } catch (e) {
        if (!(e instanceof TransactionFailed)) throw e;
        if (e.reasons[0] === 'ConditionalCheckFailed') throw stateChanged();
      }
    }
    throw new AppError('UPSTREAM_BUSY', '当前操作人数较多，请稍后再试');
  }
  await appendToLedger(
    volunteerId,
    now,
    async () => ({
      change: { kind: 'earn', amount: units, cause: { type: 'activity', id: a.id, title: a.title }, by: worker.id, ...(manual ? { manual: true } : {}), ...(reason ? { reason } : {}) },
      extras: await planWrites(),
    }),
    (i) => {
      if (i === 0) throw stateChanged();
      return 'replan'; // the claimed hours changed under us: read them again
    },
  );
}

export async function reviewHours(worker: AuthUser, activityId: string, volunteerId: string, input: ReviewInput, now: Date): Promise<VolunteerHours> {
  const a = await activityOfWorker(worker, activityId);
  if (volunteerId === worker.id) throw forbidden('不能确认自己的服务时长');
  const s = await getSignup(activityId, volunteerId);
  if (!s) throw notFound('报名');
  if (!signupTransition(s.state, input.action)) throw new AppError('CONFLICT', `当前状态（${s.stateName}）不能这样处理`, { reason: 'STATE' });
  const reviewed = { reviewedBy: worker.id, reviewedAt: now.toISOString(), ...(input.reason ? { reason: input.reason } : {}) };
  const from = storedStatesAllowing(input.action);
  if (input.action === 'reject') {
    if (!input.reason) throw new AppError('VALIDATION_FAILED', '请填写不通过的原因');
    try {
      await transactWrite([signupMove(activityId, volunteerId, from, { state: 'rejected', stateName: SIGNUP_STATE_NAMES.rejected, ...reviewed })]);
    } catch (e) {
      if (e instanceof TransactionFailed) throw new AppError('CONFLICT', '这条时长已经处理过了', { reason: 'ALREADY_REVIEWED' });
      throw e;
    }
    return toHours((await getSignup(activityId, volunteerId))!);
  }
  let halfHours = s.halfHours ?? 0;
  if (input.action === 'adjust') {
    if (input.halfHours === undefined || !input.reason) throw new AppError('VALIDATION_FAILED', '调整时长需要填写时长和原因');
    halfHours = input.halfHours;
  }
  const max = activityHalfHours(new Date(a.start), new Date(a.end));
  if (halfHours > max) throw new AppError('VALIDATION_FAILED', `时长不能超过活动时长（${max / 2}小时）`);
  const points = toPoints(unitsForHalfHours(halfHours, a.pointsPerHour));
  await creditHours(
    worker,
    a,
    volunteerId,
    halfHours,
    (claimedPut) => [signupMove(activityId, volunteerId, from, { state: 'confirmed', stateName: SIGNUP_STATE_NAMES.confirmed, halfHours, points, ...reviewed }), claimedPut],
    s.checkInAt,
    false,
    input.reason,
    now,
  );
  return toHours((await getSignup(activityId, volunteerId))!);
}

/** Hours for someone without a phone, entered by the worker: confirmed at once and marked as hand-entered. */
export async function addHoursByHand(worker: AuthUser, activityId: string, input: { userId: string; halfHours: number; reason: string }, now: Date): Promise<VolunteerHours> {
  const a = await activityOfWorker(worker, activityId);
  if (input.userId === worker.id) throw forbidden('不能给自己补录服务时长');
  if (a.start > now.toISOString()) throw new AppError('CONFLICT', '活动开始后才能补录时长', { reason: 'NOT_STARTED' });
  const max = activityHalfHours(new Date(a.start), new Date(a.end));
  if (input.halfHours > max) throw new AppError('VALIDATION_FAILED', `时长不能超过活动时长（${max / 2}小时）`);
  const volunteer = await getUser(input.userId);
  if (!volunteer) throw notFound('志愿者');
  if (!volunteer.roles.includes('volunteer')) throw new AppError('CONFLICT', '这位居民还没有登记为志愿者', { reason: 'NOT_VOLUNTEER' });
  if (!(await belongsToCircle(volunteer, a.circleId))) throw forbidden('只能给本社区的志愿者补录时长');
  const existing = await getSignup(activityId, input.userId);
  if (existing && !signupTransition(existing.state, 'addByHand')) throw new AppError('CONFLICT', `这位志愿者已有记录（${existing.stateName}），请在名单中处理`, { reason: 'STATE' });
  const record: SignupRecord = {
    ...newSignup(a, volunteer.id, volunteer.nickname, 'confirmed', now),
    ...(existing?.signedUpAt ? { signedUpAt: existing.signedUpAt } : {}),
    halfHours: input.halfHours,
    points: toPoints(unitsForHalfHours(input.halfHours, a.pointsPerHour)),
    manual: true,
    reviewedBy: worker.id,
    reviewedAt: now.toISOString(),
    reason: input.reason,
  };
  await creditHours(worker, a, volunteer.id, input.halfHours, (claimedPut) => [signupPut(record, statesAllowing('addByHand')), claimedPut], undefined, true, input.reason, now);
  return toHours((await getSignup(activityId, volunteer.id))!);
}

/**
 * Whether a person is one of the circle's own: they live there (verified by its worker) or signed up for one
 * of its activities themselves. Hours a worker entered by hand do not count, so crediting someone once cannot
 * make them the circle's for further credit.
 */
export async function belongsToCircle(person: { id: string; homeCircleId?: string }, circleId: string): Promise<boolean> {
  if (person.homeCircleId === circleId) return true;
  return (await listSignupsOfUser(person.id)).some((s) => s.circleId === circleId && !s.manual && s.state !== 'cancelled');
}

export async function myHours(user: AuthUser) {
  const items = (await listSignupsOfUser(user.id)).map(toHours);
  const sum = (states: SignupState[]) => items.filter((i) => states.includes(i.state)).reduce((s, i) => s + (i.halfHours ?? 0), 0) / 2;
  return { items, confirmedHours: sum(['confirmed']), pendingHours: sum(['pending']) };
}
