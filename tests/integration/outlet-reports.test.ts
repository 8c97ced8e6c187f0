/** 纠错 over HTTP: residents report an outlet, three independent reports make a task, the worker resolves it. */
import { randomUUID } from 'node:crypto';
import { api, expectError, signInAs } from '../support/api';
import { useStackTable, workerOfAnotherCircle } from '../support/db';
import { goodApplication } from '../support/outlets';
import { checkOutletIndex } from '../../functions/outlets/index-check';
import { CIRCLES } from '../../scripts/demo-data';
import { distanceMetres, walkingMinutes } from '../../shared/walking';
import type { NearbyResponse, Outlet, ReportTask } from '../../shared/api';

useStackTable();
jest.setTimeout(120_000);

const tag = () => randomUUID().slice(0, 8);
const person = async () => {
  const r = await api('/auth/wechat', { body: { code: `reports-x-${tag()}` } });
  return { token: r.body.token as string, id: r.body.user.id as string };
};
let worker: string;
beforeAll(async () => {
  worker = await signInAs('u_demo_worker');
});

async function listed(): Promise<{ outlet: Outlet; owner: string }> {
  const owner = (await person()).token;
  const body = { ...goodApplication, name: `测试修鞋${tag()}`, lat: 36.6863 + Math.random() * 0.001, lng: 117.0465 + Math.random() * 0.001 };
  const outlet: Outlet = (await api('/merchant/applications', { token: owner, body, headers: { 'idempotency-key': randomUUID().replace(/-/g, '') } })).body.outlet;
  await api(`/merchant/applications/${outlet.id}/submit`, { token: owner, method: 'POST' });
  await api(`/worker/outlets/${outlet.id}/decisions`, { token: worker, body: { action: 'approve' } });
  return { outlet, owner };
}
const tasks = async (): Promise<ReportTask[]> => (await api('/worker/reports', { token: worker })).body.items;
const reportAs = (token: string, id: string, kind = 'closed', note?: string) => api(`/outlets/${id}/reports`, { token, body: { kind, ...(note ? { note } : {}) } });

