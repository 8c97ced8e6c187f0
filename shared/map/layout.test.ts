import { CATEGORIES, FOCUS_CATEGORIES } from '../categories';
import { clusterAt, clusterScale, expansionScale, gridCluster, type MapPoint } from './cluster';
import { BoxIndex, labelNearest, placeFixed, shorten, squareAround, textBox, textWidth } from './labels';
import { clustersFor, clusterSize, layoutMap, MAP_SIZES, placeOutlets, type PlacedOutlet } from './layout';
import { markerStyle, MARKER_STYLES, primaryCategory, shapeOutline, shapePath } from './style';
import { fitRadius, panBy, zoomAt } from './viewport';

/** A seeded generator (mulberry32), so every run sees the same points. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** n points spread over a disc of `radius` metres, categories weighted like the demo city. */
function points(n: number, radius: number, seed = 1): PlacedOutlet[] {
  const r = rng(seed);
  return Array.from({ length: n }, (_, i) => {
    const d = Math.sqrt(r()) * radius;
    const a = r() * 2 * Math.PI;
    const category = CATEGORIES[Math.floor(r() * r() * CATEGORIES.length)].key;
    return { id: `p${String(i).padStart(4, '0')}`, name: `网点${i}`, category, distance: d, x: d * Math.sin(a), y: d * Math.cos(a) };
  });
}

const shuffle = <T>(xs: T[], seed: number): T[] => {
  const r = rng(seed);
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
};

describe('marker styles', () => {
  it('gives the four focus categories distinct shapes and colours, and every category a style', () => {
    const focus = FOCUS_CATEGORIES.map((c) => markerStyle(c.key));
    expect(new Set(focus.map((s) => s.shape)).size).toBe(4);
    expect(new Set(focus.map((s) => s.colour)).size).toBe(4);
    expect(new Set(MARKER_STYLES.map((s) => s.shape)).size).toBe(MARKER_STYLES.length);
    for (const c of CATEGORIES) expect(MARKER_STYLES).toContain(markerStyle(c.key));
    expect(markerStyle('pharmacy').key).toBe('tier:basic');
    expect(markerStyle('cafe').key).toBe('tier:quality');
    expect(markerStyle('no-such-category').key).toBe('tier:basic');
  });

  it('draws an outlet of several categories as the filtered one, else its first focus category', () => {
    expect(primaryCategory(['convenience_store', 'repair'])).toBe('repair');
    expect(primaryCategory(['convenience_store', 'repair'], 'convenience_store')).toBe('convenience_store');
    expect(primaryCategory(['cafe', 'bookstore'])).toBe('cafe');
  });

  it('has outlines inside the unit box and SVG paths for each', () => {
    for (const s of MARKER_STYLES) {
      for (const [x, y] of shapeOutline(s.shape) ?? []) expect(Math.max(Math.abs(x), Math.abs(y))).toBeLessThanOrEqual(1);
      expect(shapePath(s.shape, 10, 10, 8)).toMatch(/^M[\d. ]+.*Z$/);
    }
  });
});

describe('grid clustering', () => {
  const pts = points(2000, 1500);

  it('accounts for every point exactly once, counts summing to n', () => {
    const clusters = clusterAt(pts, 0.15, 60);
    expect(clusters.reduce((s, c) => s + c.count, 0)).toBe(2000);
    const ids = clusters.flatMap((c) => c.ids);
    expect(new Set(ids).size).toBe(2000);
    for (const c of clusters) expect(c.ids).toHaveLength(c.count);
  });

  it('is deterministic: the same clusters, centroids and order whatever the input order', () => {
    const a = clusterAt(pts, 0.15, 60);
    const b = clusterAt(shuffle(pts, 9), 0.15, 60);
    expect(b).toEqual(a);
  });

  it('puts a cluster at its members\' centroid, coloured by their most common category', () => {
    const members: MapPoint[] = [
      { id: 'a', x: 1, y: 1, category: 'breakfast' },
      { id: 'b', x: 3, y: 5, category: 'repair' },
      { id: 'c', x: 5, y: 3, category: 'breakfast' },
    ];
    const [c] = gridCluster(members, 100);
    expect(c).toMatchObject({ count: 3, x: 3, y: 3, category: 'breakfast', ids: ['a', 'b', 'c'] });
    // A tie goes to the category listed first (the focus categories lead shared/categories).
    expect(gridCluster(members.slice(0, 2), 100)[0].category).toBe('repair');
  });

  it('joins markers either side of a cell border that would overlap, keeping distant ones apart', () => {
    const pair: MapPoint[] = [
      { id: 'w', x: -0.5, y: 10, category: 'repair' },
      { id: 'e', x: 0.5, y: 10, category: 'breakfast' },
      { id: 'far', x: 60, y: 10, category: 'repair' },
    ];
    // Cells of 50 m put each in its own cell; w and e are 1 m apart across the border at x = 0.
    expect(gridCluster(pair, 50).map((c) => c.ids)).toEqual([['e'], ['far'], ['w']]);
    const joined = gridCluster(pair, 50, 30);
    expect(joined.map((c) => c.ids)).toEqual([['e', 'w'], ['far']]);
    expect(joined[0]).toMatchObject({ x: 0, y: 10, count: 2, category: 'repair' });
  });

  it('regroups only at zoom steps, never on a pan, and splits when zoomed in', () => {
    expect(clusterScale(0.15)).toBe(clusterScale(0.16));
    expect(clusterAt(pts, 0.15, 60)).toEqual(clusterAt(pts, 0.16, 60));
    const coarse = clusterAt(pts, 0.1, 60).length;
    const fine = clusterAt(pts, 0.8, 60).length;
    expect(fine).toBeGreaterThan(coarse);
    expect(clusterAt(pts, 2.5, 1).length).toBe(2000);
  });

  it('zooms a tapped cluster to the first step at which it parts', () => {
    const big = clusterAt(pts, 0.1, 60).find((c) => c.count > 3)!;
    const members = pts.filter((p) => big.ids.includes(p.id));
    const s = expansionScale(members, 0.1, 60);
    expect(s).toBeGreaterThan(0.1);
    expect(clusterAt(members, s, 60).length).toBeGreaterThan(1);
    expect(clusterAt(members, s / 2, 60).length).toBe(1);
    const twins: MapPoint[] = [{ id: 'x', x: 0.1, y: 0.1, category: 'repair' }, { id: 'y', x: 0.1, y: 0.1, category: 'repair' }];
    expect(expansionScale(twins, 0.1, 60)).toBe(2.5);
  });

  it('clusters 2,000 outlets well under 50 ms', () => {
    const t0 = performance.now();
    for (let i = 0; i < 10; i++) clusterAt(pts, 0.1 * (1 + i / 10), 60);
    expect((performance.now() - t0) / 10).toBeLessThan(50);
  });
});

