/**
 * What the needs pages show, without React or the platform: the timeline in words, the duplicate suggestion
 * (a simple similarity of titles), the worker's choices and what each asks for, the SLA colours, and the
 * public figures as text. Tested beside it.
 */
import { distanceMetres, reachMetres } from '@shared/walking';
import { NEED_KINDS, NEED_LIMITS, NEED_STATE_NAMES, OPEN_NEED_STATES, SATISFACTION, type NeedAction, type NeedActor, type NeedKind, type NeedState } from '@shared/needs';
import type { NeedHistoryView, NeedView } from '@shared/needs-api';

const SHANGHAI_MS = 8 * 3600_000;
const DAY_MS = 86_400_000;

/** What each step of the history is called on the need's page. */
export const ACTION_NAMES: Record<NeedAction, string> = {
  accept: '社区已受理',
  plan: '已列入计划',
  start: '开始办理',
  resolve: '已办结',
  confirm: '居民已确认',
  autoConfirm: '14天未评价，自动确认',
  reopen: '居民申请重办',
  markDuplicate: '与另一条诉求合并',
  outOfScope: '非本社区职责，已转告',
  decline: '暂不办理',
  withdraw: '居民已撤回',
  hide: '已屏蔽',
};

export const ACTOR_NAMES: Record<NeedActor, string> = { author: '提交人', worker: '社区工作者', system: '系统' };

export const isOpen = (state: NeedState) => OPEN_NEED_STATES.includes(state);

/** "12月5日 14:05" (Shanghai). */
export function shortTime(iso: string): string {
  const t = new Date(Date.parse(iso) + SHANGHAI_MS).toISOString();
  return `${Number(t.slice(5, 7))}月${Number(t.slice(8, 10))}日 ${t.slice(11, 16)}`;
}

