/**
 * What the worker is held to and what the public sees, computed from needs' histories and never typed in.
 *
 * The SLA counts working days (Monday–Friday, China time): sign for a need within 1, first reply within 3.
 * The monthly figures are over the needs submitted that month; duplicates (counted through their original),
 * hidden needs and those withdrawn before anyone signed for them are left out of the base. Only a need that
 * was resolved counts as 办结: declined and out-of-scope are answered, not handled.
 */
import { inShanghai } from '../../shared/time';
import { NEED_SLA, OPEN_NEED_STATES, type NeedState } from '../../shared/needs';
import type { NeedHistoryEntry } from './lifecycle';
import type { MonthFigures } from '../../shared/needs-api';

export type { MonthFigures };

export interface NeedRecordLike {
  createdAt: string;
  state: NeedState;
  history: readonly NeedHistoryEntry[];
}

/** `n` working days after `at`, at the same time of day (a Friday afternoon's need is due Monday afternoon). */
export function addWorkingDays(at: string, n: number): Date {
  let t = inShanghai(at);
  let left = n;
  while (left > 0) {
    t = t.add(1, 'day');
    if (t.day() !== 0 && t.day() !== 6) left--;
  }
  return t.toDate();
}

export type SlaColour = 'red' | 'yellow' | 'blue';

export interface Sla {
  signBy: string;
  replyBy: string;
  signedAt?: string;
  repliedAt?: string;
  overdue: boolean;
  colour: SlaColour | null;
}

/** 红 overdue · 黄 past half the time to the next deadline · 蓝 fresh; none once the need is no longer open. */
export function slaOf(n: NeedRecordLike, now: Date): Sla {
  const signBy = addWorkingDays(n.createdAt, NEED_SLA.signWorkingDays);
  const replyBy = addWorkingDays(n.createdAt, NEED_SLA.replyWorkingDays);
  const signedAt = n.history.find((h) => h.action === 'accept')?.at;
  const repliedAt = n.history.find((h) => h.role === 'worker')?.at;
  const late = (done: string | undefined, by: Date) => (done ? Date.parse(done) > by.getTime() : now > by);
  const overdue = late(signedAt, signBy) || late(repliedAt, replyBy);
  let colour: SlaColour | null = null;
  if (OPEN_NEED_STATES.includes(n.state)) {
    const next = !signedAt ? signBy : !repliedAt ? replyBy : null;
    const half = next ? (Date.parse(n.createdAt) + next.getTime()) / 2 : Infinity;
    colour = overdue ? 'red' : now.getTime() >= half ? 'yellow' : 'blue';
  }
  return { signBy: signBy.toISOString(), replyBy: replyBy.toISOString(), ...(signedAt ? { signedAt } : {}), ...(repliedAt ? { repliedAt } : {}), overdue, colour };
}


const share = (a: number, b: number) => (b ? Math.round((a / b) * 1000) / 1000 : null);

function median(xs: number[]): number | null {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return Math.round((s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2) * 10) / 10;
}

export function monthFigures(needs: readonly NeedRecordLike[], month: string): MonthFigures {
  const ofMonth = needs.filter((n) => inShanghai(n.createdAt).format('YYYY-MM') === month);
  const base = ofMonth.filter((n) => {
    if (n.state === 'hidden' || n.state === 'duplicate') return false;
    const accepted = n.history.some((h) => h.action === 'accept');
    return accepted || n.state !== 'withdrawn';
  });
  const accepted = base.filter((n) => n.history.some((h) => h.action === 'accept'));
  const onTime = accepted.filter((n) => Date.parse(n.history.find((h) => h.action === 'accept')!.at) <= addWorkingDays(n.createdAt, NEED_SLA.signWorkingDays).getTime());
  const resolved = base.filter((n) => n.history.some((h) => h.action === 'resolve'));
  const ratings = base.flatMap((n) => {
    const r = [...n.history].reverse().find((h) => h.action === 'confirm')?.rating;
    return r ? [r] : [];
  });
  const reopened = resolved.filter((n) => n.history.some((h) => h.action === 'reopen'));
  const days = resolved.map((n) => {
    const last = [...n.history].reverse().find((h) => h.action === 'resolve')!;
    return (Date.parse(last.at) - Date.parse(n.createdAt)) / 86_400_000;
  });
  return {
    month,
    submitted: ofMonth.length,
    acceptedRate: share(accepted.length, base.length),
    onTimeSignRate: share(onTime.length, accepted.length),
    resolvedRate: share(resolved.length, base.length),
    satisfiedRate: share(ratings.filter((r) => r !== 'unsatisfied').length, ratings.length),
    reopenRate: share(reopened.length, resolved.length),
    medianDaysToResolve: median(days),
  };
}
