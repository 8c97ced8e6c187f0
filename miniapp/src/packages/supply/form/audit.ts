/** An outlet's audit trail in words: who did what, when and why (the entries are append-only on the server). */
import { DECISION_REASONS, OUTLET_STATUS_NAMES } from '@shared/outlets';
import type { Change } from '@shared/revisions';
import { recordTime } from '@/services/dates';
import type { AuditEntry } from '../api';
import { FIELD_NAMES } from './changes';

const ACTIONS: Record<string, string> = {
  create: '创建申请草稿',
  submit: '提交审核',
  approve: '审核通过，已进图',
  reject: '审核未通过',
  askChanges: '退回修改',
  suspend: '暂停展示',
  reinstate: '恢复展示',
  closeTemporarily: '暂停营业',
  closePermanently: '关闭网点',
  edit: '修改信息，已发布',
  editPartlyPending: '修改信息，部分待社区审核',
  confirm: '确认信息无变化',
  approveRevision: '修改审核通过',
  rejectRevision: '修改未通过',
  'reports:edited': '居民纠错：已更正',
  'reports:closed': '居民纠错：确认已关门',
  'reports:dismissed': '居民纠错：经核实无误',
};

const ROLES: Record<AuditEntry['role'], string> = { owner: '网点负责人', worker: '社区工作者', system: '系统' };

export interface AuditLine {
  id: string;
  at: string;
  who: string;
  what: string;
  /** The reason, the note and the date, in one line; empty when there are none. */
  why: string;
}

export function auditLine(e: AuditEntry): AuditLine {
  let what = ACTIONS[e.action] ?? e.action;
  if (e.to && !ACTIONS[e.action]) what += `（${OUTLET_STATUS_NAMES[e.to]}）`;
  const details: string[] = [];
  if (e.reason) details.push(DECISION_REASONS[e.reason] ?? e.reason);
  if (e.until) details.push(`至${e.until}`);
  // An edit's note lists the fields it changed, as keys; the rest are words a person wrote.
  if (e.note && (e.action === 'edit' || e.action === 'editPartlyPending')) {
    const fields = [...new Set(e.note.split(','))].map((f) => FIELD_NAMES[f as Change['field']] ?? f);
    details.push(`改了${fields.join('、')}`);
  } else if (e.note) details.push(e.note);
  return { id: e.id, at: recordTime(e.at), who: ROLES[e.role] ?? e.role, what, why: details.join('；') };
}
