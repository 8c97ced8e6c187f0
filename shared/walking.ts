/**
 * Walking-time rule. The seeds define the circle as "步行15分钟左右" without metres; we follow the
 * proposal in the domain notes: straight-line distance × a detour factor (streets are not straight)
 * divided by a walking speed, with a slower pace for elderly residents.
 */
export const WALKING = {
  /** Streets add roughly a quarter to the straight-line distance. */
  detourFactor: 1.25,
  /** 4.5 km/h, the usual planning pace. */
  standardMetresPerMinute: 75,
  /** Slower pace for the elderly mode. */
  elderMetresPerMinute: 55,
  /** The circle's own size. */
  circleMinutes: 15,
  /** The furthest a nearby search may reach. */
  maxSearchMinutes: 30,
  buckets: [5, 10, 15] as const,
} as const;

export type WalkingPace = 'standard' | 'elder';
export type WalkingBucket = 5 | 10 | 15 | 'outside';

const EARTH_RADIUS_M = 6371008.8;

export interface LatLng {
  lat: number;
  lng: number;
}

/** Great-circle distance in metres (haversine); accurate to well under a metre at city scale. */
export function distanceMetres(a: LatLng, b: LatLng): number {
  const toRad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * toRad;
  const dLng = (b.lng - a.lng) * toRad;
  const h =
    Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * toRad) * Math.cos(b.lat * toRad) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

export function metresPerMinute(pace: WalkingPace): number {
  return pace === 'elder' ? WALKING.elderMetresPerMinute : WALKING.standardMetresPerMinute;
}

/** Whole minutes (rounded up, at least 1) to walk a straight-line distance. */
export function walkingMinutes(straightLineMetres: number, pace: WalkingPace = 'standard'): number {
  if (!Number.isFinite(straightLineMetres) || straightLineMetres < 0) throw new RangeError('distance must be >= 0');
  const minutes = (straightLineMetres * WALKING.detourFactor) / metresPerMinute(pace);
  // Rounding up keeps "within 15 minutes" honest: 15.2 minutes is not 15.
  return Math.max(1, Math.ceil(minutes - 1e-9));
}

/** The largest straight-line distance that still walks within `minutes`. */
export function reachMetres(minutes: number, pace: WalkingPace = 'standard'): number {
  return (minutes * metresPerMinute(pace)) / WALKING.detourFactor;
}

export function walkingBucket(minutes: number): WalkingBucket {
  for (const b of WALKING.buckets) if (minutes <= b) return b;
  return 'outside';
}

export function walkingBucketLabel(bucket: WalkingBucket): string {
  return bucket === 'outside' ? '圈外' : `${bucket}分钟内`;
}
