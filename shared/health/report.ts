/**
 * The circle-health report, pure: for each compound × facility type the nearest listed outlet and how many
 * reliable ones are within the limit, at adult and elder pace, at any time and in the type's window; then
 * coverage per type, the gap list (gaps.ts) and the grade (grade.ts). The store hands it the outlets of the
 * nearby index around the circle's compounds; a brute-force test hands it every outlet and must agree.
 */
import { freshness } from '../freshness';
import { openDuring } from '../hours';
import { shanghaiDate } from '../time';
import { distanceMetres, reachMetres, walkingMinutes } from '../walking';
import { limitMetres } from './reach';
import { gapsOf } from './gaps';
import { gradeOf } from './grade';
import { NEAREST_REACH_MINUTES, type FacilityStandard, type HealthProfile, type TimeWindow } from './standards';
import type { CircleHealth, Compound, CompoundHealth, Coverage, HealthCell, HealthOutlet, NearestOutlet, Pace, Reach, TimeMode, TypeCoverage, TypeInfo } from './types';

export const PACES: readonly Pace[] = ['adult', 'elder'];
export const TIME_MODES: readonly TimeMode[] = ['any', 'window'];
const DAY_MS = 86_400_000;
const RAD = Math.PI / 180;
const YEAR_MS = 365 * DAY_MS;

export function eldersOf(c: Pick<Compound, 'residents' | 'elderlyShare'>): number {
  return Math.round(c.residents * c.elderlyShare);
}

export function openInWindow(o: Pick<HealthOutlet, 'hours'>, w: TimeWindow): boolean {
  return w.days.every((day) => openDuring(o.hours, day, w.from, w.to));
}

interface Prepared extends HealthOutlet {
  unverified: boolean;
  closed: boolean;
}

/** When the answer could change with no write at all: an outlet turning stale or reopening after its closed date. */
export function validUntil(outlets: readonly HealthOutlet[], now: Date): string | null {
  let until = Infinity;
  for (const o of outlets) {
    const checks = Object.values(o.checkedAt ?? {}).map((t) => Date.parse(t as string));
    if (checks.length) {
      const flips = Math.max(...checks) + YEAR_MS;
      if (flips > now.getTime()) until = Math.min(until, flips);
    }
    if (o.closedUntil) {
      const reopens = Date.parse(`${o.closedUntil}T00:00:00+08:00`) + DAY_MS;
      if (reopens > now.getTime()) until = Math.min(until, reopens);
    }
  }
  return Number.isFinite(until) ? new Date(until).toISOString() : null;
}

function emptyReach(): Reach {
  return { good: 0, unverified: 0, closed: 0, status: 'missing' };
}

function settle(r: Reach): Reach {
  r.status = r.good >= 2 ? 'met' : r.good + r.unverified + r.closed > 0 ? 'thin' : 'missing';
  return r;
}

function count(r: Reach, o: Prepared) {
  if (o.closed) r.closed++;
  else if (o.unverified) r.unverified++;
  else r.good++;
}

function nearestOf(o: Prepared, d: number): NearestOutlet & { d: number } {
  return { id: o.id, name: o.name, minutes: walkingMinutes(d), elderMinutes: walkingMinutes(d, 'elder'), unverified: o.unverified, closed: o.closed, d };
}

function closer(a: { d: number; id: string } | null, d: number, id: string): boolean {
  return !a || d < a.d || (d === a.d && id < a.id);
}

function strip(n: (NearestOutlet & { d: number }) | null): NearestOutlet | null {
  if (!n) return null;
  const { d: _d, ...rest } = n;
  void _d;
  return rest;
}

/** Which facility types each outlet provides, and whether it is open in each type's window: once per report. */
export interface Served {
  items: Array<{ outlet: Prepared; types: number[]; inWindow: boolean[] }>;
  /** The pins again, packed, for the distance loop. */
  lats: Float64Array;
  lngs: Float64Array;
}

function servedBy(standards: readonly FacilityStandard[], outlets: readonly Prepared[]): Served {
  const out: Served['items'] = [];
  for (const o of outlets) {
    const types: number[] = [];
    standards.forEach((s, i) => s.categories.some((k) => o.categories.includes(k)) && types.push(i));
    if (types.length) out.push({ outlet: o, types, inWindow: types.map((i) => !standards[i].window || openInWindow(o, standards[i].window!)) });
  }
  return { items: out, lats: Float64Array.from(out, (x) => x.outlet.lat), lngs: Float64Array.from(out, (x) => x.outlet.lng) };
}

