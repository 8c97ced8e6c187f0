/** Residents' reports (纠错) in words: counted by kind for the worker, and what came of them for the reporter. */
import type { OutletReport, ReportTask } from '@shared/api';
import { REPORT_KINDS, REPORT_OUTCOMES, type ReportKind } from '@shared/outlets';

/** "已关门 ×3 · 时间不对 ×1": the reports counted by kind, most first — the first thing the worker reads. */
export function kindCounts(reports: ReportTask['reports']): string {
  const counts = new Map<ReportKind, number>();
  for (const r of reports) counts.set(r.kind, (counts.get(r.kind) ?? 0) + 1);
  return [...counts]
    .sort((a, b) => b[1] - a[1])
    .map(([k, n]) => `${REPORT_KINDS[k]} ×${n}`)
    .join(' · ');
}

/** What the reporter is told: the outcome and the worker's note, or that the community is still checking. */
export function reportOutcomeText(r: Pick<OutletReport, 'outcome' | 'outcomeNote'>): { done: boolean; text: string } {
  if (!r.outcome) return { done: false, text: '社区核实中' };
  return { done: true, text: REPORT_OUTCOMES[r.outcome] + (r.outcomeNote ? `：${r.outcomeNote}` : '') };
}
