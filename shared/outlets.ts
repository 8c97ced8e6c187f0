/**
 * An outlet's life on the map (进图), shared by the server and the pages: its states and their names, the
 * legal bases an outlet may be listed on, and the reasons a worker's decision must give.
 *
 *   draft ──submit──▶ submitted ──approve──▶ listed ⇄ suspended (reinstate) / closed_temporarily (until a date)
 *     ▲                 │  └─reject──▶ rejected        └──closePermanently──▶ closed_permanently
 *     └───submit─── needs_changes ◀─askChanges─┘
 */
import type { ApprovalState } from './api';
import { openState, type OpeningHours, type OpenState } from './hours';
import { shanghaiDate } from './time';
import type { OutletStatus } from './outlet-status';

// The statuses live in a module of their own, free of dependencies (see there); everything else imports them from here.
export { OUTLET_STATUSES, OUTLET_STATUS_NAMES, FINDABLE_STATUSES, approvalOf, type OutletStatus } from './outlet-status';

/** The status of an outlet record; outlets loaded before statuses existed have only their approval. */
export function statusOf(o: { status?: OutletStatus; approval: ApprovalState }): OutletStatus {
  if (o.status) return o.status;
  return ({ approved: 'listed', pending: 'submitted', rejected: 'rejected', suspended: 'suspended' } as const)[o.approval];
}

/** What makes an outlet lawful to list (《无证无照经营查处办法》 art. 3 names the two licence-free cases). */
export const LEGAL_BASES = ['licence', 'skill_service', 'designated_stall', 'community'] as const;
export type LegalBasisKind = (typeof LEGAL_BASES)[number];
export const LEGAL_BASIS_NAMES: Record<LegalBasisKind, string> = {
  licence: '营业执照',
  skill_service: '便民劳务（依法无需办照）',
  designated_stall: '政府指定场所和时段的摊位',
  community: '社区或公益服务',
};

export type LegalBasis =
  | { kind: 'licence'; licenceNo: string }
  | { kind: 'skill_service' }
  | { kind: 'designated_stall'; place: string; hours: string }
  | { kind: 'community'; organiser: string };

/** Why a worker decided as they did: a code people can count, with a note in words. */
export const DECISION_REASONS = {
  incomplete: '资料不全',
  prices_unclear: '价格未明码标价',
  wrong_location: '位置或地址不符',
  not_in_circle: '不在本生活圈',
  not_allowed: '不属于便民服务业态',
  no_legal_basis: '经营依据不足',
  duplicate: '重复登记',
  complaints: '居民反映问题较多',
  closed: '已停止经营',
  renovation: '装修或临时歇业',
  other: '其他',
} as const;
export type DecisionReason = keyof typeof DECISION_REASONS;

/** Open now, unless closed until a date (暂停营业), whatever the weekly hours say. */
export function outletOpenState(o: { hours: OpeningHours; closedUntil?: string }, now: Date): OpenState {
  if (o.closedUntil && shanghaiDate(now) <= o.closedUntil) {
    const [, m, d] = o.closedUntil.split('-').map(Number);
    return { open: false, alwaysOpen: false, label: `暂停营业 · ${m}月${d}日后恢复` };
  }
  return openState(o.hours, now);
}

/** What a resident can report about an outlet (纠错). */
export const REPORT_KINDS = { closed: '已关门', wrong_hours: '时间不对', wrong_price: '价格不符', wrong_location: '位置不对' } as const;
export type ReportKind = keyof typeof REPORT_KINDS;
/** Independent reports within this many days that make a task for the worker; one per person per outlet in it. */
export const REPORT_WINDOW_DAYS = 30;
export const REPORTS_FOR_TASK = 3;
export const REPORT_OUTCOMES = { edited: '已更正', closed: '已确认关门', dismissed: '经核实无误' } as const;
export type ReportOutcome = keyof typeof REPORT_OUTCOMES;

/** 定点不定人: who works at a booth when (a 便民服务亭 or a tidal stall shared by several craftspeople). */
export interface Provider {
  name: string;
  craft: string;
  days: number[];
  open: string;
  close: string;
}

export interface ProvidersNow {
  current?: Provider & { until: string };
  next?: Provider & { from: string; dayOffset: number };
}

/** Who is at the booth now and who comes next, in China time. */
export function providersNow(providers: readonly Provider[] | undefined, now: Date): ProvidersNow {
  const out: ProvidersNow = {};
  let best: { at: number; p: Provider; from: string; dayOffset: number } | undefined;
  for (const p of providers ?? []) {
    const state = openState({ windows: [{ days: p.days, open: p.open, close: p.close }] }, now);
    if (state.open && !out.current) out.current = { ...p, until: state.closesAt?.time ?? p.close };
    else if (!state.open && state.opensAt) {
      const at = state.opensAt.dayOffset * 1440 + Number(state.opensAt.time.slice(0, 2)) * 60 + Number(state.opensAt.time.slice(3));
      if (!best || at < best.at) best = { at, p, from: state.opensAt.time, dayOffset: state.opensAt.dayOffset };
    }
  }
  if (best) out.next = { ...best.p, from: best.from, dayOffset: best.dayOffset };
  return out;
}
