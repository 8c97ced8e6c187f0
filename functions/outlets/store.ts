/** Outlet data access: the only module that knows how outlets, services and nearby entries are stored. */
import { BatchWriteCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { db, getItem, queryAll, tableName } from '../db/client';
import { keys, NEAR_ALL, NEAR_CELL_PRECISION, withoutKeys } from '../db/keys';
import { projection } from '../db/expressions';
import { encodeGeohash } from './geohash';
import type { NearbyEntry } from './search';
import type { Outlet, Service, HeadlinePrice } from '../../shared/api';
import { formatPrice } from '../../shared/money';

const HEADLINE_COUNT = 3;
const NEARBY_PROJECTION = projection(['id', 'name', 'categories', 'address', 'lat', 'lng', 'hours', 'headlinePrices']);

export function headlinePrices(services: Service[]): HeadlinePrice[] {
  return services
    .filter((s) => s.priceFen !== null)
    .slice(0, HEADLINE_COUNT)
    .map((s) => ({ name: s.name, price: formatPrice(s.priceFen, s.priceMaxFen, s.unit) }));
}

/** Every item that stores one outlet: its record, its services, and (if approved) its nearby entries. */
export function outletItems(outlet: Outlet, services: Service[]): Record<string, unknown>[] {
  const items: Record<string, unknown>[] = [
    {
      ...keys.outlet(outlet.id),
      ...(outlet.ownerId ? keys.outletByOwner(outlet.ownerId, outlet.id) : {}),
      ...keys.outletInCircle(outlet.circleId, outlet.id),
      type: 'outlet',
      ...outlet,
    },
    ...services.map((s) => ({ ...keys.service(outlet.id, s.id), type: 'service', outletId: outlet.id, ...s })),
  ];
  if (outlet.approval === 'approved') {
    const geohash = encodeGeohash(outlet.lat, outlet.lng, 9);
    const cell = geohash.slice(0, NEAR_CELL_PRECISION);
    const entry: NearbyEntry = {
      id: outlet.id,
      name: outlet.name,
      categories: outlet.categories,
      address: outlet.address,
      lat: outlet.lat,
      lng: outlet.lng,
      hours: outlet.hours,
      headlinePrices: headlinePrices(services),
    };
    for (const category of [NEAR_ALL, ...outlet.categories]) {
      items.push({
        ...keys.nearEntry(outlet.id, category),
        ...keys.nearIndex(category, cell, geohash, outlet.id),
        type: 'nearEntry',
        ...entry,
      });
    }
  }
  return items;
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
export async function readNearbyCells(category: string | undefined, cells: string[]): Promise<CellReadResult> {
  const pk = (cell: string) => keys.nearCell(category ?? NEAR_ALL, cell);
  const pages = await Promise.all(
    cells.map((cell) =>
      queryAll({
        IndexName: 'GSI1',
        KeyConditionExpression: 'GSI1PK = :pk',
        ExpressionAttributeValues: { ':pk': pk(cell) },
        ...NEARBY_PROJECTION,
      }),
    ),
  );
  const all = pages.flat();
  return { entries: all as unknown as NearbyEntry[], itemsRead: all.length };
}

export async function getOutletWithServices(id: string): Promise<{ outlet: Outlet; services: Service[] } | undefined> {
  const items = await queryAll({
    KeyConditionExpression: 'PK = :pk',
    ExpressionAttributeValues: { ':pk': keys.outletPartition(id), ':near': 'nearEntry' },
    ExpressionAttributeNames: { '#type': 'type' },
    // Nearby entries share the partition; they are not part of the detail.
    FilterExpression: '#type <> :near',
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

export async function listOutletsOfOwner(ownerId: string): Promise<Array<{ id: string; name: string; categories: string[] }>> {
  const res = await db().send(
    new QueryCommand({
      TableName: tableName(),
      IndexName: 'GSI1',
      KeyConditionExpression: 'GSI1PK = :pk',
      ExpressionAttributeValues: { ':pk': keys.outletsOfOwner(ownerId).GSI1PK },
      ...projection(['id', 'name', 'categories']),
    }),
  );
  return (res.Items ?? []).map((i) => ({ id: i.id as string, name: i.name as string, categories: (i.categories as string[] | undefined) ?? [] }));
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
