/**
 * 商户入驻: a signed-in resident describes an outlet (a draft they may keep editing), then submits it to the
 * worker of its circle. The applicant owns the record from the start; the merchant role comes with approval.
 */
import { randomUUID } from 'node:crypto';
import { AppError, forbidden, notFound } from '../core/errors';
import type { AuthUser } from '../auth/authenticate';
import { ownsOutlet } from '../auth/policies';
import { GUARD } from '../db/transact';
import { idempotent } from '../db/idempotency';
import { getCircle } from '../circles/store';
import { auditPut, getOutletWithServices, listOutletsOfOwner, saveOutlet } from '../outlets/store';
import { decide } from '../outlets/lifecycle';
import { distanceMetres } from '../../shared/walking';
import { approvalOf, statusOf, type OutletStatus } from '../../shared/outlets';
import type { OutletApplication } from '../../shared/schemas/outlet';
import type { Outlet, Service } from '../../shared/api';
import { shanghaiDate } from '../../shared/time';
import { priceList } from './price-list';
import { checked, FRESH_FIELDS } from '../../shared/freshness';

/** A pin further than this from its circle's centre belongs to another circle (or is a mistake). */
export const MAX_METRES_FROM_CIRCLE = 3000;

const newId = (prefix: string) => `${prefix}_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
const auditId = () => randomUUID().replace(/-/g, '').slice(0, 12);

export interface Application {
  outlet: Outlet;
  services: Service[];
}

/** 400 unless the pin lies within reach of its circle (applications, and edits that move the pin). */
export async function assertInCircle(a: OutletApplication): Promise<void> {
  const circle = await getCircle(a.circleId);
  if (!circle) throw notFound('生活圈');
  if (distanceMetres(circle.centre, a) > MAX_METRES_FROM_CIRCLE) throw new AppError('VALIDATION_FAILED', `位置离「${circle.name}」太远，请确认定位或选择所在的生活圈`, { reason: 'NOT_IN_CIRCLE' });
}

/** The record an application describes; the status and owner come from the server, never the request. */
function outletOf(id: string, ownerId: string, a: OutletApplication, status: OutletStatus, keep: Partial<Outlet> = {}): Application {
  const outlet: Outlet = {
    ...keep,
    id,
    ownerId,
    circleId: a.circleId,
    name: a.name,
    categories: a.categories,
    lat: a.lat,
    lng: a.lng,
    address: a.address,
    phone: a.phone,
    hours: a.hours,
    legalBasis: a.legalBasis,
    ...(a.description ? { description: a.description } : {}),
    ...(a.providers?.length ? { providers: a.providers } : {}),
    status,
    approval: approvalOf(status),
  };
  const services = priceList(a);
  return { outlet, services };
}

export async function apply(user: AuthUser, input: OutletApplication, idempotencyKey: string, now: Date): Promise<{ application: Application; replayed: boolean }> {
  const load = async (id: string) => (await getOutletWithServices(id)) ?? undefined;
  const { result, replayed } = await idempotent({ userId: user.id, key: idempotencyKey, operation: 'POST /merchant/applications', body: input, now }, load, async (guard) => {
    await assertInCircle(input);
    const app = outletOf(newId('o'), user.id, input, 'draft', { checkedAt: checked(undefined, FRESH_FIELDS, now) });
    const at = now.toISOString();
    const saved = await saveOutlet(app.outlet, app.services, {
      extras: { audit: auditPut(app.outlet.id, { id: auditId(), at, by: user.id, role: 'owner', action: 'create', to: 'draft' }), [GUARD]: guard(app.outlet.id) },
    });
    if (saved !== 'saved') throw new AppError('CONFLICT', '请重试', { reason: 'RETRY' });
    return app;
  });
  return { application: result, replayed };
}

/** The applicant's own outlet (drafts included); anyone else's answers as missing. */
async function ownApplication(user: AuthUser, id: string): Promise<Application> {
  const found = await getOutletWithServices(id);
  if (!found || !ownsOutlet(user, found.outlet)) throw notFound('网点');
  return found;
}

export async function updateApplication(user: AuthUser, id: string, input: OutletApplication): Promise<Application> {
  const previous = await ownApplication(user, id);
  const status = statusOf(previous.outlet);
  if (status !== 'draft' && status !== 'needs_changes') throw new AppError('CONFLICT', '已提交的申请在审核中，不能修改', { reason: 'OUTLET_STATE', status });
  if (input.circleId !== previous.outlet.circleId) throw forbidden('不能把申请改到另一个生活圈，请重新申请');
  await assertInCircle(input);
  const next = outletOf(id, user.id, input, status, { checkedAt: checked(undefined, FRESH_FIELDS, new Date()) });
  if ((await saveOutlet(next.outlet, next.services, { previous })) !== 'saved') throw new AppError('CONFLICT', '申请刚刚有变化，请刷新后再改', { reason: 'CHANGED' });
  return next;
}

export async function submitApplication(user: AuthUser, id: string, now: Date): Promise<Application> {
  const previous = await ownApplication(user, id);
  const from = statusOf(previous.outlet);
  const to = decide(from, { action: 'submit' }, 'owner', shanghaiDate(now));
  const at = now.toISOString();
  const outlet: Outlet = { ...previous.outlet, status: to, approval: approvalOf(to), submittedAt: at };
  const saved = await saveOutlet(outlet, previous.services, { previous, extras: { audit: auditPut(id, { id: auditId(), at, by: user.id, role: 'owner', action: 'submit', from, to }) } });
  if (saved !== 'saved') throw new AppError('CONFLICT', '申请刚刚有变化，请刷新', { reason: 'CHANGED' });
  return { outlet, services: previous.services };
}

/** Every outlet the caller applied for or runs, with its status. */
export async function myOutlets(user: AuthUser) {
  return { items: await listOutletsOfOwner(user.id) };
}

export async function myApplication(user: AuthUser, id: string): Promise<Application> {
  return ownApplication(user, id);
}