describe('residents correct the map', () => {
  it('three independent 已关门 reports make a task; confirming it closes the outlet and every reporter sees the outcome', async () => {
    const { outlet } = await listed();
    const [a, b, c] = await Promise.all([person(), person(), person()]);
    expect((await reportAs(a.token, outlet.id, 'closed', '门口贴了转让')).status).toBe(201);
    expectError(await reportAs(a.token, outlet.id), 409, 'CONFLICT');
    expect((await reportAs(b.token, outlet.id, 'wrong_hours')).status).toBe(201);
    expect((await tasks()).map((t) => t.outletId)).not.toContain(outlet.id);
    expect((await reportAs(c.token, outlet.id)).status).toBe(201);
    const task = (await tasks()).find((t) => t.outletId === outlet.id)!;
    expect(task).toMatchObject({ state: 'open', reports: expect.arrayContaining([expect.objectContaining({ kind: 'closed', note: '门口贴了转让' })]) });
    expect(task.reports).toHaveLength(3);
    expect((await api(`/worker/reports/${outlet.id}/resolve`, { token: worker, body: { outcome: 'closed', note: '上门核实已关门' } })).status).toBe(200);
    expect((await api(`/outlets/${outlet.id}`)).status).toBe(404);
    expect((await tasks()).map((t) => t.outletId)).not.toContain(outlet.id);
    for (const r of [a, b, c]) {
      const mine = (await api('/me/reports', { token: r.token })).body.items;
      expect(mine).toEqual([expect.objectContaining({ outletId: outlet.id, outcome: 'closed', outcomeNote: '上门核实已关门' })]);
    }
    expect(await checkOutletIndex(outlet.id)).toEqual([]);
  });

  it('a dismissed task needs a reason and leaves the outlet listed', async () => {
    const { outlet } = await listed();
    const people = await Promise.all([person(), person(), person()]);
    for (const p of people) await reportAs(p.token, outlet.id, 'wrong_price');
    expectError(await api(`/worker/reports/${outlet.id}/resolve`, { token: worker, body: { outcome: 'dismissed' } }), 400, 'VALIDATION_FAILED');
    expect((await api(`/worker/reports/${outlet.id}/resolve`, { token: worker, body: { outcome: 'dismissed', reason: 'other', note: '价格已核对，与公示一致' } })).status).toBe(200);
    expect((await api(`/outlets/${outlet.id}`)).status).toBe(200);
    expect((await api('/me/reports', { token: people[0].token })).body.items[0]).toMatchObject({ outcome: 'dismissed' });
    expectError(await api(`/worker/reports/${outlet.id}/resolve`, { token: worker, body: { outcome: 'dismissed', reason: 'other' } }), 404, 'NOT_FOUND');
  });

  it('six residents reporting at the same moment: every report counts once', async () => {
    const { outlet } = await listed();
    const people = await Promise.all(Array.from({ length: 6 }, person));
    const results = await Promise.all(people.map((p) => reportAs(p.token, outlet.id, 'wrong_location')));
    expect(results.map((r) => r.status)).toEqual(Array(6).fill(201));
    const task = (await tasks()).find((t) => t.outletId === outlet.id)!;
    expect(task.reports.map((r) => r.userId).sort()).toEqual(people.map((p) => p.id).sort());
    expect(task.version).toBe(6);
  });

  it('authorization matrix: anonymous, an uninvolved resident, another merchant, a worker of another circle, the owner and the circle worker', async () => {
    const { outlet, owner } = await listed();
    const [stranger, otherMerchant, otherWorker] = await Promise.all([person().then((p) => p.token), signInAs('u_demo_canteen'), workerOfAnotherCircle()]);
    const tokens = { anonymous: undefined, stranger, otherMerchant, otherWorker, owner, worker };
    type Who = keyof typeof tokens;
    const matrix = async (name: string, method: 'GET' | 'POST', path: string, body: object | undefined, expected: Partial<Record<Who, number>>) => {
      const seen: Record<string, number> = {};
      for (const who of Object.keys(expected) as Who[]) {
        const res = await api(path, { method, token: tokens[who], body });
        seen[who] = res.status;
        if (res.status >= 400) expect(res.body).toMatchObject({ error: { code: expect.any(String), message: expect.any(String) } });
      }
      expect({ name, ...seen }).toEqual({ name, ...expected });
    };
    const resolve = `/worker/reports/${outlet.id}/resolve`;
    const openTask = async () => (await tasks()).find((t) => t.outletId === outlet.id);

    // Before any report: only the circle's worker gets as far as "there is no task".
    await matrix('resolve, no task yet', 'POST', resolve, { outcome: 'edited' }, { anonymous: 401, stranger: 403, otherMerchant: 403, otherWorker: 403, owner: 403, worker: 404 });
    // Anyone signed in may report, a worker of this or another circle too; the owner edits instead.
    await matrix('report', 'POST', `/outlets/${outlet.id}/reports`, { kind: 'wrong_hours', note: '周日没开门' }, { anonymous: 401, owner: 403, stranger: 201, otherMerchant: 201, otherWorker: 201, worker: 201 });
    await matrix('my reports', 'GET', '/me/reports', undefined, { anonymous: 401, stranger: 200, otherMerchant: 200, otherWorker: 200, owner: 200, worker: 200 });
    // Each sees their own report and nobody else's.
    for (const who of ['stranger', 'otherMerchant', 'otherWorker', 'worker'] as const) {
      const mine = (await api('/me/reports', { token: tokens[who] })).body.items.filter((r: { outletId: string }) => r.outletId === outlet.id);
      expect({ who, mine }).toEqual({ who, mine: [expect.objectContaining({ outletId: outlet.id, kind: 'wrong_hours', note: '周日没开门' })] });
    }
    expect((await api('/me/reports', { token: owner })).body.items).toEqual([]);
    await matrix('report tasks', 'GET', '/worker/reports', undefined, { anonymous: 401, stranger: 403, otherMerchant: 403, owner: 403, otherWorker: 200, worker: 200 });
    // The other circle's worker gets their own circle's queue, which does not hold this outlet.
    expect((await api('/worker/reports', { token: otherWorker })).body.items.map((t: ReportTask) => t.outletId)).not.toContain(outlet.id);
    const before = await openTask();
    expect(before).toMatchObject({ state: 'open', version: 4 });

    // Refused resolutions change nothing: the task is still open, at the same version, for the circle's worker.
    await matrix('resolve, refused', 'POST', resolve, { outcome: 'edited', note: '已核实' }, { anonymous: 401, stranger: 403, otherMerchant: 403, otherWorker: 403, owner: 403 });
    expect(await openTask()).toEqual(before);
    expect((await api(`/outlets/${outlet.id}`)).status).toBe(200);
    await matrix('resolve', 'POST', resolve, { outcome: 'edited', note: '已核实并更新' }, { worker: 200 });
    expect(await openTask()).toBeUndefined();
    expect((await api('/me/reports', { token: stranger })).body.items[0]).toMatchObject({ outletId: outlet.id, outcome: 'edited', outcomeNote: '已核实并更新' });
    // Nobody resolves reports about their own outlet, not even the circle's worker (陈社工 runs the service centre).
    expectError(await api('/worker/reports/o-hongfeng-center/resolve', { token: worker, body: { outcome: 'dismissed', reason: 'other' } }), 403, 'FORBIDDEN');
  });

  it('authorization and bad input', async () => {
    const { outlet, owner } = await listed();
    const stranger = (await person()).token;
    const otherWorker = await workerOfAnotherCircle();
    expectError(await api(`/outlets/${outlet.id}/reports`, { body: { kind: 'closed' } }), 401, 'UNAUTHENTICATED');
    expectError(await reportAs(owner, outlet.id), 403, 'FORBIDDEN');
    expectError(await api('/worker/reports', { token: stranger }), 403, 'FORBIDDEN');
    expectError(await api(`/worker/reports/${outlet.id}/resolve`, { token: otherWorker, body: { outcome: 'closed' } }), 403, 'FORBIDDEN');
    expectError(await api(`/worker/reports/${outlet.id}/resolve`, { token: stranger, body: { outcome: 'closed' } }), 403, 'FORBIDDEN');
    expectError(await api(`/outlets/${outlet.id}/reports`, { token: stranger, body: { kind: 'ghosts' } }), 400, 'VALIDATION_FAILED');
    expectError(await api(`/outlets/${outlet.id}/reports`, { token: stranger, body: { kind: 'closed', note: '关'.repeat(201) } }), 400, 'VALIDATION_FAILED');
    expectError(await api('/outlets/o-nowhere/reports', { token: stranger, body: { kind: 'closed' } }), 404, 'NOT_FOUND');
    expect((await api('/me/reports', { token: stranger })).body.items).toEqual([]);
  });
});

