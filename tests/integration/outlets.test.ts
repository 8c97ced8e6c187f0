import { api, expectError } from '../support/api';
import { demoOutlets, CIRCLES } from '../../scripts/demo-data';
import { distanceMetres, walkingMinutes } from '../../shared/walking';
import { openState } from '../../shared/hours';
import type { NearbyResponse, OutletDetail } from '../../shared/api';

const hongfeng = CIRCLES[0].centre;
const approved = demoOutlets().filter((o) => o.outlet.approval === 'approved').map((o) => o.outlet);

describe('GET /categories and /circles', () => {
  it('lists categories with tiers and the four focus ones first', async () => {
    const res = await api('/categories');
    expect(res.status).toBe(200);
    expect(res.body.items.slice(0, 4).map((c: any) => c.key)).toEqual(['repair', 'breakfast', 'elder_canteen', 'childcare']);
    expect(res.body.items.every((c: any) => c.tierName && c.name)).toBe(true);
  });
  it('lists every demo circle with its centre and communities', async () => {
    const res = await api('/circles');
    expect(res.status).toBe(200);
    // Other tests add circles of their own (circle health's generated city): the demo ones are all there.
    expect(res.body.items.map((c: any) => c.id)).toEqual(expect.arrayContaining(CIRCLES.map((c) => c.id)));
    const hf = res.body.items.find((c: any) => c.id === 'c-hongfeng');
    expect(hf.centre).toEqual(hongfeng);
    expect(hf.communities.map((c: any) => c.name)).toContain('东岭新村');
  });
});

