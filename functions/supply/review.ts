/**
 * 进图: the circle's worker reviews applications and keeps the circle's outlets true — approve, reject, ask for
 * changes, suspend and reinstate, close for a while or for good. Each decision moves the record, its nearby
 * entries and an append-only audit entry in one transaction; approving also makes the applicant a merchant.
 */
import { randomUUID } from 'node:crypto';
import { AppError, forbidden, notFound } from '../core/errors';
import type { AuthUser } from '../auth/authenticate';
import { hasRole, ownsOutlet, requireWorker, requireWorkerOf } from '../auth/policies';
import { auditPut, getOutletWithServices, listAudit, listOutletsOfCircle, saveOutlet } from '../outlets/store';
import { decide, type Decision, type WorkerAction } from '../outlets/lifecycle';
import { getUser, grantRole } from '../users/store';
import { approvalOf, FINDABLE_STATUSES, statusOf, type OutletStatus } from '../../shared/outlets';
import { freshness } from '../../shared/freshness';
import type { Outlet, Service } from '../../shared/api';
import { shanghaiDate } from '../../shared/time';

const WORKER_ONLY = '只有社区工作者可以审核网点';

export interface ReviewItem {
  outlet: Outlet;
  status: OutletStatus;
  /** The price list, for what the worker reviews (applications and edits). */
  services?: Service[];
  /** Why it is in the queue: a new application, an edit waiting for review, or nothing confirmed for a year. */
  why: 'application' | 'revision' | 'stale' | 'status';
}

/**
 * The worker's queue: new applications, edits waiting for review and outlets nobody confirmed for a year,
 * oldest first; or, given statuses, the circle's outlets in those statuses (网点管理).
 */
export async function reviewQueue(worker: AuthUser, statuses?: readonly OutletStatus[], now = new Date()): Promise<{ items: ReviewItem[] }> {
  const circleId = requireWorker(worker, WORKER_ONLY);
  const items: ReviewItem[] = [];
  for (const outlet of await listOutletsOfCircle(circleId)) {
    const status = statusOf(outlet);
    if (statuses) {
      if (statuses.includes(status)) items.push({ outlet, status, why: 'status' });
    } else if (status === 'submitted') items.push({ outlet, status, why: 'application' });
    else if (outlet.pendingRevisionId) items.push({ outlet, status, why: 'revision' });
    else if (FINDABLE_STATUSES.includes(status) && freshness(outlet.checkedAt, now).stale) items.push({ outlet, status, why: 'stale' });
  }
  items.sort((a, b) => (a.outlet.submittedAt ?? '').localeCompare(b.outlet.submittedAt ?? ''));
  // The price list is part of what the worker checks (明码标价); a queue is a handful of outlets.
  await Promise.all(
    items
      .filter((i) => i.why === 'application' || i.why === 'revision')
      .map(async (i) => {
        i.services = (await getOutletWithServices(i.outlet.id))?.services ?? [];
      }),
  );
  return { items };
}

async function outletOfCircle(worker: AuthUser, id: string) {
  requireWorker(worker, WORKER_ONLY);
  const found = await getOutletWithServices(id);
  if (!found) throw notFound('网点');
  requireWorkerOf(worker, found.outlet.circleId, '只能审核本社区的网点', WORKER_ONLY);
  return found;
}

export async function decideOutlet(worker: AuthUser, id: string, d: Decision & { action: WorkerAction }, now: Date): Promise<Outlet> {
  const previous = await outletOfCircle(worker, id);
  if (ownsOutlet(worker, previous.outlet)) throw forbidden('不能审核自己的网点');
  const from = statusOf(previous.outlet);
  const to = decide(from, d, 'worker', shanghaiDate(now));
  const at = now.toISOString();
  const { closedUntil: _old, ...rest } = previous.outlet;
  void _old;
  const outlet: Outlet = { ...rest, status: to, approval: approvalOf(to), ...(to === 'closed_temporarily' ? { closedUntil: d.until } : {}), ...(to === 'listed' && from === 'submitted' ? { listedAt: at } : {}) };
  const applicant = previous.outlet.ownerId ? await getUser(previous.outlet.ownerId) : undefined;
  const makesMerchant = d.action === 'approve' && !!applicant && !hasRole({ id: applicant.id, roles: applicant.roles }, 'merchant');
  const saved = await saveOutlet(outlet, previous.services, {
    previous,
    extras: {
      audit: auditPut(id, { id: randomUUID().replace(/-/g, '').slice(0, 12), at, by: worker.id, role: 'worker', action: d.action, from, to, ...(d.reason ? { reason: d.reason } : {}), ...(d.note ? { note: d.note } : {}), ...(d.until ? { until: d.until } : {}) }),
      role: makesMerchant && grantRole(applicant!.id, 'merchant'),
    },
  });
  // Another worker decided, or the merchant edited, since this was read: nothing was written.
  if (saved !== 'saved') throw new AppError('CONFLICT', '这个网点刚刚有了变化，请刷新后再处理', { reason: 'CHANGED' });
  return outlet;
}

/** Every decision and change of an outlet, newest first: for its circle's worker and its owner. */
export async function outletAudit(user: AuthUser, id: string) {
  const found = await getOutletWithServices(id);
  if (!found) throw notFound('网点');
  if (!ownsOutlet(user, found.outlet)) requireWorkerOf(user, found.outlet.circleId, '只能查看本社区网点的记录', '只能查看自己网点的记录');
  return { items: (await listAudit(id)).reverse() };
}
