/**
 * Local metres around a centre, from GCJ-02 latitude/longitude. A living circle is ~2 km across, where an
 * equirectangular projection is off by well under a metre per kilometre, so no map library is needed and
 * the coordinates are never converted to another datum (WeChat and our data are both GCJ-02).
 */
import type { LatLng } from '../walking';

/** The mean Earth radius, the same one `distanceMetres` in walking.ts uses. */
const EARTH_RADIUS_M = 6371008.8;
const RAD = Math.PI / 180;

/** Metres east (x) and north (y) of the map's centre. */
export interface Metres {
  x: number;
  y: number;
}

export function toLocal(centre: LatLng, p: LatLng): Metres {
  return {
    x: (p.lng - centre.lng) * RAD * EARTH_RADIUS_M * Math.cos(centre.lat * RAD),
    y: (p.lat - centre.lat) * RAD * EARTH_RADIUS_M,
  };
}

/** The inverse of `toLocal`: where a point so many metres from the centre lies. */
export function toLatLng(centre: LatLng, m: Metres): LatLng {
  return {
    lat: centre.lat + m.y / (RAD * EARTH_RADIUS_M),
    lng: centre.lng + m.x / (RAD * EARTH_RADIUS_M * Math.cos(centre.lat * RAD)),
  };
}

/** Compass bearing from the centre in degrees, 0 = north, clockwise. */
export function bearingDegrees(m: Metres): number {
  const deg = Math.atan2(m.x, m.y) / RAD;
  return (deg + 360) % 360;
}

const DIRECTIONS = ['北', '东北', '东', '东南', '南', '西南', '西', '西北'] as const;

/** One of eight directions in Chinese, as a resident would say it ("在您东北方向"). */
export function directionName(m: Metres): (typeof DIRECTIONS)[number] {
  return DIRECTIONS[Math.round(bearingDegrees(m) / 45) % 8];
}

/** A circle of `radius` metres around the centre as lat/lng points (the native map's dashed rings). */
export function circlePoints(centre: LatLng, radius: number, segments = 72): LatLng[] {
  return Array.from({ length: segments }, (_, i) => {
    const a = (i / segments) * 2 * Math.PI;
    return toLatLng(centre, { x: radius * Math.sin(a), y: radius * Math.cos(a) });
  });
}
