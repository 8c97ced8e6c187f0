/**
 * The schematic map from data to screen: outlets at their true bearing and distance around the user's
 * place, the walking rings, grid clusters and the labels, for one viewport. Pure, so the H5 map draws
 * exactly what the tests and `npm run bench:map` measure.
 */
import type { LatLng } from '../walking';
import { clusterAt, expansionScale, type Cluster, type MapPoint } from './cluster';
import { BoxIndex, pickLabels, placeFixed, squareAround, textWidth, type Box, type PlacedLabel } from './labels';
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

/**
 * Sizes in CSS px. Large-text mode: every marker spans at least 44 px (a fingertip; the marker box is 52 so
 * the narrowest shape, a triangle, is still 45 px wide) with a 60 px tap target, and at most 20 labels.
 */
export interface MapSizes {
  markerPx: number;
  /** The invisible tap target around a marker. */
  hitPx: number;
  /** Grid cell for clustering (markers that would overlap across a cell border join too). */
  cellPx: number;
  maxLabels: number;
  fontPx: number;
}

export const MAP_SIZES: Record<'standard' | 'large', MapSizes> = {
  standard: { markerPx: 28, hitPx: 44, cellPx: 36, maxLabels: 10, fontPx: 13 },
  large: { markerPx: 52, hitPx: 60, cellPx: 60, maxLabels: 20, fontPx: 18 },
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
  /** The middle of the ring's name: on the ring, where it covers no marker. */
  labelAt: Screen;
}

export interface MapLayout {
  you: Screen;
  /** The middle of the user's place name, beside the dot. */
  youLabelAt: Screen;
  rings: DrawnRing[];
  markers: DrawnMarker[];
  labels: PlacedLabel[];
  /** Every cluster, in view or not (for a tap on one, and for the counts). */
  clusters: Cluster[];
}

export function clusterSize(count: number, sizes: MapSizes): number {
  return count <= 1 ? sizes.markerPx : Math.min(sizes.cellPx - 8, Math.round(sizes.markerPx + 5 * Math.log2(count)));
}

/** Markers (and clusters, which are bigger) nearer than this part of their width would cover each other: they join. */
const OVERLAP = 0.9;
const joinPx = (sizes: MapSizes) => (count: number) => clusterSize(count, sizes) * OVERLAP;

/** The clusters of a view: grid cells of `cellPx`, and markers that would overlap across a cell border joined. */
export function clustersFor(points: readonly MapPoint[], scale: number, sizes: MapSizes): Cluster[] {
  return clusterAt(points, scale, sizes.cellPx, joinPx(sizes));
}

/** The scale a tap on a cluster zooms to (see `expansionScale`). */
export function expandCluster(points: readonly MapPoint[], cluster: Cluster, scale: number, sizes: MapSizes): number {
  const ids = new Set(cluster.ids);
  return expansionScale(points.filter((p) => ids.has(p.id)), scale, sizes.cellPx, joinPx(sizes));
}

/** Where a ring's name may go, in order of preference: adult rings along the top, elder ones along the bottom. */
const TURNS = [0, -20, 20, -40, 40, -60, 60, -80, 80, -100, 100, -120, 120, -140, 140, 160, -160];
const RING_LABEL_ANGLES = { standard: TURNS, elder: TURNS.map((d) => 180 + d) } as const;

/**
 * Clusters are computed over all outlets (so a cluster does not change as it crosses the edge) and only
 * those in view, with half a cell to spare, are drawn. `clusters` may be passed in when the scale's cluster
 * step has not changed, which is all a pan needs. Then the names: the user's place, the rings, and the
 * nearest outlets, each where it covers no marker and no other name.
 */
export function layoutMap(
  points: readonly PlacedOutlet[],
  v: Viewport,
  sizes: MapSizes,
  { clusters = clustersFor(points, v.scale, sizes), placeName = '', reserved = [] }: { clusters?: Cluster[]; placeName?: string; reserved?: Box[] } = {},
): MapLayout {
  const you = toScreen(v, { x: 0, y: 0 });
  const markers: DrawnMarker[] = [];
  for (const c of clusters) {
    const s = toScreen(v, c);
    if (inView(v, s, sizes.cellPx / 2)) markers.push({ cluster: c, size: clusterSize(c.count, sizes), ...s });
  }
  const taken = new BoxIndex();
  for (const m of markers) taken.add(squareAround(m, m.size));
  taken.add(squareAround(you, 24));
  // Screen corners the map's own buttons and notes sit on: no name goes under them.
  for (const b of reserved) taken.add(b, 100);

  const gap = 12 + sizes.fontPx * 0.7;
  const side = 16 + (textWidth(placeName, sizes.fontPx) + 8) / 2;
  const youLabelAt = placeFixed(
    taken,
    placeName,
    [[0, -gap], [0, gap], [side, 0], [-side, 0], [side, -gap], [-side, -gap], [side, gap], [-side, gap]].map(([dx, dy]) => ({ x: you.x + dx, y: you.y + dy })),
    sizes.fontPx,
    v,
  );
  const rings = walkingRings().map((ring) => {
    const radiusPx = ring.radiusMetres * v.scale;
    // On the line first; then just outside or inside it, where it still reads as the ring's name.
    const centres = [0, sizes.fontPx, -sizes.fontPx].flatMap((dr) =>
      RING_LABEL_ANGLES[ring.pace].map((deg) => ({ x: you.x + (radiusPx + dr) * Math.sin((deg * Math.PI) / 180), y: you.y - (radiusPx + dr) * Math.cos((deg * Math.PI) / 180) })),
    );
    return { ring, radiusPx, ...you, labelAt: placeFixed(taken, ring.label, centres, sizes.fontPx, v) };
  });

  const byId = new Map(points.map((p) => [p.id, p]));
  const candidates = markers
    .filter((m) => m.cluster.count === 1)
    .map((m) => {
      const p = byId.get(m.cluster.ids[0])!;
      return { id: p.id, text: p.name, distance: p.distance, x: m.x, y: m.y };
    });
  const labels = pickLabels(candidates, { max: sizes.maxLabels, fontPx: sizes.fontPx, markerPx: sizes.markerPx, width: v.width, height: v.height }, taken);
  return { you, youLabelAt, rings, markers, labels, clusters };
}
