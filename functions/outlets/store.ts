/** Outlet data access: the only module that knows how outlets, services and nearby entries are stored. */
import { BatchWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { db, getItem, queryAll, tableName } from '../db/client';
import { keys, NEAR_ALL, withoutKeys } from '../db/keys';
import { projection } from '../db/expressions';
import { healthKey, listingsOf, staleCategories, type Listing } from './listing';
import { bumpGen, circlesAround } from '../health/store';
import { transactWrite, TransactionFailed, type Actions, type TransactItem } from '../db/transact';
import { statusOf, type OutletStatus } from '../../shared/outlets';
import type { NearbyEntry } from './search';
import type { AuditEntry, Outlet, Service } from '../../shared/api';

export type { AuditEntry };

const NEARBY_PROJECTION = projection(['id', 'name', 'categories', 'address', 'lat', 'lng', 'hours', 'headlinePrices', 'closedUntil', 'checkedAt']);
/** At most this many priced items per outlet, so that one save stays inside a transaction's 100 actions. */
export const MAX_SERVICES = 60;

/** A stored outlet record: the outlet and a revision that each save moves on (optimistic concurrency). */
type OutletRecord = Outlet & { revision?: number };

function metaItem(outlet: Outlet, revision?: number) {
  return {
    ...keys.outlet(outlet.id),
    ...(outlet.ownerId ? keys.outletByOwner(outlet.ownerId, outlet.id) : {}),
    ...keys.outletInCircle(outlet.circleId, outlet.id),
    type: 'outlet',
    ...outlet,
    ...(revision ? { revision } : {}),
  };
}

const serviceItem = (outletId: string, s: Service) => ({ ...keys.service(outletId, s.id), type: 'service', outletId, ...s });

function nearItem(outletId: string, l: Listing) {
  return { ...keys.nearEntry(outletId, l.category), ...keys.nearIndex(l.category, l.cell, l.geohash, outletId), type: 'nearEntry', ...l.entry };
}

/** Every item that stores one outlet: its record, its services, and (if approved) its nearby entries. */
export function outletItems(outlet: Outlet, services: Service[]): Record<string, unknown>[] {
  return [metaItem(outlet), ...services.map((s) => serviceItem(outlet.id, s)), ...listingsOf(outlet, services).map((l) => nearItem(outlet.id, l))];
}

export type SaveOutcome = 'saved' | 'exists' | 'changedMeanwhile';

export interface SaveOptions<N extends string> {
  /** The stored outlet and services this save replaces, as read (absent: the outlet is new). */
  previous?: { outlet: Outlet; services: Service[] };
  /** Other writes of the same change (an audit entry, a role), by name; a failed one is reported by name. */
  extras?: Actions<N>;
}

/**
 * Saves an outlet with its price list in one transaction, keeping its nearby entries in step: puts the record
 * and every service, deletes services that are gone, puts an entry per listed category and deletes the
 * entries of categories it no longer serves (or all of them when it is no longer approved). Without
 * `previous` the outlet must be new ('exists' otherwise); with it, the stored record must still be the one
 * read ('changedMeanwhile' otherwise), so two editors never overwrite each other unseen. `extras` commit
 * with it or not at all.
 */
export async function saveOutlet<N extends string = never>(next: Outlet, services: Service[], opts: SaveOptions<N> = {}): Promise<SaveOutcome | { failed: N }> {
  const { previous, extras } = opts;
  if (services.length > MAX_SERVICES) throw new RangeError(`at most ${MAX_SERVICES} services per outlet`);
  const prevRevision = (previous?.outlet as OutletRecord | undefined)?.revision;
  const { revision: _dropped, ...outlet } = next as OutletRecord;
  void _dropped;
  const kept = new Set(services.map((s) => s.id));
  const listings = listingsOf(outlet, services);
  const before = previous ? listingsOf(previous.outlet, previous.services) : [];
  const stale = staleCategories(before, listings);
  // Circle health caches its reports: every circle this listing change can reach sees a new generation with it.
  const health = healthKey(before) === healthKey(listings) ? [] : await circlesAround([before[0], listings[0]].filter((l) => l).map((l) => l.entry));
  try {
    await transactWrite<N | 'meta' | 'services' | 'removedServices' | 'listings' | 'staleListings' | 'healthGen'>({
      ...extras,
      meta: {
        Put: {
          TableName: tableName(),
          Item: metaItem(outlet, (prevRevision ?? 0) + 1),
          ...(!previous
            ? { ConditionExpression: 'attribute_not_exists(PK)' }
            : prevRevision === undefined
              ? { ConditionExpression: 'attribute_exists(PK) AND attribute_not_exists(#rev)', ExpressionAttributeNames: { '#rev': 'revision' } }
              : { ConditionExpression: '#rev = :rev', ExpressionAttributeNames: { '#rev': 'revision' }, ExpressionAttributeValues: { ':rev': prevRevision } }),
        },
      },
      services: services.map((s) => ({ Put: { TableName: tableName(), Item: serviceItem(outlet.id, s) } })),
      removedServices: (previous?.services ?? []).filter((s) => !kept.has(s.id)).map((s) => ({ Delete: { TableName: tableName(), Key: keys.service(outlet.id, s.id) } })),
      listings: listings.map((l) => ({ Put: { TableName: tableName(), Item: nearItem(outlet.id, l) } })),
      staleListings: stale.map((c) => ({ Delete: { TableName: tableName(), Key: keys.nearEntry(outlet.id, c) } })),
      healthGen: health.map(bumpGen),
    });
    return 'saved';
  } catch (e) {
    if (!(e instanceof TransactionFailed)) throw e;
    if (e.has('meta')) return previous ? 'changedMeanwhile' : 'exists';
    const extra = [...(e.failed as ReadonlySet<string>)].find((n) => extras && n in extras);
    if (extra) return { failed: extra as N };
    throw e;
  }
}


/** One append-only audit entry of an outlet, to write with the change it records. */
export function auditPut(outletId: string, entry: AuditEntry): TransactItem {
  return { Put: { TableName: tableName(), Item: { ...keys.outletAudit(outletId, entry.at, entry.id), type: 'outletAudit', outletId, ...entry }, ConditionExpression: 'attribute_not_exists(PK)' } };
}

export async function listAudit(outletId: string): Promise<AuditEntry[]> {
  const items = await queryAll({
    KeyConditionExpression: 'PK = :pk AND begins_with(SK, :a)',
    ExpressionAttributeValues: { ':pk': keys.outletPartition(outletId), ':a': keys.outletAuditPrefix },
    ConsistentRead: true,
  });
  return items.map((i) => {
    const { outletId: _o, ...e } = withoutKeys<AuditEntry & { outletId: string }>(i);
    void _o;
    return e;
  });
}

/** Every outlet of a circle (any approval state), through the circle index. */
export async function listOutletsOfCircle(circleId: string): Promise<Outlet[]> {
  const items = await queryAll({
    IndexName: 'GSI2',
    KeyConditionExpression: 'GSI2PK = :pk',
    ExpressionAttributeValues: { ':pk': keys.outletInCircle(circleId, '').GSI2PK },
  });
  return items.map((i) => {
    const { revision, ...o } = withoutKeys<OutletRecord>(i);
    void revision;
    return o;
  });
}

/** Bulk load (demo data, benchmarks): 25 items a request, retrying what DynamoDB hands back. */
export async function batchPut(items: Record<string, unknown>[]): Promise<void> {
  for (let i = 0; i < items.length; i += 25) {
    let pending = items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } }));
    for (let attempt = 0; pending.length > 0; attempt++) {
      const res = await db().send(new BatchWriteCommand({ RequestItems: { [tableName()]: pending } }));
      pending = (res.UnprocessedItems?.[tableName()] ?? []) as typeof pending;
      if (pending.length && attempt > 8) throw new Error('batch write kept returning unprocessed items');
      if (pending.length) await new Promise((r) => setTimeout(r, 20 * 2 ** attempt));
    }
  }
}

