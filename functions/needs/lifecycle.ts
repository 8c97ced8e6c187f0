/**
 * The need state machine, pure. Every change of a need goes through `transition`: who may take the action
 * now, the next state, what it records, and the history entry. An illegal move is a 409 that changes nothing.
 *
 *   submitted ──accept (owner, expected date)──▶ accepted ──plan (gap)──▶ planned ──start──▶ in_progress
 *        │                                         └──────────start──────────────────────────▲   │
 *        │                                                                                  │   resolve (what was done)
 *        │                       resolved ◀── resolve (also from accepted, planned) ─────────┘   ▼
 *        │                          ├──confirm (author's rating, or the system after 14 days)──▶ confirmed
 *        │                          └──reopen (author, within 14 days)──▶ in_progress  (2 reopens: escalated)
 *   outcomes that say why: duplicate (of another need) · out_of_scope (who is responsible) · declined (reason)
 *                          · withdrawn (by the author) · hidden (moderation; the text is kept for the audit)
 */
import { AppError } from '../core/errors';
import { NEED_LIMITS, NEED_STATE_NAMES, type NeedAction, type NeedActor, type NeedState, type Satisfaction } from '../../shared/needs';
import type { NeedHistoryEntry } from '../../shared/needs-api';

export type { NeedAction, NeedActor, NeedHistoryEntry };

interface Rule {
  from: readonly NeedState[];
  to: NeedState;
  by: NeedActor;
  /** What the action must carry besides its note. */
  needs?: ReadonlyArray<'owner' | 'expectedDate' | 'duplicateOf' | 'responsible' | 'rating'>;
  /** A note is required (worker actions always say why). */
  note: boolean;
}

const WORKING: readonly NeedState[] = ['accepted', 'planned', 'in_progress'];

export const NEED_RULES: Record<NeedAction, Rule> = {
  accept: { from: ['submitted'], to: 'accepted', by: 'worker', needs: ['owner', 'expectedDate'], note: true },
  plan: { from: ['accepted'], to: 'planned', by: 'worker', note: true },
  start: { from: ['accepted', 'planned'], to: 'in_progress', by: 'worker', note: true },
  resolve: { from: WORKING, to: 'resolved', by: 'worker', note: true },
  confirm: { from: ['resolved'], to: 'confirmed', by: 'author', needs: ['rating'], note: false },
  autoConfirm: { from: ['resolved'], to: 'confirmed', by: 'system', note: false },
  reopen: { from: ['resolved'], to: 'in_progress', by: 'author', note: true },
  markDuplicate: { from: ['submitted', ...WORKING], to: 'duplicate', by: 'worker', needs: ['duplicateOf'], note: true },
  outOfScope: { from: ['submitted', 'accepted'], to: 'out_of_scope', by: 'worker', needs: ['responsible'], note: true },
  decline: { from: ['submitted', 'accepted', 'planned'], to: 'declined', by: 'worker', note: true },
  withdraw: { from: ['submitted', ...WORKING], to: 'withdrawn', by: 'author', note: false },
  hide: { from: ['submitted', ...WORKING, 'resolved', 'confirmed', 'duplicate', 'out_of_scope', 'declined', 'withdrawn'], to: 'hidden', by: 'worker', note: true },
};

export interface NeedFacts {
  state: NeedState;
  resolvedAt?: string;
  reopens?: number;
}

export interface NeedInput {
  note?: string;
  owner?: string;
  expectedDate?: string;
  duplicateOf?: string;
  responsible?: string;
  rating?: Satisfaction;
  /** A circle-health gap this need is planned against (type and compound). */
  gap?: { type: string; compoundId?: string };
}

export interface NeedTransition {
  to: NeedState;
  history: NeedHistoryEntry;
  reopens: number;
  escalated: boolean;
  /** Set when the need (re)enters resolved: the start of the author's 14 days. */
  resolvedAt?: string;
}

const DAY_MS = 86_400_000;

export function confirmDeadline(resolvedAt: string): Date {
  return new Date(Date.parse(resolvedAt) + NEED_LIMITS.confirmDays * DAY_MS);
}

export function transition(need: NeedFacts, action: NeedAction, actor: { id: string; role: NeedActor }, input: NeedInput, now: Date): NeedTransition {
  const rule = NEED_RULES[action];
  if (actor.role !== rule.by) throw new AppError('FORBIDDEN', '无权进行此操作');
  if (!rule.from.includes(need.state)) {
    throw new AppError('CONFLICT', `诉求当前为「${NEED_STATE_NAMES[need.state]}」，不能进行此操作`, { state: need.state, action });
  }
  if (rule.note && !input.note?.trim()) throw new AppError('VALIDATION_FAILED', '请填写说明');
  for (const field of rule.needs ?? []) {
    if (!input[field]) throw new AppError('VALIDATION_FAILED', MISSING[field]);
  }
  const inWindow = need.resolvedAt !== undefined && now < confirmDeadline(need.resolvedAt);
  if ((action === 'confirm' || action === 'reopen') && !inWindow) throw new AppError('CONFLICT', '已超过14天，诉求已自动确认');
  if (action === 'autoConfirm' && inWindow) throw new AppError('CONFLICT', '居民确认期尚未结束');

  const reopens = (need.reopens ?? 0) + (action === 'reopen' ? 1 : 0);
  const at = now.toISOString();
  const history: NeedHistoryEntry = { at, by: actor.id, role: actor.role, action, from: need.state, to: rule.to };
  for (const k of ['note', 'owner', 'expectedDate', 'duplicateOf', 'responsible', 'rating', 'gap'] as const) {
    const v = input[k];
    if (v !== undefined && v !== '') (history as unknown as Record<string, unknown>)[k] = typeof v === 'string' ? v.trim() : v;
  }
  return { to: rule.to, history, reopens, escalated: reopens >= NEED_LIMITS.escalateAfterReopens, ...(rule.to === 'resolved' ? { resolvedAt: at } : {}) };
}

const MISSING: Record<NonNullable<Rule['needs']>[number], string> = {
  owner: '请指定承办人',
  expectedDate: '请填写预计办结日期',
  duplicateOf: '请指出与哪条诉求重复',
  responsible: '请写明由哪个部门负责',
  rating: '请选择满意程度',
};
