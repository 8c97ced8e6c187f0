/**
 * `npm run bench:circle-health`: the worker's 圈子体检 report of a circle of 200 compounds × every facility type,
 * over HTTP on a local stack, cold (generation bumped before each call) and cached; the items it reads; and the
 * brute-force computation over every outlet in memory as the baseline, which must agree cell by cell.
 * Two cities: 5,000 outlets packed around the circle, and the nearby benchmark's 50,000-outlet table.
 *   --outlets N (5000)  --large N (50000; 0 skips)  --cold N (8)  --cached N (30)
 */
import { performance } from 'node:perf_hooks';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { gzipSync } from 'node:zlib';
import { startStack, type Stack } from '../scripts/stack';
import { benchOutlets, rng } from '../scripts/demo-data';
import { db, tableName } from '../functions/db/client';
import { keys } from '../functions/db/keys';
import { transactWrite } from '../functions/db/transact';
import { circleItem } from '../functions/circles/store';
import { batchPut, outletItems } from '../functions/outlets/store';
import { bumpGen, compoundsOf } from '../functions/health/store';
import { cellsAround } from '../functions/health/report';
import { getCircle } from '../functions/circles/store';
import { readNearbyCells } from '../functions/outlets/store';
import { computeHealth } from '../shared/health/report';
import { CATEGORY_KEYS } from '../shared/categories';
import { MOFCOM_PROFILE } from '../shared/health/standards';
import { oracleCells, reportCells } from '../tests/support/health-oracle';
import { handlerLatencies, intOption, ms, out, percentile, progress } from './lib';
import type { Circle, Outlet, Service } from '../shared/api';
import type { CircleHealth, Compound, HealthOutlet } from '../shared/health/types';

const OUTLETS = intOption('--outlets', 'BENCH_OUTLETS', 5000, 100);
const LARGE = intOption('--large', 'BENCH_LARGE', 50_000, 0);
const DENSE = intOption('--dense', 'BENCH_DENSE', 1, 0);
const COLD = intOption('--cold', 'BENCH_COLD', 8, 1);
const CACHED = intOption('--cached', 'BENCH_CACHED', 30, 1);
const COMPOUNDS = 200;
const ROUTE = 'GET /worker/circles/{id}/health';

const HOURS = [
  { windows: [{ days: [1, 2, 3, 4, 5, 6, 7], open: '06:00', close: '21:00' }] },
  { windows: [{ days: [1, 2, 3, 4, 5], open: '10:30', close: '14:00' }, { days: [1, 2, 3, 4, 5], open: '16:00', close: '19:00' }] },
  { windows: [{ days: [1, 2, 3, 4, 5, 6], open: '08:00', close: '18:00' }] },
  { windows: [{ days: [6, 7], open: '09:00', close: '17:00' }] },
];
const SERVICES: Service[] = [{ id: 's01', name: '基础服务', priceFen: 1500, unit: '次', bookable: false }];

function around(r: () => number, centre: { lat: number; lng: number }, metres: number) {
  const d = Math.sqrt(r()) * metres;
  const t = r() * 2 * Math.PI;
  return { lat: centre.lat + (d * Math.cos(t)) / 111_320, lng: centre.lng + (d * Math.sin(t)) / (111_320 * Math.cos((centre.lat * Math.PI) / 180)) };
}

/** A dense district: outlets of every category, some unconfirmed for over a year, some closed for a while. */
function denseOutlets(count: number, centre: { lat: number; lng: number }): Array<{ outlet: Outlet; services: Service[] }> {
  const r = rng(20261204);
  return Array.from({ length: count }, (_, i) => {
    const at = r() < 0.1 ? '2025-05-01T00:00:00.000Z' : '2026-11-01T00:00:00.000Z';
    const cats = [...new Set([CATEGORY_KEYS[Math.floor(r() * CATEGORY_KEYS.length)], ...(r() < 0.3 ? [CATEGORY_KEYS[Math.floor(r() * CATEGORY_KEYS.length)]] : [])])];
    const outlet: Outlet = {
      id: `hd-${i}`, circleId: 'c-bench-dense', name: `密集网点${i}`, categories: cats, ...around(r, centre, 2_600), address: '基准路',
      hours: HOURS[Math.floor(r() * HOURS.length)], approval: 'approved', status: 'listed', checkedAt: { name: at, hours: at },
      ...(r() < 0.03 ? { closedUntil: '2099-01-01', status: 'closed_temporarily' as const } : {}),
    };
    return { outlet, services: SERVICES };
  });
}

