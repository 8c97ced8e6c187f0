/**
 * What the map shows: the nearby search's answer, page after page, up to a cap. The list loads 10–15 at a
 * time; a map is only useful with all of a circle's outlets on it, and a circle has ~60–200 of them.
 */
import type { NearbyResponse, OutletSummary } from '@shared/api';
import type { Query } from './api';

/** Enough for any real circle (济南's average is 195 outlets); beyond it the map says how many are left out. */
export const MAP_MAX_OUTLETS = 200;
/** The search's largest page. */
export const MAP_PAGE_SIZE = 50;

export interface MapOutlets {
  items: OutletSummary[];
  total: number;
  /** The search found more than the map loaded. */
  truncated: boolean;
}

export async function loadMapOutlets(
  fetchPage: (query: Query) => Promise<NearbyResponse>,
  query: Query,
  max = MAP_MAX_OUTLETS,
): Promise<MapOutlets> {
  const items: OutletSummary[] = [];
  let cursor: string | null = null;
  let total = 0;
  do {
    const page: NearbyResponse = await fetchPage({ ...query, limit: Math.min(MAP_PAGE_SIZE, max - items.length), cursor });
    items.push(...page.items);
    total = page.total;
    cursor = page.nextCursor;
  } while (cursor && items.length < max);
  return { items, total, truncated: total > items.length };
}
