/** The need as stored and as the API shows it. */
import type { NeedAction, NeedActor, NeedKind, NeedState, Satisfaction } from './needs';

/** One step of a need's history: who (by id, kept for the audit), in which role, what, and why. */
export interface NeedHistoryEntry {
  at: string;
  by: string;
  role: NeedActor;
  action: NeedAction;
  from: NeedState;
  to: NeedState;
  note?: string;
  owner?: string;
  expectedDate?: string;
  duplicateOf?: string;
  responsible?: string;
  rating?: Satisfaction;
  gap?: { type: string; compoundId?: string };
}

/** The public timeline: the same steps without who took them. */
export type NeedHistoryView = Omit<NeedHistoryEntry, 'by'>;

export interface NeedRecord {
  id: string;
  circleId: string;
  compoundId: string;
  /** The resident the need is for (an elder, when a relative files it). */
  authorId: string;
  /** Who filed it: the author, or a linked relative (家属代提). */
  filedBy: string;
  kind: NeedKind;
  title: string;
  text: string;
  outletId?: string;
  /** Hidden from the public (never from the worker). */
  anonymous: boolean;
  /** WeChat's content check asked for a review: kept off public lists until the worker has acted on it. */
  inReview?: boolean;
  state: NeedState;
  supports: number;
  reopens: number;
  escalated: boolean;
  resolvedAt?: string;
  owner?: string;
  expectedDate?: string;
  duplicateOf?: string;
  responsible?: string;
  history: NeedHistoryEntry[];
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** What residents see: no ids of people, the author's name only when not anonymous. */
export interface NeedView {
  id: string;
  circleId: string;
  compoundId: string;
  compoundName: string;
  kind: NeedKind;
  title: string;
  text: string;
  outletId?: string;
  /** The outlet a 网点问题 is about, by name. */
  outletName?: string;
  author: string;
  state: NeedState;
  stateName: string;
  supports: number;
  reopens: number;
  escalated: boolean;
  inReview: boolean;
  createdAt: string;
  history: NeedHistoryView[];
  /** For the caller: whether they are its author, have supported it, and which actions they may take now. */
  mine: boolean;
  supported: boolean;
  actions: NeedAction[];
  sla?: { signBy: string; replyBy: string; overdue: boolean; colour: 'red' | 'yellow' | 'blue' | null };
}

/** A circle's public figures for one month, computed from the histories (functions/needs/figures.ts). */
export interface MonthFigures {
  month: string;
  submitted: number;
  /** 受理率, 按时签收率, 办结率, 满意率, 重办率 as shares 0–1 (null when there is nothing to divide by). */
  acceptedRate: number | null;
  onTimeSignRate: number | null;
  resolvedRate: number | null;
  satisfiedRate: number | null;
  reopenRate: number | null;
  medianDaysToResolve: number | null;
}
