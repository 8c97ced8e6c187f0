/**
 * The circle's worker confirms an outlet nobody has confirmed for a year (上门核实): its check dates move to now,
 * it leaves the 一年多未确认 list, and the audit says who and how. Only that circle's worker may.
 */
import { randomUUID } from 'node:crypto';
import { api, expectError, signInAs } from '../support/api';
import { useStackTable, workerOfAnotherCircle } from '../support/db';
import { getOutlet, saveOutlet } from '../../functions/outlets/store';
import type { Outlet } from '../../shared/api';

useStackTable();

const OLD = '2025-06-01T02:00:00.000Z';
function staleOutlet(patch: Partial<Outlet> = {}): Outlet {
  const tag = randomUUID().slice(0, 8);
  return {
    id: `o_cf${tag}`, circleId: 'c-hongfeng', name: `社区登记修车摊${tag}`, categories: ['repair'], lat: 36.6863, lng: 117.0465, address: '测试路9号',
    hours: { windows: [{ days: [1, 2, 3, 4, 5, 6, 7], open: '08:00', close: '18:00' }] }, approval: 'approved', status: 'listed',
    checkedAt: { name: OLD, categories: OLD, location: OLD, phone: OLD, hours: OLD, prices: OLD, legalBasis: OLD }, ...patch,
  };
}

describe('POST /worker/outlets/{id}/confirm', () => {
  it('moves every check date to now and takes the outlet off the stale list, with the note in the audit', async () => {
    const worker = await signInAs('u_demo_worker');
    const o = staleOutlet();
    expect(await saveOutlet(o, [])).toBe('saved');
    const inQueue = async () => (await api('/worker/outlets', { token: worker })).body.items.some((i: { outlet: Outlet; why: string }) => i.outlet.id === o.id && i.why === 'stale');
    expect(await inQueue()).toBe(true);
    const res = await api(`/worker/outlets/${o.id}/confirm`, { token: worker, body: { note: '电话核实，仍在原址营业' } });
    expect(res.status).toBe(200);
    const stored = (await getOutlet(o.id))!;
    expect(Object.values(stored.checkedAt!).every((at) => Date.now() - Date.parse(at) < 60_000)).toBe(true);
    expect(await inQueue()).toBe(false);
    const audit = (await api(`/outlets/${o.id}/audit`, { token: worker })).body.items as Array<Record<string, unknown>>;
    expect(audit.find((e) => e.action === 'confirm')).toMatchObject({ role: 'worker', action: 'confirm', note: '电话核实，仍在原址营业', by: 'u_demo_worker' });
  });

  it('is only for the circle’s worker, needs a note, and only for an outlet on the map', async () => {
    const worker = await signInAs('u_demo_worker');
    const o = staleOutlet();
    await saveOutlet(o, []);
    const call = (token?: string, body: unknown = { note: '上门核实' }) => api(`/worker/outlets/${o.id}/confirm`, { token, body });
    expectError(await call(), 401, 'UNAUTHENTICATED');
    expectError(await call(await signInAs('u_demo_resident')), 403, 'FORBIDDEN');
    expectError(await call(await signInAs('u_demo_merchant')), 403, 'FORBIDDEN');
    expectError(await call(await workerOfAnotherCircle()), 403, 'FORBIDDEN');
    expectError(await call(worker, { note: '' }), 400, 'VALIDATION_FAILED');
    expect((await getOutlet(o.id))!.checkedAt!.hours).toBe(OLD);
    const suspended = staleOutlet({ approval: 'suspended', status: 'suspended' });
    await saveOutlet(suspended, []);
    expectError(await api(`/worker/outlets/${suspended.id}/confirm`, { token: worker, body: { note: '核实' } }), 409, 'CONFLICT');
  });
});
