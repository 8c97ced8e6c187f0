/**
 * Needs use cases: file one (for oneself or a linked elder), read and list them as residents see them,
 * support and withdraw support, move one through its states (author or the circle's worker), the worker's
 * inbox with the SLA, and the month's public figures.
 */
import { randomUUID } from 'node:crypto';
import { AppError, conflict, forbidden, notFound } from '../core/errors';
import { isWorkerOf, requireActsFor, requireWorkerOf, actsFor } from '../auth/policies';
import type { AuthUser } from '../auth/authenticate';
import { idempotent } from '../db/idempotency';
import { getCircle } from '../circles/store';
import { getUser } from '../users/store';
import { getOutlet } from '../outlets/store';
import { FINDABLE_STATUSES, statusOf } from '../../shared/outlets';
import { msgSecCheck } from '../auth/wechat';
import { shanghaiDate } from '../../shared/time';
import { NEED_LIMITS, NEED_STATE_NAMES, OPEN_NEED_STATES, type NeedAction, type NeedKind, type Satisfaction } from '../../shared/needs';
import type { NeedRecord, NeedView } from '../../shared/needs-api';
import { NEED_RULES, transition, type NeedInput } from './lifecycle';
import { monthFigures, slaOf, type MonthFigures } from './figures';
import { addSupport, createNeed, getNeed, hasSupported, listNeedsOfCircle, listNeedsOfUser, mergeSupporters, moveNeed, removeSupport } from './store';

