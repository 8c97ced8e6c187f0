import { created, route } from '../http/handler';
import { activityDraftSchema } from '../../shared/schemas/activity';
import { idParam, idempotencyKeyOf, queryNumber, z } from '../http/validate';
import {
  activityDetail,
  activitySignups,
  addHoursByHand,
  becomeVolunteer,
  cancelSignup,
  checkIn,
  checkOut,
  circleActivities,
  currentCheckinCode,
  listActivities,
  myHours,
  publishActivity,
  reviewHours,
  signUp,
} from './activities';
import { adjustPoints, passbook } from './passbook';
import {
  addReward,
  cancelRedemption,
  changeReward,
  handOver,
  myRedemptions,
  redeem,
  stationCatalogue,
  stationRedemptions,
  stationRewardsForOperator,
} from './redemptions';

const text = (label: string, max: number, min = 1) => z.string().trim().min(min, `请填写${label}`).max(max, `${label}最多${max}字`);
const halfHours = z.number().int('时长按半小时计').min(0).max(48);
/** Points in steps of half a point. */
const points = (min: number, max: number) => z.number().min(min).max(max).refine((p) => Number.isInteger(p * 2), '积分以0.5为单位');
const checkinCode = z.object({ code: z.string().regex(/^\d{6}$/, '签到码是6位数字') }).strict();
const activityPath = z.object({ id: idParam });

// ---- activities and hours ----

export const volunteer = route({ route: 'POST /me/volunteer', auth: 'required' }, async ({ user }) => becomeVolunteer(user));

export const activities = route(
  {
    route: 'GET /activities',
    auth: 'none',
    query: z.object({
      circleId: idParam.optional(),
      lat: queryNumber(-90, 90, '纬度 lat').optional(),
      lng: queryNumber(-180, 180, '经度 lng').optional(),
      days: queryNumber(1, 60, '天数 days').optional(),
    }),
  },
  async ({ query, now }) => listActivities({ ...query, days: Math.floor(query.days ?? 30) }, now),
);

export const activity = route({ route: 'GET /activities/{id}', auth: 'none', path: activityPath }, async ({ path }) => activityDetail(path.id));

export const signup = route({ route: 'POST /activities/{id}/signup', auth: 'required', path: activityPath }, async ({ user, path, now }) => {
  const { hours, created: isNew } = await signUp(user, path.id, now);
  return isNew ? created(hours) : hours;
});

export const cancelSignupRoute = route({ route: 'POST /activities/{id}/cancel', auth: 'required', path: activityPath }, async ({ user, path, now }) => cancelSignup(user, path.id, now));

export const checkin = route({ route: 'POST /activities/{id}/check-in', auth: 'required', path: activityPath, body: checkinCode }, async ({ user, path, body, now }) =>
  checkIn(user, path.id, body.code, now),
);

export const checkout = route({ route: 'POST /activities/{id}/check-out', auth: 'required', path: activityPath, body: checkinCode }, async ({ user, path, body, now }) =>
  checkOut(user, path.id, body.code, now),
);

export const hours = route({ route: 'GET /volunteer/hours', auth: 'required' }, async ({ user }) => myHours(user));

export const publish = route(
  {
    route: 'POST /worker/activities',
    auth: 'required',
    body: activityDraftSchema,
  },
  async ({ user, body, now }) => created(await publishActivity(user, body, now)),
);

export const workerActivities = route({ route: 'GET /worker/activities', auth: 'required' }, async ({ user, now }) => circleActivities(user, now));

export const signups = route({ route: 'GET /worker/activities/{id}/signups', auth: 'required', path: activityPath }, async ({ user, path }) => activitySignups(user, path.id));

export const code = route({ route: 'GET /worker/activities/{id}/checkin-code', auth: 'required', path: activityPath }, async ({ user, path, now }) =>
  currentCheckinCode(user, path.id, now),
);

export const review = route(
  {
    route: 'POST /worker/activities/{id}/hours/{userId}',
    auth: 'required',
    path: z.object({ id: idParam, userId: idParam }),
    body: z.object({ action: z.enum(['confirm', 'adjust', 'reject']), halfHours: halfHours.optional(), reason: text('原因', 100).optional() }).strict(),
  },
  async ({ user, path, body, now }) => reviewHours(user, path.id, path.userId, body, now),
);

export const manualHours = route(
  {
    route: 'POST /worker/activities/{id}/manual-hours',
    auth: 'required',
    path: activityPath,
    body: z.object({ userId: idParam, halfHours: halfHours.min(1, '补录时长至少半小时'), reason: text('补录原因', 100) }).strict(),
  },
  async ({ user, path, body, now }) => created(await addHoursByHand(user, path.id, body, now)),
);

export const adjust = route(
  {
    route: 'POST /worker/points/adjust',
    auth: 'required',
    body: z.object({ userId: idParam, points: points(-1000, 1000).refine((p) => p !== 0, '调整积分不能为0'), reason: text('调整原因', 100) }).strict(),
  },
  async ({ user, body, headers, now }) => adjustPoints(user, body, idempotencyKeyOf(headers), now),
);

// ---- points and redemptions ----

export const book = route({ route: 'GET /points/passbook', auth: 'required' }, async ({ user, now }) => passbook(user, now));

export const catalogue = route({ route: 'GET /stations/{id}', auth: 'none', path: activityPath }, async ({ path }) => stationCatalogue(path.id));

export const redeemRoute = route(
  { route: 'POST /redemptions', auth: 'required', body: z.object({ outletId: idParam, rewardId: idParam }).strict() },
  async ({ user, body, headers, now }) => {
    const { redemption, replayed } = await redeem(user, body, idempotencyKeyOf(headers), now);
    return replayed ? redemption : created(redemption);
  },
);

export const redemptions = route({ route: 'GET /redemptions/mine', auth: 'required' }, async ({ user }) => myRedemptions(user));

export const cancelRedemptionRoute = route({ route: 'POST /redemptions/{id}/cancel', auth: 'required', path: activityPath }, async ({ user, path, now }) =>
  cancelRedemption(user, path.id, now),
);

export const stationRewards = route({ route: 'GET /station/outlets/{id}/rewards', auth: 'required', path: activityPath }, async ({ user, path }) =>
  stationRewardsForOperator(user, path.id),
);

export const newReward = route(
  {
    route: 'POST /station/outlets/{id}/rewards',
    auth: 'required',
    path: activityPath,
    body: z.object({ name: text('兑换品名称', 30), description: text('说明', 100, 0).optional(), pricePoints: points(0.5, 10000), stock: z.number().int().min(0).max(100000) }).strict(),
  },
  async ({ user, path, body }) => created(await addReward(user, path.id, body)),
);

export const editReward = route(
  {
    route: 'POST /station/outlets/{id}/rewards/{rewardId}',
    auth: 'required',
    path: z.object({ id: idParam, rewardId: idParam }),
    body: z.object({ pricePoints: points(0.5, 10000).optional(), active: z.boolean().optional(), addStock: z.number().int().min(1).max(100000).optional() }).strict(),
  },
  async ({ user, path, body }) => changeReward(user, path.id, path.rewardId, body),
);

export const stationOrders = route({ route: 'GET /station/outlets/{id}/redemptions', auth: 'required', path: activityPath }, async ({ user, path }) =>
  stationRedemptions(user, path.id),
);

export const handover = route(
  { route: 'POST /station/outlets/{id}/handover', auth: 'required', path: activityPath, body: z.object({ code: z.string().regex(/^\d{8}$/, '兑换码是8位数字') }).strict() },
  async ({ user, path, body, now }) => handOver(user, path.id, body.code, now),
);
