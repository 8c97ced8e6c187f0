/**
 * Circle health use cases: the worker's report (cached, exact), one compound's row, the resident's view of
 * their own compound, the compound figures, and the monthly snapshot. The report reads only the nearby
 * index cells around the circle's compounds — never a Scan — and then applies the pure rules.
 */
import { AppError, notFound } from '../core/errors';
import { requireWorkerOf } from '../auth/policies';
import type { AuthUser } from '../auth/authenticate';
import { getCircle, listCircles } from '../circles/store';
import { readNearbyCells } from '../outlets/store';
import { cellsWithin } from '../outlets/geohash';
import { NEAR_CELL_PRECISION } from '../db/keys';
import { reachMetres } from '../../shared/walking';
import { computeHealth, validUntil } from '../../shared/health/report';
import { HEALTH_PROFILES, NEAREST_REACH_MINUTES, type HealthProfile } from '../../shared/health/standards';
import { inShanghai } from '../../shared/time';
import type { Circle } from '../../shared/api';
import type { CircleHealth, CompoundFigures, CompoundView, HealthSnapshot, HealthTrend } from '../../shared/health/types';
import { bumpGen, cachedReport, cacheReport, compoundsOf, listSnapshots, putSnapshot, saveFigures } from './store';
import { transactWrite } from '../db/transact';
import { gunzipSync } from 'node:zlib';

function profileOf(id: string): HealthProfile {
  const p = HEALTH_PROFILES[id];
  if (!p) throw new AppError('VALIDATION_FAILED', '没有这个评价标准');
  return p;
}

async function circleOf(id: string): Promise<Circle> {
  const circle = await getCircle(id);
  if (!circle) throw notFound('生活圈');
  return circle;
}

/** The index cells that can hold an outlet within the report's reach of any compound. */
export function cellsAround(points: ReadonlyArray<{ lat: number; lng: number }>): string[] {
  const radius = reachMetres(NEAREST_REACH_MINUTES);
  return [...new Set(points.flatMap((p) => cellsWithin(p, radius, NEAR_CELL_PRECISION)))].sort();
}

export interface ServedReport {
  /** The report as gzipped JSON, as cached. */
  gz: Uint8Array;
  cached: boolean;
  itemsRead: number;
  report(): CircleHealth;
}

/** The first moment of next month in China: the trend compares with last month, so a new month recomputes. */
function nextMonth(now: Date): string {
  return inShanghai(now).startOf('month').add(1, 'month').toISOString();
}

/** The report as of now: from the cache while it is current, else computed from the index and cached. */
export async function healthOf(circle: Circle, profile: HealthProfile, now: Date): Promise<ServedReport> {
  const cached = await cachedReport(circle.id, profile.id, now);
  if (cached.gz) {
    const gz = cached.gz;
    return { gz, cached: true, itemsRead: 0, report: () => JSON.parse(gunzipSync(gz).toString('utf8')) as CircleHealth };
  }
  const t0 = Date.now();
  const [compounds, snapshots] = await Promise.all([compoundsOf(circle), listSnapshots(circle.id, profile.id)]);
  const cells = cellsAround(compounds);
  const { entries, itemsRead } = await readNearbyCells(undefined, cells);
  const t1 = Date.now();
  const computed = computeHealth({ circleId: circle.id, circleName: circle.name, compounds, outlets: entries, profile, now });
  const report = { ...computed, trend: trendOf(computed, snapshots, now) };
  const t2 = Date.now();
  const until = [validUntil(entries, now), nextMonth(now)].filter((t): t is string => !!t).sort()[0];
  const gz = await cacheReport(circle.id, profile.id, cached.gen, until, report);
  console.log(JSON.stringify({ level: 'info', msg: 'health report', circleId: circle.id, profile: profile.id, cells: cells.length, itemsRead, readMs: t1 - t0, computeMs: t2 - t1, cacheMs: Date.now() - t2, gzipBytes: gz.length }));
  return { gz, cached: false, itemsRead, report: () => report };
}

