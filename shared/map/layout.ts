/**
 * The schematic map from data to screen: outlets at their true bearing and distance around the user's
 * place, the walking rings, grid clusters and the labels, for one viewport. Pure, so the H5 map draws
 * exactly what the tests and `npm run bench:map` measure.
 */
import type { LatLng } from '../walking';
import { clusterAt, type Cluster, type MapPoint } from './cluster';
import { pickLabels, type PlacedLabel } from './labels';
import { toLocal } from './projection';
import { walkingRings, type WalkingRing } from './rings';
import { primaryCategory } from './style';
import { inView, toScreen, type Screen, type Viewport } from './viewport';

/** What the map needs of an outlet (an `OutletSummary` has all of it). */
export interface MapOutlet extends LatLng {
  id: string;
  name: string;
  categories: string[];
  distanceMetres: number;
}

export interface PlacedOutlet extends MapPoint {
  name: string;
  distance: number;
}

/** Sizes in CSS px. Large-text mode: markers at least 44 px (a fingertip), at most 20 labels. */
export interface MapSizes {
  markerPx: number;
  /** The invisible tap target around a marker. */
  hitPx: number;
  /** Grid cell for clustering; markers closer than this merge. */
  cellPx: number;
  maxLabels: number;
  fontPx: number;
}

export const MAP_SIZES: Record<'standard' | 'large', MapSizes> = {
  standard: { markerPx: 30, hitPx: 44, cellPx: 60, maxLabels: 10, fontPx: 13 },
  large: { markerPx: 44, hitPx: 56, cellPx: 84, maxLabels: 20, fontPx: 18 },
};

export function mapSizes(largeText: boolean): MapSizes {
  return largeText ? MAP_SIZES.large : MAP_SIZES.standard;
}

/** Local metres of every outlet around the centre, each drawn as one category (see `primaryCategory`). */
export function placeOutlets(centre: LatLng, outlets: readonly MapOutlet[], filter?: string): PlacedOutlet[] {
  return outlets.map((o) => ({ id: o.id, name: o.name, distance: o.distanceMetres, category: primaryCategory(o.categories, filter), ...toLocal(centre, o) }));
}

export interface DrawnMarker extends Screen {
  cluster: Cluster;
  /** px: a single outlet is `markerPx`; a cluster grows a little with its count. */
  size: number;
}

export interface DrawnRing extends Screen {
  ring: WalkingRing;
  radiusPx: number;
}

export interface MapLayout {
  you: Screen;
  rings: DrawnRing[];
  markers: DrawnMarker[];
  labels: PlacedLabel[];
  /** Every cluster, in view or not (for a tap on one, and for the counts). */
  clusters: Cluster[];
}

export function clusterSize(count: number, sizes: MapSizes): number {
  return count <= 1 ? sizes.markerPx : Math.min(sizes.cellPx - 8, Math.round(sizes.markerPx + 6 * Math.log2(count)));
}

/**
 * Clusters are computed over all outlets (so a cluster does not change as it crosses the edge) and only
 * those in view, with half a cell to spare, are drawn. `clusters` may be passed in when the scale's cluster
 * step has not changed, which is all a pan needs.
 */
export function layoutMap(points: readonly PlacedOutlet[], v: Viewport, sizes: MapSizes, clusters = clusterAt(points, v.scale, sizes.cellPx)): MapLayout {
  const rings = walkingRings().map((ring) => ({ ring, radiusPx: ring.radiusMetres * v.scale, ...toScreen(v, { x: 0, y: 0 }) }));
  const markers: DrawnMarker[] = [];
  for (const c of clusters) {
    const s = toScreen(v, c);
    if (inView(v, s, sizes.cellPx / 2)) markers.push({ cluster: c, size: clusterSize(c.count, sizes), ...s });
  }
  const byId = new Map(points.map((p) => [p.id, p]));
  const singles = markers.filter((m) => m.cluster.count === 1);
  const candidates = singles.map((m) => {
    const p = byId.get(m.cluster.ids[0])!;
    return { id: p.id, text: p.name, distance: p.distance, x: m.x, y: m.y };
  });
  const others = markers.filter((m) => m.cluster.count > 1);
  const labels = pickLabels(candidates, { max: sizes.maxLabels, fontPx: sizes.fontPx, markerPx: sizes.markerPx, width: v.width, height: v.height }, others);
  return { you: toScreen(v, { x: 0, y: 0 }), rings, markers, labels, clusters };
}
