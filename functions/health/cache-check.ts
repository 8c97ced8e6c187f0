/**
 * The consistency check of circle health's derived data: every cached report that would be served now must
 * equal the report computed afresh from the nearby index (check:index checks the index against the records).
 * A difference means some write changed what a report reads without bumping its circle's generation.
 */
import { listCircles } from '../circles/store';
import { readNearbyCells } from '../outlets/store';
import { computeHealth } from '../../shared/health/report';
import { HEALTH_PROFILES } from '../../shared/health/standards';
import type { CircleHealth } from '../../shared/health/types';
import { cellsAround, healthOf, trendOf } from './report';
import { cachedReport, compoundsOf, listSnapshots } from './store';

export interface CacheCheck {
  circles: number;
  cachedReports: number;
  problems: string[];
}

/** What may differ between two computations of the same data: when they ran. */
function comparable(r: CircleHealth) {
  const { computedAt: _at, ...rest } = r;
  void _at;
  return JSON.stringify(rest);
}

export async function checkHealthCache(now = new Date()): Promise<CacheCheck> {
  const circles = await listCircles();
  const problems: string[] = [];
  let cachedReports = 0;
  for (const circle of circles) {
    for (const profile of Object.values(HEALTH_PROFILES)) {
      if (!(await cachedReport(circle.id, profile.id, now)).gz) continue;
      cachedReports++;
      const cached = (await healthOf(circle, profile, now)).report();
      const [compounds, snapshots] = await Promise.all([compoundsOf(circle), listSnapshots(circle.id, profile.id)]);
      const { entries } = await readNearbyCells(undefined, cellsAround(compounds));
      const fresh = computeHealth({ circleId: circle.id, circleName: circle.name, compounds, outlets: entries, profile, now: new Date(cached.computedAt) });
      if (comparable(cached) !== comparable({ ...fresh, trend: trendOf(fresh, snapshots, new Date(cached.computedAt)) })) {
        problems.push(`${circle.id} ${profile.id}: the cached report (computed ${cached.computedAt}) differs from the index`);
      }
    }
  }
  return { circles: circles.length, cachedReports, problems };
}
