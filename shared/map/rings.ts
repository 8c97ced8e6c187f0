/**
 * The 5/10/15-minute rings. A ring's radius comes from the walking rule itself (`reachMetres`), so an outlet
 * inside the 10-minute ring is one the list also says is at most 10 minutes away, at that pace.
 */
import { reachMetres, WALKING, type WalkingPace } from '../walking';

export interface WalkingRing {
  minutes: number;
  pace: WalkingPace;
  /** Straight-line metres from the centre. */
  radiusMetres: number;
  /** What the map writes on the ring. */
  label: string;
}

export function ringLabel(minutes: number, pace: WalkingPace): string {
  return pace === 'elder' ? `老人${minutes}分钟` : `${minutes}分钟`;
}

/** Adult-pace rings first, then the (smaller) elder-pace ones, each from the nearest out. */
export function walkingRings(minutes: readonly number[] = WALKING.buckets): WalkingRing[] {
  const paces: WalkingPace[] = ['standard', 'elder'];
  return paces.flatMap((pace) =>
    [...minutes].sort((a, b) => a - b).map((m) => ({ minutes: m, pace, radiusMetres: reachMetres(m, pace), label: ringLabel(m, pace) })),
  );
}
