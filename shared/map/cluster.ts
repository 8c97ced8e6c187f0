/**
 * Pure grid clustering. The grid is anchored at the map's centre (the user's place) and its cells are
 * `cellPx` screen px wide at the current zoom, so panning never regroups markers, only zooming does, and
 * then only at whole zoom steps (`clusterScale`), not at every frame of a pinch. The answer depends only on
 * the set of points, never on their order: members are sorted by id before anything is summed.
 */
import type { Metres } from './projection';
import { categoryRank } from './style';
import { clampScale, SCALE_LIMITS } from './viewport';

export interface MapPoint extends Metres {
  id: string;
  /** The category it is drawn as (`primaryCategory`). */
  category: string;
}

export interface Cluster extends Metres {
  /** Stable for a cell at a zoom: the React key and the tap target. */
  key: string;
  count: number;
  /** The members' most common category (ties: the one listed first in shared/categories). */
  category: string;
  /** Members' ids, sorted. */
  ids: string[];
}

/** Clustering changes only every half zoom level (×√2), so a pinch does not make markers flicker. */
export function clusterScale(scale: number): number {
  const steps = Math.floor(Math.log2(clampScale(scale)) * 2 + 1e-9);
  return 2 ** (steps / 2);
}

const byId = (a: MapPoint, b: MapPoint) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

function dominant(members: readonly MapPoint[]): string {
  const counts = new Map<string, number>();
  for (const m of members) counts.set(m.category, (counts.get(m.category) ?? 0) + 1);
  let best = '';
  let bestCount = -1;
  for (const [category, n] of counts) {
    if (n > bestCount || (n === bestCount && categoryRank(category) < categoryRank(best))) {
      best = category;
      bestCount = n;
    }
  }
  return best;
}

/** Groups points by the grid cell (of `cellMetres`) they fall in; a cell with one point is a plain marker. */
export function gridCluster(points: readonly MapPoint[], cellMetres: number): Cluster[] {
  if (!(cellMetres > 0)) throw new RangeError('cellMetres must be > 0');
  const cells = new Map<string, MapPoint[]>();
  for (const p of points) {
    const key = `${Math.floor(p.x / cellMetres)},${Math.floor(p.y / cellMetres)}`;
    const cell = cells.get(key);
    if (cell) cell.push(p);
    else cells.set(key, [p]);
  }
  const out: Cluster[] = [];
  for (const [key, members] of cells) {
    members.sort(byId);
    let x = 0;
    let y = 0;
    for (const m of members) {
      x += m.x;
      y += m.y;
    }
    out.push({ key: `${cellMetres.toFixed(3)}:${key}`, count: members.length, category: dominant(members), ids: members.map((m) => m.id), x: x / members.length, y: y / members.length });
  }
  // A fixed order (by the first member's id) keeps what is drawn on top the same on every render.
  return out.sort((a, b) => (a.ids[0] < b.ids[0] ? -1 : a.ids[0] > b.ids[0] ? 1 : 0));
}

/** Clusters at a viewport scale (px per metre) with cells of `cellPx` screen px. */
export function clusterAt(points: readonly MapPoint[], scale: number, cellPx: number): Cluster[] {
  return gridCluster(points, cellPx / clusterScale(scale));
}

/**
 * The scale a tap on a cluster should zoom to: the first whole zoom step at which its members no longer
 * share one cell (the most zoomed-in scale if they never part, e.g. two outlets in one building).
 */
export function expansionScale(members: readonly MapPoint[], scale: number, cellPx: number): number {
  for (let s = clusterScale(scale) * 2; s <= SCALE_LIMITS.max * 1.0001; s *= 2) {
    if (gridCluster(members, cellPx / s).length > 1) return s;
  }
  return SCALE_LIMITS.max;
}
