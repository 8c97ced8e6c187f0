/**
 * The nearby index check (`npm run check:index`): every findable outlet has exactly the entries its record
 * and price list call for — one per category and `*`, in the cell of its pin, with its current list fields —
 * and no other outlet has any. Walks every circle's outlets through the circle index (never a Scan), reading
 * each outlet's partition once (record, services and entries share it).
 */
import { queryAll } from '../db/client';
import { canonical } from '../db/idempotency';
import { keys, withoutKeys } from '../db/keys';
import { listCircles } from '../circles/store';
import type { Outlet, Service } from '../../shared/api';
import { listingsOf } from './listing';
import { listOutletsOfCircle } from './store';

/** The fields of an entry that must match the record exactly. */
const ENTRY_FIELDS = ['name', 'categories', 'address', 'lat', 'lng', 'hours', 'headlinePrices', 'closedUntil', 'checkedAt'] as const;

export async function checkOutletIndex(outletId: string): Promise<string[]> {
  const items = await queryAll({ KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': keys.outletPartition(outletId) }, ConsistentRead: true });
  const meta = items.find((i) => i.type === 'outlet');
  if (!meta) return items.some((i) => i.type === 'nearEntry') ? [`${outletId}: nearby entries without an outlet record`] : [];
  const outlet = withoutKeys<Outlet>(meta);
  const services = items.filter((i) => i.type === 'service').map((i) => withoutKeys<Service>(i));
  const expected = new Map(listingsOf(outlet, services).map((l) => [l.category, l]));
  const found = items.filter((i) => i.type === 'nearEntry');
  const problems: string[] = [];
  for (const item of found) {
    const category = String(item.SK).slice('NEAR#'.length);
    const want = expected.get(category);
    if (!want) {
      problems.push(`${outletId}: entry under ${category} that its record does not call for (${outlet.approval})`);
      continue;
    }
    const index = keys.nearIndex(category, want.cell, want.geohash, outletId);
    if (item.GSI1PK !== index.GSI1PK || item.GSI1SK !== index.GSI1SK) problems.push(`${outletId}: ${category} entry in cell ${String(item.GSI1PK)}, its pin is in ${index.GSI1PK}`);
    for (const f of ENTRY_FIELDS) {
      if (canonical(item[f] ?? null) !== canonical((want.entry as Record<string, unknown>)[f] ?? null)) problems.push(`${outletId}: ${category} entry has a stale ${f}`);
    }
    expected.delete(category);
  }
  for (const category of expected.keys()) problems.push(`${outletId}: listed but missing its ${category} entry`);
  return problems;
}

export async function checkIndex(concurrency = 16): Promise<{ circles: number; outlets: number; findable: number; problems: string[] }> {
  const circles = await listCircles();
  const outlets = (await Promise.all(circles.map((c) => listOutletsOfCircle(c.id)))).flat();
  const problems: string[] = [];
  for (let i = 0; i < outlets.length; i += concurrency) {
    const batch = await Promise.all(outlets.slice(i, i + concurrency).map((o) => checkOutletIndex(o.id)));
    problems.push(...batch.flat());
  }
  return { circles: circles.length, outlets: outlets.length, findable: outlets.filter((o) => o.approval === 'approved').length, problems };
}
