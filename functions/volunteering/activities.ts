/** Volunteer activities: a circle's worker publishes them; anyone lists them, nearest circle first. */
import { randomBytes, randomUUID } from 'node:crypto';
import { AppError, notFound } from '../core/errors';
import type { AuthUser } from '../auth/authenticate';
import { requireWorker, requireWorkerOf } from '../auth/policies';
import { getCircle, listCircles } from '../circles/store';
import { addOwnRole, getUser } from '../users/store';
import { localToUtc } from '../../shared/time';
import { distanceMetres, walkingMinutes } from '../../shared/walking';
import { SIGNUP_STATE_NAMES, type Activity, type ActivityDraft, type SignupState, type VolunteerHours } from '../../shared/api';
import { activityHalfHours } from './hours';
import { getActivity, listActivitiesOfCircle, putActivity, listSignups, type ActivityRecord, type SignupRecord } from './store';

const WORKER_ONLY = '只有社区工作者可以管理志愿活动';

export function toActivity(a: ActivityRecord, extra: Partial<Activity> = {}): Activity {
  const { checkinSecret, ...rest } = a;
  void checkinSecret;
  return { ...rest, remaining: Math.max(0, a.capacity - a.signedUp), ...extra };
}

export function toHours(s: SignupRecord): VolunteerHours {
  const { wrongCodes, ...rest } = s;
  void wrongCodes;
  return rest;
}

export async function activityOrThrow(id: string): Promise<ActivityRecord> {
  const a = await getActivity(id);
  if (!a) throw notFound('活动');
  return a;
}

export async function activityOfWorker(user: AuthUser, id: string): Promise<ActivityRecord> {
  const a = await activityOrThrow(id);
  requireWorkerOf(user, a.circleId, '只能管理本社区的活动', WORKER_ONLY);
  return a;
}

export async function publishActivity(user: AuthUser, input: ActivityDraft, now: Date): Promise<Activity> {
  const circleId = requireWorker(user, WORKER_ONLY);
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

export function newSignup(a: ActivityRecord, person: { id: string; name: string }, state: SignupState, now: Date): SignupRecord {
  return {
    activityId: a.id,
    activityTitle: a.title,
    circleId: a.circleId,
    place: a.place,
    userId: person.id,
    userName: person.name,
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

export async function activitySignups(user: AuthUser, activityId: string) {
  const a = await activityOfWorker(user, activityId);
  return { activity: toActivity(a), items: (await listSignups(activityId)).map(toHours) };
}

export async function circleActivities(user: AuthUser, now: Date) {
  const circleId = requireWorker(user, WORKER_ONLY);
  const from = new Date(now.getTime() - 30 * 86_400_000).toISOString();
  const to = new Date(now.getTime() + 60 * 86_400_000).toISOString();
  const items = await listActivitiesOfCircle(circleId, from, to);
  return { items: items.map((a) => toActivity(a)).reverse() };
}