export interface CellReadResult {
  entries: NearbyEntry[];
  itemsRead: number;
}

/** Reads the nearby entries of the given cells for one category (or all), all cells in parallel. */
/** At most this many cell Queries at once: a circle-health report reads ~150 cells, a nearby search ~10. */
const CELL_READS_AT_ONCE = 16;

/** Reads the nearby entries of the given cells for one category (or all), up to 16 cells at a time. */
export async function readNearbyCells(category: string | undefined, cells: string[]): Promise<CellReadResult> {
  const pk = (cell: string) => keys.nearCell(category ?? NEAR_ALL, cell);
  const pages: Record<string, unknown>[][] = new Array(cells.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(CELL_READS_AT_ONCE, cells.length) }, async () => {
      while (next < cells.length) {
        const i = next++;
        pages[i] = await queryAll({
          IndexName: 'GSI1',
          KeyConditionExpression: 'GSI1PK = :pk',
          ExpressionAttributeValues: { ':pk': pk(cells[i]) },
          ...NEARBY_PROJECTION,
        });
      }
    }),
  );
  const all = pages.flat();
  return { entries: all as unknown as NearbyEntry[], itemsRead: all.length };
}

export async function getOutletWithServices(id: string): Promise<{ outlet: Outlet; services: Service[] } | undefined> {
  const items = await queryAll({
    KeyConditionExpression: 'PK = :pk',
    ExpressionAttributeValues: { ':pk': keys.outletPartition(id), ':outlet': 'outlet', ':service': 'service' },
    ExpressionAttributeNames: { '#type': 'type' },
    // Nearby entries and audit entries share the partition; they are not part of the outlet.
    FilterExpression: '#type IN (:outlet, :service)',
    // A decision or an edit reads what it then conditions on.
    ConsistentRead: true,
  });
  const meta = items.find((i) => i.type === 'outlet');
  if (!meta) return undefined;
  const services = items
    .filter((i) => i.type === 'service')
    .map((i) => {
      const { outletId, ...s } = withoutKeys<Service & { outletId: string }>(i);
      void outletId;
      return s as Service;
    });
  return { outlet: withoutKeys<Outlet>(meta), services };
}

export async function getOutlet(id: string): Promise<Outlet | undefined> {
  return getItem<Outlet>(keys.outlet(id));
}

export async function listOutletsOfOwner(ownerId: string): Promise<Array<{ id: string; name: string; categories: string[]; status: OutletStatus }>> {
  const items = await queryAll({
    IndexName: 'GSI1',
    KeyConditionExpression: 'GSI1PK = :pk',
    ExpressionAttributeValues: { ':pk': keys.outletsOfOwner(ownerId).GSI1PK },
    ...projection(['id', 'name', 'categories', 'status', 'approval']),
  });
  return items.map((i) => ({ id: i.id as string, name: i.name as string, categories: (i.categories as string[] | undefined) ?? [], status: statusOf(i as unknown as Outlet) }));
}

export async function setCanteenPricing(outletId: string, pricing: NonNullable<Outlet['canteenPricing']>): Promise<void> {
  await db().send(
    new UpdateCommand({
      TableName: tableName(),
      Key: keys.outlet(outletId),
      UpdateExpression: 'SET canteenPricing = :p',
      ConditionExpression: 'attribute_exists(PK)',
      ExpressionAttributeValues: { ':p': pricing },
    }),
  );
}
