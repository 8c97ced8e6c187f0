import * as z from 'zod/mini';
import { created, route, scheduled } from '../http/handler';
import { dateParam, idParam, idempotencyKeyOf, text } from '../http/validate';
import { listCircles } from '../circles/store';
import { NEED_KINDS, NEED_LIMITS, SATISFACTION, type NeedAction } from '../../shared/needs';
import { HEALTH_PROFILES } from '../../shared/health/standards';

const FACILITY_TYPES = [...new Set(Object.values(HEALTH_PROFILES).flatMap((p) => p.standards.map((s) => s.type)))] as [string, ...string[]];
import { requests, services } from './open311';
import { act, autoConfirmDue, fileNeed, listNeeds, myNeeds, needDetail, publicFigures, support, withdrawSupport, workerInbox } from './needs';

const idPath = z.object({ id: idParam });
const kinds = Object.keys(NEED_KINDS) as [keyof typeof NEED_KINDS, ...Array<keyof typeof NEED_KINDS>];

const newNeed = z.object({
  circleId: idParam,
  compoundId: idParam,
  kind: z.enum(kinds, '请选择诉求类型'),
  title: text('标题', NEED_LIMITS.titleMax, 2),
  text: text('内容', NEED_LIMITS.textMax, 5),
  outletId: z.optional(idParam),
  anonymous: z.optional(z.boolean()),
  forUserId: z.optional(idParam),
});

/** The actions a person may ask for (the 14-day auto-confirmation is the system's). */
const ACTIONS = ['accept', 'plan', 'start', 'resolve', 'confirm', 'reopen', 'markDuplicate', 'outOfScope', 'decline', 'withdraw', 'hide'] as const satisfies readonly NeedAction[];
const actionBody = z.object({
  action: z.enum(ACTIONS, '不支持的操作'),
  note: z.optional(text('说明', 200)),
  owner: z.optional(text('承办人', 20)),
  expectedDate: z.optional(dateParam),
  duplicateOf: z.optional(idParam),
  responsible: z.optional(text('负责部门', 40)),
  rating: z.optional(z.enum(Object.keys(SATISFACTION) as [keyof typeof SATISFACTION, ...Array<keyof typeof SATISFACTION>], '请选择满意程度')),
  // A gap of circle health: a facility type of the standards table (not an outlet category).
  gap: z.optional(z.object({ type: z.enum(FACILITY_TYPES, '没有这个业态'), compoundId: z.optional(idParam) })),
});

const listQuery = z.object({ compoundId: z.optional(idParam), sort: z.optional(z.enum(['hot', 'new'], '排序只能是 hot 或 new')) });
const monthQuery = z.object({ month: z.string().check(z.regex(/^20\d\d-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM')) });

export const file = route({ route: 'POST /needs', fn: 'needFile', role: 'OutletsRole', auth: 'required', body: newNeed }, async ({ user, body, headers, now }) => {
  const { result, replayed } = await fileNeed(user, body, idempotencyKeyOf(headers), now);
  const view = await needDetail(result.id, user, now);
  return replayed ? view : created(view);
});

export const list = route({ route: 'GET /circles/{id}/needs', fn: 'needList', role: 'PublicReadRole', auth: 'optional', path: idPath, query: listQuery }, async ({ user, path, query, now }) =>
  listNeeds(path.id, { compoundId: query.compoundId, sort: query.sort ?? 'hot' }, user, now),
);

export const detail = route({ route: 'GET /needs/{id}', fn: 'needDetail', role: 'PublicReadRole', auth: 'optional', path: idPath }, async ({ user, path, now }) => needDetail(path.id, user, now));

export const mine = route({ route: 'GET /me/needs', fn: 'needMine', role: 'PublicReadRole', auth: 'required' }, async ({ user, now }) => myNeeds(user, now));

export const supportRoute = route({ route: 'POST /needs/{id}/support', fn: 'needSupport', role: 'OutletsRole', auth: 'required', path: idPath }, async ({ user, path, now }) => support(user, path.id, now));

export const unsupport = route({ route: 'POST /needs/{id}/support/withdraw', fn: 'needUnsupport', role: 'OutletsRole', auth: 'required', path: idPath }, async ({ user, path, now }) =>
  withdrawSupport(user, path.id, now),
);

export const action = route({ route: 'POST /needs/{id}/actions', fn: 'needAction', role: 'OutletsRole', auth: 'required', path: idPath, body: actionBody }, async ({ user, path, body, now }) =>
  act(user, path.id, body, now),
);

export const inbox = route({ route: 'GET /worker/circles/{id}/needs', fn: 'needInbox', role: 'PublicReadRole', auth: 'required', path: idPath }, async ({ user, path, now }) => workerInbox(user, path.id, now));

export const figures = route({ route: 'GET /circles/{id}/needs/figures', fn: 'needFigures', role: 'PublicReadRole', auth: 'none', path: idPath, query: monthQuery }, async ({ path, query }) =>
  publicFigures(path.id, query.month),
);

const isoDate = z.string().check(z.refine((d) => !Number.isNaN(Date.parse(d)) && /^\d{4}-\d{2}-\d{2}/.test(d), '日期应为 ISO 8601 格式'));
const open311Query = z.object({
  jurisdiction_id: z.optional(idParam),
  service_code: z.optional(z.enum(kinds, '没有这个服务类型')),
  status: z.optional(z.enum(['open', 'closed'], 'status 只能是 open 或 closed')),
  start_date: z.optional(isoDate),
  end_date: z.optional(isoDate),
});

export const open311Services = route({ route: 'GET /open311/v2/services.json', fn: 'open311Services', role: 'PublicReadRole', auth: 'none' }, async () => services());

export const open311Requests = route({ route: 'GET /open311/v2/requests.json', fn: 'open311Requests', role: 'PublicReadRole', auth: 'none', query: open311Query }, async ({ query, now }) =>
  requests(query, now),
);

export const autoConfirm = scheduled(
  { fn: 'needsAutoConfirm', role: 'OutletsRole', schedule: 'cron(20 16 * * ? *)', timeout: 300, why: '00:20 China time every day: needs resolved 14 days ago that their authors neither confirmed nor reopened are confirmed.' },
  async () => ({ confirmed: await autoConfirmDue((await listCircles()).map((c) => c.id), new Date()) }),
);
