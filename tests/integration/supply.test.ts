/**
 * 商户入驻 and 进图 over HTTP: a resident applies, the circle's worker reviews, and the nearby index follows
 * every decision in the same transaction. Pins lie ~2.8 km north of 红枫, beyond any demo nearby query's reach.
 */
import { randomUUID } from 'node:crypto';
import { api, expectError, signInAs } from '../support/api';
import { useStackTable, workerOfAnotherCircle } from '../support/db';
import { goodApplication } from '../support/outlets';
import { checkIndex, checkOutletIndex } from '../../functions/outlets/index-check';
import type { NearbyResponse, Outlet } from '../../shared/api';

useStackTable();
jest.setTimeout(120_000);

const key = () => randomUUID().replace(/-/g, '');
const tag = () => randomUUID().slice(0, 8);
const pin = () => ({ lat: 36.6863 + Math.random() * 0.001, lng: 117.0465 + Math.random() * 0.001 });

async function resident(): Promise<{ token: string; id: string }> {
  const res = await api('/auth/wechat', { body: { code: `supply-x-${tag()}` } });
  return { token: res.body.token, id: res.body.user.id };
}

const application = (patch: object = {}) => ({ ...goodApplication, name: `测试修鞋${tag()}`, ...pin(), ...patch });

async function applied(token: string, patch: object = {}): Promise<Outlet> {
  const res = await api<{ outlet: Outlet }>('/merchant/applications', { token, body: application(patch), headers: { 'idempotency-key': key() } });
  expect(res.status).toBe(201);
  return res.body.outlet;
}

async function submitted(token: string): Promise<Outlet> {
  const o = await applied(token);
  expect((await api(`/merchant/applications/${o.id}/submit`, { token, method: 'POST' })).status).toBe(200);
  return o;
}

const decide = (token: string, id: string, body: object) => api<Outlet>(`/worker/outlets/${id}/decisions`, { token, body });

async function nearbyHas(o: Outlet): Promise<boolean> {
  const res = await api<NearbyResponse>(`/outlets/nearby?lat=${o.lat}&lng=${o.lng}&maxMinutes=5&category=repair`);
  expect(res.status).toBe(200);
  return res.body.items.some((i) => i.id === o.id);
}

let worker: string;
beforeAll(async () => {
  worker = await signInAs('u_demo_worker');
});

