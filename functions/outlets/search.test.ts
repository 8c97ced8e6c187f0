import { cellsWithin, encodeGeohash, cellSize } from './geohash';
import { decodeCursor, encodeCursor, rankNearby, searchPlan, type NearbyEntry } from './search';
import { benchOutlets } from '../../scripts/demo-data';
import { headlinePrices } from './listing';
import { distanceMetres, walkingMinutes } from '../../shared/walking';
import { openState } from '../../shared/hours';

const now = new Date('2026-11-23T10:00:00+08:00');

describe('geohash', () => {
  it('encodes known points', () => {
    expect(encodeGeohash(57.64911, 10.40744, 11)).toBe('u4pruydqqvj');
    expect(encodeGeohash(36.6623, 117.0565, 6)).toHaveLength(6);
  });
  it('has the right cell size for precision 6', () => {
    expect(cellSize(6)).toEqual({ dLat: 180 / 2 ** 15, dLng: 360 / 2 ** 15 });
  });
  it('covers every point inside the radius', () => {
    const centre = { lat: 36.66, lng: 117.02 };
    const cells = new Set(cellsWithin(centre, 900, 6));
    for (let i = 0; i < 2000; i++) {
      const d = Math.random() * 900, t = Math.random() * 2 * Math.PI;
      const p = { lat: centre.lat + (d * Math.cos(t)) / 111_320, lng: centre.lng + (d * Math.sin(t)) / (111_320 * Math.cos((centre.lat * Math.PI) / 180)) };
      if (distanceMetres(centre, p) <= 900) expect(cells.has(encodeGeohash(p.lat, p.lng, 6))).toBe(true);
    }
    // The bounding box alone would need up to 4×4; corners the circle cannot reach are left out.
    expect(cells.size).toBeLessThanOrEqual(16);
  });
});

describe('nearby search matches a brute-force computation', () => {
  const outlets = benchOutlets(4000, 11).filter((o) => o.outlet.approval === 'approved');
  const entries: NearbyEntry[] = outlets.map(({ outlet, services }) => ({
    id: outlet.id, name: outlet.name, categories: outlet.categories, address: outlet.address,
    lat: outlet.lat, lng: outlet.lng, hours: outlet.hours, headlinePrices: headlinePrices(services),
  }));
  const byCell = new Map<string, NearbyEntry[]>();
  for (const e of entries) {
    const c = encodeGeohash(e.lat, e.lng, 6);
    byCell.set(c, [...(byCell.get(c) ?? []), e]);
  }

  it.each([
    [{ lat: 36.66, lng: 117.02 }, undefined, 15, false, 'standard'],
    [{ lat: 36.665, lng: 117.03 }, 'repair', 15, false, 'standard'],
    [{ lat: 36.70, lng: 117.05 }, 'breakfast', 30, false, 'elder'],
    [{ lat: 36.64, lng: 117.00 }, undefined, 10, true, 'standard'],
    [{ lat: 36.66, lng: 117.02 }, 'convenience_store', 5, false, 'elder'],
  ] as const)('at %o category %s within %d min openNow=%s pace=%s', (centre, category, maxMinutes, openNow, pace) => {
    const q = { centre, category, maxMinutes, openNow, pace } as const;
    const plan = searchPlan(q);
    const candidates = plan.cells.flatMap((c) => byCell.get(c) ?? []);
    const viaCells = rankNearby(candidates, q, now).map((o) => o.id);
    const brute = entries
      .filter((e) => !category || e.categories.includes(category))
      .map((e) => ({ e, d: distanceMetres(centre, e) }))
      .filter(({ e, d }) => walkingMinutes(d, pace) <= maxMinutes && (!openNow || openState(e.hours, now).open))
      .sort((a, b) => walkingMinutes(a.d, pace) - walkingMinutes(b.d, pace) || a.d - b.d || (a.e.id < b.e.id ? -1 : 1))
      .map(({ e }) => e.id);
    expect(brute.length).toBeGreaterThan(0);
    expect(viaCells).toEqual(brute);
    // And the cells read hold far fewer outlets than the city.
    expect(candidates.length).toBeLessThan(entries.length / 5);
  });

  it('sorts by walking minutes and never lists an outlet twice', () => {
    const centre = { lat: 36.66, lng: 117.02 };
    const dup = [...entries.slice(0, 50), ...entries.slice(0, 50)];
    const ranked = rankNearby(dup, { centre, maxMinutes: 30, openNow: false, pace: 'standard' }, now);
    expect(new Set(ranked.map((r) => r.id)).size).toBe(ranked.length);
    for (let i = 1; i < ranked.length; i++) expect(ranked[i].walkingMinutes).toBeGreaterThanOrEqual(ranked[i - 1].walkingMinutes);
  });
});

describe('cursor', () => {
  const q = { centre: { lat: 36.66, lng: 117.02 }, category: 'repair', maxMinutes: 15, openNow: false, pace: 'standard' } as const;
  it('round-trips an offset for the same query', () => {
    expect(decodeCursor(encodeCursor(40, q), q)).toBe(40);
    expect(decodeCursor(undefined, q)).toBe(0);
  });
  it('rejects garbage and cursors from another query', () => {
    expect(() => decodeCursor('not a cursor!', q)).toThrow(expect.objectContaining({ code: 'INVALID_CURSOR', status: 400 }));
    expect(() => decodeCursor(Buffer.from('{"o":-1}').toString('base64url'), q)).toThrow(expect.objectContaining({ code: 'INVALID_CURSOR' }));
    expect(() => decodeCursor(encodeCursor(20, q), { ...q, category: 'breakfast' })).toThrow(expect.objectContaining({ code: 'INVALID_CURSOR' }));
  });
});
