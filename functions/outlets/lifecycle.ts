/**
 * The outlet lifecycle, pure (the diagram is in shared/outlets.ts). `decide` says whether this actor may take
 * this action on an outlet in this status now, and what the status becomes; illegal moves are 409s and the
 * wrong actor a 403, so nothing is written. Reasons are required where a person is told "no".
 */
import { AppError } from '../core/errors';
import { OUTLET_STATUS_NAMES, type DecisionReason, type OutletStatus } from '../../shared/outlets';

export const OUTLET_ACTIONS = ['submit', 'approve', 'reject', 'askChanges', 'suspend', 'reinstate', 'closeTemporarily', 'closePermanently'] as const;
export type OutletAction = (typeof OUTLET_ACTIONS)[number];
/** The worker's decisions (the applicant only submits). */
export type WorkerAction = Exclude<OutletAction, 'submit'>;

interface Rule {
  from: readonly OutletStatus[];
  to: OutletStatus;
  by: 'owner' | 'worker';
  needsReason?: boolean;
}

const RULES: Record<OutletAction, Rule> = {
  submit: { from: ['draft', 'needs_changes'], to: 'submitted', by: 'owner' },
  approve: { from: ['submitted'], to: 'listed', by: 'worker' },
  reject: { from: ['submitted'], to: 'rejected', by: 'worker', needsReason: true },
  askChanges: { from: ['submitted'], to: 'needs_changes', by: 'worker', needsReason: true },
  suspend: { from: ['listed', 'closed_temporarily'], to: 'suspended', by: 'worker', needsReason: true },
  reinstate: { from: ['suspended', 'closed_temporarily'], to: 'listed', by: 'worker', needsReason: true },
  closeTemporarily: { from: ['listed'], to: 'closed_temporarily', by: 'worker', needsReason: true },
  closePermanently: { from: ['listed', 'suspended', 'closed_temporarily'], to: 'closed_permanently', by: 'worker', needsReason: true },
};

export interface Decision {
  action: OutletAction;
  reason?: DecisionReason;
  note?: string;
  /** closeTemporarily: the last closed day, 'YYYY-MM-DD', after today. */
  until?: string;
}

/** The status after `d`, or the reason it cannot happen. `today` is the Shanghai date. */
export function decide(status: OutletStatus, d: Decision, by: 'owner' | 'worker', today: string): OutletStatus {
  const rule = RULES[d.action];
  if (rule.by !== by) throw new AppError('FORBIDDEN', by === 'owner' ? '这个操作由社区工作者进行' : '只有申请人可以提交');
  if (!rule.from.includes(status)) {
    throw new AppError('CONFLICT', `网点当前是“${OUTLET_STATUS_NAMES[status]}”，不能这样处理`, { reason: 'OUTLET_STATE', status });
  }
  if (rule.needsReason && !d.reason) throw new AppError('VALIDATION_FAILED', '请选择原因');
  if (d.action === 'closeTemporarily' && !(d.until && d.until > today)) throw new AppError('VALIDATION_FAILED', '请填写恢复营业的日期（今天以后）');
  return rule.to;
}