export function trendOf(report: CircleHealth, snapshots: readonly HealthSnapshot[], now: Date): HealthTrend | null {
  const month = inShanghai(now).format('YYYY-MM');
  const last = [...snapshots].reverse().find((s) => s.month < month);
  if (!last) return null;
  return {
    since: last.month,
    points: { from: last.points, to: report.grade.points },
    label: { from: last.label, to: report.grade.label },
    types: report.coverage.map((c) => ({ type: c.type, from: last.coverage[c.type] ?? 0, to: c.adult.window.residentShare })),
  };
}

export async function workerHealth(user: AuthUser, circleId: string, profileId: string, now: Date): Promise<ServedReport> {
  requireWorkerOf(user, circleId, '只能查看本社区生活圈的体检报告', '只有社区工作者可以查看生活圈体检');
  return healthOf(await circleOf(circleId), profileOf(profileId), now);
}

export async function workerCompoundHealth(user: AuthUser, circleId: string, compoundId: string, profileId: string, now: Date) {
  const report = (await workerHealth(user, circleId, profileId, now)).report();
  const compound = report.compounds.find((c) => c.id === compoundId);
  if (!compound) throw notFound('小区');
  return { circleId, circleName: report.circleName, profile: report.profile, types: report.types, compound };
}

/** A resident's view of one compound: which types are within 15 minutes (at any time) and which are not. */
export async function compoundView(circleId: string, compoundId: string, now: Date): Promise<CompoundView> {
  const circle = await circleOf(circleId);
  if (!circle.communities.some((c) => c.id === compoundId)) throw notFound('小区');
  const report = (await healthOf(circle, profileOf('mofcom2021'), now)).report();
  const c = report.compounds.find((x) => x.id === compoundId)!;
  const within: CompoundView['within'] = [];
  const missing: CompoundView['missing'] = [];
  report.types.forEach((t, i) => {
    const n = c.cells[i].nearest;
    if (n && n.minutes <= 15 && !n.closed) within.push({ type: t.type, name: t.name, nearest: n });
    else missing.push({ type: t.type, name: t.name, nearest: n });
  });
  return { circleId, compound: { id: c.id, name: c.name }, within, missing };
}

export async function updateFigures(user: AuthUser, circleId: string, compoundId: string, figures: CompoundFigures, now: Date) {
  requireWorkerOf(user, circleId, '只能维护本社区生活圈的小区数据', '只有社区工作者可以维护小区数据');
  const circle = await circleOf(circleId);
  const compound = circle.communities.find((c) => c.id === compoundId);
  if (!compound) throw notFound('小区');
  if (figures.households > figures.residents) throw new AppError('VALIDATION_FAILED', '户数不能多于居民人数');
  const saved = { ...figures, updatedAt: now.toISOString(), updatedBy: user.id };
  await saveFigures(circleId, compoundId, saved);
  return { ...compound, ...saved };
}

/** The month's snapshot of every circle (scheduled; rerunning it in the same month replaces that month's). */
export async function snapshotAll(now: Date): Promise<{ circles: number }> {
  const circles = await listCircles();
  const month = inShanghai(now).format('YYYY-MM');
  for (const circle of circles) {
    for (const profile of Object.values(HEALTH_PROFILES)) {
      const r = (await healthOf(circle, profile, now)).report();
      await putSnapshot(circle.id, {
        month,
        profileId: profile.id,
        points: r.grade.points,
        label: r.grade.label,
        coverage: Object.fromEntries(r.coverage.map((c) => [c.type, c.adult.window.residentShare])),
        at: now.toISOString(),
      });
    }
    // Reports carry the trend against these snapshots: the next read recomputes it.
    await transactWrite({ gen: bumpGen(circle.id) });
  }
  return { circles: circles.length };
}
