/**
 * The nearby-index half of `npm run bench:map`: loads the nearby benchmark's synthetic city (50,000 outlets
 * with their price lists) into a local stack, makes random edits through saveOutlet (categories, pins moved
 * across cells, delisting and relisting, prices, names), then runs the check:index walk over every outlet and
 * reports `index_problems` (must be 0) and how long the check took.
 */
import { performance } from 'node:perf_hooks';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { startStack, type Stack } from '../scripts/stack';
import { benchOutlets, rng } from '../scripts/demo-data';
import { db, tableName } from '../functions/db/client';
import { circleItem } from '../functions/circles/store';
import { batchPut, getOutletWithServices, outletItems, saveOutlet } from '../functions/outlets/store';
import { checkIndex } from '../functions/outlets/index-check';
import { CATEGORY_KEYS } from '../shared/categories';
import { out, progress } from './lib';
import type { Outlet } from '../shared/api';

async function load(count: number): Promise<void> {
  await db().send(new PutCommand({ TableName: tableName(), Item: circleItem({ id: 'c-bench', name: '基准测试圈', district: '—', centre: { lat: 36.66, lng: 117.02 }, communities: [] }) }));
  const items = benchOutlets(count).flatMap((o) => outletItems(o.outlet, o.services));
  const t0 = performance.now();
  let next = 0;
  const SLICE = 2_500;
  await Promise.all(
    Array.from({ length: 6 }, async () => {
      while (next < items.length) {
        const slice = items.slice(next, (next += SLICE));
        await batchPut(slice);
      }
    }),
  );
  progress(`loaded ${count} outlets (${items.length} items) in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

/** One random edit of one outlet, re-reading when another edit got there first. */
async function edit(id: string, r: () => number): Promise<'saved' | 'conflict'> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const read = (await getOutletWithServices(id))!;
    const o: Outlet = { ...read.outlet };
    const services = read.services.map((s) => ({ ...s }));
    const kind = Math.floor(r() * 5);
    if (kind === 0) o.categories = [...new Set([o.categories[0], CATEGORY_KEYS[Math.floor(r() * CATEGORY_KEYS.length)]])];
    else if (kind === 1) Object.assign(o, { lat: o.lat + (r() - 0.5) * 0.02, lng: o.lng + (r() - 0.5) * 0.02 });
    else if (kind === 2) o.approval = o.approval === 'approved' ? 'suspended' : 'approved';
    else if (kind === 3 && services[0]) services[0].priceFen = Math.round((services[0].priceFen ?? 1000) * (0.5 + r()));
    else o.name = `${o.name.replace(/（.*）$/, '')}（${Math.floor(r() * 100)}）`;
    const saved = await saveOutlet(o, services, { previous: read });
    if (saved === 'saved') return attempt ? 'conflict' : 'saved';
  }
  throw new Error(`edit of ${id} kept losing`);
}

export async function indexCheckBench(opts: { outlets: number; edits: number }): Promise<void> {
  let stack: Stack | undefined;
  try {
    stack = await startStack({ seed: false });
    await load(opts.outlets);
    const r = rng(11);
    const ids = Array.from({ length: opts.edits }, () => `b-${Math.floor(r() * opts.outlets)}`);
    const t0 = performance.now();
    let next = 0;
    let conflicts = 0;
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        while (next < ids.length) if ((await edit(ids[next++], r)) === 'conflict') conflicts++;
      }),
    );
    progress(`${opts.edits} edits in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    const t1 = performance.now();
    const report = await checkIndex(32);
    const checkS = (performance.now() - t1) / 1000;
    for (const p of report.problems.slice(0, 10)) progress(p);
    out('index_outlets', report.outlets);
    out('index_edits', opts.edits);
    out('index_edits_retried', conflicts);
    out('index_problems', report.problems.length);
    out('check_s', checkS.toFixed(1));
    out('check_outlets_per_s', Math.round(report.outlets / checkS));
  } finally {
    await stack?.stop();
  }
}