describe('labels', () => {
  const opts = { max: 20, fontPx: 18, markerPx: 44, width: 390, height: 480 };
  const r = rng(3);
  const scatter = Array.from({ length: 80 }, (_, i) => ({
    id: `c${i}`,
    text: '便民网点'.slice(0, 1 + (i % 4)) + (i % 3 ? '修鞋配钥匙' : ''),
    distance: r() * 900,
    x: r() * 390,
    y: r() * 480,
  }));
  const nearest = { id: 'nearest', text: '晨曦早餐亭', distance: 0, x: 20, y: 20 };

  it('labels at most N markers, nearest first, covering neither each other nor any marker, inside the view', () => {
    const cands = [...scatter.filter((c) => Math.hypot(c.x - 20, c.y - 20) > 200), nearest];
    const placed = labelNearest(cands, opts);
    expect(placed.length).toBeGreaterThan(0);
    expect(placed.length).toBeLessThanOrEqual(20);
    expect(placed[0]).toMatchObject({ id: 'nearest', anchor: 'start', x: 20 + 22 + 4 + 4 });
    const dist = new Map(cands.map((c) => [c.id, c.distance]));
    const order = placed.map((l) => dist.get(l.id)!);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    const boxes = placed.map((l) => ({ l: l.anchor === 'start' ? l.x - 4 : l.x - l.width + 4, t: l.y - l.height / 2, w: l.width, h: l.height }));
    const hit = (a: { l: number; t: number; w: number; h: number }, b: typeof a) => a.l < b.l + b.w && b.l < a.l + a.w && a.t < b.t + b.h && b.t < a.t + a.h;
    for (const [i, b] of boxes.entries()) {
      expect(b.l).toBeGreaterThanOrEqual(0);
      expect(b.l + b.w).toBeLessThanOrEqual(390);
      expect(b.t).toBeGreaterThanOrEqual(0);
      expect(b.t + b.h).toBeLessThanOrEqual(480);
      for (const other of boxes.slice(i + 1)) expect(hit(b, other)).toBe(false);
      for (const m of cands) expect(hit(b, { l: m.x - 22, t: m.y - 22, w: 44, h: 44 })).toBe(false);
    }
  });

  it('keeps to the limit when there is room for more', () => {
    const spread = Array.from({ length: 50 }, (_, i) => ({ id: `s${i}`, text: '早餐', distance: i, x: 30 + (i % 2) * 200, y: 20 + Math.floor(i / 2) * 40 }));
    expect(labelNearest(spread, { ...opts, width: 400, height: 1000 })).toHaveLength(20);
    expect(labelNearest(spread, { ...opts, max: 5, width: 400, height: 1000 }).map((l) => l.id)).toEqual(['s0', 's1', 's2', 's3', 's4']);
  });

  it('puts a ring or place name where it covers nothing, else where it covers least, never off the view', () => {
    const view = { width: 300, height: 300 };
    const taken = new BoxIndex();
    taken.add(squareAround({ x: 150, y: 100 }, 40));
    const free = placeFixed(taken, '5分钟', [{ x: 150, y: 100 }, { x: 150, y: 200 }], 13, view);
    expect(free).toEqual({ x: 150, y: 200 });
    // Both spots taken, by two markers and by the name just placed: over markers rather than over a name.
    taken.add(squareAround({ x: 150, y: 105 }, 40));
    expect(placeFixed(taken, '老人5分钟', [{ x: -50, y: 10 }, { x: 150, y: 200 }, { x: 150, y: 100 }], 13, view)).toEqual({ x: 150, y: 100 });
    // With three markers at one spot and one at the other, the lighter one; never off the view.
    taken.add(squareAround({ x: 150, y: 250 }, 40));
    expect(placeFixed(taken, '早餐', [{ x: -50, y: 10 }, { x: 150, y: 100 }, { x: 150, y: 250 }], 13, view)).toEqual({ x: 150, y: 250 });
    expect(textBox({ x: 0, y: 0 }, '早餐', 10)).toEqual({ left: -14, right: 14, top: -7, bottom: 7 });
  });

  it('measures and shortens CJK names', () => {
    expect(textWidth('早餐', 20)).toBe(40);
    expect(textWidth('24h', 10)).toBeCloseTo(18, 9);
    expect(shorten('邻里便民服务亭（磨刀·修伞）', 8)).toBe('邻里便民服务亭…');
    expect(shorten('早餐', 8)).toBe('早餐');
  });
});