describe('demo data', () => {
  it('puts an application and a revision in 陈社工’s queue', async () => {
    const queue = (await api('/worker/outlets', { token: worker })).body.items;
    expect(queue.find((i: { outlet: Outlet }) => i.outlet.name === '周师傅修伞补衣')).toMatchObject({ why: 'application', status: 'submitted' });
    expect(queue.find((i: { outlet: Outlet }) => i.outlet.id === 'o-anxin')).toMatchObject({ why: 'revision' });
  });

  it('has an outlet nobody confirmed for over a year: flagged in the queue, 待确认 on its card, never 营业中', async () => {
    const queue = (await api('/worker/outlets', { token: worker })).body.items;
    const stale = queue.find((i: { outlet: Outlet }) => i.outlet.id === 'o-laoma-bike');
    expect(stale).toMatchObject({ why: 'stale', status: 'listed', outlet: { name: '老马修车摊' } });
    expect(Object.values(stale.outlet.checkedAt as Record<string, string>).every((at) => Date.now() - Date.parse(at) > 365 * 86_400_000)).toBe(true);
    // Residents of 银杏苑 have it within a 15-minute walk.
    const yinxing = CIRCLES[0].communities.find((c) => c.id === 'cm-yinxing')!;
    const near = (await api<NearbyResponse>(`/outlets/nearby?lat=${yinxing.lat}&lng=${yinxing.lng}&category=repair&limit=50`)).body.items;
    expect(near.find((i) => i.id === 'o-laoma-bike')).toMatchObject({ hoursUnconfirmed: true });
    const openNow = (await api<NearbyResponse>(`/outlets/nearby?lat=${yinxing.lat}&lng=${yinxing.lng}&category=repair&openNow=true&limit=50`)).body.items;
    expect(openNow.map((i) => i.id)).not.toContain('o-laoma-bike');
    // Beyond a 15-minute walk of 红枫社区 and 书香里, the places the nearby tests look from.
    for (const id of ['cm-hongfeng', 'cm-shuxiangli']) {
      const c = CIRCLES[0].communities.find((x) => x.id === id)!;
      expect(walkingMinutes(distanceMetres(c, stale.outlet))).toBeGreaterThan(15);
    }
  });
});
