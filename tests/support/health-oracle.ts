/**
 * Circle health by brute force, written apart from shared/health/report.ts: every compound against every
 * listed outlet of the whole table, with the status rules restated from the issue. The report must agree
 * with it cell by cell; the integration tests and bench:circle-health both use it.
 */
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { db, tableName } from '../../functions/db/client';
import { openDuring } from '../../shared/hours';
import { distanceMetres, walkingMinutes } from '../../shared/walking';
import { shanghaiDate } from '../../shared/time';
import type { FacilityStandard } from '../../shared/health/standards';
import type { CircleHealth, Compound, HealthOutlet } from '../../shared/health/types';

const YEAR_MS = 365 * 86_400_000;

export interface OracleCell {
  nearest: string | null;
  nearestMinutes: number | null;
  nearestInWindow: string | null;
  /** good/unverified/closed/status for adult-any, adult-window, elder-any, elder-window. */
  reach: string[];
}

function exactMinutes(d: number, pace: 'adult' | 'elder') {
  return (d * 1.25) / (pace === 'elder' ? 55 : 75);
}

export function oracleCells(compounds: readonly Compound[], outlets: readonly HealthOutlet[], standards: readonly FacilityStandard[], now: Date): OracleCell[][] {
  const today = shanghaiDate(now);
  return compounds.map((c) =>
    standards.map((s) => {
      const mine = outlets
        .filter((o) => o.categories.some((k) => s.categories.includes(k)))
        .map((o) => {
          const newest = Math.max(...Object.values(o.checkedAt ?? {}).map((t) => Date.parse(t as string)), -Infinity);
          return {
            o,
            d: distanceMetres(c, o),
            open: !s.window || s.window.days.every((day) => openDuring(o.hours, day, s.window!.from, s.window!.to)),
            closed: !!o.closedUntil && today <= o.closedUntil,
            unverified: Number.isFinite(newest) && now.getTime() - newest > YEAR_MS,
          };
        })
        .filter((x) => exactMinutes(x.d, 'adult') <= 30 + 1e-6)
        .sort((a, b) => a.d - b.d || (a.o.id < b.o.id ? -1 : 1));
      const reach = (pace: 'adult' | 'elder', window: boolean) => {
        const within = mine.filter((x) => exactMinutes(x.d, pace) <= s.limitMinutes + 1e-6 && (!window || x.open));
        const closed = within.filter((x) => x.closed).length;
        const unverified = within.filter((x) => !x.closed && x.unverified).length;
        const good = within.length - closed - unverified;
        return `${good}/${unverified}/${closed}/${good >= 2 ? 'met' : within.length ? 'thin' : 'missing'}`;
      };
      const inWindow = mine.find((x) => x.open);
      return {
        nearest: mine[0]?.o.id ?? null,
        nearestMinutes: mine[0] ? walkingMinutes(mine[0].d) : null,
        nearestInWindow: inWindow?.o.id ?? null,
        reach: [reach('adult', false), reach('adult', true), reach('elder', false), reach('elder', true)],
      };
    }),
  );
}

/** The same shape read off a report, to compare with `oracleCells`. */
export function reportCells(r: Pick<CircleHealth, 'compounds'>): OracleCell[][] {
  const f = (x: { good: number; unverified: number; closed: number; status: string }) => `${x.good}/${x.unverified}/${x.closed}/${x.status}`;
  return r.compounds.map((c) =>
    c.cells.map((cell) => ({
      nearest: cell.nearest?.id ?? null,
      nearestMinutes: cell.nearest?.minutes ?? null,
      nearestInWindow: cell.nearestInWindow?.id ?? null,
      reach: [f(cell.adult.any), f(cell.adult.window), f(cell.elder.any), f(cell.elder.window)],
    })),
  );
}

/** Every listed outlet in the table, by a Scan: only the oracle may do this. */
export async function allListedOutlets(): Promise<HealthOutlet[]> {
  const out: HealthOutlet[] = [];
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const res = await db().send(
      new ScanCommand({
        TableName: tableName(),
        FilterExpression: '#type = :outlet AND approval = :approved',
        ExpressionAttributeNames: { '#type': 'type' },
        ExpressionAttributeValues: { ':outlet': 'outlet', ':approved': 'approved' },
        ExclusiveStartKey,
        ConsistentRead: true,
      }),
    );
    for (const i of res.Items ?? []) out.push({ id: i.id, name: i.name, categories: i.categories, lat: i.lat, lng: i.lng, hours: i.hours, closedUntil: i.closedUntil, checkedAt: i.checkedAt });
    ExclusiveStartKey = res.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return out;
}
