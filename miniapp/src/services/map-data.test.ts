import { describe, expect, it } from '@jest/globals';
import type { NearbyResponse, OutletSummary } from '@shared/api';
import { loadMapOutlets } from './map-data';

const outlet = (i: number): OutletSummary => ({
  id: `o${i}`,
  name: `网点${i}`,
  categories: ['repair'],
  address: '',
  lat: 36.66,
  lng: 117.05,
  distanceMetres: i,
  walkingMinutes: 1,
  bucket: 5,
  openState: { open: true, alwaysOpen: false, label: '营业中' },
  headlinePrices: [],
});

/** A fake search over `n` outlets, paging by offset cursors, recording what it was asked. */
function search(n: number) {
  const asked: Array<Record<string, unknown>> = [];
  const fetchPage = async (q: Record<string, unknown>): Promise<NearbyResponse> => {
    asked.push(q);
    const from = q.cursor ? Number(q.cursor) : 0;
    const limit = Number(q.limit);
    const items = Array.from({ length: Math.max(0, Math.min(limit, n - from)) }, (_, i) => outlet(from + i));
    const next = from + items.length;
    return { items, total: n, nextCursor: next < n ? String(next) : null, search: { maxMinutes: 15, pace: 'standard', radiusMetres: 900, cellsQueried: 9 } };
  };
  return { asked, fetchPage };
}

describe('loading every outlet for the map', () => {
  it('follows the cursor until the search is done', async () => {
    const s = search(120);
    const res = await loadMapOutlets(s.fetchPage, { lat: 1, lng: 2, category: 'repair' });
    expect(res.items.map((o) => o.id)).toEqual(Array.from({ length: 120 }, (_, i) => `o${i}`));
    expect(res).toMatchObject({ total: 120, truncated: false });
    expect(s.asked.map((q) => [q.limit, q.cursor])).toEqual([[50, null], [50, '50'], [50, '100']]);
    expect(s.asked.every((q) => q.category === 'repair' && q.lat === 1)).toBe(true);
  });

  it('stops at the cap and says the rest was left out', async () => {
    const s = search(500);
    const res = await loadMapOutlets(s.fetchPage, {}, 120);
    expect(res.items).toHaveLength(120);
    expect(res).toMatchObject({ total: 500, truncated: true });
    expect(s.asked.map((q) => q.limit)).toEqual([50, 50, 20]);
  });

  it('makes one request when everything fits in a page', async () => {
    const s = search(0);
    expect(await loadMapOutlets(s.fetchPage, {})).toEqual({ items: [], total: 0, truncated: false });
    expect(s.asked).toHaveLength(1);
  });
});