describe('an application from draft to the map', () => {
  it('applies once per key, submits, is approved, shows in nearby search and makes the applicant a merchant', async () => {
    const r = await resident();
    const body = application();
    const k = key();
    const first = await api('/merchant/applications', { token: r.token, body, headers: { 'idempotency-key': k } });
    expect(first.status).toBe(201);
    expect(first.body.outlet).toMatchObject({ status: 'draft', approval: 'pending', ownerId: r.id, circleId: 'c-hongfeng' });
    expect(first.body.services.map((s: { id: string }) => s.id)).toEqual(['s1', 's2', 's3']);
    const again = await api('/merchant/applications', { token: r.token, body, headers: { 'idempotency-key': k } });
    expect(again.status).toBe(200);
    expect(again.body.outlet.id).toBe(first.body.outlet.id);
    const o: Outlet = first.body.outlet;
    expect((await api('/merchant/applications', { token: r.token })).body.items).toEqual([{ id: o.id, name: o.name, categories: ['repair'], status: 'draft' }]);
    // Not findable before approval, not even by id.
    expect(await nearbyHas(o)).toBe(false);
    expect((await api(`/outlets/${o.id}`)).status).toBe(404);
    const sub = await api(`/merchant/applications/${o.id}/submit`, { token: r.token, method: 'POST' });
    expect(sub.body.outlet).toMatchObject({ status: 'submitted' });
    const queue = await api('/worker/outlets', { token: worker });
    expect(queue.body.items.map((i: { outlet: Outlet }) => i.outlet.id)).toContain(o.id);
    expect(queue.body.items.find((i: { outlet: Outlet }) => i.outlet.id === o.id).services.map((s: { name: string }) => s.name)).toEqual(['钉鞋掌', '配钥匙', '材料费']);
    const approved = await decide(worker, o.id, { action: 'approve' });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ status: 'listed', approval: 'approved' });
    expect(await nearbyHas(o)).toBe(true);
    expect((await api(`/outlets/${o.id}`)).body.services.map((s: { name: string }) => s.name)).toEqual(['钉鞋掌', '配钥匙', '材料费']);
    expect((await api('/me', { token: r.token })).body.roles).toContain('merchant');
    const audit = await api(`/outlets/${o.id}/audit`, { token: r.token });
    expect(audit.body.items.map((e: { action: string }) => e.action)).toEqual(['approve', 'submit', 'create']);
    expect(await checkOutletIndex(o.id)).toEqual([]);
  });

  it('an applicant follows their application on /me (我的) before approval makes them a merchant', async () => {
    const r = await resident();
    expect((await api('/me', { token: r.token })).body.outlets).toEqual([]);
    const o = await submitted(r.token);
    const me = (await api('/me', { token: r.token })).body;
    expect(me.roles).toEqual(['resident']);
    expect(me.outlets).toEqual([{ id: o.id, name: o.name, categories: ['repair'], status: 'submitted' }]);
    await decide(worker, o.id, { action: 'askChanges', reason: 'prices_unclear' });
    expect((await api('/me', { token: r.token })).body.outlets).toEqual([expect.objectContaining({ id: o.id, status: 'needs_changes' })]);
    // The demo's 周师傅, right from signing in.
    const zhou = await api('/auth/dev', { body: { userId: 'u_demo_applicant' } });
    expect(zhou.body.user).toMatchObject({ roles: ['resident'], outlets: [expect.objectContaining({ name: '周师傅修伞补衣', status: 'submitted' })] });
    expect((await api('/me', { token: zhou.body.token })).body.outlets).toEqual(zhou.body.user.outlets);
  });

  it('asks for changes, takes the corrected application back, and rejects with a reason', async () => {
    const r = await resident();
    const o = await submitted(r.token);
    expectError(await decide(worker, o.id, { action: 'askChanges' }), 400, 'VALIDATION_FAILED');
    expect((await decide(worker, o.id, { action: 'askChanges', reason: 'prices_unclear', note: '请写明配钥匙的价格' })).body.status).toBe('needs_changes');
    const fixed = await api(`/merchant/applications/${o.id}`, { token: r.token, body: { ...application(), lat: o.lat, lng: o.lng, name: `${o.name}（改）` } });
    expect(fixed.status).toBe(200);
    await api(`/merchant/applications/${o.id}/submit`, { token: r.token, method: 'POST' });
    expect((await decide(worker, o.id, { action: 'reject', reason: 'not_in_circle' })).body.status).toBe('rejected');
    expectError(await decide(worker, o.id, { action: 'approve' }), 409, 'CONFLICT');
    expectError(await api(`/merchant/applications/${o.id}`, { token: r.token, body: application() }), 409, 'CONFLICT');
    const audit = (await api(`/outlets/${o.id}/audit`, { token: worker })).body.items;
    expect(audit[0]).toMatchObject({ action: 'reject', reason: 'not_in_circle', by: 'u_demo_worker', from: 'submitted', to: 'rejected' });
    expect(audit.find((e: { action: string }) => e.action === 'askChanges')).toMatchObject({ note: '请写明配钥匙的价格' });
  });

  it('suspends, closes until a date (still findable, shown closed), reinstates and closes for good; the index follows each', async () => {
    const r = await resident();
    const o = await submitted(r.token);
    await decide(worker, o.id, { action: 'approve' });
    expect((await decide(worker, o.id, { action: 'suspend', reason: 'complaints' })).body.status).toBe('suspended');
    expect(await nearbyHas(o)).toBe(false);
    expect((await decide(worker, o.id, { action: 'reinstate', reason: 'other', note: '已整改' })).body.status).toBe('listed');
    expect(await nearbyHas(o)).toBe(true);
    const until = new Date(Date.now() + 5 * 86_400_000).toISOString().slice(0, 10);
    expect((await decide(worker, o.id, { action: 'closeTemporarily', reason: 'renovation', until })).body).toMatchObject({ status: 'closed_temporarily', closedUntil: until });
    const card = (await api<NearbyResponse>(`/outlets/nearby?lat=${o.lat}&lng=${o.lng}&maxMinutes=5`)).body.items.find((i) => i.id === o.id)!;
    expect(card.openState).toMatchObject({ open: false, label: expect.stringContaining('暂停营业') });
    expect((await api<NearbyResponse>(`/outlets/nearby?lat=${o.lat}&lng=${o.lng}&maxMinutes=5&openNow=true`)).body.items.map((i) => i.id)).not.toContain(o.id);
    expect(await checkOutletIndex(o.id)).toEqual([]);
    expect((await decide(worker, o.id, { action: 'closePermanently', reason: 'closed' })).body.status).toBe('closed_permanently');
    expect(await nearbyHas(o)).toBe(false);
    expectError(await decide(worker, o.id, { action: 'reinstate', reason: 'other' }), 409, 'CONFLICT');
    expect(await checkOutletIndex(o.id)).toEqual([]);
  });
});

