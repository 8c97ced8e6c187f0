/**
 * Nearby search rules, pure: which cells to read, how to rank what comes back, and the opaque cursor.
 * The store reads candidate entries; everything that decides the answer is here and unit-tested.
 */
import { AppError } from '../core/errors';
import { outletOpenState } from '../../shared/outlets';
import { freshness, type CheckedAt } from '../../shared/freshness';
import { categoryName } from '../../shared/categories';
import {
  distanceMetres,
  reachMetres,
  walkingBucket,
  walkingMinutes,
  type LatLng,
  type WalkingPace,
} from '../../shared/walking';
import type { OutletSummary } from '../../shared/api';
import type { OpeningHours } from '../../shared/hours';
import { cellsWithin } from './geohash';
import { NEAR_CELL_PRECISION } from '../db/keys';

/** What a nearby entry in the index holds: enough to rank and list an outlet without reading it. */
export type NearbyEntry = Pick<OutletSummary, 'id' | 'name' | 'categories' | 'address' | 'lat' | 'lng' | 'headlinePrices'> & {
  hours: OpeningHours;
  closedUntil?: string;
  checkedAt?: CheckedAt;
};

export interface NearbyQuery {
  centre: LatLng;
  category?: string;
  /** Words to look for in the name, address or price list. */
  text?: string;
  maxMinutes: number;
  openNow: boolean;
  pace: WalkingPace;
  limit: number;
  offset: number;
}

export function searchPlan(q: Pick<NearbyQuery, 'centre' | 'maxMinutes' | 'pace'>) {
  const radiusMetres = reachMetres(q.maxMinutes, q.pace);
  return { radiusMetres, cells: cellsWithin(q.centre, radiusMetres, NEAR_CELL_PRECISION) };
}

function matchesText(e: NearbyEntry, text: string): boolean {
  const haystack = [e.name, e.address, ...e.categories.map(categoryName), ...e.headlinePrices.map((p) => p.name)].join(' ');
  return text.split(/\s+/).every((word) => haystack.includes(word));
}

/** Exact filter and order: walking minutes, then distance, then id so pages never shuffle. */
export function rankNearby(entries: NearbyEntry[], q: Omit<NearbyQuery, 'limit' | 'offset'>, now: Date): OutletSummary[] {
  const seen = new Set<string>();
  const out: OutletSummary[] = [];
  for (const e of entries) {
    if (seen.has(e.id)) continue;
    seen.add(e.id);
    if (q.category && !e.categories.includes(q.category)) continue;
    if (q.text && !matchesText(e, q.text)) continue;
    const d = distanceMetres(q.centre, e);
    const minutes = walkingMinutes(d, q.pace);
    if (minutes > q.maxMinutes) continue;
    const state = outletOpenState(e, now);
    const fresh = freshness(e.checkedAt, now);
    // Nothing confirmed for a year: it may not be there at all, so it is not promised as 营业中.
    if (q.openNow && (!state.open || fresh.stale)) continue;
    out.push({
      id: e.id,
      name: e.name,
      categories: e.categories,
      address: e.address,
      lat: e.lat,
      lng: e.lng,
      distanceMetres: Math.round(d),
      walkingMinutes: minutes,
      bucket: walkingBucket(minutes),
      openState: state,
      headlinePrices: e.headlinePrices,
      ...(fresh.hoursUnconfirmed ? { hoursUnconfirmed: true } : {}),
    });
  }
  const exact = new Map(out.map((o) => [o.id, distanceMetres(q.centre, o)]));
  return out.sort(
    (a, b) => a.walkingMinutes - b.walkingMinutes || exact.get(a.id)! - exact.get(b.id)! || (a.id < b.id ? -1 : 1),
  );
}

/** FNV-1a, enough to tie a cursor to the query it came from. */
function fingerprint(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36);
}

function queryFingerprint(q: Omit<NearbyQuery, 'limit' | 'offset'>): string {
  return fingerprint(
    [q.centre.lat.toFixed(6), q.centre.lng.toFixed(6), q.category ?? '', q.text ?? '', q.maxMinutes, q.openNow, q.pace].join('|'),
  );
}

export function encodeCursor(offset: number, q: Omit<NearbyQuery, 'limit' | 'offset'>): string {
  return Buffer.from(JSON.stringify({ o: offset, f: queryFingerprint(q) })).toString('base64url');
}

export function decodeCursor(cursor: string | undefined, q: Omit<NearbyQuery, 'limit' | 'offset'>): number {
  if (cursor === undefined) return 0;
  try {
    if (!/^[A-Za-z0-9_-]{1,200}$/.test(cursor)) throw new Error('shape');
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { o?: unknown; f?: unknown };
    if (!Number.isInteger(parsed.o) || (parsed.o as number) < 0 || (parsed.o as number) > 100_000) throw new Error('offset');
    if (parsed.f !== queryFingerprint(q)) throw new Error('other query');
    return parsed.o as number;
  } catch {
    throw new AppError('INVALID_CURSOR', '翻页参数无效，请重新搜索');
  }
}