describe('layout of one view', () => {
  const centre = { lat: 36.6623, lng: 117.0565 };
  const outlets = [
    { id: 'near', name: '晨曦早餐亭', categories: ['breakfast'], lat: 36.6628, lng: 117.0567, distanceMetres: 60 },
    { id: 'far', name: '远处修鞋', categories: ['repair'], lat: 36.69, lng: 117.0565, distanceMetres: 3000 },
  ];
  const placed = placeOutlets(centre, outlets);
  const v = fitRadius(375, 480, 900);

  it('draws the user at the middle, rings to scale, and only the markers in view', () => {
    const l = layoutMap(placed, v, MAP_SIZES.standard);
    expect(l.you).toEqual({ x: 187.5, y: 240 });
    expect(l.rings.find((r) => r.ring.label === '15分钟')!.radiusPx).toBeCloseTo(187.5 - 24, 6);
    expect(l.markers.map((m) => m.cluster.ids)).toEqual([['near']]);
    expect(l.labels.map((x) => x.text)).toEqual(['晨曦早餐亭']);
    expect(l.clusters).toHaveLength(2);
    // Panned north by 3 km of screen, the far outlet comes into view.
    const north = layoutMap(placed, panBy(v, 0, 3000 * v.scale), MAP_SIZES.standard);
    expect(north.markers.map((m) => m.cluster.ids[0])).toEqual(['far']);
  });

  it('in large-text mode has 44 px markers and at most 20 labels', () => {
    // A 17 × 17 grid of outlets ~170 m apart: about 120 px apart at this zoom, room for short labels.
    const grid = Array.from({ length: 289 }, (_, i) => ({ ...outlets[0], name: '早餐铺', id: `o${i}`, lat: 36.6623 + ((i % 17) - 8) * 0.0015, lng: 117.0565 + (Math.floor(i / 17) - 8) * 0.0019 }));
    const many = placeOutlets(centre, grid);
    const l = layoutMap(many, zoomAt(v, 4), MAP_SIZES.large);
    expect(l.markers.every((m) => m.size >= 44)).toBe(true);
    expect(l.labels.length).toBeLessThanOrEqual(20);
    expect(l.labels.length).toBeGreaterThan(0);
  });
});

describe('clusters of a view', () => {
  it('never draws two markers or clusters covering most of each other', () => {
    const pts = points(800, 1500, 5);
    for (const sizes of [MAP_SIZES.standard, MAP_SIZES.large]) {
      for (const scale of [0.08, 0.16, 0.4, 1]) {
        const q = clusterScale(scale);
        const cs = clustersFor(pts, scale, sizes);
        expect(cs.reduce((n, c) => n + c.count, 0)).toBe(800);
        // The closest pair, as a part of the distance at which they would have been joined.
        let worst = Infinity;
        for (let i = 0; i < cs.length; i++) {
          for (let j = i + 1; j < cs.length; j++) {
            const apart = Math.hypot(cs[i].x - cs[j].x, cs[i].y - cs[j].y) * q;
            worst = Math.min(worst, apart / (((clusterSize(cs[i].count, sizes) + clusterSize(cs[j].count, sizes)) / 2) * 0.9));
          }
        }
        expect(worst).toBeGreaterThanOrEqual(1 - 1e-9);
      }
    }
  });
});

describe('marker sizes', () => {
  it('spans at least 44 px in large-text mode, whatever the shape', () => {
    const px = MAP_SIZES.large.markerPx / 2;
    for (const s of MARKER_STYLES) {
      const pts = shapeOutline(s.shape) ?? [[-1, 0], [1, 0], [0, -1], [0, 1]];
      const xs = pts.map(([x]) => x * px);
      const ys = pts.map(([, y]) => y * px);
      expect({ shape: s.shape, span: Math.max(Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys)) >= 44 }).toEqual({ shape: s.shape, span: true });
    }
    expect(MAP_SIZES.large.hitPx).toBeGreaterThanOrEqual(44);
    expect(MAP_SIZES.standard.hitPx).toBeGreaterThanOrEqual(44);
  });
});