describe('authorization', () => {
  it('checks every supply endpoint against anonymous, an uninvolved resident, another merchant, a worker of another circle, the owner and the circle worker', async () => {
    const owner = await resident();
    const o = await submitted(owner.token);
    const [stranger, otherMerchant, otherWorker] = await Promise.all([resident().then((r) => r.token), signInAs('u_demo_canteen'), workerOfAnotherCircle()]);
    const cases: Array<[string, 'GET' | 'POST', string, object | undefined, Record<string, number>]> = [
      ['my applications', 'GET', '/merchant/applications', undefined, { anonymous: 401 }],
      ['read an application', 'GET', `/merchant/applications/${o.id}`, undefined, { anonymous: 401, stranger: 404, otherMerchant: 404, otherWorker: 404, worker: 404, owner: 200 }],
      ['edit an application', 'POST', `/merchant/applications/${o.id}`, application(), { anonymous: 401, stranger: 404, otherMerchant: 404, otherWorker: 404, worker: 404 }],
      ['submit', 'POST', `/merchant/applications/${o.id}/submit`, undefined, { anonymous: 401, stranger: 404, otherMerchant: 404, otherWorker: 404, worker: 404 }],
      ['review queue', 'GET', '/worker/outlets', undefined, { anonymous: 401, stranger: 403, otherMerchant: 403, owner: 403, worker: 200 }],
      ['decide', 'POST', `/worker/outlets/${o.id}/decisions`, { action: 'reject', reason: 'other' }, { anonymous: 401, stranger: 403, otherMerchant: 403, owner: 403, otherWorker: 403 }],
      ['audit', 'GET', `/outlets/${o.id}/audit`, undefined, { anonymous: 401, stranger: 403, otherMerchant: 403, otherWorker: 403, owner: 200, worker: 200 }],
    ];
    const tokens: Record<string, string | undefined> = { anonymous: undefined, stranger, otherMerchant, otherWorker, owner: owner.token, worker };
    for (const [name, method, path, body, expected] of cases) {
      for (const [who, status] of Object.entries(expected)) {
        const res = await api(path, { method, token: tokens[who], body });
        expect({ name, who, status: res.status }).toEqual({ name, who, status });
      }
    }
    // After all of that, nothing changed: still waiting for review.
    expect((await api(`/merchant/applications/${o.id}`, { token: owner.token })).body.outlet.status).toBe('submitted');
    // Nobody reviews their own outlet, not even a worker.
    const w = await signInAs('u_demo_worker');
    const own = await applied(w);
    await api(`/merchant/applications/${own.id}/submit`, { token: w, method: 'POST' });
    expectError(await decide(w, own.id, { action: 'approve' }), 403, 'FORBIDDEN');
  });
});

