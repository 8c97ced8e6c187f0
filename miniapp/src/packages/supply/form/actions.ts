/**
 * Which decisions the worker is offered for an outlet, by where it is in its life (the moves the server's
 * lifecycle allows; shared/outlets.ts draws them). Reasons are asked wherever the answer is a "no".
 */
import type { DecisionReason, OutletStatus } from '@shared/outlets';

export interface ActionChoice {
  key: string;
  label: string;
  /** A "no" is always explained: the server refuses it without a reason. */
  needsReason: boolean;
  /** Closing for a while: the last closed day. */
  needsDate?: boolean;
  danger?: boolean;
  primary?: boolean;
  /** The reasons that fit this decision, when not all of them do. */
  reasons?: DecisionReason[];
  /** Picked in advance where only one fits (the code list has no "fixed" for a reinstatement). */
  defaultReason?: DecisionReason;
  /** What the note asks for, when it is not the default "to the merchant" line. */
  notePlaceholder?: string;
  noteRequired?: boolean;
}

const FIX: DecisionReason[] = ['incomplete', 'prices_unclear', 'wrong_location', 'no_legal_basis', 'other'];
const STOP: DecisionReason[] = ['complaints', 'closed', 'renovation', 'no_legal_basis', 'wrong_location', 'other'];

export const APPLICATION_ACTIONS: ActionChoice[] = [
  { key: 'approve', label: '通过，进图', needsReason: false, primary: true, reasons: [] },
  { key: 'askChanges', label: '退回修改', needsReason: true, reasons: FIX },
  { key: 'reject', label: '不通过', needsReason: true, danger: true },
];

export const REVISION_ACTIONS: ActionChoice[] = [
  { key: 'approve', label: '同意修改', needsReason: false, primary: true, reasons: [] },
  { key: 'reject', label: '不同意', needsReason: true, danger: true, reasons: FIX },
];

const SUSPEND: ActionChoice = { key: 'suspend', label: '暂停展示', needsReason: true, reasons: STOP };
const CLOSE_FOR_A_WHILE: ActionChoice = { key: 'closeTemporarily', label: '暂停营业', needsReason: true, needsDate: true, reasons: ['renovation', 'closed', 'other'] };
const CLOSE: ActionChoice = { key: 'closePermanently', label: '关闭网点', needsReason: true, danger: true, reasons: STOP };
const REINSTATE: ActionChoice = { key: 'reinstate', label: '恢复展示', needsReason: true, primary: true, reasons: ['other'], defaultReason: 'other' };

/** An outlet nobody confirmed for a year: the worker checks it (a call, a visit) and says how in the note. */
export const STALE_CONFIRM: ActionChoice = { key: 'confirm', label: '已核实，信息无变化', needsReason: false, primary: true, reasons: [], notePlaceholder: '核实方式，如：电话核实，仍在原址营业', noteRequired: true };

/** 网点管理: the circle's listed, suspended and temporarily closed outlets. */
export function manageActions(status: OutletStatus): ActionChoice[] {
  if (status === 'listed') return [SUSPEND, CLOSE_FOR_A_WHILE, CLOSE];
  if (status === 'suspended') return [REINSTATE, CLOSE];
  if (status === 'closed_temporarily') return [{ ...REINSTATE, label: '提前恢复营业' }, SUSPEND, CLOSE];
  return [];
}
