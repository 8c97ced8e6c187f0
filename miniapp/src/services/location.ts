/**
 * Where the resident is. GPS (GCJ-02) when allowed; otherwise, or on timeout, the community they picked.
 * The list never waits on this: callers show the saved or default place first.
 */
import Taro from '@tarojs/taro';
import type { Circle } from '@shared/api';
import { distanceMetres } from '@shared/walking';

export interface Place {
  lat: number;
  lng: number;
  label: string;
  source: 'gps' | 'community' | 'default';
  communityId?: string;
  circleId?: string;
}

export async function locate(timeoutMs = 5000): Promise<{ lat: number; lng: number } | null> {
  try {
    const res = await Promise.race([
      Taro.getLocation({ type: 'gcj02' }),
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timeout')), timeoutMs)),
    ]);
    return { lat: res.latitude, lng: res.longitude };
  } catch {
    return null;
  }
}

/** The circle whose centre is nearest, to name where the resident is. */
export function nearestCircle(circles: Circle[], at: { lat: number; lng: number }): Circle | undefined {
  let best: Circle | undefined;
  let bestD = Infinity;
  for (const c of circles) {
    const d = distanceMetres(at, c.centre);
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  return best;
}
