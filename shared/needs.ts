/**
 * Residents' needs (微诉求 / 需求清单): states, kinds and outcomes shared by the functions and the pages.
 * The loop follows the 12345 hotlines' 受理 → 办理 → 回复 → 回访, with outcomes that say why a need closed.
 */
export const NEED_KINDS = { missing_service: '缺少服务', outlet_problem: '网点问题', public_facility: '公共设施', other: '其他' } as const;
export type NeedKind = keyof typeof NEED_KINDS;

export const NEED_STATES = ['submitted', 'accepted', 'planned', 'in_progress', 'resolved', 'confirmed', 'duplicate', 'out_of_scope', 'declined', 'withdrawn', 'hidden'] as const;
export type NeedState = (typeof NEED_STATES)[number];

export const NEED_STATE_NAMES: Record<NeedState, string> = {
  submitted: '待受理',
  accepted: '已受理',
  planned: '已列入计划',
  in_progress: '办理中',
  resolved: '已办结',
  confirmed: '已确认',
  duplicate: '重复诉求',
  out_of_scope: '非本社区职责',
  declined: '暂不办理',
  withdrawn: '已撤回',
  hidden: '已屏蔽',
};

export type NeedAction = 'accept' | 'plan' | 'start' | 'resolve' | 'confirm' | 'autoConfirm' | 'reopen' | 'markDuplicate' | 'outOfScope' | 'decline' | 'withdraw' | 'hide';
export type NeedActor = 'author' | 'worker' | 'system';

/** States in which a need is still being worked on: supports are taken only then. */
export const OPEN_NEED_STATES: readonly NeedState[] = ['submitted', 'accepted', 'planned', 'in_progress'];

export const SATISFACTION = { satisfied: '满意', mostly: '基本满意', unsatisfied: '不满意' } as const;
export type Satisfaction = keyof typeof SATISFACTION;

export const NEED_LIMITS = {
  textMax: 500,
  titleMax: 40,
  /** The author may confirm or reopen a resolved need for this long; after it, the need confirms itself. */
  confirmDays: 14,
  /** Reopened this many times, a need is flagged for escalation. */
  escalateAfterReopens: 2,
  perDayNeeds: 3,
  perDaySupports: 50,
  /** Accounts younger than this cannot support. */
  supportMinAccountHours: 24,
} as const;

/** The service level the worker is held to, in working days (Monday–Friday). */
export const NEED_SLA = { signWorkingDays: 1, replyWorkingDays: 3 } as const;
