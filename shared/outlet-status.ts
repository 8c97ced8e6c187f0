/**
 * An outlet's status and its name, with no dependencies of its own: the main package of the mini-program
 * (我的) shows an applicant's status without loading the opening-hours and time rules that shared/outlets.ts
 * brings. shared/outlets.ts re-exports all of it: the main package imports this module, everything else that one.
 */
import type { ApprovalState } from './api';

export const OUTLET_STATUSES = ['draft', 'submitted', 'needs_changes', 'listed', 'rejected', 'suspended', 'closed_temporarily', 'closed_permanently'] as const;
export type OutletStatus = (typeof OUTLET_STATUSES)[number];

export const OUTLET_STATUS_NAMES: Record<OutletStatus, string> = {
  draft: '草稿',
  submitted: '待审核',
  needs_changes: '待修改',
  listed: '已进图',
  rejected: '未通过',
  suspended: '已暂停展示',
  closed_temporarily: '暂停营业',
  closed_permanently: '已关闭',
};

/**
 * Residents find these on the map and in nearby search. A temporarily closed outlet stays findable, marked
 * closed until its date, so nobody walks there in vain and nothing has to put it back when the date passes.
 */
export const FINDABLE_STATUSES: readonly OutletStatus[] = ['listed', 'closed_temporarily'];

/** The coarse state the older parts of the app (and the nearby index) go by. */
export function approvalOf(status: OutletStatus): ApprovalState {
  if (FINDABLE_STATUSES.includes(status)) return 'approved';
  if (status === 'rejected') return 'rejected';
  if (status === 'suspended' || status === 'closed_permanently') return 'suspended';
  return 'pending';
}