describe('GET /outlets/nearby', () => {
  async function all(query: string): Promise<NearbyResponse['items']> {
    const items: NearbyResponse['items'] = [];
    let cursor: string | null = null;
    do {
      const res: { status: number; body: NearbyResponse } = await api(`/outlets/nearby?${query}&limit=7${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.status).toBe(200);
      items.push(...res.body.items);
      cursor = res.body.nextCursor;
    } while (cursor);
    return items;
  }

  function brute(centre: { lat: number; lng: number }, opts: { category?: string; maxMinutes: number; pace: 'standard' | 'elder'; openNow?: boolean }) {
    const now = new Date();
    return approved
      .filter((o) => !opts.category || o.categories.includes(opts.category))
      .map((o) => ({ o, d: distanceMetres(centre, o) }))
      .filter(({ o, d }) => walkingMinutes(d, opts.pace) <= opts.maxMinutes && (!opts.openNow || openState(o.hours, now).open))
      .sort((a, b) => walkingMinutes(a.d, opts.pace) - walkingMinutes(b.d, opts.pace) || a.d - b.d || (a.o.id < b.o.id ? -1 : 1))
      .map(({ o }) => o.id);
  }

  it('returns repair stalls sorted by walking time, exactly the brute-force answer, across pages', async () => {
    const items = await all(`lat=${hongfeng.lat}&lng=${hongfeng.lng}&category=repair`);
    expect(items.map((i) => i.id)).toEqual(brute(hongfeng, { category: 'repair', maxMinutes: 15, pace: 'standard' }));
    expect(items[0]).toMatchObject({ walkingMinutes: expect.any(Number), distanceMetres: expect.any(Number), bucket: 5 });
    expect(items.find((i) => i.id === 'o-laozheng')?.headlinePrices[0]).toEqual({ name: '钉鞋掌', price: '10元' });
    for (let i = 1; i < items.length; i++) expect(items[i].walkingMinutes).toBeGreaterThanOrEqual(items[i - 1].walkingMinutes);
  });

  it('matches brute force for all categories, the elderly pace, and a wider reach', async () => {
    const c = CIRCLES[2].centre;
    expect((await all(`lat=${c.lat}&lng=${c.lng}&maxMinutes=10`)).map((i) => i.id)).toEqual(brute(c, { maxMinutes: 10, pace: 'standard' }));
    const elder = await all(`lat=${c.lat}&lng=${c.lng}&elderPace=true&category=breakfast`);
    expect(elder.map((i) => i.id)).toEqual(brute(c, { category: 'breakfast', maxMinutes: 15, pace: 'elder' }));
    expect(elder.length).toBeLessThan(brute(c, { category: 'breakfast', maxMinutes: 15, pace: 'standard' }).length);
    const wide = await all(`lat=${c.lat}&lng=${c.lng}&maxMinutes=30&category=childcare`);
    expect(wide.map((i) => i.id)).toEqual(brute(c, { category: 'childcare', maxMinutes: 30, pace: 'standard' }));
  });

  it('filters to outlets open now', async () => {
    const items = await all(`lat=${hongfeng.lat}&lng=${hongfeng.lng}&openNow=true`);
    expect(items.every((i) => i.openState.open)).toBe(true);
    expect(items.map((i) => i.id)).toEqual(brute(hongfeng, { maxMinutes: 15, pace: 'standard', openNow: true }));
  });

  it('searches by words in the name, category or price list', async () => {
    const res = await api(`/outlets/nearby?lat=${hongfeng.lat}&lng=${hongfeng.lng}&q=${encodeURIComponent('钥匙')}`);
    expect(res.status).toBe(200);
    expect(res.body.items.map((i: any) => i.id)).toContain('o-laozheng');
    expect(res.body.items.every((i: any) => /钥匙/.test(i.name + i.headlinePrices.map((p: any) => p.name).join()))).toBe(true);
    expectError(await api(`/outlets/nearby?lat=${hongfeng.lat}&lng=${hongfeng.lng}&q=${'长'.repeat(30)}`), 400, 'VALIDATION_FAILED');
  });

  it('finds no repair stall within 15 minutes of 东岭新村 (a real gap)', async () => {
    const dl = CIRCLES[0].communities.find((c) => c.id === 'cm-dongling')!;
    const res = await api(`/outlets/nearby?lat=${dl.lat}&lng=${dl.lng}&category=repair`);
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([]);
    expect(res.body.total).toBe(0);
  });

  it('never lists outlets that are not approved', async () => {
    const pending = demoOutlets().filter((o) => o.outlet.approval !== 'approved');
    expect(pending.length).toBeGreaterThan(0);
    const p = pending[0].outlet;
    const items = await all(`lat=${p.lat}&lng=${p.lng}&maxMinutes=5`);
    expect(items.map((i) => i.id)).not.toContain(p.id);
  });

  it.each([
    ['', 'VALIDATION_FAILED'],
    ['lat=36.66', 'VALIDATION_FAILED'],
    ['lat=abc&lng=117', 'VALIDATION_FAILED'],
    ['lat=91&lng=117', 'VALIDATION_FAILED'],
    ['lat=36.66&lng=181', 'VALIDATION_FAILED'],
    ['lat=36.66&lng=117&category=spaceport', 'VALIDATION_FAILED'],
    ['lat=36.66&lng=117&maxMinutes=0', 'VALIDATION_FAILED'],
    ['lat=36.66&lng=117&maxMinutes=120', 'VALIDATION_FAILED'],
    ['lat=36.66&lng=117&openNow=maybe', 'VALIDATION_FAILED'],
    ['lat=36.66&lng=117&limit=500', 'VALIDATION_FAILED'],
    ['lat=36.66&lng=117&cursor=%%%', 'INVALID_CURSOR'],
    ['lat=36.66&lng=117&cursor=eyJvIjo1fQ', 'INVALID_CURSOR'],
  ])('rejects ?%s with %s', async (q, code) => {
    expectError(await api(`/outlets/nearby?${q}`), 400, code);
  });

  it('rejects a cursor taken from a different search', async () => {
    const first = await api(`/outlets/nearby?lat=${hongfeng.lat}&lng=${hongfeng.lng}&limit=2`);
    expect(first.body.nextCursor).toBeTruthy();
    expectError(await api(`/outlets/nearby?lat=${hongfeng.lat}&lng=${hongfeng.lng}&limit=2&category=repair&cursor=${first.body.nextCursor}`), 400, 'INVALID_CURSOR');
  });
});

describe('GET /outlets/{id}', () => {
  it('returns the price list, hours and open state', async () => {
    const res: { status: number; body: OutletDetail } = await api('/outlets/o-laozheng');
    expect(res.status).toBe(200);
    expect(res.body.name).toBe('老郑修鞋配钥匙');
    expect(res.body.services.map((s) => s.name)).toEqual(['钉鞋掌', '换鞋跟', '配普通钥匙', '配防盗钥匙', '修拉链']);
    expect(res.body.services.find((s) => s.name === '修拉链')).toMatchObject({ priceFen: 300, priceMaxFen: 500 });
    expect(res.body.hoursText).toEqual(['每天 08:00–18:00']);
    expect(typeof res.body.openState.open).toBe('boolean');
    expect(res.body.circleName).toBe('红枫一刻钟便民生活圈');
    expect(res.body).not.toHaveProperty('PK');
  });
  it('answers 404 for unknown or unapproved outlets and 400 for a malformed id', async () => {
    expectError(await api('/outlets/o-nope'), 404, 'NOT_FOUND');
    const pending = demoOutlets().find((o) => o.outlet.approval !== 'approved')!;
    expectError(await api(`/outlets/${pending.outlet.id}`), 404, 'NOT_FOUND');
    expectError(await api(`/outlets/${'x'.repeat(80)}`), 400, 'VALIDATION_FAILED');
  });
});