const newId = () => `n_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
const HOUR_MS = 3_600_000;

export interface NewNeed {
  circleId: string;
  compoundId: string;
  kind: NeedKind;
  title: string;
  text: string;
  outletId?: string;
  anonymous?: boolean;
  /** File it for a linked elder (家属代提). */
  forUserId?: string;
}

async function compoundOf(circleId: string, compoundId: string) {
  const circle = await getCircle(circleId);
  if (!circle) throw notFound('生活圈');
  const compound = circle.communities.find((c) => c.id === compoundId);
  if (!compound) throw notFound('小区');
  return compound;
}

/** The actions this caller may take on the need now (for the page's buttons). */
async function actionsFor(user: AuthUser | undefined, n: NeedRecord, now: Date): Promise<NeedAction[]> {
  if (!user) return [];
  const role = isWorkerOf(user, n.circleId) ? 'worker' : (await isAuthor(user, n)) ? 'author' : null;
  if (!role) return [];
  return (Object.keys(NEED_RULES) as NeedAction[]).filter((a) => {
    try {
      transition(n, a, { id: user.id, role }, { note: 'x', owner: 'x', expectedDate: 'x', duplicateOf: 'x', responsible: 'x', rating: 'satisfied' }, now);
      return true;
    } catch {
      return false;
    }
  });
}

async function isAuthor(user: AuthUser, n: NeedRecord): Promise<boolean> {
  return n.authorId === user.id || n.filedBy === user.id || (await actsFor(user.id, n.authorId));
}

export async function viewOf(n: NeedRecord, user: AuthUser | undefined, now: Date): Promise<NeedView> {
  const compound = (await getCircle(n.circleId))?.communities.find((c) => c.id === n.compoundId);
  const worker = !!user && isWorkerOf(user, n.circleId);
  const author = n.anonymous && !worker ? '匿名居民' : ((await getUser(n.authorId))?.nickname ?? '居民');
  return {
    id: n.id,
    circleId: n.circleId,
    compoundId: n.compoundId,
    compoundName: compound?.name ?? n.compoundId,
    kind: n.kind,
    title: n.title,
    text: n.text,
    ...(n.outletId ? { outletId: n.outletId, outletName: (await getOutlet(n.outletId))?.name ?? '' } : {}),
    author,
    state: n.state,
    stateName: NEED_STATE_NAMES[n.state],
    supports: n.supports,
    reopens: n.reopens,
    escalated: n.escalated,
    inReview: !!n.inReview,
    createdAt: n.createdAt,
    history: n.history.map(({ by: _by, ...h }) => h),
    mine: !!user && (await isAuthor(user, n)),
    supported: !!user && (await hasSupported(n.id, user.id)),
    actions: await actionsFor(user, n, now),
    ...(worker ? { sla: slaOf(n, now) } : {}),
  };
}

/**
 * WeChat's content check before anything is public (scene 3, 论坛): risky text is refused and not stored;
 * text WeChat wants reviewed is stored but kept off public lists until the circle's worker has seen it.
 */
async function checkText(user: AuthUser, title: string, text: string): Promise<'pass' | 'review'> {
  const account = await getUser(user.id);
  // Accounts made by the local dev sign-in have no openid; the fake WeChat server accepts this stand-in.
  const verdict = await msgSecCheck(`${title}\n${text}`, account?.openid ?? `dev-${user.id}`, 3);
  if (verdict === 'risky') throw new AppError('VALIDATION_FAILED', '内容未通过安全检查，请修改后再提交', { reason: 'CONTENT_RISKY' });
  return verdict;
}

export async function fileNeed(user: AuthUser, input: NewNeed, key: string, now: Date) {
  const authorId = input.forUserId ?? user.id;
  await requireActsFor(user, authorId, '只能为已绑定的家人提交诉求');
  await compoundOf(input.circleId, input.compoundId);
  if (input.outletId) {
    const outlet = await getOutlet(input.outletId);
    if (!outlet || !FINDABLE_STATUSES.includes(statusOf(outlet))) throw new AppError('VALIDATION_FAILED', '没有找到这个网点，请从附近网点中选择');
  }
  const verdict = await checkText(user, input.title, input.text);
  return idempotent(
    { userId: user.id, key, operation: 'POST /needs', body: input, now },
    async (id) => getNeed(id, { consistent: true }),
    async (guard) => {
      const at = now.toISOString();
      const need: NeedRecord = {
        id: newId(),
        circleId: input.circleId,
        compoundId: input.compoundId,
        authorId,
        filedBy: user.id,
        kind: input.kind,
        title: input.title,
        text: input.text,
        ...(input.outletId ? { outletId: input.outletId } : {}),
        anonymous: input.anonymous ?? false,
        ...(verdict === 'review' ? { inReview: true } : {}),
        state: 'submitted',
        supports: 0,
        reopens: 0,
        escalated: false,
        history: [],
        createdAt: at,
        updatedAt: at,
        version: 1,
      };
      if ((await createNeed(need, user.id, shanghaiDate(now), guard)) === 'tooManyToday') {
        throw new AppError('RATE_LIMITED', `每人每天最多提交${NEED_LIMITS.perDayNeeds}条诉求，请明天再来`, undefined, { 'retry-after': String(secondsToMidnight(now)) });
      }
      return need;
    },
  );
}

/** Seconds until the next midnight in China: when the day's limits start again. */
export function secondsToMidnight(now: Date): number {
  const next = Date.parse(`${shanghaiDate(new Date(now.getTime() + 24 * HOUR_MS))}T00:00:00+08:00`);
  return Math.max(1, Math.ceil((next - now.getTime()) / 1000));
}

async function needOr404(id: string, user: AuthUser | undefined): Promise<NeedRecord> {
  const n = await getNeed(id, { consistent: true });
  // A hidden need is gone for everyone but the circle's worker (its text stays for the audit); one waiting
  // for review after the content check is seen only by its author and the worker.
  const worker = !!user && isWorkerOf(user, n?.circleId);
  if (!n || (n.state === 'hidden' && !worker) || (n.inReview && !worker && !(user && (n.authorId === user.id || n.filedBy === user.id)))) throw notFound('诉求');
  return n;
}

export async function needDetail(id: string, user: AuthUser | undefined, now: Date): Promise<NeedView> {
  return viewOf(await needOr404(id, user), user, now);
}

export type NeedSort = 'hot' | 'new';

/** 热榜: supports, discounted by age (a week-old need with 10 supports ranks with a new one with 5). */
export function hotness(n: Pick<NeedRecord, 'supports' | 'createdAt'>, now: Date): number {
  const days = (now.getTime() - Date.parse(n.createdAt)) / (24 * HOUR_MS);
  return (n.supports + 1) / Math.pow(1 + days / 7, 1);
}

export async function listNeeds(circleId: string, opts: { compoundId?: string; sort: NeedSort }, user: AuthUser | undefined, now: Date) {
  if (!(await getCircle(circleId))) throw notFound('生活圈');
  const worker = !!user && isWorkerOf(user, circleId);
  const all = (await listNeedsOfCircle(circleId)).filter(
    (n) => n.state !== 'hidden' && n.state !== 'duplicate' && (!n.inReview || worker || n.authorId === user?.id || n.filedBy === user?.id) && (!opts.compoundId || n.compoundId === opts.compoundId),
  );
  const sorted = opts.sort === 'hot' ? [...all].sort((a, b) => hotness(b, now) - hotness(a, now) || (a.createdAt < b.createdAt ? 1 : -1)) : all;
  return { items: await Promise.all(sorted.slice(0, 50).map((n) => viewOf(n, user, now))) };
}

export async function myNeeds(user: AuthUser, now: Date) {
  return { items: await Promise.all((await listNeedsOfUser(user.id)).map((n) => viewOf(n, user, now))) };
}

export async function support(user: AuthUser, id: string, now: Date): Promise<NeedView> {
  const n = await needOr404(id, user);
  if (n.authorId === user.id || n.filedBy === user.id) throw forbidden('不能支持自己提交的诉求');
  const account = await getUser(user.id);
  if (account && now.getTime() - Date.parse(account.createdAt) < NEED_LIMITS.supportMinAccountHours * HOUR_MS) {
    throw forbidden('新注册的账号需满24小时才能支持诉求');
  }
  const outcome = await addSupport(id, user.id, shanghaiDate(now), now);
  if (outcome === 'notOpen') throw conflict('这条诉求已经结束，不能再支持');
  if (outcome === 'tooManyToday') {
    throw new AppError('RATE_LIMITED', `每人每天最多支持${NEED_LIMITS.perDaySupports}条诉求`, undefined, { 'retry-after': String(secondsToMidnight(now)) });
  }
  // 'alreadySupported' is the answer to a retry too: the count moved once.
  return needDetail(id, user, now);
}

export async function withdrawSupport(user: AuthUser, id: string, now: Date): Promise<NeedView> {
  await needOr404(id, user);
  await removeSupport(id, user.id);
  return needDetail(id, user, now);
}

export interface ActionInput extends NeedInput {
  action: NeedAction;
}

export async function act(user: AuthUser, id: string, input: ActionInput, now: Date): Promise<NeedView> {
  const n = await needOr404(id, user);
  const rule = NEED_RULES[input.action];
  if (rule.by === 'system') throw forbidden('此操作由系统自动完成');
  if (rule.by === 'worker') requireWorkerOf(user, n.circleId, '只有本社区的社工可以处理诉求');
  else if (!(await isAuthor(user, n))) throw forbidden('只有提交人可以进行此操作');
  // No one decides on what they asked for themselves.
  if (rule.by === 'worker' && (await isAuthor(user, n))) throw forbidden('不能处理自己提交的诉求');
  let original: NeedRecord | undefined;
  if (input.action === 'markDuplicate') {
    original = await getNeed(input.duplicateOf ?? '', { consistent: true });
    if (!original || original.circleId !== n.circleId || original.id === n.id || !OPEN_NEED_STATES.includes(original.state)) {
      throw new AppError('VALIDATION_FAILED', '请选择本生活圈内一条仍在办理的诉求作为原诉求');
    }
  }
  const t = transition(n, input.action, { id: user.id, role: rule.by }, input, now);
  const set: Partial<NeedRecord> = {};
  for (const k of ['owner', 'expectedDate', 'duplicateOf', 'responsible'] as const) if (t.history[k]) set[k] = t.history[k];
  // The worker has seen it: a need the content check held for review is public from now on (unless hidden).
  if (rule.by === 'worker' && n.inReview) set.inReview = false;
  if ((await moveNeed(n, t, set)) === 'changedMeanwhile') throw conflict('诉求刚被其他人处理过，请刷新后再试');
  if (original) await mergeSupporters(n, original, now);
  return needDetail(id, user, now);
}

/** The worker's inbox: open needs first, oldest deadline first, each with its SLA colour. */
export async function workerInbox(user: AuthUser, circleId: string, now: Date) {
  requireWorkerOf(user, circleId, '只能查看本社区的诉求');
  const all = await listNeedsOfCircle(circleId);
  const open = all.filter((n) => OPEN_NEED_STATES.includes(n.state) || n.state === 'resolved');
  const views = await Promise.all(open.map((n) => viewOf(n, user, now)));
  const rank = { red: 0, yellow: 1, blue: 2 } as const;
  views.sort((a, b) => (a.sla?.colour ? rank[a.sla.colour] : 3) - (b.sla?.colour ? rank[b.sla.colour] : 3) || (a.createdAt < b.createdAt ? -1 : 1));
  return { items: views };
}

export async function publicFigures(circleId: string, month: string): Promise<MonthFigures> {
  if (!(await getCircle(circleId))) throw notFound('生活圈');
  return monthFigures(await listNeedsOfCircle(circleId), month);
}

/** Needs resolved 14 days ago that their authors neither confirmed nor reopened (scheduled, daily). */
export async function autoConfirmDue(circleIds: string[], now: Date): Promise<number> {
  let confirmed = 0;
  for (const circleId of circleIds) {
    for (const n of await listNeedsOfCircle(circleId)) {
      if (n.state !== 'resolved') continue;
      try {
        const t = transition(n, 'autoConfirm', { id: 'system', role: 'system' }, {}, now);
        if ((await moveNeed(n, t)) === 'moved') confirmed++;
      } catch (e) {
        if (!(e instanceof AppError)) throw e;
      }
    }
  }
  return confirmed;
}

export type { Satisfaction };
