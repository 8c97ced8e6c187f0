/**
 * Circle health over HTTP on DynamoDB Local: the report equals a brute-force computation over every listed
 * outlet (on the demo city and on a generated one), its cache is dropped by exactly the writes that change
 * it, and only the circle's worker reads it or edits the compound figures.
 */
import { randomUUID } from 'node:crypto';
import { DeleteCommand, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { api, apiUrl, expectError, signInAs } from '../support/api';
import { useStackTable, workerOfAnotherCircle } from '../support/db';
import { allListedOutlets, oracleCells, reportCells } from '../support/health-oracle';
import { db, tableName } from '../../functions/db/client';
import { keys } from '../../functions/db/keys';
import { circleItem } from '../../functions/circles/store';
import { getOutletWithServices, saveOutlet } from '../../functions/outlets/store';
import { compoundsOf } from '../../functions/health/store';
import { snapshotAll } from '../../functions/health/report';
import { checkHealthCache } from '../../functions/health/cache-check';
import { MOFCOM_PROFILE } from '../../shared/health/standards';
import { CATEGORY_KEYS } from '../../shared/categories';
import type { Circle, Outlet, Service } from '../../shared/api';
import type { CircleHealth } from '../../shared/health/types';

useStackTable();

let worker: string;
beforeAll(async () => {
  worker = await signInAs('u_demo_worker');
});

type Served = CircleHealth & { source: { cached: boolean; itemsRead: number } };

/** The report, and whether it came from the cache (the x-health-cache header), sent gzipped. */
async function report(circleId: string, token = worker): Promise<Served> {
  const res = await api<CircleHealth>(`/worker/circles/${circleId}/health`, { token, headers: { 'accept-encoding': 'gzip' } });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-encoding')).toBe('gzip');
  return { ...res.body, source: { cached: res.headers.get('x-health-cache') === 'hit', itemsRead: Number(res.headers.get('x-items-read')) } };
}

async function expectExact(r: CircleHealth, circle: Circle) {
  const compounds = await compoundsOf(circle);
  expect(reportCells(r)).toEqual(oracleCells(compounds, await allListedOutlets(), MOFCOM_PROFILE.standards, new Date(r.computedAt)));
}

// A generated city in Wuhan, far from the demo city and the other tests' pins.
const centre = { lat: 30.5928, lng: 114.3055 };
function rng(seed: number) {
  return () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
}
const r = rng(7);
const tag = randomUUID().slice(0, 6);
const genCircle: Circle = {
  id: `c-h${tag}`,
  name: '生成测试圈',
  district: '测试区',
  centre,
  communities: Array.from({ length: 12 }, (_, i) => ({ id: `cm-${i}`, name: `生成小区${i}`, lat: centre.lat + (r() - 0.5) * 0.03, lng: centre.lng + (r() - 0.5) * 0.03 })),
};
const HOURS = [
  { windows: [{ days: [1, 2, 3, 4, 5, 6, 7], open: '06:00', close: '20:00' }] },
  { windows: [{ days: [1, 2, 3, 4, 5], open: '11:00', close: '14:00' }] },
  { windows: [{ days: [6, 7], open: '09:00', close: '17:00' }] },
  { windows: [{ days: [1, 2, 3, 4, 5], open: '16:00', close: '22:00' }] },
];
const services: Service[] = [{ id: 's1', name: '服务', priceFen: 1000, unit: '次', bookable: false }];
function genOutlet(i: number): Outlet {
  const categories = [...new Set([CATEGORY_KEYS[Math.floor(r() * CATEGORY_KEYS.length)], CATEGORY_KEYS[Math.floor(r() * CATEGORY_KEYS.length)]])];
  const old = r() < 0.15;
  const at = old ? '2025-06-01T00:00:00.000Z' : new Date().toISOString();
  return {
    id: `o_h${tag}_${i}`,
    circleId: genCircle.id,
    name: `生成网点${i}`,
    categories,
    lat: centre.lat + (r() - 0.5) * 0.05,
    lng: centre.lng + (r() - 0.5) * 0.05,
    address: '生成路',
    hours: HOURS[Math.floor(r() * HOURS.length)],
    approval: 'approved',
    status: 'listed',
    checkedAt: { name: at, hours: at, location: at },
    ...(r() < 0.08 ? { closedUntil: '2099-01-01', status: 'closed_temporarily' as const } : {}),
  };
}

describe('circle health on a generated city', () => {
  beforeAll(async () => {
    await db().send(new PutCommand({ TableName: tableName(), Item: circleItem(genCircle) }));
    for (const [i, c] of genCircle.communities.entries()) {
      await api(`/worker/circles/${genCircle.id}/communities/${c.id}`, { token: await genWorker(), body: { households: 300 + i * 50, residents: 800 + i * 120, elderlyShare: 0.1 + i * 0.03 } });
    }
    for (let i = 0; i < 160; i++) expect(await saveOutlet(genOutlet(i), services)).toBe('saved');
  }, 120_000);
  afterAll(async () => {
    await db().send(new DeleteCommand({ TableName: tableName(), Key: keys.circle(genCircle.id) }));
  });

  let genToken: string | undefined;
  async function genWorker(): Promise<string> {
    if (genToken) return genToken;
    const id = `u_t_hw_${tag}`;
    await db().send(new PutCommand({ TableName: tableName(), Item: { ...keys.user(id), type: 'user', id, nickname: '生成社工', roles: ['resident', 'worker'], circleId: genCircle.id, demo: true, createdAt: new Date().toISOString() } }));
    genToken = await signInAs(id);
    return genToken;
  }

  it('equals the brute-force computation over every listed outlet, cell by cell', async () => {
    const rep = await report(genCircle.id, await genWorker());
    expect(rep.source).toMatchObject({ cached: false });
    expect(rep.source!.itemsRead).toBeGreaterThan(0);
    expect(rep.compounds).toHaveLength(12);
    expect(rep.totals.residents).toBe(Array.from({ length: 12 }, (_, i) => 800 + i * 120).reduce((a, b) => a + b, 0));
    await expectExact(rep, genCircle);
    const statuses = new Set(rep.compounds.flatMap((c) => c.cells.map((x) => x.adult.window.status)));
    expect([...statuses].sort()).toEqual(['met', 'missing', 'thin']);
  });

  it('serves the cached report until an outlet it depends on changes, then exactly the cells that outlet moves change', async () => {
    const token = await genWorker();
    await report(genCircle.id, token);
    const before = await report(genCircle.id, token);
    expect(before.source).toMatchObject({ cached: true, itemsRead: 0 });

    // An unrelated write (a phone number) keeps the cache.
    const target = (await getOutletWithServices(`o_h${tag}_3`))!;
    expect(await saveOutlet({ ...target.outlet, phone: '13800000000' }, target.services, { previous: target })).toBe('saved');
    expect((await report(genCircle.id, token)).source?.cached).toBe(true);

    for (const change of ['suspend', 'approve', 'move', 'category'] as const) {
      const cur = (await getOutletWithServices(target.outlet.id))!;
      const prev = await report(genCircle.id, token);
      const next: Outlet =
        change === 'suspend'
          ? { ...cur.outlet, approval: 'suspended', status: 'suspended' }
          : change === 'approve'
            ? { ...cur.outlet, approval: 'approved', status: 'listed' }
            : change === 'move'
              ? { ...cur.outlet, lat: genCircle.communities[0].lat + 0.0005, lng: genCircle.communities[0].lng }
              : { ...cur.outlet, categories: ['recycling'] };
      expect(await saveOutlet(next, cur.services, { previous: cur })).toBe('saved');
      const after = await report(genCircle.id, token);
      expect(after.source?.cached).toBe(false);
      await expectExact(after, genCircle);
      const changed = new Set<string>();
      after.compounds.forEach((c, ci) => c.cells.forEach((cell, ti) => JSON.stringify(cell) !== JSON.stringify(prev.compounds[ci].cells[ti]) && changed.add(after.types[ti].type)));
      const touched = new Set([...cur.outlet.categories, ...next.categories]);
      const typesOf = (cats: Set<string>) => MOFCOM_PROFILE.standards.filter((s) => s.categories.some((k) => cats.has(k))).map((s) => s.type);
      for (const t of changed) expect(typesOf(touched)).toContain(t);
      if (change !== 'category') expect(changed.size).toBeGreaterThan(0);
    }
  });
});

describe('circle health on the demo city', () => {
  it('equals the brute-force computation and shows real gaps with siting hints', async () => {
    const rep = await report('c-hongfeng');
    await expectExact(rep, (await db().send(new GetCommand({ TableName: tableName(), Key: keys.circle('c-hongfeng') }))).Item as Circle);
    expect(rep.totals.residents).toBeGreaterThan(20_000);
    expect(rep.gaps.length).toBeGreaterThan(3);
    expect(rep.gaps.slice(0, 3).every((g) => g.siting)).toBe(true);
    expect(rep.grade.lines.reduce((t, l) => t + l.max, 0)).toBe(100);
    expect(rep.profile.rule).toContain('750米');
  });

  it('exports the matrix as CSV, one row per compound and type', async () => {
    const res = await api<string>('/worker/circles/c-hongfeng/health.csv', { token: worker });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    const lines = (res.body as string).trim().split('\r\n');
    expect(lines[0].startsWith('小区,户数')).toBe(true);
    // A BOM first, so spreadsheet software reads the Chinese as UTF-8 (fetch's text() hides it).
    const raw = await fetch(`${apiUrl()}/worker/circles/c-hongfeng/health.csv`, { headers: { authorization: `Bearer ${worker}` } });
    expect([...new Uint8Array(await raw.arrayBuffer()).slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(lines).toHaveLength(1 + 5 * MOFCOM_PROFILE.standards.length);
  });

  it('sends plain JSON to a client that does not accept gzip', async () => {
    const res = await api<CircleHealth>('/worker/circles/c-hongfeng/health', { token: worker, headers: { 'accept-encoding': 'identity' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-encoding')).toBeNull();
    expect(res.body.circleId).toBe('c-hongfeng');
  });

  it('reports another profile on request and refuses an unknown one', async () => {
    const gb = await api<CircleHealth>('/worker/circles/c-hongfeng/health?profile=gb50180', { token: worker });
    expect(gb.status).toBe(200);
    expect(gb.body.profile.id).toBe('gb50180');
    expectError(await api('/worker/circles/c-hongfeng/health?profile=nope', { token: worker }), 400, 'VALIDATION_FAILED');
  });

  it('shows the change since last month once a snapshot exists', async () => {
    await snapshotAll(new Date(Date.now() - 40 * 86_400_000));
    const rep = await report('c-hongfeng');
    expect(rep.trend).toMatchObject({ points: { to: rep.grade.points } });
    expect(rep.trend!.types).toHaveLength(MOFCOM_PROFILE.standards.length);
  });

  it('gives a resident the simple view of their own compound, without signing in', async () => {
    const res = await api('/circles/c-hongfeng/communities/cm-dongling/health');
    expect(res.status).toBe(200);
    expect(res.body.within.length + res.body.missing.length).toBe(MOFCOM_PROFILE.standards.length);
    expect(res.body.missing.map((m: { type: string }) => m.type)).toContain('repair');
    expectError(await api('/circles/c-hongfeng/communities/cm-nope/health'), 404, 'NOT_FOUND');
  });
});

describe('check:health', () => {
  it('passes when every cached report matches the index, and names the circle when a write skipped its generation', async () => {
    await report('c-hongfeng');
    const clean = await checkHealthCache();
    expect(clean.cachedReports).toBeGreaterThan(0);
    expect(clean.problems).toEqual([]);
    // Close a demo outlet's nearby entry behind the store's back: the cached report no longer matches.
    const near = (await db().send(new GetCommand({ TableName: tableName(), Key: keys.nearEntry('o-anxin', '*') }))).Item!;
    await db().send(new PutCommand({ TableName: tableName(), Item: { ...near, closedUntil: '2099-01-01' } }));
    try {
      const broken = await checkHealthCache();
      expect(broken.problems.some((p) => p.startsWith('c-hongfeng mofcom2021'))).toBe(true);
    } finally {
      await db().send(new PutCommand({ TableName: tableName(), Item: near }));
    }
  });
});

describe('compound figures', () => {
  const path = '/worker/circles/c-hongfeng/communities/cm-shuxiangli';
  const stored = async () => (await db().send(new GetCommand({ TableName: tableName(), Key: keys.compoundFigures('c-hongfeng', 'cm-shuxiangli'), ConsistentRead: true }))).Item;

  it('are edited by the circle worker and drop the cached report', async () => {
    await report('c-hongfeng');
    const res = await api(path, { token: worker, body: { households: 990, residents: 2520, elderlyShare: 0.36 } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: 'cm-shuxiangli', residents: 2520, updatedBy: 'u_demo_worker' });
    const rep = await report('c-hongfeng');
    expect(rep.source?.cached).toBe(false);
    expect(rep.compounds.find((c) => c.id === 'cm-shuxiangli')).toMatchObject({ residents: 2520, elders: 907 });
  });

  it.each([
    [{ households: -1, residents: 10, elderlyShare: 0.2 }],
    [{ households: 10, residents: 5, elderlyShare: 0.2 }],
    [{ households: 10, residents: 20, elderlyShare: 1.5 }],
    [{ households: '10', residents: 20, elderlyShare: 0.2 }],
    [{ households: 10, residents: 1e9, elderlyShare: 0.2 }],
    [{ households: 10.5, residents: 20, elderlyShare: 0.2 }],
    [{ residents: 20, elderlyShare: 0.2 }],
  ])('refuse bad figures %j and write nothing', async (body) => {
    const before = await stored();
    const res = await api(path, { token: worker, body });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'VALIDATION_FAILED', message: expect.any(String) });
    expect(await stored()).toEqual(before);
  });

  it('404 for a compound of another circle', async () => {
    expectError(await api('/worker/circles/c-hongfeng/communities/cm-liuyin', { token: worker, body: { households: 1, residents: 2, elderlyShare: 0 } }), 404, 'NOT_FOUND');
  });
});

describe('authorization matrix', () => {
  const routes = [
    ['GET', '/worker/circles/c-hongfeng/health'],
    ['GET', '/worker/circles/c-hongfeng/health/communities/cm-dongling'],
    ['GET', '/worker/circles/c-hongfeng/health.csv'],
    ['POST', '/worker/circles/c-hongfeng/communities/cm-dongling'],
  ] as const;
  const body = { households: 2300, residents: 6200, elderlyShare: 0.38 };
  it.each(routes)('%s %s: only the circle worker', async (method, path) => {
    const call = (token?: string) => api(path, { method, token, ...(method === 'POST' ? { body } : {}) });
    expectError(await call(), 401, 'UNAUTHENTICATED');
    expectError(await call(await signInAs('u_demo_resident')), 403, 'FORBIDDEN');
    expectError(await call(await signInAs('u_demo_merchant')), 403, 'FORBIDDEN');
    expectError(await call(await workerOfAnotherCircle()), 403, 'FORBIDDEN');
    expect((await call(worker)).status).toBe(200);
  });
});
