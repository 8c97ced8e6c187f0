/**
 * A listed outlet kept current by its merchant without dropping off the map: low-risk changes publish at once
 * and are audited, the rest wait for the circle's worker as one pending revision (shared/revisions.ts), and
 * "信息无变化" confirms every field in one tap. Price changes that go live join the public price history.
 */
import { randomUUID } from 'node:crypto';
import { AppError, forbidden, notFound } from '../core/errors';
import type { AuthUser } from '../auth/authenticate';
import { ownsOutlet, requireRole, requireWorkerOf } from '../auth/policies';
import type { TransactItem } from '../db/transact';
import { auditPut, getOutletWithServices, saveOutlet } from '../outlets/store';
import { getRevision, listPriceChanges, priceChangePut, revisionDelete, revisionPut, type RevisionRecord } from '../outlets/revision-store';
import { listedOutlet } from '../outlets/listed';
import { formatPrice } from '../../shared/money';
import { checked, FRESH_FIELDS } from '../../shared/freshness';
import { FINDABLE_STATUSES, statusOf, type DecisionReason } from '../../shared/outlets';
import { planRevision, type Change, type FreshField, type OutletFields } from '../../shared/revisions';
import type { OutletApplication } from '../../shared/schemas/outlet';
import type { Outlet, PendingRevision, Service } from '../../shared/api';
import { priceList } from './price-list';
import { assertInCircle } from './onboarding';

const shortId = () => randomUUID().replace(/-/g, '').slice(0, 12);
const priceText = (s: Service | null | undefined) => (s ? formatPrice(s.priceFen, s.priceMaxFen, s.unit) : null);

export function fieldsOf(o: Outlet | OutletApplication): OutletFields {
  return { name: o.name, categories: o.categories, lat: o.lat, lng: o.lng, address: o.address, phone: o.phone, hours: o.hours, legalBasis: o.legalBasis, description: o.description, providers: o.providers };
}

/** The price history lines of the price changes that go live now. */
function priceLines(outletId: string, changes: Change[], at: string): TransactItem[] {
  return changes
    .filter((c) => c.field === 'prices' && priceText(c.from as Service) !== priceText(c.to as Service))
    .map((c) => priceChangePut(outletId, { at, serviceId: c.serviceId!, name: ((c.to ?? c.from) as Service).name, from: priceText(c.from as Service), to: priceText(c.to as Service) }));
}

async function ownListedOutlet(user: AuthUser, id: string) {
  requireRole(user, 'merchant', '只有商户可以修改网点信息');
  const found = await getOutletWithServices(id);
  if (!found || !ownsOutlet(user, found.outlet)) throw notFound('网点');
  if (!FINDABLE_STATUSES.includes(statusOf(found.outlet))) throw new AppError('CONFLICT', '网点还未进图或已暂停，请在申请中修改或联系社区', { reason: 'OUTLET_STATE' });
  return found;
}

export async function editOutlet(user: AuthUser, id: string, input: OutletApplication, now: Date): Promise<{ outlet: Outlet; services: Service[]; pending: PendingRevision | null; changes: Change[] }> {
  const current = await ownListedOutlet(user, id);
  if (input.circleId !== current.outlet.circleId) throw forbidden('不能把网点改到另一个生活圈');
  // A pin moved over 50 m waits for review, but one moved out of the circle's reach is no edit to hold at all.
  if (input.lat !== current.outlet.lat || input.lng !== current.outlet.lng) await assertInCircle(input);
  const plan = planRevision({ fields: fieldsOf(current.outlet), services: current.services }, { fields: fieldsOf(input), services: priceList(input, current.services) });
  const existing = await getRevision(id);
  if (!plan.changes.length) return { ...current, pending: existing ?? null, changes: [] };
  const at = now.toISOString();
  const waiting = plan.changes.filter((c) => c.needsReview);
  const revision: RevisionRecord | null = plan.pending ? { id: shortId(), outletId: id, createdAt: at, by: user.id, changes: waiting, apply: plan.pending } : null;
  const { pendingRevisionId: _p, ...rest } = current.outlet;
  void _p;
  const outlet: Outlet = { ...rest, ...plan.publishNow.fields, checkedAt: checked(current.outlet.checkedAt, plan.touched, now), ...(revision ? { pendingRevisionId: revision.id } : {}) };
  const saved = await saveOutlet(outlet, plan.publishNow.services, {
    previous: current,
    extras: {
      audit: auditPut(id, { id: shortId(), at, by: user.id, role: 'owner', action: revision ? 'editPartlyPending' : 'edit', note: plan.changes.map((c) => c.field).join(',') }),
      prices: priceLines(id, plan.changes.filter((c) => !c.needsReview), at),
      // The merchant's latest edit is their intent: it replaces (or, without risky changes, withdraws) an earlier one.
      revision: revision ? revisionPut(revision) : !!existing && revisionDelete(id),
    },
  });
  if (saved !== 'saved') throw new AppError('CONFLICT', '网点信息刚刚有了变化，请刷新后再改', { reason: 'CHANGED' });
  const { apply: _a, ...pending } = revision ?? ({} as RevisionRecord);
  void _a;
  return { outlet, services: plan.publishNow.services, pending: revision ? pending : null, changes: plan.changes };
}

