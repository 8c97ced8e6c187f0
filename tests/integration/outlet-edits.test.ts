/**
 * A listed outlet's merchant keeps it current without it leaving the map: low-risk edits publish at once,
 * the rest wait for the worker while the current version stays listed; prices that change join the history.
 */
import { randomUUID } from 'node:crypto';
import { api, expectError, signInAs } from '../support/api';
import { useStackTable, workerOfAnotherCircle } from '../support/db';
import { goodApplication } from '../support/outlets';
import { checkOutletIndex } from '../../functions/outlets/index-check';
import type { NearbyResponse, Outlet, OutletDetail } from '../../shared/api';

useStackTable();
jest.setTimeout(120_000);

const tag = () => randomUUID().slice(0, 8);
let worker: string;
beforeAll(async () => {
  worker = await signInAs('u_demo_worker');
});

/** A resident whose application the worker approved: now a merchant with a listed outlet. */
async function listedOutlet(): Promise<{ token: string; outlet: Outlet; body: typeof goodApplication & { name: string; lat: number; lng: number } }> {
  const r = await api('/auth/wechat', { body: { code: `edits-x-${tag()}` } });
  const token = r.body.token as string;
  const body = { ...goodApplication, name: `测试修鞋${tag()}`, lat: 36.6863 + Math.random() * 0.001, lng: 117.0465 + Math.random() * 0.001 };
  const created = await api('/merchant/applications', { token, body, headers: { 'idempotency-key': randomUUID().replace(/-/g, '') } });
  const outlet: Outlet = created.body.outlet;
  await api(`/merchant/applications/${outlet.id}/submit`, { token, method: 'POST' });
  expect((await api(`/worker/outlets/${outlet.id}/decisions`, { token: worker, body: { action: 'approve' } })).status).toBe(200);
  return { token, outlet, body };
}

/** A read, asked again when serverless-offline's cold worker timed out (a busy 2-core machine); reading twice changes nothing. */
async function read(path: string, token?: string) {
  let res = await api(path, { token });
  for (let i = 0; i < 2 && res.status === 504; i++) res = await api(path, { token });
  expect({ path, status: res.status }).toEqual({ path, status: 200 });
  return res.body;
}

const withIds = (services: typeof goodApplication.services) => services.map((s, i) => ({ id: `s${i + 1}`, ...s }) as { id: string; priceFen: number } & typeof s);
const card = async (o: Outlet) => (await api<NearbyResponse>(`/outlets/nearby?lat=${o.lat}&lng=${o.lng}&maxMinutes=5`)).body.items.find((i) => i.id === o.id);

