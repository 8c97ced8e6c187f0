/**
 * saveOutlet keeps an outlet's nearby entries in step with its record in one transaction: what nearby search
 * (over HTTP) finds is always what the record says. The outlets are placed far from the demo city, in a
 * circle of their own, so the brute-force nearby tests never see them.
 */
import { randomUUID } from 'node:crypto';
import { api } from '../support/api';
import { useStackTable } from '../support/db';
import { getOutletWithServices, listOutletsOfCircle, saveOutlet } from '../../functions/outlets/store';
import { db, queryAll, tableName } from '../../functions/db/client';
import { checkOutletIndex } from '../../functions/outlets/index-check';
import { DeleteCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { keys } from '../../functions/db/keys';
import type { NearbyResponse, Outlet, Service } from '../../shared/api';

useStackTable();

const here = { lat: 30.2741, lng: 120.1551 };

function newOutlet(circleId: string, patch: Partial<Outlet> = {}): Outlet {
  const tag = randomUUID().slice(0, 8);
  return {
    id: `o_w${tag}`, circleId, name: `测试修鞋铺${tag}`, categories: ['repair', 'laundry'], lat: here.lat + 0.0005, lng: here.lng, address: '测试路1号',
    hours: { windows: [{ days: [1, 2, 3, 4, 5, 6, 7], open: '08:00', close: '20:00' }] }, approval: 'approved', ...patch,
  };
}
const services: Service[] = [
  { id: 's1', name: '钉鞋掌', priceFen: 1000, unit: '双', bookable: false },
  { id: 's2', name: '配钥匙', priceFen: 500, unit: '把', bookable: false },
];

async function nearbyIds(category?: string): Promise<string[]> {
  const res = await api<NearbyResponse>(`/outlets/nearby?lat=${here.lat}&lng=${here.lng}${category ? `&category=${category}` : ''}`);
  expect(res.status).toBe(200);
  return res.body.items.map((i) => i.id);
}

async function nearEntries(outletId: string): Promise<string[]> {
  const items = await queryAll({ KeyConditionExpression: 'PK = :pk AND begins_with(SK, :near)', ExpressionAttributeValues: { ':pk': keys.outletPartition(outletId), ':near': 'NEAR#' }, ConsistentRead: true });
  return items.map((i) => String(i.SK)).sort();
}

describe('saveOutlet', () => {
  it('lists a new approved outlet at once, under each of its categories', async () => {
    const o = newOutlet(`c-w${randomUUID().slice(0, 6)}`);
    expect(await saveOutlet(o, services)).toBe('saved');
    expect(await nearEntries(o.id)).toEqual(['NEAR#*', 'NEAR#laundry', 'NEAR#repair']);
    expect(await nearbyIds('laundry')).toContain(o.id);
    expect((await api(`/outlets/${o.id}`)).body.services.map((s: Service) => s.name)).toEqual(['钉鞋掌', '配钥匙']);
    expect(await saveOutlet(o, services)).toBe('exists');
  });

  it('edits categories and the price list: dropped entries and services are deleted in the same write', async () => {
    const o = newOutlet(`c-w${randomUUID().slice(0, 6)}`);
    await saveOutlet(o, services);
    const read = (await getOutletWithServices(o.id))!;
    const next = { ...read.outlet, categories: ['repair'], name: `${o.name}（改）` };
    expect(await saveOutlet(next, [{ ...services[0], priceFen: 1200 }], { previous: read })).toBe('saved');
    expect(await nearEntries(o.id)).toEqual(['NEAR#*', 'NEAR#repair']);
    expect(await nearbyIds('laundry')).not.toContain(o.id);
    const detail = (await api(`/outlets/${o.id}`)).body;
    expect(detail.name).toBe(next.name);
    expect(detail.services.map((s: Service) => [s.name, s.priceFen])).toEqual([['钉鞋掌', 1200]]);
    const entry = (await api<NearbyResponse>(`/outlets/nearby?lat=${here.lat}&lng=${here.lng}&category=repair`)).body.items.find((i) => i.id === o.id)!;
    expect(entry).toMatchObject({ name: next.name, headlinePrices: [{ name: '钉鞋掌', price: '12元/双' }] });
  });

  it('a suspended outlet leaves nearby search at once and comes back when approved again', async () => {
    const o = newOutlet(`c-w${randomUUID().slice(0, 6)}`);
    await saveOutlet(o, services);
    let read = (await getOutletWithServices(o.id))!;
    expect(await saveOutlet({ ...read.outlet, approval: 'suspended' }, read.services, { previous: read })).toBe('saved');
    expect(await nearEntries(o.id)).toEqual([]);
    expect(await nearbyIds()).not.toContain(o.id);
    expect((await api(`/outlets/${o.id}`)).status).toBe(404);
    read = (await getOutletWithServices(o.id))!;
    expect(await saveOutlet({ ...read.outlet, approval: 'approved' }, read.services, { previous: read })).toBe('saved');
    expect(await nearbyIds()).toContain(o.id);
  });

  it('refuses a save from a stale read, so two editors never overwrite each other unseen', async () => {
    const o = newOutlet(`c-w${randomUUID().slice(0, 6)}`);
    await saveOutlet(o, services);
    const read = (await getOutletWithServices(o.id))!;
    const [a, b] = await Promise.all([
      saveOutlet({ ...read.outlet, name: '甲的修改' }, read.services, { previous: read }),
      saveOutlet({ ...read.outlet, name: '乙的修改', categories: ['repair'] }, read.services, { previous: read }),
    ]);
    expect([a, b].sort()).toEqual(['changedMeanwhile', 'saved']);
    const stored = (await getOutletWithServices(o.id))!;
    // Whoever won, the entries match the stored record.
    expect(await nearEntries(o.id)).toEqual(['NEAR#*', ...stored.outlet.categories.map((c) => `NEAR#${c}`)].sort());
  });
});

describe('listOutletsOfCircle', () => {
  it('lists every outlet of the circle through the circle index, in any approval state', async () => {
    const circleId = `c-w${randomUUID().slice(0, 6)}`;
    const a = newOutlet(circleId);
    const b = newOutlet(circleId, { approval: 'pending' });
    await Promise.all([saveOutlet(a, services), saveOutlet(b, []), saveOutlet(newOutlet(`c-other${randomUUID().slice(0, 4)}`), services)]);
    const listed = await listOutletsOfCircle(circleId);
    expect(listed.map((o) => o.id).sort()).toEqual([a.id, b.id].sort());
    expect(listed.find((o) => o.id === b.id)?.approval).toBe('pending');
  });

  it('pages through more outlets than one Query returns', async () => {
    const circleId = `c-w${randomUUID().slice(0, 6)}`;
    const many = Array.from({ length: 30 }, () => newOutlet(circleId, { description: 'x'.repeat(40_000) }));
    for (const o of many) await saveOutlet(o, []);
    expect((await listOutletsOfCircle(circleId)).length).toBe(30);
  });
});

describe('check:index finds what is wrong', () => {
  it('reports a ghost entry, a missing entry, a stale field and an entry in the wrong cell', async () => {
    const o = newOutlet(`c-w${randomUUID().slice(0, 6)}`, { categories: ['repair'] });
    await saveOutlet(o, services);
    expect(await checkOutletIndex(o.id)).toEqual([]);
    const entries = await queryAll({ KeyConditionExpression: 'PK = :pk AND SK = :sk', ExpressionAttributeValues: { ':pk': keys.outletPartition(o.id), ':sk': 'NEAR#repair' } });
    await db().send(new PutCommand({ TableName: tableName(), Item: { ...entries[0], SK: 'NEAR#laundry', GSI1PK: String(entries[0].GSI1PK).replace('NEAR#repair', 'NEAR#laundry') } }));
    await db().send(new DeleteCommand({ TableName: tableName(), Key: keys.nearEntry(o.id, '*') }));
    await db().send(new UpdateCommand({ TableName: tableName(), Key: keys.nearEntry(o.id, 'repair'), UpdateExpression: 'SET #n = :n, GSI1PK = :c', ExpressionAttributeNames: { '#n': 'name' }, ExpressionAttributeValues: { ':n': '旧名字', ':c': 'NEAR#repair#wx4g0e' } }));
    const problems = (await checkOutletIndex(o.id)).join('\n');
    expect(problems).toMatch(/entry under laundry that its record does not call for/);
    expect(problems).toMatch(/missing its \* entry/);
    expect(problems).toMatch(/repair entry has a stale name/);
    expect(problems).toMatch(/repair entry in cell NEAR#repair#wx4g0e/);
    // Leave nothing behind for other tests' nearby searches.
    for (const c of ['laundry', 'repair']) await db().send(new DeleteCommand({ TableName: tableName(), Key: keys.nearEntry(o.id, c) }));
  });
});