function circleOf(id: string, centre: { lat: number; lng: number }, radius: number): Circle {
  const r = rng(id.length * 7919);
  return { id, name: `基准圈${id}`, district: '—', centre, communities: Array.from({ length: COMPOUNDS }, (_, i) => ({ id: `cm-${i}`, name: `小区${i}`, ...around(r, centre, radius) })) };
}

async function load(circle: Circle, outlets: Array<{ outlet: Outlet; services: Service[] }>, workerId: string) {
  const r = rng(5);
  const figures = circle.communities.map((c) => ({ ...keys.compoundFigures(circle.id, c.id), type: 'compoundFigures', households: 400 + Math.floor(r() * 2000), residents: 0, elderlyShare: Math.round(r() * 40) / 100 }));
  for (const f of figures) f.residents = Math.round(f.households * (2.2 + r()));
  const items = [...figures, ...outlets.flatMap((o) => outletItems(o.outlet, o.services))];
  let next = 0;
  await Promise.all(Array.from({ length: 6 }, async () => { while (next < items.length) await batchPut(items.slice(next, (next += 2_500))); }));
  await db().send(new PutCommand({ TableName: tableName(), Item: circleItem(circle) }));
  await db().send(new PutCommand({ TableName: tableName(), Item: { ...keys.user(workerId), type: 'user', id: workerId, nickname: '基准社工', roles: ['resident', 'worker'], circleId: circle.id, demo: true, createdAt: '2026-01-01T00:00:00.000Z' } }));
  return figures;
}