describe('editing a listed outlet', () => {
  it('publishes new hours and a small price change at once; the card and the price history show them', async () => {
    const { token, outlet, body } = await listedOutlet();
    const services = withIds(body.services);
    services[0].priceFen = 1200; // 10 元 → 12 元: 20 %
    const hours = { windows: [{ days: [1, 2, 3, 4, 5, 6], open: '07:30', close: '18:00' }] };
    const res = await api(`/merchant/outlets/${outlet.id}/revisions`, { token, body: { ...body, services, hours } });
    expect(res.status).toBe(200);
    expect(res.body.pending).toBeNull();
    expect((await card(outlet))?.headlinePrices[0]).toEqual({ name: '钉鞋掌', price: '12元/双' });
    const detail = (await api<OutletDetail>(`/outlets/${outlet.id}`)).body;
    expect(detail.hours).toEqual(hours);
    expect(detail.checkedAt?.hours).not.toBe(outlet.checkedAt?.hours);
    expect(detail.checkedAt?.name).toBe(outlet.checkedAt?.name);
    expect((await api(`/outlets/${outlet.id}/prices`)).body.items).toEqual([{ at: expect.any(String), serviceId: 's1', name: '钉鞋掌', from: '10元/双', to: '12元/双' }]);
    expect(await checkOutletIndex(outlet.id)).toEqual([]);
  });

  it('holds a new name and a big price change for the worker while the current version stays listed, then applies them', async () => {
    const { token, outlet, body } = await listedOutlet();
    const services = withIds(body.services);
    services[0].priceFen = 2000;
    const res = await api(`/merchant/outlets/${outlet.id}/revisions`, { token, body: { ...body, services, name: `${body.name}配钥匙`, phone: '13900000000' } });
    expect(res.status).toBe(200);
    expect(res.body.pending.changes.map((c: { field: string }) => c.field).sort()).toEqual(['name', 'prices']);
    // Still listed, under the old name and price; the phone (low risk) changed at once.
    const before = await card(outlet);
    expect(before).toMatchObject({ name: body.name, headlinePrices: [{ name: '钉鞋掌', price: '10元/双' }, expect.anything(), expect.anything()] });
    expect((await api(`/outlets/${outlet.id}`)).body.phone).toBe('13900000000');
    const queue = (await api('/worker/outlets', { token: worker })).body.items;
    expect(queue.find((i: { outlet: Outlet }) => i.outlet.id === outlet.id)).toMatchObject({ why: 'revision' });
    const pending = (await api(`/outlets/${outlet.id}/revision`, { token: worker })).body.revision;
    expect(pending.changes.find((c: { field: string }) => c.field === 'name')).toMatchObject({ from: body.name, to: `${body.name}配钥匙`, needsReview: true });
    expectError(await api(`/worker/outlets/${outlet.id}/revision`, { token: worker, body: { revisionId: pending.id, action: 'reject' } }), 400, 'VALIDATION_FAILED');
    expectError(await api(`/worker/outlets/${outlet.id}/revision`, { token: worker, body: { revisionId: 'someother', action: 'approve' } }), 409, 'CONFLICT');
    expect((await api(`/worker/outlets/${outlet.id}/revision`, { token: worker, body: { revisionId: pending.id, action: 'approve' } })).status).toBe(200);
    expect(await card(outlet)).toMatchObject({ name: `${body.name}配钥匙`, headlinePrices: [{ name: '钉鞋掌', price: '20元/双' }, expect.anything(), expect.anything()] });
    expect((await api(`/outlets/${outlet.id}/revision`, { token })).body.revision).toBeNull();
    expect((await api(`/outlets/${outlet.id}/prices`)).body.items.map((p: { from: string; to: string }) => [p.from, p.to])).toEqual([['10元/双', '20元/双']]);
    expect(await checkOutletIndex(outlet.id)).toEqual([]);
  });

  it('a rejected revision changes nothing and is gone; 信息无变化 confirms every field', async () => {
    const { token, outlet, body } = await listedOutlet();
    await api(`/merchant/outlets/${outlet.id}/revisions`, { token, body: { ...body, categories: ['repair', 'laundry'] } });
    const pending = (await api(`/outlets/${outlet.id}/revision`, { token })).body.revision;
    expect((await api(`/worker/outlets/${outlet.id}/revision`, { token: worker, body: { revisionId: pending.id, action: 'reject', reason: 'not_allowed' } })).status).toBe(200);
    expect((await api(`/outlets/${outlet.id}`)).body.categories).toEqual(['repair']);
    expect((await api(`/outlets/${outlet.id}/revision`, { token })).body.revision).toBeNull();
    const confirmed = await api(`/merchant/outlets/${outlet.id}/confirm`, { token, method: 'POST' });
    expect(confirmed.status).toBe(200);
    expect(new Set(Object.values(confirmed.body.checkedAt)).size).toBe(1);
    const audit = (await api(`/outlets/${outlet.id}/audit`, { token })).body.items.map((e: { action: string }) => e.action);
    expect(audit.slice(0, 3)).toEqual(['confirm', 'rejectRevision', 'editPartlyPending']);
  });

  it('a booth’s timetable (定点不定人) publishes at once and residents see who is there now', async () => {
    const { token, outlet, body } = await listedOutlet();
    const allDay = { days: [1, 2, 3, 4, 5, 6, 7], open: '00:00', close: '24:00' };
    const res = await api(`/merchant/outlets/${outlet.id}/revisions`, { token, body: { ...body, providers: [{ name: '老刘', craft: '磨刀', ...allDay }] } });
    expect(res.body.pending).toBeNull();
    const detail = (await api<OutletDetail>(`/outlets/${outlet.id}`)).body;
    expect(detail.providersNow?.current).toMatchObject({ name: '老刘', craft: '磨刀' });
    expectError(await api(`/merchant/outlets/${outlet.id}/revisions`, { token, body: { ...body, providers: [{ name: '', craft: '磨刀', ...allDay }] } }), 400, 'VALIDATION_FAILED');
  });

  it('authorization: only the merchant edits, only the circle worker decides, anyone reads the price history', async () => {
    const { token, outlet, body } = await listedOutlet();
    const stranger = (await api('/auth/wechat', { body: { code: `edits-s-${tag()}` } })).body.token;
    const [otherMerchant, otherWorker] = await Promise.all([signInAs('u_demo_canteen'), workerOfAnotherCircle()]);
    const edit = { ...body, phone: '13700000000' };
    const cases: Array<[string, 'GET' | 'POST', string, object | undefined, Record<string, number>]> = [
      ['edit', 'POST', `/merchant/outlets/${outlet.id}/revisions`, edit, { anonymous: 401, stranger: 403, otherMerchant: 404, otherWorker: 403, worker: 403 }],
      ['confirm', 'POST', `/merchant/outlets/${outlet.id}/confirm`, undefined, { anonymous: 401, stranger: 403, otherMerchant: 404, otherWorker: 403, worker: 403 }],
      ['revision', 'GET', `/outlets/${outlet.id}/revision`, undefined, { anonymous: 401, stranger: 403, otherMerchant: 403, otherWorker: 403, owner: 200, worker: 200 }],
      ['decide revision', 'POST', `/worker/outlets/${outlet.id}/revision`, { revisionId: 'x', action: 'approve' }, { anonymous: 401, stranger: 403, otherMerchant: 403, otherWorker: 403, owner: 403 }],
      ['price history', 'GET', `/outlets/${outlet.id}/prices`, undefined, { anonymous: 200, stranger: 200, otherMerchant: 200, otherWorker: 200, owner: 200, worker: 200 }],
    ];
    const tokens: Record<string, string | undefined> = { anonymous: undefined, stranger, otherMerchant, otherWorker, owner: token, worker };
    for (const [name, method, path, b, expected] of cases) {
      for (const [who, status] of Object.entries(expected)) {
        const res = await api(path, { method, token: tokens[who], body: b });
        expect({ name, who, status: res.status }).toEqual({ name, who, status });
      }
    }
    expect((await api(`/outlets/${outlet.id}`)).body.phone).toBe(body.phone);
  });

  describe('bad input to an edit is refused and writes nothing', () => {
    let fixture: Awaited<ReturnType<typeof listedOutlet>>;
    /** Everything an edit can write: the record and its price list, the nearby card, the revision, the audit trail, the price history. */
    const snapshot = async () => {
      const { token, outlet } = fixture;
      return {
        application: await read(`/merchant/applications/${outlet.id}`, token),
        // Its list fields as the nearby index holds them (the open-now label moves with the clock, so not that).
        card: await card(outlet).then((c) => c && { ...c, openState: undefined }),
        revision: await read(`/outlets/${outlet.id}/revision`, token),
        audit: await read(`/outlets/${outlet.id}/audit`, token),
        prices: await read(`/outlets/${outlet.id}/prices`),
      };
    };
    let before: Awaited<ReturnType<typeof snapshot>>;
    beforeAll(async () => {
      fixture = await listedOutlet();
      // An edit already waiting (a new name), so a refused edit could not quietly replace or withdraw it either.
      const waiting = await api(`/merchant/outlets/${fixture.outlet.id}/revisions`, { token: fixture.token, body: { ...fixture.body, services: withIds(fixture.body.services), name: `${fixture.body.name}新` } });
      expect(waiting.body.pending).toMatchObject({ changes: [expect.objectContaining({ field: 'name' })] });
      before = await snapshot();
      expect(before.revision.revision).not.toBeNull();
    });
    const priced = (priceFen: number) => (b: typeof fixture.body) => ({ services: withIds(b.services).map((s, i) => (i === 0 ? { ...s, priceFen } : s)) });

    it.each<[string, (b: typeof fixture.body) => object]>([
      ['a pin outside China', () => ({ lat: 1.29, lng: 103.85 })],
      ['a pin in another city, far from the circle', () => ({ lat: 31.23, lng: 121.47 })],
      ['hours that overlap', () => ({ hours: { windows: [{ days: [1, 2], open: '08:00', close: '12:00' }, { days: [2], open: '11:30', close: '14:00' }] } })],
      ['a negative price', priced(-100)],
      ['an absurd price (10^9 fen)', priced(1_000_000_000)],
      ['50 categories', () => ({ categories: Array.from({ length: 50 }, () => 'repair') })],
      ['a 10 KB name', () => ({ name: 'x'.repeat(10 * 1024) })],
    ])('%s', async (_what, patch) => {
      const { token, outlet, body } = fixture;
      const res = await api(`/merchant/outlets/${outlet.id}/revisions`, { token, body: { ...body, services: withIds(body.services), ...patch(body) } });
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      expect(res.body).toMatchObject({ error: { code: expect.any(String), message: expect.any(String) } });
      expect(res.body.error.message.length).toBeGreaterThan(0);
      expect(await snapshot()).toEqual(before);
    });
  });

  it('20 parallel edits and a worker approving meanwhile end in one consistent state, the index exact', async () => {
    const { token, outlet, body } = await listedOutlet();
    await api(`/merchant/outlets/${outlet.id}/revisions`, { token, body: { ...body, name: `${body.name}新` } });
    const pending = (await api(`/outlets/${outlet.id}/revision`, { token })).body.revision;
    const edits = Array.from({ length: 20 }, (_, i) => api(`/merchant/outlets/${outlet.id}/revisions`, { token, body: { ...body, name: `${body.name}新`, phone: `1390000${String(i).padStart(4, '0')}` } }));
    const approval = api(`/worker/outlets/${outlet.id}/revision`, { token: worker, body: { revisionId: pending.id, action: 'approve' } });
    const results = await Promise.all([...edits, approval]);
    expect(results.every((r) => r.status === 200 || r.status === 409)).toBe(true);
    expect(results.filter((r) => r.status === 200).length).toBeGreaterThanOrEqual(1);
    expect(await checkOutletIndex(outlet.id)).toEqual([]);
    const detail = (await api(`/merchant/applications/${outlet.id}`, { token })).body.outlet as Outlet;
    const revision = (await api(`/outlets/${outlet.id}/revision`, { token })).body.revision;
    expect((await api(`/outlets/${outlet.id}`)).body.ownerId).toBeUndefined();
    // Either the worker's approval landed last (new name, no revision) or an edit did (a revision naming the new name).
    if (revision) expect(detail.pendingRevisionId).toBe(revision.id);
    else expect(detail.name).toBe(`${body.name}新`);
  });
});