/** One compound's row: every facility type against every outlet within the report's reach. */
export function compoundRow(c: Compound, standards: readonly FacilityStandard[], served: Served): { cells: HealthCell[]; counted: Set<string> } {
  const reach = reachMetres(NEAREST_REACH_MINUTES) + 1e-6;
  const counted = new Set<string>();
  const acc = standards.map(() => ({
    nearest: null as (NearestOutlet & { d: number }) | null,
    nearestInWindow: null as (NearestOutlet & { d: number }) | null,
    adult: { any: emptyReach(), window: emptyReach() },
    elder: { any: emptyReach(), window: emptyReach() },
  }));
  const adultLimits = standards.map((s) => limitMetres(s.limitMinutes, 'adult') + 1e-6);
  const elderLimits = standards.map((s) => limitMetres(s.limitMinutes, 'elder') + 1e-6);
  // A cheap flat-earth bound first (2% and 5 m looser than the reach: at city scale the error is far below
  // that), so the exact distance — the same function nearby search uses — is computed only near the reach.
  const { lats, lngs } = served;
  const bound = (reach * 1.02 + 5) ** 2;
  const mLat = 111_195;
  const mLng = 111_195 * Math.cos(c.lat * RAD);
  for (let j = 0; j < lats.length; j++) {
    const dy = (lats[j] - c.lat) * mLat;
    if (dy * dy > bound) continue;
    const dx = (lngs[j] - c.lng) * mLng;
    if (dx * dx + dy * dy > bound) continue;
    const { outlet: o, types, inWindow: open } = served.items[j];
    const d = distanceMetres(c, o);
    if (d > reach) continue;
    for (let k = 0; k < types.length; k++) {
      const i = types[k];
      const a = acc[i];
      const inWindow = open[k];
      if (closer(a.nearest, d, o.id)) a.nearest = nearestOf(o, d);
      if (inWindow && closer(a.nearestInWindow, d, o.id)) a.nearestInWindow = nearestOf(o, d);
      if (d <= adultLimits[i]) {
        counted.add(o.id);
        count(a.adult.any, o);
        if (inWindow) count(a.adult.window, o);
      }
      if (d <= elderLimits[i]) {
        count(a.elder.any, o);
        if (inWindow) count(a.elder.window, o);
      }
    }
  }
  const cells = acc.map((a, i): HealthCell => ({
    type: standards[i].type,
    nearest: strip(a.nearest),
    nearestInWindow: strip(a.nearestInWindow),
    adult: { any: settle(a.adult.any), window: settle(a.adult.window) },
    elder: { any: settle(a.elder.any), window: settle(a.elder.window) },
  }));
  return { cells, counted };
}

function coverageOf(compounds: readonly CompoundHealth[], i: number, pace: Pace, mode: TimeMode): Coverage {
  const total = compounds.reduce((s, c) => s + c.residents, 0);
  let reached = 0;
  let met = 0;
  let unverifiedOnly = 0;
  let reachedCompounds = 0;
  const weight = (c: CompoundHealth) => (total > 0 ? c.residents / total : 1 / compounds.length);
  for (const c of compounds) {
    const r = c.cells[i][pace][mode];
    if (r.good > 0) {
      reached += weight(c);
      reachedCompounds++;
    }
    if (r.status === 'met') met += weight(c);
    if (r.good === 0 && r.unverified > 0) unverifiedOnly += weight(c);
  }
  const n = compounds.length || 1;
  return { residentShare: round4(reached), compoundShare: round4(reachedCompounds / n), metResidentShare: round4(met), unverifiedOnlyShare: round4(unverifiedOnly) };
}

export function round4(x: number): number {
  return Math.round(x * 10_000) / 10_000;
}

export function typeInfo(s: FacilityStandard): TypeInfo {
  const { categories: _c, ...info } = s;
  void _c;
  return info;
}

export interface HealthInput {
  circleId: string;
  circleName: string;
  compounds: readonly Compound[];
  outlets: readonly HealthOutlet[];
  profile: HealthProfile;
  now: Date;
}

export function computeHealth({ circleId, circleName, compounds, outlets, profile, now }: HealthInput): CircleHealth {
  const today = shanghaiDate(now);
  const seen = new Set<string>();
  const prepared: Prepared[] = [];
  for (const o of outlets) {
    if (seen.has(o.id)) continue;
    seen.add(o.id);
    prepared.push({ ...o, unverified: freshness(o.checkedAt, now).stale, closed: !!o.closedUntil && today <= o.closedUntil });
  }
  prepared.sort((a, b) => (a.id < b.id ? -1 : 1));
  const counted = new Set<string>();
  const served = servedBy(profile.standards, prepared);
  const rows: CompoundHealth[] = compounds.map((c) => {
    const row = compoundRow(c, profile.standards, served);
    row.counted.forEach((id) => counted.add(id));
    return { ...c, elders: eldersOf(c), cells: row.cells };
  });
  const coverage: TypeCoverage[] = profile.standards.map((s, i) => ({
    type: s.type,
    adult: { any: coverageOf(rows, i, 'adult', 'any'), window: coverageOf(rows, i, 'adult', 'window') },
    elder: { any: coverageOf(rows, i, 'elder', 'any'), window: coverageOf(rows, i, 'elder', 'window') },
  }));
  const byId = new Map(prepared.map((o) => [o.id, o]));
  const countedOutlets = [...counted].map((id) => byId.get(id)!);
  const basis = { pace: 'adult' as const, time: 'window' as const };
  return {
    circleId,
    circleName,
    profile: { id: profile.id, name: profile.name, rule: profile.rule },
    basis,
    computedAt: now.toISOString(),
    types: profile.standards.map(typeInfo),
    compounds: rows,
    coverage,
    gaps: gapsOf(profile.standards, rows, basis),
    grade: gradeOf(profile, coverage, countedOutlets),
    outletsCounted: countedOutlets.length,
    unverifiedOutlets: countedOutlets.filter((o) => o.unverified).length,
    totals: {
      residents: rows.reduce((s, c) => s + c.residents, 0),
      elders: rows.reduce((s, c) => s + c.elders, 0),
      households: rows.reduce((s, c) => s + c.households, 0),
    },
  };
}