async function scenario(stack: Stack, name: string, circle: Circle, outlets: Array<{ outlet: Outlet; services: Service[] }>) {
  const tl = performance.now();
  const workerId = `u_bench_${name}`;
  const figures = await load(circle, outlets, workerId);
  progress(`${name}: loaded ${outlets.length} outlets and ${COMPOUNDS} compounds in ${((performance.now() - tl) / 1000).toFixed(1)} s`);
  const token = (await (await fetch(`${stack.apiUrl}/auth/dev`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId: workerId }) })).json()).token as string;
  const get = async () => {
    const t = performance.now();
    const res = await fetch(`${stack.apiUrl}/worker/circles/${circle.id}/health`, { headers: { authorization: `Bearer ${token}`, 'accept-encoding': 'gzip' } });
    const text = await res.text();
    if (res.status !== 200 || text.includes('"errorType"')) throw new Error(`${res.status} ${text.slice(0, 300)}`);
    const source = { cached: res.headers.get('x-health-cache') === 'hit', itemsRead: Number(res.headers.get('x-items-read')) };
    return { ms: performance.now() - t, body: { ...(JSON.parse(text) as CircleHealth), source }, bytes: Buffer.byteLength(text) };
  };
  // In-process, the same steps as the handler, timed one by one (no HTTP, no serverless-offline).
  {
    const circleRead = (await getCircle(circle.id))!;
    let t = performance.now();
    const compounds = await compoundsOf(circleRead);
    const cells = cellsAround(compounds);
    const { entries, itemsRead } = await readNearbyCells(undefined, cells);
    const readMs = performance.now() - t;
    t = performance.now();
    computeHealth({ circleId: circle.id, circleName: circle.name, compounds, outlets: entries, profile: MOFCOM_PROFILE, now: new Date() });
    const computeMs = performance.now() - t;
    out(`${name}_cells_read`, cells.length);
    out(`${name}_inproc_read_ms`, ms(readMs));
    out(`${name}_inproc_compute_ms`, ms(computeMs));
    progress(`${name}: ${cells.length} cells, ${itemsRead} items read in ${ms(readMs)} ms, computed in ${ms(computeMs)} ms`);
  }
  await get().catch((e) => progress(`warm-up: ${(e as Error).message.slice(0, 120)}`)); // warm the function (a first call may time out loading)
  const coldMs: number[] = [];
  let cold!: Awaited<ReturnType<typeof get>>;
  let mark = stack.functionLog.length;
  for (let i = 0; i < COLD; i++) {
    await transactWrite({ gen: bumpGen(circle.id) });
    cold = await get();
    if (cold.body.source?.cached) throw new Error('a bumped generation was served from the cache');
    coldMs.push(cold.ms);
  }
  await new Promise((r) => setTimeout(r, 300));
  const coldHandler = handlerLatencies(stack.functionLog.slice(mark), ROUTE);
  const steps = stack.functionLog.slice(mark).flatMap((l) => {
    const at = l.indexOf('{"level"');
    try {
      const e = at >= 0 ? JSON.parse(l.slice(at)) : null;
      return e?.msg === 'health report' ? [e as { readMs: number; computeMs: number; cacheMs: number }] : [];
    } catch {
      return [];
    }
  });
  out(`${name}_handler_read_ms_p50`, percentile(steps.map((x) => x.readMs), 50));
  out(`${name}_handler_compute_ms_p50`, percentile(steps.map((x) => x.computeMs), 50));
  out(`${name}_handler_cache_write_ms_p50`, percentile(steps.map((x) => x.cacheMs), 50));
  mark = stack.functionLog.length;
  const cachedMs: number[] = [];
  for (let i = 0; i < CACHED; i++) {
    const c = await get();
    if (!c.body.source?.cached) throw new Error('expected a cached report');
    cachedMs.push(c.ms);
  }
  await new Promise((r) => setTimeout(r, 300));
  const cachedHandler = handlerLatencies(stack.functionLog.slice(mark), ROUTE);

  // Baseline: every compound against every outlet of the city, in memory (no database time at all).
  const compounds: Compound[] = circle.communities.map((c, i) => ({ ...c, households: figures[i].households, residents: figures[i].residents, elderlyShare: figures[i].elderlyShare }));
  const all: HealthOutlet[] = outlets.map((o) => o.outlet).filter((o) => o.approval === 'approved');
  const tb = performance.now();
  const expected = oracleCells(compounds, all, MOFCOM_PROFILE.standards, new Date(cold.body.computedAt));
  const bruteMs = performance.now() - tb;
  const got = reportCells(cold.body);
  let mismatches = 0;
  got.forEach((row, i) => row.forEach((cell, j) => JSON.stringify(cell) !== JSON.stringify(expected[i][j]) && mismatches++));

  out(`${name}_outlets`, outlets.length);
  out(`${name}_cells`, COMPOUNDS * MOFCOM_PROFILE.standards.length);
  out(`${name}_report_ms_p50`, ms(percentile(coldMs, 50)));
  out(`${name}_report_ms_p99`, ms(percentile(coldMs, 99)));
  out(`${name}_report_handler_ms_p50`, ms(percentile(coldHandler, 50)));
  out(`${name}_cached_ms_p50`, ms(percentile(cachedMs, 50)));
  out(`${name}_cached_ms_p99`, ms(percentile(cachedMs, 99)));
  out(`${name}_cached_handler_ms_p50`, ms(percentile(cachedHandler, 50)));
  out(`${name}_items_read`, cold.body.source!.itemsRead);
  out(`${name}_report_json_kb`, (cold.bytes / 1024).toFixed(0));
  out(`${name}_response_gzip_kb`, (gzipSync(JSON.stringify({ ...cold.body, source: undefined })).length / 1024).toFixed(0));
  out(`${name}_brute_ms`, ms(bruteMs));
  out(`${name}_ratio_brute_vs_report`, (bruteMs / percentile(coldHandler, 50)).toFixed(1));
  out(`${name}_mismatches`, mismatches);
  if (name === 'dense') {
    // The issue's own names, for the 5,000-outlet circle.
    out('report_ms_p50', ms(percentile(coldMs, 50)));
    out('report_ms_p99', ms(percentile(coldMs, 99)));
    out('cached_ms_p50', ms(percentile(cachedMs, 50)));
    out('cached_ms_p99', ms(percentile(cachedMs, 99)));
    out('items_read', cold.body.source!.itemsRead);
    out('ratio', (bruteMs / percentile(coldHandler, 50)).toFixed(1));
    out('mismatches', mismatches);
  }
}

async function main() {
  const started = performance.now();
  let stack: Stack | undefined;
  const stop = async () => {
    await stack?.stop();
    stack = undefined;
  };
  const onSignal = () => void stop().finally(() => process.exit(130));
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    stack = await startStack({ seed: false });
    const dense = { lat: 31.2304, lng: 121.4737 };
    if (DENSE) await scenario(stack, 'dense', circleOf('c-bench-dense', dense, 2_000), denseOutlets(OUTLETS, dense));
    if (LARGE) await scenario(stack, 'city', circleOf('c-bench-city', { lat: 36.66, lng: 117.02 }, 3_000), benchOutlets(LARGE));
  } finally {
    await stop();
    out('wall_s', ((performance.now() - started) / 1000).toFixed(1));
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
