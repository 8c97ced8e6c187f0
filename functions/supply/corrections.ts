/**
 * 纠错: residents report that an outlet has closed, or that its hours, prices or place are wrong. One report per
 * person per outlet per 30 days; three independent ones within 30 days make a task in the circle worker's
 * queue. The worker resolves it (corrected, confirmed closed — which closes the outlet — or dismissed with a
 * reason) and every reporter sees the outcome.
 */
import { randomUUID } from 'node:crypto';
import { AppError, forbidden, notFound } from '../core/errors';
import type { AuthUser } from '../auth/authenticate';
import { ownsOutlet, requireWorker, requireWorkerOf } from '../auth/policies';
import { listedOutlet } from '../outlets/listed';
import { auditPut, getOutletWithServices, saveOutlet } from '../outlets/store';
import { fileReport, getReportTask, listReportsOfUser, listReportTasks, resolveItems, writeResolution } from '../outlets/report-store';
import { decide } from '../outlets/lifecycle';
import { approvalOf, REPORT_WINDOW_DAYS, REPORTS_FOR_TASK, statusOf, type DecisionReason, type ReportKind, type ReportOutcome } from '../../shared/outlets';
import type { OutletReport, ReportTask } from '../../shared/api';
import { shanghaiDate } from '../../shared/time';

const WINDOW_MS = REPORT_WINDOW_DAYS * 86_400_000;

export async function reportOutlet(user: AuthUser, outletId: string, input: { kind: ReportKind; note?: string }, now: Date): Promise<OutletReport> {
  const outlet = await listedOutlet(outletId);
  if (ownsOutlet(user, outlet)) throw forbidden('请在“我的网点”里直接修改');
  const at = now.toISOString();
  const mine: OutletReport = { outletId, outletName: outlet.name, kind: input.kind, ...(input.note ? { note: input.note } : {}), at };
  for (let attempt = 0; attempt < 8; attempt++) {
    const read = await getReportTask(outletId);
    // Reports older than the window no longer count towards a task that has not opened yet.
    const recent = (read?.reports ?? []).filter((r) => read?.state === 'open' || now.getTime() - Date.parse(r.at) <= WINDOW_MS);
    const reports = [...recent, { userId: user.id, kind: input.kind, ...(input.note ? { note: input.note } : {}), at }];
    const opens = read?.state !== 'open' && reports.length >= REPORTS_FOR_TASK;
    const task: ReportTask = {
      outletId,
      outletName: outlet.name,
      circleId: outlet.circleId,
      state: read?.state === 'open' || opens ? 'open' : 'collecting',
      ...(read?.openedAt ? { openedAt: read.openedAt } : opens ? { openedAt: at } : {}),
      reports,
      version: (read?.version ?? 0) + 1,
    };
    const outcome = await fileReport(task, read?.version ?? 0, mine, user.id, new Date(now.getTime() + WINDOW_MS).toISOString(), now);
    if (outcome === 'filed') return mine;
    if (outcome === 'tooSoon') throw new AppError('CONFLICT', `您在${REPORT_WINDOW_DAYS}天内已经反映过这个网点，社区正在核实`, { reason: 'ALREADY_REPORTED' });
  }
  throw new AppError('UPSTREAM_BUSY', '当前反映的人较多，请稍后再试');
}

export async function myReports(user: AuthUser) {
  return { items: await listReportsOfUser(user.id) };
}

/** Open tasks of the worker's circle, oldest first. */
export async function reportTasks(worker: AuthUser) {
  const circleId = requireWorker(worker, '只有社区工作者可以处理纠错');
  return { items: await listReportTasks(circleId) };
}

export async function resolveReports(worker: AuthUser, outletId: string, input: { outcome: ReportOutcome; reason?: DecisionReason; note?: string }, now: Date): Promise<ReportTask> {
  const current = await getOutletWithServices(outletId);
  if (!current) throw notFound('网点');
  requireWorkerOf(worker, current.outlet.circleId, '只能处理本社区网点的纠错', '只有社区工作者可以处理纠错');
  if (ownsOutlet(worker, current.outlet)) throw forbidden('不能处理自己网点的纠错');
  const task = await getReportTask(outletId);
  if (!task || task.state !== 'open') throw notFound('纠错任务');
  if (input.outcome === 'dismissed' && !input.reason) throw new AppError('VALIDATION_FAILED', '请选择核实后的原因');
  const at = now.toISOString();
  const items = resolveItems(task, { outcome: input.outcome, ...(input.note ? { note: input.note } : {}), by: worker.id, at });
  const audit = auditPut(outletId, { id: randomUUID().replace(/-/g, '').slice(0, 12), at, by: worker.id, role: 'worker', action: `reports:${input.outcome}`, ...(input.reason ? { reason: input.reason } : {}), ...(input.note ? { note: input.note } : {}) });
  if (input.outcome === 'closed') {
    // Confirmed closed: the outlet leaves the map in the same transaction as the task.
    const from = statusOf(current.outlet);
    const to = decide(from, { action: 'closePermanently', reason: 'closed' }, 'worker', shanghaiDate(now));
    const saved = await saveOutlet({ ...current.outlet, status: to, approval: approvalOf(to) }, current.services, { previous: current, extras: { ...items, audit } });
    if (saved !== 'saved') throw new AppError('CONFLICT', '网点或纠错刚刚有了变化，请刷新后再处理', { reason: 'CHANGED' });
  } else if ((await writeResolution(items, audit)) !== 'resolved') {
    throw new AppError('CONFLICT', '纠错刚刚有了新的反映，请刷新后再处理', { reason: 'CHANGED' });
  }
  return task;
}
