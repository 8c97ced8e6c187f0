/** Outlet use cases: what the handlers call. Rules come from search.ts and shared/, data from store.ts. */
import { notFound } from '../core/errors';
import { describeHours } from '../../shared/hours';
import { outletOpenState, providersNow } from '../../shared/outlets';
import { freshness } from '../../shared/freshness';
import type { NearbyResponse, OutletDetail } from '../../shared/api';
import { decodeCursor, encodeCursor, rankNearby, searchPlan, type NearbyQuery } from './search';
import { getOutletWithServices, readNearbyCells } from './store';
import { getCircle } from '../circles/store';

export async function findNearby(
  q: Omit<NearbyQuery, 'offset'> & { cursor?: string },
  now: Date,
): Promise<NearbyResponse & { itemsRead: number }> {
  const { cursor, limit, ...criteria } = q;
  const offset = decodeCursor(cursor, criteria);
  const plan = searchPlan(criteria);
  const { entries, itemsRead } = await readNearbyCells(criteria.category, plan.cells);
  const ranked = rankNearby(entries, criteria, now);
  const page = ranked.slice(offset, offset + limit);
  const nextOffset = offset + page.length;
  return {
    items: page,
    nextCursor: nextOffset < ranked.length ? encodeCursor(nextOffset, criteria) : null,
    total: ranked.length,
    search: {
      maxMinutes: criteria.maxMinutes,
      pace: criteria.pace,
      radiusMetres: Math.round(plan.radiusMetres),
      cellsQueried: plan.cells.length,
    },
    itemsRead,
  };
}

export async function outletDetail(id: string, now: Date): Promise<OutletDetail> {
  const found = await getOutletWithServices(id);
  // Unapproved outlets are invisible to the public, exactly as if they did not exist.
  if (!found || found.outlet.approval !== 'approved') throw notFound('商户');
  const circle = await getCircle(found.outlet.circleId);
  // Who owns it and the bookkeeping of edits are nobody else's business.
  const { ownerId: _owner, pendingRevisionId: _pending, revision: _rev, ...outlet } = found.outlet as typeof found.outlet & { revision?: number };
  void _owner, void _pending, void _rev;
  return {
    ...outlet,
    services: found.services,
    openState: outletOpenState(found.outlet, now),
    ...(freshness(found.outlet.checkedAt, now).hoursUnconfirmed ? { hoursUnconfirmed: true } : {}),
    ...(found.outlet.providers?.length ? { providersNow: providersNow(found.outlet.providers, now) } : {}),
    hoursText: describeHours(found.outlet.hours),
    ...(circle ? { circleName: circle.name } : {}),
  };
}
