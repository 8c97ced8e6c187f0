/**
 * Nearby-search benchmark: `npm run bench:nearby [-- --outlets N --queries N --baseline-queries N]`.
 *
 * Starts the local stack (DynamoDB Local in memory + the functions under serverless-offline), loads N
 * synthetic outlets, then times GET /outlets/nearby end to end over random queries, records how many
 * items each query reads (findNearby in-process, same queries), and compares with a Scan-and-filter
 * baseline that must return exactly the same outlets. Results go to stdout as `name: value` lines;
 * progress goes to stderr. Everything the stack started is stopped at the end, also on error.
 */
import { performance } from 'node:perf_hooks';
import { ScanCommand, type ScanCommandOutput } from '@aws-sdk/lib-dynamodb';
import { startStack, type Stack } from '../scripts/stack';
import { intOption, mean, ms, out, percentile, progress, handlerLatencies } from './lib';
import { benchOutlets, rng } from '../scripts/demo-data';
import { db, tableName } from '../functions/db/client';
import { batchPut, outletItems } from '../functions/outlets/store';
import { findNearby } from '../functions/outlets/domain';
import { rankNearby, type NearbyEntry, type NearbyQuery } from '../functions/outlets/search';

const OUTLETS = intOption('--outlets', 'BENCH_OUTLETS', 50_000, 1);
const QUERIES = intOption('--queries', 'BENCH_QUERIES', 500, 1);
const BASELINE_QUERIES = Math.min(intOption('--baseline-queries', 'BENCH_BASELINE_QUERIES', 5, 1), QUERIES);
const WARMUP = intOption('--warmup', 'BENCH_WARMUP', 20, 0);
const LOAD_CONCURRENCY = intOption('--load-concurrency', 'BENCH_LOAD_CONCURRENCY', 6, 1);

/** The populated disc of benchOutlets (it places outlets up to 12 km out); query centres stay 1 km inside. */
const DISC = { lat: 36.66, lng: 117.02, radiusMetres: 11_000 };
const FOCUS = ['repair', 'breakfast', 'elder_canteen', 'childcare'] as const;
const MAX_MINUTES = 15;

type Criteria = Omit<NearbyQuery, 'limit' | 'offset'>;

function randomQueries(count: number, seed: number): Criteria[] {
  const r = rng(seed);
  const qs: Criteria[] = [];
  const mPerDegLng = 111_320 * Math.cos((DISC.lat * Math.PI) / 180);
  for (let i = 0; i < count; i++) {
    const d = Math.sqrt(r()) * DISC.radiusMetres;
    const theta = r() * 2 * Math.PI;
    const lat = +(DISC.lat + (d * Math.cos(theta)) / 111_320).toFixed(6);
    const lng = +(DISC.lng + (d * Math.sin(theta)) / mPerDegLng).toFixed(6);
    // One in five asks for every category, the rest for one of the focus categories.
    const k = Math.floor(r() * (FOCUS.length + 1));
    qs.push({
      centre: { lat, lng },
      category: k === FOCUS.length ? undefined : FOCUS[k],
      maxMinutes: MAX_MINUTES,
      openNow: false,
      pace: 'standard',
    });
  }
  return qs;
}

