/**
 * The schematic map's viewport: which local point (metres) sits at the middle of a `width` × `height` px
 * view, and how many px one metre is. North is up. Pan and zoom are pure functions of a viewport, so a
 * gesture handler only feeds in pointer positions.
 */
import type { Metres } from './projection';

export interface Viewport {
  width: number;
  height: number;
  /** The local point at the middle of the view. */
  centre: Metres;
  /** px per metre. */
  scale: number;
}

export interface Screen {
  x: number;
  y: number;
}

/** How far one can zoom: from a whole district (~3 km across a phone) to one street corner. */
export const SCALE_LIMITS = { min: 0.06, max: 2.5 } as const;
/** One press of + or −. */
export const ZOOM_STEP = 2;

export function clampScale(scale: number): number {
  return Math.min(SCALE_LIMITS.max, Math.max(SCALE_LIMITS.min, scale));
}

/** A view centred on the user's place that shows `radiusMetres` all round, `padding` px inside the edge. */
export function fitRadius(width: number, height: number, radiusMetres: number, padding = 24): Viewport {
  const half = Math.max(1, Math.min(width, height) / 2 - padding);
  return { width, height, centre: { x: 0, y: 0 }, scale: clampScale(half / radiusMetres) };
}

export function toScreen(v: Viewport, m: Metres): Screen {
  return { x: v.width / 2 + (m.x - v.centre.x) * v.scale, y: v.height / 2 - (m.y - v.centre.y) * v.scale };
}

export function toWorld(v: Viewport, s: Screen): Metres {
  return { x: v.centre.x + (s.x - v.width / 2) / v.scale, y: v.centre.y - (s.y - v.height / 2) / v.scale };
}

/** The map follows the finger: dragging right by dx px moves the view's centre west. */
export function panBy(v: Viewport, dx: number, dy: number): Viewport {
  return { ...v, centre: { x: v.centre.x - dx / v.scale, y: v.centre.y + dy / v.scale } };
}

/** Zooms by `factor` keeping the point under `at` (a pinch's midpoint, a wheel's cursor) where it is. */
export function zoomAt(v: Viewport, factor: number, at: Screen = { x: v.width / 2, y: v.height / 2 }): Viewport {
  const scale = clampScale(v.scale * factor);
  const anchor = toWorld(v, at);
  return {
    ...v,
    scale,
    centre: { x: anchor.x - (at.x - v.width / 2) / scale, y: anchor.y + (at.y - v.height / 2) / scale },
  };
}

/** Centres the view on a point at a given scale (a tapped cluster opening up). */
export function centreOn(v: Viewport, m: Metres, scale = v.scale): Viewport {
  return { ...v, centre: { x: m.x, y: m.y }, scale: clampScale(scale) };
}

/** The same view in a resized box (the element was measured, the phone turned). */
export function resize(v: Viewport, width: number, height: number): Viewport {
  return { ...v, width, height };
}

/** Whether a screen point lies inside the view, with `margin` px to spare (markers half outside still show). */
export function inView(v: Viewport, s: Screen, margin = 0): boolean {
  return s.x >= -margin && s.y >= -margin && s.x <= v.width + margin && s.y <= v.height + margin;
}

const GRID_STEPS = [25, 50, 100, 200, 500, 1000, 2000, 5000];

/** The background grid's spacing in metres: the smallest round step at least `minPx` apart on screen. */
export function gridStep(scale: number, minPx = 56): number {
  return GRID_STEPS.find((m) => m * scale >= minPx) ?? GRID_STEPS[GRID_STEPS.length - 1];
}