describe('bad input writes nothing', () => {
  it.each([
    ['a pin outside China', { lat: 1.29, lng: 103.85 }],
    ['a pin in another city', { lat: 31.23, lng: 121.47 }],
    ['hours that overlap', { hours: { windows: [{ days: [1], open: '08:00', close: '12:00' }, { days: [1], open: '11:00', close: '13:00' }] } }],
    ['a negative price', { services: [{ name: '修伞', priceFen: -1 }] }],
    ['an absurd price', { services: [{ name: '修伞', priceFen: 10_000_000_000 }] }],
    ['50 categories', { categories: Array.from({ length: 50 }, () => 'repair') }],
    ['a 10 KB name', { name: '修'.repeat(3400) }],
    ['a status from the client', { status: 'listed' }],
    ['no price list', { services: [] }],
  ])('%s', async (_what, patch) => {
    const r = await resident();
    const res = await api('/merchant/applications', { token: r.token, body: { ...application(), ...patch }, headers: { 'idempotency-key': key() } });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(res.body.error.code).toMatch(/VALIDATION_FAILED|PAYLOAD_TOO_LARGE/);
    expect((await api('/merchant/applications', { token: r.token })).body.items).toEqual([]);
  });

  it('refuses a decision without a known reason code or with a past date', async () => {
    const r = await resident();
    const o = await submitted(r.token);
    expectError(await decide(worker, o.id, { action: 'reject', reason: 'because' }), 400, 'VALIDATION_FAILED');
    expectError(await decide(worker, o.id, { action: 'approve', status: 'listed' }), 400, 'VALIDATION_FAILED');
    expectError(await decide(worker, o.id, { action: 'approve', until: '2026-02-30' }), 400, 'VALIDATION_FAILED');
    expect((await api(`/merchant/applications/${o.id}`, { token: r.token })).body.outlet.status).toBe('submitted');
  });
});

describe('decisions at the same moment', () => {
  it('two workers deciding at once: exactly one decision lands', async () => {
    const r = await resident();
    const o = await submitted(r.token);
    const results = await Promise.all([decide(worker, o.id, { action: 'approve' }), decide(worker, o.id, { action: 'reject', reason: 'duplicate' })]);
    expect(results.map((x) => x.status).sort()).toEqual([200, 409]);
    const audit = (await api(`/outlets/${o.id}/audit`, { token: worker })).body.items;
    expect(audit.filter((e: { action: string }) => ['approve', 'reject'].includes(e.action))).toHaveLength(1);
    expect(await checkOutletIndex(o.id)).toEqual([]);
  });

  it('20 decisions at once on one listed outlet: one consistent final state, an audit entry per landed decision, the index exact', async () => {
    const r = await resident();
    const o = await submitted(r.token);
    await decide(worker, o.id, { action: 'approve' });
    const until = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
    const bodies = Array.from({ length: 20 }, (_, i) => [{ action: 'suspend', reason: 'complaints' }, { action: 'reinstate', reason: 'other' }, { action: 'closeTemporarily', reason: 'renovation', until }][i % 3]);
    const results = await Promise.all(bodies.map((b) => decide(worker, o.id, b)));
    expect(results.every((x) => x.status === 200 || x.status === 409)).toBe(true);
    const landed = results.filter((x) => x.status === 200).length;
    expect(landed).toBeGreaterThanOrEqual(1);
    const audit = (await api(`/outlets/${o.id}/audit`, { token: worker })).body.items;
    expect(audit).toHaveLength(3 + landed); // create, submit, approve, then each landed decision
    const final = (await api(`/merchant/applications/${o.id}`, { token: r.token })).body.outlet;
    expect(final.status).toBe(audit[0].to);
    expect(await checkOutletIndex(o.id)).toEqual([]);
  });

  it('the whole index is exact after all of the above (check:index)', async () => {
    const report = await checkIndex();
    expect(report.findable).toBeGreaterThan(100);
    expect(report.problems).toEqual([]);
  });
});
