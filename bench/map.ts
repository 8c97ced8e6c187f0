/**
 * npm run bench:map — the living map's two costs, each in its own section of main():
 *
 * 1. Clustering (in-process, no stack): 2,000 outlets of the nearby benchmark's synthetic city pulled into
 *    one circle (~1.5 km around the centre, ten times a real circle's density), then the schematic map's
 *    whole pass for one view — local metres, grid clustering, rings and labels (shared/map/layout.ts) —
 *    many times at four zooms and in both text sizes: cluster_ms_p50 / _p99 (aim ≤ 50 ms). Baseline in the
 *    same run: a naive greedy clustering that compares every pair of points, on the same points at the
 *    default zoom, against the grid clustering alone (ratio_naive_vs_grid).
 * 2. The nearby index (bench/index-check.ts): check:index over the 50,000-outlet table after random edits.
 *
 * Options: --outlets N (clustering, default 2000), --iterations N (per zoom and size, default 100),
 * --index-outlets N (default 50000), --edits N (default 1000), --skip-index. One `name: value` per line
 * on stdout; progress on stderr.
 */
import { performance } from 'node:perf_hooks';
import { benchOutlets } from '../scripts/demo-data';
import { distanceMetres, reachMetres, WALKING } from '../shared/walking';
import { clusterScale, type Cluster, type MapPoint } from '../shared/map/cluster';
import { clustersFor, layoutMap, MAP_SIZES, placeOutlets, type MapOutlet, type MapSizes } from '../shared/map/layout';
import { fitRadius, zoomAt, type Viewport } from '../shared/map/viewport';
import { indexCheckBench } from './index-check';
import { intOption, mean, ms, out, percentile, progress } from './lib';

const CENTRE = { lat: 36.66, lng: 117.02 };

// ---------------------------------------------------------------------------------------------------
// 1. Clustering

/** The benchmark city's outlets, their offsets from the centre shrunk 8× so all of them sit in one circle. */
function mapOutlets(count: number): MapOutlet[] {
  return benchOutlets(count).map(({ outlet: o }) => {
    const at = { lat: CENTRE.lat + (o.lat - CENTRE.lat) / 8, lng: CENTRE.lng + (o.lng - CENTRE.lng) / 8 };
    return { id: o.id, name: o.name, categories: o.categories, ...at, distanceMetres: distanceMetres(CENTRE, at) };
  });
}

/** The obvious way: each unassigned point starts a cluster and takes every unassigned point within a cell. */
function naiveCluster(points: readonly MapPoint[], scale: number, cellPx: number): number {
  const reach = cellPx / clusterScale(scale);
  const taken = new Uint8Array(points.length);
  let clusters = 0;
  for (let i = 0; i < points.length; i++) {
    if (taken[i]) continue;
    clusters++;
    for (let j = i + 1; j < points.length; j++) {
      if (!taken[j] && Math.hypot(points[i].x - points[j].x, points[i].y - points[j].y) < reach) taken[j] = 1;
    }
  }
  return clusters;
}

const time = (fn: () => unknown): number => {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
};

function clusteringBench(count: number, iterations: number): void {
  const outlets = mapOutlets(count);
  // A phone's map box (CSS px) showing the whole 15-minute circle, as the H5 map opens.
  const home = fitRadius(343, 455, reachMetres(WALKING.circleMinutes), 30);
  const zooms: Array<[string, Viewport]> = [['0.5x', zoomAt(home, 0.5)], ['1x', home], ['2x', zoomAt(home, 2)], ['4x', zoomAt(home, 4)]];
  const sizes: Array<[string, MapSizes]> = [['standard', MAP_SIZES.standard], ['large', MAP_SIZES.large]];

  // One view from the data: what the H5 map does when the answer or the zoom step changes.
  const view = (v: Viewport, s: MapSizes) => layoutMap(placeOutlets(CENTRE, outlets), v, s);
  for (let i = 0; i < 20; i++) view(home, MAP_SIZES.standard);

  const samples: number[] = [];
  for (const [sizeName, s] of sizes) {
    for (const [zoomName, v] of zooms) {
      const own: number[] = [];
      for (let i = 0; i < iterations; i++) own.push(time(() => view(v, s)));
      samples.push(...own);
      progress(`${sizeName} ${zoomName}: p50 ${ms(percentile(own, 50))} ms, ${view(v, s).clusters.length} clusters`);
    }
  }

  const points = placeOutlets(CENTRE, outlets);
  const layout = view(home, MAP_SIZES.standard);
  const again = view(home, MAP_SIZES.standard);
  const shuffled = layoutMap(placeOutlets(CENTRE, [...outlets].reverse()), home, MAP_SIZES.standard);
  const same = (a: Cluster[], b: Cluster[]) => JSON.stringify(a) === JSON.stringify(b);

  // Baseline: clustering alone, grid against naive pairwise, same points and zoom.
  const grid: number[] = [];
  for (let i = 0; i < iterations; i++) grid.push(time(() => clustersFor(points, home.scale, MAP_SIZES.standard)));
  const naive: number[] = [];
  const naiveRuns = Math.max(5, Math.floor(iterations / 10));
  let naiveClusters = 0;
  for (let i = 0; i < naiveRuns; i++) naive.push(time(() => (naiveClusters = naiveCluster(points, home.scale, MAP_SIZES.standard.cellPx))));
  progress(`naive pairwise clustering: ${naiveClusters} clusters, p50 ${ms(percentile(naive, 50))} ms over ${naiveRuns} runs`);

  out('outlets', count);
  out('views_timed', samples.length);
  out('cluster_ms_p50', ms(percentile(samples, 50)));
  out('cluster_ms_p99', ms(percentile(samples, 99)));
  out('cluster_ms_max', ms(Math.max(...samples)));
  out('clusters_at_default_zoom', layout.clusters.length);
  out('markers_drawn_at_default_zoom', layout.markers.length);
  out('singles_at_default_zoom', layout.clusters.filter((c) => c.count === 1).length);
  out('labels_at_default_zoom', layout.labels.length);
  out('outlets_in_clusters', layout.clusters.reduce((n, c) => n + c.count, 0));
  out('deterministic', String(same(layout.clusters, again.clusters) && same(layout.clusters, shuffled.clusters)));
  out('grid_cluster_ms_p50', ms(percentile(grid, 50)));
  out('grid_cluster_ms_mean', ms(mean(grid)));
  out('naive_cluster_ms_p50', ms(percentile(naive, 50)));
  out('ratio_naive_vs_grid', (percentile(naive, 50) / percentile(grid, 50)).toFixed(1));
}

// ---------------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const started = performance.now();
  const count = intOption('--outlets', 'BENCH_MAP_OUTLETS', 2000, 1);
  const iterations = intOption('--iterations', 'BENCH_MAP_ITERATIONS', 100, 1);
  progress(`clustering: ${count} outlets, ${iterations} views per zoom and text size`);
  clusteringBench(count, iterations);

  // 2. The nearby index after random edits (starts its own stack).
  if (!process.argv.includes('--skip-index')) {
    await indexCheckBench({ outlets: intOption('--index-outlets', 'BENCH_INDEX_OUTLETS', 50_000, 1), edits: intOption('--edits', 'BENCH_INDEX_EDITS', 1000, 0) });
  }
  out('wall_s', ((performance.now() - started) / 1000).toFixed(1));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
