/**
 * The outlet's pin in the H5 build, where there is no map picker: a community's own position moved in steps
 * of 50 m, and the pin described back in words relative to the nearest community ("书香里以东约50米").
 * Equirectangular metres are exact enough at these distances (a few hundred metres).
 */
import type { Community } from '@shared/api';

export const PIN_STEP_METRES = 50;
const METRES_PER_DEGREE = 111_320;

export interface Pin {
  lat: number;
  lng: number;
}

export type Direction = 'east' | 'west' | 'south' | 'north';
export const DIRECTIONS: Array<{ key: Direction; name: string; east: number; north: number }> = [
  { key: 'north', name: '向北', east: 0, north: 1 },
  { key: 'south', name: '向南', east: 0, north: -1 },
  { key: 'west', name: '向西', east: -1, north: 0 },
  { key: 'east', name: '向东', east: 1, north: 0 },
];

const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

/** The pin moved `east` and `north` metres (negative: west, south), to six decimals (~0.1 m). */
export function movePin(pin: Pin, east: number, north: number): Pin {
  const lat = pin.lat + north / METRES_PER_DEGREE;
  const lng = pin.lng + east / (METRES_PER_DEGREE * Math.cos((pin.lat * Math.PI) / 180));
  return { lat: round6(lat), lng: round6(lng) };
}

/** Metres east and north of `from` to `to`. */
export function offsetMetres(from: Pin, to: Pin): { east: number; north: number } {
  return {
    east: (to.lng - from.lng) * METRES_PER_DEGREE * Math.cos((from.lat * Math.PI) / 180),
    north: (to.lat - from.lat) * METRES_PER_DEGREE,
  };
}

function nearest(pin: Pin, communities: readonly Community[]): { c: Community; east: number; north: number; d: number } | null {
  let best: { c: Community; east: number; north: number; d: number } | null = null;
  for (const c of communities) {
    const { east, north } = offsetMetres(c, pin);
    const d = Math.hypot(east, north);
    if (!best || d < best.d) best = { c, east, north, d };
  }
  return best;
}

/** The community the pin was placed from: the nearest one, if the pin is within `withinMetres` of it. */
export function baseCommunity(pin: Pin | null, communities: readonly Community[], withinMetres = 500): Community | null {
  const best = pin ? nearest(pin, communities) : null;
  return best && best.d <= withinMetres ? best.c : null;
}

/** "书香里以东约50米、以北约100米", "就在书香里", or null without communities. */
export function describePin(pin: Pin, communities: readonly Community[]): string | null {
  const best = nearest(pin, communities);
  if (!best) return null;
  // To the nearest 10 m: the steps are 50 m and nobody walks by the metre.
  const parts: string[] = [];
  const e = Math.round(best.east / 10) * 10;
  const n = Math.round(best.north / 10) * 10;
  if (e) parts.push(`以${e > 0 ? '东' : '西'}约${Math.abs(e)}米`);
  if (n) parts.push(`以${n > 0 ? '北' : '南'}约${Math.abs(n)}米`);
  return parts.length ? `${best.c.name}${parts.join('、')}` : `就在${best.c.name}`;
}