async function loadOutlets(count: number): Promise<number> {
  const t0 = performance.now();
  const outlets = benchOutlets(count);
  // Service items are never read by the nearby search (nor by the baseline): leave them out to load faster.
  const items = outlets.flatMap((o) => outletItems(o.outlet, o.services)).filter((i) => i.type !== 'service');
  progress(`generated ${count} outlets -> ${items.length} items (services dropped) in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

  const SLICE = 2_500;
  let next = 0;
  let done = 0;
  let lastReport = performance.now();
  const t1 = performance.now();
  const worker = async () => {
    while (next < items.length) {
      const start = next;
      next += SLICE;
      const slice = items.slice(start, start + SLICE);
      await batchPut(slice);
      done += slice.length;
      if (performance.now() - lastReport > 10_000) {
        lastReport = performance.now();
        const s = (lastReport - t1) / 1000;
        progress(`loaded ${done}/${items.length} items (${Math.round(done / s)} items/s)`);
      }
    }
  };
  await Promise.all(Array.from({ length: LOAD_CONCURRENCY }, worker));
  return items.length;
}

interface HttpNearby {
  items: Array<{ id: string }>;
  total: number;
  search: { cellsQueried: number };
}

async function httpNearby(apiUrl: string, q: Criteria): Promise<HttpNearby> {
  const params = new URLSearchParams({ lat: String(q.centre.lat), lng: String(q.centre.lng), maxMinutes: String(q.maxMinutes) });
  if (q.category) params.set('category', q.category);
  const res = await fetch(`${apiUrl}/outlets/nearby?${params}`);
  const body = await res.text();
  if (res.status !== 200) throw new Error(`GET /outlets/nearby -> ${res.status}: ${body.slice(0, 300)}`);
  return JSON.parse(body) as HttpNearby;
}

/** The baseline: read the whole table with a paginated Scan, keep approved outlets, rank in-process. */
async function scanAndRank(q: Criteria, now: Date): Promise<{ ids: string[]; scanned: number; pages: number; pageMs: number[] }> {
  const entries: NearbyEntry[] = [];
  let scanned = 0;
  let pages = 0;
  const pageMs: number[] = [];
  let ExclusiveStartKey: ScanCommandOutput['LastEvaluatedKey'];
  do {
    const tp = performance.now();
    const res = await db().send(
      new ScanCommand({
        TableName: tableName(),
        FilterExpression: '#type = :outlet AND #approval = :approved',
        ProjectionExpression: '#id, #name, #categories, #address, #lat, #lng, #hours',
        ExpressionAttributeNames: {
          '#type': 'type', '#approval': 'approval', '#id': 'id', '#name': 'name', '#categories': 'categories',
          '#address': 'address', '#lat': 'lat', '#lng': 'lng', '#hours': 'hours',
        },
        ExpressionAttributeValues: { ':outlet': 'outlet', ':approved': 'approved' },
        ExclusiveStartKey,
      }),
    );
    pageMs.push(performance.now() - tp);
    pages++;
    scanned += res.ScannedCount ?? 0;
    for (const item of res.Items ?? []) entries.push({ ...(item as Omit<NearbyEntry, 'headlinePrices'>), headlinePrices: [] });
    ExclusiveStartKey = res.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return { ids: rankNearby(entries, q, now).map((o) => o.id), scanned, pages, pageMs };
}


async function main() {
  process.env.STACK_QUIET ??= '1';
  const wall0 = performance.now();
  let stack: Stack | undefined;
  const onSignal = (sig: NodeJS.Signals) => {
    progress(`${sig}: stopping the stack`);
    void (stack?.stop() ?? Promise.resolve()).finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    progress(`starting the local stack (outlets=${OUTLETS}, queries=${QUERIES}, baseline=${BASELINE_QUERIES})`);
    const ts = performance.now();
    stack = await startStack({ seed: false });
    progress(`stack up in ${((performance.now() - ts) / 1000).toFixed(1)} s: ${stack.apiUrl}`);

    const tl = performance.now();
    const loaded = await loadOutlets(OUTLETS);
    const loadSeconds = (performance.now() - tl) / 1000;
    progress(`loaded ${loaded} items in ${loadSeconds.toFixed(1)} s (${Math.round(loaded / loadSeconds)} items/s)`);

    const queries = randomQueries(QUERIES, 20261124);
    const warmups = randomQueries(WARMUP, 99);
    const mix = new Map<string, number>();
    for (const q of queries) mix.set(q.category ?? '(all)', (mix.get(q.category ?? '(all)') ?? 0) + 1);
    progress(`query mix: ${[...mix].map(([k, v]) => `${k}=${v}`).join(' ')}`);

    // 1. End to end over HTTP, sequential, after a warm-up.
    for (const q of warmups) await httpNearby(stack.apiUrl, q);
    const logMark = stack.functionLog.length;
    const httpMs: number[] = [];
    const httpTotals: number[] = [];
    const httpCells: number[] = [];
    for (const [i, q] of queries.entries()) {
      const t = performance.now();
      const res = await httpNearby(stack.apiUrl, q);
      httpMs.push(performance.now() - t);
      httpTotals.push(res.total);
      httpCells.push(res.search.cellsQueried);
      if ((i + 1) % 100 === 0) progress(`http ${i + 1}/${queries.length}, p50 so far ${ms(percentile(httpMs, 50))} ms`);
    }
    // The log line arrives asynchronously from the serverless-offline child; give it a moment.
    await new Promise((r) => setTimeout(r, 500));
    const handlerMs = handlerLatencies(stack.functionLog.slice(logMark), 'GET /outlets/nearby');

    // 2. The same queries in-process: items read, cells, and the reference results for the baseline.
    const now = new Date();
    const itemsRead: number[] = [];
    const cells: number[] = [];
    const results: number[] = [];
    const inprocMs: number[] = [];
    const referenceIds: string[][] = [];
    let totalMismatches = 0;
    for (const [i, q] of queries.entries()) {
      const t = performance.now();
      const res = await findNearby({ ...q, limit: 100_000 }, now);
      inprocMs.push(performance.now() - t);
      itemsRead.push(res.itemsRead);
      cells.push(res.search.cellsQueried);
      results.push(res.total);
      if (res.total !== httpTotals[i] || res.search.cellsQueried !== httpCells[i]) totalMismatches++;
      if (i < BASELINE_QUERIES) referenceIds.push(res.items.map((o) => o.id));
    }

    // 3. Baseline: Scan-and-filter for the first queries, which must give the same outlets in the same order.
    const scanMs: number[] = [];
    const scanItems: number[] = [];
    let scanPages = 0;
    let mismatches = 0;
    for (let i = 0; i < BASELINE_QUERIES; i++) {
      const t = performance.now();
      const res = await scanAndRank(queries[i], now);
      scanMs.push(performance.now() - t);
      scanItems.push(res.scanned);
      scanPages = res.pages;
      const ref = referenceIds[i];
      const same = ref.length === res.ids.length && ref.every((id, k) => id === res.ids[k]);
      if (!same) {
        mismatches++;
        progress(`MISMATCH query ${i}: index ${ref.length} results, scan ${res.ids.length}`);
      }
      // Per-page times show whether a page costs the same wherever it starts (DynamoDB) or grows with the offset.
      const third = Math.max(1, Math.floor(res.pageMs.length / 3));
      progress(
        `scan ${i + 1}/${BASELINE_QUERIES}: ${ms(scanMs[i])} ms, ${res.scanned} items scanned in ${res.pages} pages ` +
          `(page mean first third ${ms(mean(res.pageMs.slice(0, third)))} ms, last third ${ms(mean(res.pageMs.slice(-third)))} ms), ${res.ids.length} results`,
      );
    }

    const queryMean = mean(httpMs);
    out('outlets', OUTLETS);
    out('items_loaded', loaded);
    out('load_s', loadSeconds.toFixed(1));
    out('queries', queries.length);
    out('query_p50_ms', ms(percentile(httpMs, 50)));
    out('query_p95_ms', ms(percentile(httpMs, 95)));
    out('query_p99_ms', ms(percentile(httpMs, 99)));
    out('query_mean_ms', ms(queryMean));
    if (handlerMs.length) {
      out('handler_p50_ms', ms(percentile(handlerMs, 50)));
      out('handler_mean_ms', ms(mean(handlerMs)));
    }
    out('inproc_query_p50_ms', ms(percentile(inprocMs, 50)));
    out('inproc_query_mean_ms', ms(mean(inprocMs)));
    out('items_read_per_query_mean', mean(itemsRead).toFixed(1));
    out('items_read_per_query_p99', percentile(itemsRead, 99));
    out('cells_per_query_mean', mean(cells).toFixed(1));
    out('results_per_query_mean', mean(results).toFixed(1));
    out('http_vs_inproc_total_mismatches', totalMismatches);
    out('baseline_queries', BASELINE_QUERIES);
    out('scan_p50_ms', ms(percentile(scanMs, 50)));
    out('scan_mean_ms', ms(mean(scanMs)));
    out('scan_items_read_per_query', Math.round(mean(scanItems)));
    out('scan_pages_per_query', scanPages);
    out('mismatches', mismatches);
    out('ratio', (mean(scanMs) / queryMean).toFixed(1));
    progress(`wall time ${((performance.now() - wall0) / 1000).toFixed(1)} s`);
    if (mismatches > 0 || totalMismatches > 0) process.exitCode = 1;
  } finally {
    if (stack) {
      progress('stopping the stack');
      await stack.stop();
    }
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
