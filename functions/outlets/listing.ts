/**
 * How an outlet is listed for nearby search, pure: one denormalised entry per category it serves (and one
 * under `*` for "any category"), each carrying the list fields and up to three headline prices, in the
 * geohash cell of its pin. Only approved outlets are listed; everything else has no entries at all.
 */
import { NEAR_ALL, NEAR_CELL_PRECISION } from '../db/keys';
import { formatPrice } from '../../shared/money';
import { canonical } from '../../shared/canonical';
import type { HeadlinePrice, Outlet, Service } from '../../shared/api';
import { encodeGeohash } from './geohash';
import type { NearbyEntry } from './search';

const HEADLINE_COUNT = 3;

export function headlinePrices(services: Service[]): HeadlinePrice[] {
  return services
    .filter((s) => s.priceFen !== null)
    .slice(0, HEADLINE_COUNT)
    .map((s) => ({ name: s.name, price: formatPrice(s.priceFen, s.priceMaxFen, s.unit) }));
}

export interface Listing {
  /** The categories an entry is kept under: `*` and each of the outlet's own. */
  category: string;
  cell: string;
  geohash: string;
  entry: NearbyEntry;
}

export function listingsOf(outlet: Outlet, services: Service[]): Listing[] {
  if (outlet.approval !== 'approved') return [];
  const geohash = encodeGeohash(outlet.lat, outlet.lng, 9);
  const entry: NearbyEntry = {
    id: outlet.id,
    name: outlet.name,
    categories: outlet.categories,
    address: outlet.address,
    lat: outlet.lat,
    lng: outlet.lng,
    hours: outlet.hours,
    headlinePrices: headlinePrices(services),
    ...(outlet.closedUntil ? { closedUntil: outlet.closedUntil } : {}),
    ...(outlet.checkedAt ? { checkedAt: outlet.checkedAt } : {}),
  };
  return [NEAR_ALL, ...new Set(outlet.categories)].map((category) => ({ category, cell: geohash.slice(0, NEAR_CELL_PRECISION), geohash, entry }));
}

/** The categories whose entries a save must delete: listed before, not listed after. */
export function staleCategories(before: Listing[], after: Listing[]): string[] {
  const kept = new Set(after.map((l) => l.category));
  return before.map((l) => l.category).filter((c) => !kept.has(c));
}

/**
 * What circle health reads of an outlet's listing (pin, categories, hours, closing, check dates, name), as one
 * comparable string: a save that leaves it unchanged cannot change any circle's report.
 */
export function healthKey(listings: Listing[]): string {
  const e = listings[0]?.entry;
  if (!e) return '';
  return canonical({ id: e.id, name: e.name, categories: e.categories, lat: e.lat, lng: e.lng, hours: e.hours, closedUntil: e.closedUntil ?? null, checkedAt: e.checkedAt ?? null });
}
