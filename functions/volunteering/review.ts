/**
 * The worker's review of hours: confirm, adjust or reject what a volunteer checked in and out for, or enter
 * hours by hand for someone without a phone. Confirmed hours are claimed against every other claim of that
 * person (no overlap) and earn points, all in one transaction with the ledger.
 */
import { AppError, forbidden, notFound } from '../core/errors';
import type { AuthUser } from '../auth/authenticate';
import { memberOfCircle } from '../auth/policies';
import { writeIf, type TransactItem } from '../db/transact';
import { getUser } from '../users/store';
import { inShanghai } from '../../shared/time';
import { SIGNUP_STATE_NAMES, type VolunteerHours } from '../../shared/api';
import { appendToLedger } from '../points/account';
import { toPoints, unitsForHalfHours } from '../points/ledger';
import { activityHalfHours, claimedInterval, findOverlap, signupTransition, statesAllowing, storedStatesAllowing } from './hours';
import { activityOfWorker, newSignup, toHours } from './activities';
import { getHoursClaimed, getSignup, hoursClaimedPut, signupMove, signupPut, writeCredit, type ActivityRecord, type SignupRecord } from './store';

const claimHorizon = (now: Date) => new Date(now.getTime() - 366 * 86_400_000).toISOString();

export interface ReviewInput {
  action: 'confirm' | 'adjust' | 'reject';
  halfHours?: number;
  reason?: string;
}

/** One crediting of hours: who credits whom for which activity, and the sign-up write that goes with it. */
interface Credit {
  worker: AuthUser;
  activity: ActivityRecord;
  volunteerId: string;
  halfHours: number;
  /** The sign-up's move to confirmed (or its hand-entered record). */
  signup: TransactItem;
  /** When the volunteer checked in: the claimed interval starts there. */
  checkInAt?: string;
  manual: boolean;
  reason?: string;
  now: Date;
}

const alreadyReviewed = () => new AppError('CONFLICT', '这条时长已经处理过了', { reason: 'ALREADY_REVIEWED' });

async function creditHours(c: Credit): Promise<void> {
  const { activity: a, now } = c;
  if (a.end <= claimHorizon(now)) throw new AppError('CONFLICT', '活动结束已超过一年，不能再记入时长', { reason: 'TOO_OLD' });
  const units = unitsForHalfHours(c.halfHours, a.pointsPerHour);
  const interval = claimedInterval({ id: a.id, start: new Date(a.start), end: new Date(a.end) }, c.halfHours, c.checkInAt ? new Date(c.checkInAt) : undefined);
  const planWrites = async () => {
    const claimed = await getHoursClaimed(c.volunteerId);
    const overlap = findOverlap(claimed.intervals, interval);
    if (overlap) {
      throw new AppError('CONFLICT', `这段时间已记入另一项活动的服务时长（${inShanghai(overlap.from).format('MM-DD HH:mm')}–${inShanghai(overlap.to).format('HH:mm')}）`, { reason: 'HOURS_OVERLAP', activityId: overlap.activityId });
    }
    // Claims older than a year are dropped: nothing that old can be credited any more (see above).
    const recent = claimed.intervals.filter((i) => i.to > claimHorizon(now));
    return { signup: c.signup, claimed: hoursClaimedPut(c.volunteerId, claimed, c.halfHours > 0 ? [...recent, interval] : recent) };
  };
  if (units === 0) {
    for (let attempt = 0; attempt < 5; attempt++) {
      const outcome = await writeCredit(await planWrites());
      if (outcome === 'credited') return;
      if (outcome === 'alreadyReviewed') throw alreadyReviewed();
    }
    throw new AppError('UPSTREAM_BUSY', '当前操作人数较多，请稍后再试');
  }
  const written = await appendToLedger(c.volunteerId, now, async () => ({
    change: { kind: 'earn', amount: units, cause: { type: 'activity', id: a.id, title: a.title }, by: c.worker.id, ...(c.manual ? { manual: true } : {}), ...(c.reason ? { reason: c.reason } : {}) },
    extras: await planWrites(),
    // The claimed hours changed under us: read them again.
    replanOn: ['claimed'],
  }));
  if (written.failed) throw alreadyReviewed();
}

export async function reviewHours(worker: AuthUser, of: { activityId: string; volunteerId: string }, input: ReviewInput, now: Date): Promise<VolunteerHours> {
  const { activityId, volunteerId } = of;
  const a = await activityOfWorker(worker, activityId);
  if (volunteerId === worker.id) throw forbidden('不能确认自己的服务时长');
  const s = await getSignup(activityId, volunteerId);
  if (!s) throw notFound('报名');
  if (!signupTransition(s.state, input.action)) throw new AppError('CONFLICT', `当前状态（${s.stateName}）不能这样处理`, { reason: 'STATE' });
  const reviewed = { reviewedBy: worker.id, reviewedAt: now.toISOString(), ...(input.reason ? { reason: input.reason } : {}) };
  const from = storedStatesAllowing(input.action);
  if (input.action === 'reject') {
    if (!input.reason) throw new AppError('VALIDATION_FAILED', '请填写不通过的原因');
    if (!(await writeIf(signupMove(activityId, volunteerId, from, { state: 'rejected', stateName: SIGNUP_STATE_NAMES.rejected, ...reviewed })))) throw alreadyReviewed();
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
  await creditHours({
    worker,
    activity: a,
    volunteerId,
    halfHours,
    signup: signupMove(activityId, volunteerId, from, { state: 'confirmed', stateName: SIGNUP_STATE_NAMES.confirmed, halfHours, points, ...reviewed }),
    checkInAt: s.checkInAt,
    manual: false,
    reason: input.reason,
    now,
  });
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
  if (!(await memberOfCircle(volunteer, a.circleId))) throw forbidden('只能给本社区的志愿者补录时长');
  const existing = await getSignup(activityId, input.userId);
  if (existing && !signupTransition(existing.state, 'addByHand')) throw new AppError('CONFLICT', `这位志愿者已有记录（${existing.stateName}），请在名单中处理`, { reason: 'STATE' });
  const record: SignupRecord = {
    ...newSignup(a, { id: volunteer.id, name: volunteer.nickname }, 'confirmed', now),
    ...(existing?.signedUpAt ? { signedUpAt: existing.signedUpAt } : {}),
    halfHours: input.halfHours,
    points: toPoints(unitsForHalfHours(input.halfHours, a.pointsPerHour)),
    manual: true,
    reviewedBy: worker.id,
    reviewedAt: now.toISOString(),
    reason: input.reason,
  };
  await creditHours({ worker, activity: a, volunteerId: volunteer.id, halfHours: input.halfHours, signup: signupPut(record, statesAllowing('addByHand')), manual: true, reason: input.reason, now });
  return toHours((await getSignup(activityId, volunteer.id))!);
}
