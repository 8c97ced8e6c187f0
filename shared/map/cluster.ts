/**
 * Pure grid clustering (with one pass joining neighbours across a cell border). The grid is anchored at the map's centre (the user's place) and its cells are
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

/**
 * Clustering changes only every half zoom level (×√2), so a pinch does not make markers flicker; the
 * nearest step, so a cell is within ±19% of its nominal size on screen.
 */
export function clusterScale(scale: number): number {
  return 2 ** (Math.round(Math.log2(clampScale(scale)) * 2) / 2);
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

function groupByCell<T extends Metres>(items: readonly T[], cellMetres: number): Map<string, T[]> {
  const cells = new Map<string, T[]>();
  for (const p of items) {
    const key = `${Math.floor(p.x / cellMetres)},${Math.floor(p.y / cellMetres)}`;
    const cell = cells.get(key);
    if (cell) cell.push(p);
    else cells.set(key, [p]);
  }
  return cells;
}

function centroid(members: readonly MapPoint[]): Metres {
  let x = 0;
  let y = 0;
  for (const m of members) {
    x += m.x;
    y += m.y;
  }
  return { x: x / members.length, y: y / members.length };
}

interface Group extends Metres {
  members: MapPoint[];
}

/** How near two groups of these sizes may be (metres between centres) before they are drawn as one. */
export type JoinDistance = number | ((count: number) => number);

/**
 * Two points just either side of a cell border would be drawn on top of each other: groups closer than
 * the mean of their join distances become one, the larger absorbing the smaller (ties: the smaller first
 * id), pass after pass until none are left so close.
 */
function mergeClose(groups: Group[], join: (count: number) => number): Group[] {
  for (let pass = 0; pass < 8; pass++) {
    const order = [...groups].sort((a, b) => b.members.length - a.members.length || byId(a.members[0], b.members[0]));
    const reach = Math.max(...order.map((g) => join(g.members.length)));
    const buckets = groupByCell(order, reach);
    const absorbed = new Set<Group>();
    const out: Group[] = [];
    for (const g of order) {
      if (absorbed.has(g)) continue;
      const i = Math.floor(g.x / reach);
      const j = Math.floor(g.y / reach);
      let members = g.members;
      for (let di = -1; di <= 1; di++) {
        for (let dj = -1; dj <= 1; dj++) {
          for (const h of buckets.get(`${i + di},${j + dj}`) ?? []) {
            if (h === g || absorbed.has(h)) continue;
            if (Math.hypot(h.x - g.x, h.y - g.y) >= (join(g.members.length) + join(h.members.length)) / 2) continue;
            absorbed.add(h);
            members = members.concat(h.members);
          }
        }
      }
      absorbed.add(g);
      if (members === g.members) {
        out.push(g);
        continue;
      }
      members.sort(byId);
      out.push({ members, ...centroid(members) });
    }
    if (out.length === groups.length) return out;
    groups = out;
  }
  return groups;
}

/**
 * Groups points by the grid cell (of `cellMetres`) they fall in, then joins groups closer than `join`
 * (see `mergeClose`); a group of one point is a plain marker.
 */
export function gridCluster(points: readonly MapPoint[], cellMetres: number, join: JoinDistance = 0): Cluster[] {
  if (!(cellMetres > 0)) throw new RangeError('cellMetres must be > 0');
  let groups: Group[] = [...groupByCell(points, cellMetres).values()].map((members) => {
    members.sort(byId);
    return { members, ...centroid(members) };
  });
  const joinFn = typeof join === 'number' ? () => join : join;
  if (groups.length > 1 && joinFn(1) > 0) groups = mergeClose(groups, joinFn);
  const out = groups.map(({ members, x, y }): Cluster => ({
    key: `${cellMetres.toFixed(3)}:${members[0].id}`,
    count: members.length,
    category: dominant(members),
    ids: members.map((m) => m.id),
    x,
    y,
  }));
  // A fixed order (by the first member's id) keeps what is drawn on top the same on every render.
  return out.sort((a, b) => (a.ids[0] < b.ids[0] ? -1 : a.ids[0] > b.ids[0] ? 1 : 0));
}

/**
 * Clusters at a viewport scale (px per metre) with cells of `cellPx` screen px; markers closer than
 * `minPx` (default: half a cell) join too.
 */
export function clusterAt(points: readonly MapPoint[], scale: number, cellPx: number, joinPx: JoinDistance = cellPx / 2): Cluster[] {
  const s = clusterScale(scale);
  return gridCluster(points, cellPx / s, inMetres(joinPx, s));
}

function inMetres(px: JoinDistance, scale: number): JoinDistance {
  return typeof px === 'number' ? px / scale : (n: number) => px(n) / scale;
}

/**
 * The scale a tap on a cluster should zoom to: the first whole zoom step at which its members no longer
 * share one cell (the most zoomed-in scale if they never part, e.g. two outlets in one building).
 */
export function expansionScale(members: readonly MapPoint[], scale: number, cellPx: number, joinPx: JoinDistance = cellPx / 2): number {
  for (let s = clusterScale(scale) * 2; s <= SCALE_LIMITS.max * 1.0001; s *= 2) {
    if (gridCluster(members, cellPx / s, inMetres(joinPx, s)).length > 1) return s;
  }
  return SCALE_LIMITS.max;
}
