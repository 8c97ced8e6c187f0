import { created, route } from '../http/handler';
import * as z from 'zod/mini';
import { CHINA_BOUNDS } from '../../shared/schemas/outlet';
import { digits, idParam, int, queryNumber, text } from '../http/validate';
import { activityDraftSchema } from '../../shared/schemas/activity';
import { activityDetail, activitySignups, becomeVolunteer, circleActivities, listActivities, publishActivity } from './activities';
import { addHoursByHand, reviewHours } from './review';
import { cancelSignup, checkIn, checkOut, currentCheckinCode, myHours, signUp } from './signups';

const halfHours = (min = 0, message = '时长按半小时计') => int(min, 48, message);
const checkinCode = z.strictObject({ code: digits(6, '签到码是6位数字') });
const idPath = z.object({ id: idParam });

export const volunteer = route({ route: 'POST /me/volunteer', fn: 'becomeVolunteer', role: 'PointsRole', auth: 'required' }, async ({ user }) => becomeVolunteer(user));

export const activities = route(
  {
    route: 'GET /activities', fn: 'activities', role: 'PublicReadRole',
    auth: 'none',
    query: z.object({
      circleId: z.optional(idParam),
      lat: z.optional(queryNumber(CHINA_BOUNDS.lat[0], CHINA_BOUNDS.lat[1], '纬度 lat（服务范围为国内）')),
      lng: z.optional(queryNumber(CHINA_BOUNDS.lng[0], CHINA_BOUNDS.lng[1], '经度 lng（服务范围为国内）')),
      days: z.optional(queryNumber(1, 60, '天数 days')),
    }),
  },
  async ({ query, now }) => listActivities({ ...query, days: Math.floor(query.days ?? 30) }, now),
);

export const activity = route({ route: 'GET /activities/{id}', fn: 'activityDetail', role: 'PublicReadRole', auth: 'none', path: idPath }, async ({ path }) => activityDetail(path.id));

export const signup = route({ route: 'POST /activities/{id}/signup', fn: 'activitySignup', role: 'PointsRole', auth: 'required', path: idPath }, async ({ user, path, now }) => {
  const { hours, created: isNew } = await signUp(user, path.id, now);
  return isNew ? created(hours) : hours;
});

export const cancelSignupRoute = route({ route: 'POST /activities/{id}/cancel', fn: 'activityCancel', role: 'PointsRole', auth: 'required', path: idPath }, async ({ user, path, now }) => cancelSignup(user, path.id, now));

export const checkin = route({ route: 'POST /activities/{id}/check-in', fn: 'activityCheckIn', role: 'PointsRole', auth: 'required', path: idPath, body: checkinCode }, async ({ user, path, body, now }) =>
  checkIn(user, path.id, body.code, now),
);

export const checkout = route({ route: 'POST /activities/{id}/check-out', fn: 'activityCheckOut', role: 'PointsRole', auth: 'required', path: idPath, body: checkinCode }, async ({ user, path, body, now }) =>
  checkOut(user, path.id, body.code, now),
);

export const hours = route({ route: 'GET /volunteer/hours', fn: 'volunteerHours', role: 'PublicReadRole', auth: 'required' }, async ({ user }) => myHours(user));

export const publish = route(
  {
    route: 'POST /worker/activities', fn: 'workerPublishActivity', role: 'PointsRole',
    auth: 'required',
    body: activityDraftSchema,
  },
  async ({ user, body, now }) => created(await publishActivity(user, body, now)),
);

export const workerActivities = route({ route: 'GET /worker/activities', fn: 'workerActivities', role: 'PublicReadRole', auth: 'required' }, async ({ user, now }) => circleActivities(user, now));

export const signups = route({ route: 'GET /worker/activities/{id}/signups', fn: 'workerSignups', role: 'PublicReadRole', auth: 'required', path: idPath }, async ({ user, path }) => activitySignups(user, path.id));

export const code = route({ route: 'GET /worker/activities/{id}/checkin-code', fn: 'workerCheckinCode', role: 'PublicReadRole', auth: 'required', path: idPath }, async ({ user, path, now }) =>
  currentCheckinCode(user, path.id, now),
);

export const review = route(
  {
    route: 'POST /worker/activities/{id}/hours/{userId}', fn: 'workerReviewHours', role: 'PointsRole',
    auth: 'required',
    path: z.object({ id: idParam, userId: idParam }),
    body: z.strictObject({ action: z.enum(['confirm', 'adjust', 'reject']), halfHours: z.optional(halfHours()), reason: z.optional(text('原因', 100)) }),
  },
  async ({ user, path, body, now }) => reviewHours(user, { activityId: path.id, volunteerId: path.userId }, body, now),
);

export const manualHours = route(
  {
    route: 'POST /worker/activities/{id}/manual-hours', fn: 'workerManualHours', role: 'PointsRole',
    auth: 'required',
    path: idPath,
    body: z.strictObject({ userId: idParam, halfHours: halfHours(1, '补录时长至少半小时'), reason: text('补录原因', 100) }),
  },
  async ({ user, path, body, now }) => created(await addHoursByHand(user, path.id, body, now)),
);