/** "2026年12月31日" for a 'YYYY-MM-DD' day. */
export function longDay(date: string): string {
  return `${date.slice(0, 4)}年${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;
}

/** 'YYYY-MM-DD' in Shanghai, `days` after `at`. */
export function dayAfter(days: number, at = Date.now()): string {
  return new Date(at + SHANGHAI_MS + days * DAY_MS).toISOString().slice(0, 10);
}

export interface TimelineStep {
  key: string;
  at: string;
  action: NeedAction | 'submit';
  title: string;
  /** "社区工作者 · 待受理 → 已受理" */
  by: string;
  state: NeedState;
  /** 承办人, 预计办结, 负责部门, 满意程度 … */
  facts: string[];
  note?: string;
  duplicateOf?: string;
}

function factsOf(h: NeedHistoryView): string[] {
  const facts: string[] = [];
  if (h.owner) facts.push(`承办人：${h.owner}`);
  if (h.expectedDate) facts.push(`预计办结：${longDay(h.expectedDate)}`);
  if (h.responsible) facts.push(`负责部门：${h.responsible}`);
  if (h.rating) facts.push(`评价：${SATISFACTION[h.rating]}`);
  return facts;
}

/** The need's timeline, oldest first: its filing, then every step of its history. */
export function timeline(n: Pick<NeedView, 'createdAt' | 'history'>): TimelineStep[] {
  const steps: TimelineStep[] = [{ key: 'submit', at: n.createdAt, action: 'submit', title: '居民提交诉求', by: `提交人 · ${NEED_STATE_NAMES.submitted}`, state: 'submitted', facts: [] }];
  n.history.forEach((h, i) =>
    steps.push({
      key: `${i}-${h.action}`,
      at: h.at,
      action: h.action,
      title: ACTION_NAMES[h.action],
      by: `${ACTOR_NAMES[h.role]} · ${NEED_STATE_NAMES[h.from]} → ${NEED_STATE_NAMES[h.to]}`,
      state: h.to,
      facts: factsOf(h),
      ...(h.note ? { note: h.note } : {}),
      ...(h.duplicateOf ? { duplicateOf: h.duplicateOf } : {}),
    }),
  );
  return steps;
}

/** Who is handling it and by when: from the latest step that named them (受理, or a later one). */
export function plan(n: Pick<NeedView, 'history' | 'state'>): { owner?: string; expectedDate?: string } | null {
  let owner: string | undefined;
  let expectedDate: string | undefined;
  for (const h of n.history) {
    if (h.owner) owner = h.owner;
    if (h.expectedDate) expectedDate = h.expectedDate;
  }
  return owner || expectedDate ? { ...(owner ? { owner } : {}), ...(expectedDate ? { expectedDate } : {}) } : null;
}

// ---- the duplicate suggestion ----

/** Words that say nothing about what is asked (and the single characters that only join them). */
const FILLERS = ['希望', '想要', '能不能', '可不可以', '没有', '缺少', '附近', '小区', '社区', '一个', '一下', '问题', '请问', '建议', '增加', '门口'];
const JOINERS = /[的了吗呢吧啊呀和与及在是有很都也把被太再还要想能]/g;
// Written out rather than \p{…}: older WeChat JS engines lack Unicode property escapes.
const PUNCTUATION = /[\s,，。.!！?？、;；:：()（）【】[\]"“”'‘’\-—~～·…/]+/;

/** The title's character pairs, without the compound's own name, fillers and punctuation. */
export function titlePairs(title: string, strip: readonly string[] = []): Set<string> {
  let t = title;
  for (const s of [...strip].filter(Boolean).sort((a, b) => b.length - a.length)) t = t.split(s).join(' ');
  for (const f of FILLERS) t = t.split(f).join(' ');
  const pairs = new Set<string>();
  for (const part of t.replace(JOINERS, ' ').split(PUNCTUATION)) {
    const chars = [...part];
    for (let i = 0; i + 1 < chars.length; i++) pairs.add(chars[i] + chars[i + 1]);
  }
  return pairs;
}

/** 0–1: how much of the shorter title's pairs the other one shares. */
export function titleSimilarity(a: string, b: string, strip: readonly string[] = []): number {
  const pa = titlePairs(a, strip);
  const pb = titlePairs(b, strip);
  if (!pa.size || !pb.size) return 0;
  let shared = 0;
  for (const p of pa) if (pb.has(p)) shared++;
  return shared / Math.min(pa.size, pb.size);
}

export const SIMILAR_THRESHOLD = 0.25;

/**
 * Open needs of the same kind in the same compound (or a neighbouring one, when `neighbours` names them) whose
 * titles are like this one, most alike first (at most `limit`): offered as 支持这条 before a resident files a
 * second copy.
 */
export function similarNeeds(
  title: string,
  candidates: readonly NeedView[],
  where: { kind: NeedKind; compoundId: string; compoundName?: string; neighbours?: readonly string[] },
  limit = 3,
): NeedView[] {
  if ([...title.trim()].length < 2) return [];
  const strip = where.compoundName ? [where.compoundName, where.compoundName.replace(/(小区|新村|社区|花园|苑)$/, '')] : [];
  return candidates
    .filter((n) => n.kind === where.kind && (n.compoundId === where.compoundId || !!where.neighbours?.includes(n.compoundId)) && isOpen(n.state))
    .map((n) => ({ n, score: titleSimilarity(title, n.title, strip) }))
    .filter((s) => s.score >= SIMILAR_THRESHOLD)
    .sort((a, b) => b.score - a.score || b.n.supports - a.n.supports)
    .slice(0, limit)
    .map((s) => s.n);
}

/** The compounds of a circle within a 10-minute walk of this one (itself included): its neighbours for duplicates. */
export function neighbouringCompounds(communities: ReadonlyArray<{ id: string; lat: number; lng: number }>, compoundId: string): string[] {
  const here = communities.find((c) => c.id === compoundId);
  if (!here) return [compoundId];
  return communities.filter((c) => distanceMetres(here, c) <= reachMetres(10)).map((c) => c.id);
}

// ---- the form ----

export interface NeedForm {
  compoundId: string | null;
  kind: NeedKind | null;
  title: string;
  text: string;
}

/** What is still missing, in the words the server would use (null when it can be sent). */
export function formProblem(f: NeedForm): string | null {
  if (!f.compoundId) return '请选择您住的小区';
  if (!f.kind) return '请选择诉求类型';
  const title = [...f.title.trim()].length;
  if (title < 2) return '标题至少2个字';
  if (title > NEED_LIMITS.titleMax) return `标题最多${NEED_LIMITS.titleMax}个字`;
  const text = [...f.text.trim()].length;
  if (text < 5) return '内容至少5个字，说说具体情况';
  if (text > NEED_LIMITS.textMax) return `内容最多${NEED_LIMITS.textMax}个字`;
  return null;
}

export const KIND_HINTS: Record<NeedKind, string> = {
  missing_service: '附近缺少某类便民服务',
  outlet_problem: '某个网点的价格、服务等问题',
  public_facility: '路灯、座椅、坡道等公共设施',
  other: '其他想反映的事',
};
export const KIND_LIST = Object.keys(NEED_KINDS) as NeedKind[];

// ---- the worker's actions ----

export type ActionField = 'owner' | 'expectedDate' | 'duplicateOf' | 'responsible';

export interface WorkerChoice {
  action: NeedAction;
  label: string;
  fields: ActionField[];
  notePlaceholder: string;
  primary?: boolean;
  danger?: boolean;
}

/** In the order offered; a need shows only those its `actions` allow now. */
export const WORKER_CHOICES: WorkerChoice[] = [
  { action: 'accept', label: '受理', fields: ['owner', 'expectedDate'], notePlaceholder: '回复居民：已收到，准备怎么办', primary: true },
  { action: 'plan', label: '列入计划', fields: [], notePlaceholder: '列入哪项计划、何时实施' },
  { action: 'start', label: '开始办理', fields: [], notePlaceholder: '现在在做什么' },
  { action: 'resolve', label: '办结', fields: [], notePlaceholder: '办了什么、结果如何', primary: true },
  { action: 'markDuplicate', label: '合并为重复', fields: ['duplicateOf'], notePlaceholder: '为什么是同一件事' },
  { action: 'outOfScope', label: '非本社区职责', fields: ['responsible'], notePlaceholder: '已转告对方、居民可以怎么找' },
  { action: 'decline', label: '暂不办理', fields: [], notePlaceholder: '为什么暂不办理（居民会看到）', danger: true },
  { action: 'hide', label: '屏蔽', fields: [], notePlaceholder: '屏蔽原因（如含有个人信息），原文会保留备查', danger: true },
];

export function workerChoices(actions: readonly NeedAction[]): WorkerChoice[] {
  return WORKER_CHOICES.filter((c) => actions.includes(c.action));
}

export interface ActionForm {
  note: string;
  owner: string;
  expectedDate: string;
  duplicateOf: string;
  responsible: string;
}

/** What a worker's action still needs before it can be sent (null when ready). */
export function actionProblem(choice: WorkerChoice, f: ActionForm, today = dayAfter(0)): string | null {
  if (choice.fields.includes('owner') && !f.owner.trim()) return '请填写承办人';
  if (choice.fields.includes('expectedDate')) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(f.expectedDate) || Number.isNaN(Date.parse(f.expectedDate))) return '请填写预计办结日期，如 2026-12-31';
    if (f.expectedDate < today) return '预计办结日期不能早于今天';
  }
  if (choice.fields.includes('duplicateOf') && !f.duplicateOf) return '请选择与哪条诉求重复';
  if (choice.fields.includes('responsible') && !f.responsible.trim()) return '请写明由哪个部门负责';
  if (!f.note.trim()) return '请填写说明';
  return null;
}

/** Days after today offered for the expected date. */
export const EXPECTED_OFFSETS: Array<[number, string]> = [[3, '3天'], [7, '1周'], [14, '2周'], [30, '1个月']];

// ---- SLA ----

export type SlaColour = 'red' | 'yellow' | 'blue';
export const SLA_COLOURS: Record<SlaColour, { name: string; meaning: string }> = {
  red: { name: '红', meaning: '已超时' },
  yellow: { name: '黄', meaning: '一天内到期' },
  blue: { name: '蓝', meaning: '按时' },
};

/** The deadline the worker faces next: signing for it, then the first reply. */
export function slaLine(n: Pick<NeedView, 'sla' | 'history'>): string {
  if (!n.sla) return '';
  const signed = n.history.some((h) => h.action === 'accept');
  const replied = n.history.some((h) => h.role === 'worker');
  if (!signed) return `签收期限：${shortTime(n.sla.signBy)}`;
  if (!replied) return `答复期限：${shortTime(n.sla.replyBy)}`;
  return n.sla.overdue ? '签收或答复曾超时' : '已按时签收、答复';
}

/** The inbox's sections, in the order the work goes. */
export const INBOX_STATES: NeedState[] = ['submitted', 'accepted', 'planned', 'in_progress', 'resolved'];

// ---- the public figures ----

export function percent(v: number | null): string {
  if (v === null) return '—';
  const p = Math.round(v * 1000) / 10;
  return `${p}%`;
}

/** Days to 0.1 (the server rounds them so): under 0.05 days (about an hour) is not "0 days". */
export function daysText(v: number | null): string {
  if (v === null) return '—';
  return v === 0 ? '不到0.1天' : `${v}天`;
}

/** 'YYYY-MM' of this month in Shanghai and the `count - 1` before it, newest first. */
export function recentMonths(count: number, at = Date.now()): string[] {
  const now = new Date(at + SHANGHAI_MS);
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - i, 1));
    out.push(`${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`);
  }
  return out;
}

export function monthLabel(month: string): string {
  return `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月`;
}

export type FigureKey = 'acceptedRate' | 'onTimeSignRate' | 'resolvedRate' | 'satisfiedRate' | 'reopenRate' | 'medianDaysToResolve';

/** Each public figure with how it is counted, as the page explains it. */
export const FIGURES: Array<{ key: FigureKey; name: string; how: string }> = [
  { key: 'acceptedRate', name: '受理率', how: '社区签收受理的诉求占本月有效诉求的比例' },
  { key: 'onTimeSignRate', name: '按时签收率', how: '在1个工作日内签收的，占已受理诉求的比例' },
  { key: 'resolvedRate', name: '办结率', how: '真正办结的诉求占有效诉求的比例（暂不办理、非本社区职责不算办结）' },
  { key: 'satisfiedRate', name: '满意率', how: '居民评价为满意或基本满意的，占已评价诉求的比例' },
  { key: 'reopenRate', name: '重办率', how: '办结后被居民申请重办的，占已办结诉求的比例' },
  { key: 'medianDaysToResolve', name: '办结用时（中位数）', how: '从提交到最后一次办结的天数，取中间值' },
];

export function figureText(key: FigureKey, v: number | null): string {
  return key === 'medianDaysToResolve' ? daysText(v) : percent(v);
}