/** 信息无变化: every field confirmed now, nothing else changed. */
export async function confirmUnchanged(user: AuthUser, id: string, now: Date): Promise<Outlet> {
  const current = await ownListedOutlet(user, id);
  const outlet: Outlet = { ...current.outlet, checkedAt: checked(current.outlet.checkedAt, FRESH_FIELDS, now) };
  const saved = await saveOutlet(outlet, current.services, { previous: current, extras: { audit: auditPut(id, { id: shortId(), at: now.toISOString(), by: user.id, role: 'owner', action: 'confirm' }) } });
  if (saved !== 'saved') throw new AppError('CONFLICT', '网点信息刚刚有了变化，请刷新', { reason: 'CHANGED' });
  return outlet;
}

/**
 * The circle's worker confirms a listed outlet is as recorded (a visit or a call: 上门核实): every check date
 * moves to now, as the merchant's 信息无变化 would, with the worker's note in the audit. The way an outlet
 * without an owner on the app (a stall entered by the community) leaves the 一年多未确认 list.
 */
export async function workerConfirm(user: AuthUser, id: string, note: string, now: Date): Promise<Outlet> {
  const current = await getOutletWithServices(id);
  if (!current) throw notFound('网点');
  requireWorkerOf(user, current.outlet.circleId, '只能核实本社区的网点', '只有社区工作者可以核实网点');
  if (ownsOutlet(user, current.outlet)) throw forbidden('不能核实自己的网点');
  if (!FINDABLE_STATUSES.includes(statusOf(current.outlet))) throw new AppError('CONFLICT', '网点不在图上，无需核实', { reason: 'OUTLET_STATE' });
  const outlet: Outlet = { ...current.outlet, checkedAt: checked(current.outlet.checkedAt, FRESH_FIELDS, now) };
  const saved = await saveOutlet(outlet, current.services, { previous: current, extras: { audit: auditPut(id, { id: shortId(), at: now.toISOString(), by: user.id, role: 'worker', action: 'confirm', note }) } });
  if (saved !== 'saved') throw new AppError('CONFLICT', '网点信息刚刚有了变化，请刷新', { reason: 'CHANGED' });
  return outlet;
}

/** The revision waiting for review, for the outlet's merchant and its circle's worker. */
export async function pendingRevision(user: AuthUser, id: string): Promise<{ revision: PendingRevision | null }> {
  const found = await getOutletWithServices(id);
  if (!found) throw notFound('网点');
  if (!ownsOutlet(user, found.outlet)) requireWorkerOf(user, found.outlet.circleId, '只能查看本社区网点的修改', '只能查看自己网点的修改');
  const r = await getRevision(id);
  if (!r) return { revision: null };
  const { apply: _a, ...revision } = r;
  void _a;
  return { revision };
}

const REVIEWED_FRESH: Record<string, FreshField> = { name: 'name', categories: 'categories', location: 'location', legalBasis: 'legalBasis', prices: 'prices' };

export async function decideRevision(worker: AuthUser, id: string, d: { action: 'approve' | 'reject'; reason?: DecisionReason; note?: string; revisionId: string }, now: Date): Promise<Outlet> {
  const current = await getOutletWithServices(id);
  if (!current) throw notFound('网点');
  requireWorkerOf(worker, current.outlet.circleId, '只能审核本社区的网点', '只有社区工作者可以审核网点');
  if (ownsOutlet(worker, current.outlet)) throw forbidden('不能审核自己的网点');
  const revision = await getRevision(id);
  if (!revision || revision.id !== d.revisionId) throw new AppError('CONFLICT', '这项修改已被处理或已被商户更新，请刷新', { reason: 'CHANGED' });
  if (d.action === 'reject' && !d.reason) throw new AppError('VALIDATION_FAILED', '请选择原因');
  const at = now.toISOString();
  const audit = auditPut(id, { id: shortId(), at, by: worker.id, role: 'worker', action: d.action === 'approve' ? 'approveRevision' : 'rejectRevision', ...(d.reason ? { reason: d.reason } : {}), ...(d.note ? { note: d.note } : {}) });
  const { pendingRevisionId: _p, ...rest } = current.outlet;
  void _p;
  let outlet: Outlet = rest;
  let services = current.services;
  if (d.action === 'approve') {
    const held = new Map(revision.apply.services.map((s) => [s.id, s]));
    services = current.services.map((s) => held.get(s.id) ?? s);
    const touched = [...new Set(revision.changes.map((c) => REVIEWED_FRESH[c.field]).filter(Boolean))];
    outlet = { ...rest, ...revision.apply.fields, checkedAt: checked(current.outlet.checkedAt, touched, now) };
  }
  const saved = await saveOutlet(outlet, services, {
    previous: current,
    extras: { audit, revision: revisionDelete(id, revision.id), prices: d.action === 'approve' ? priceLines(id, revision.changes, at) : [] },
  });
  if (saved !== 'saved') throw new AppError('CONFLICT', '网点信息刚刚有了变化，请刷新后再处理', { reason: 'CHANGED' });
  return outlet;
}

/** 价格变动记录: what each listed price was changed from and to, newest first. */
export async function priceHistory(id: string) {
  await listedOutlet(id);
  return { items: await listPriceChanges(id) };
}
