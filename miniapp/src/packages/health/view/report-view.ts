/**
 * What the 圈子体检 pages say about a report, without React or the platform (tested beside it): a heat-table
 * cell at one pace and time mode, the gap list's lines, the siting hint, the trend, a compound's rows.
 */
import type {
  CellStatus,
  CircleHealth,
  CompoundHealth,
  Gap,
  GapCompound,
  HealthCell,
  HealthTrend,
  NearestOutlet,
  Pace,
  Reach,
  SitingHint,
  TimeMode,
  TypeInfo,
} from '@shared/health/types';

export const STATUS_NAMES: Record<CellStatus, string> = { met: '达标', thin: '薄弱', missing: '缺失' };
export const PACE_NAMES: Record<Pace, string> = { adult: '成人步速', elder: '长者步速' };
export const TIME_NAMES: Record<TimeMode, string> = { any: '任意时间', window: '时段内营业' };

/** "72%" */
export const percent = (share: number) => `${Math.round(share * 100)}%`;

/** A type's name without its parenthesis, for a narrow column: 长者食堂（社区食堂） → 长者食堂. */
export function shortName(name: string): string {
  return name.replace(/（.*?）/g, '');
}

/** "8分钟", "约6.7分钟" (a limit converted from metres), with the metres when the profile states them. */
export function limitText(t: Pick<TypeInfo, 'limitMinutes' | 'limitMetres'>): string {
  const m = Number.isInteger(t.limitMinutes) ? `${t.limitMinutes}分钟` : `约${t.limitMinutes.toFixed(1)}分钟`;
  return t.limitMetres ? `${t.limitMetres}米（${m}）` : m;
}

/** Walking minutes of an outlet at a pace. */
export const minutesAt = (n: NearestOutlet, pace: Pace) => (pace === 'elder' ? n.elderMinutes : n.minutes);

/** The nearest outlet the cell counts in a time mode: in the type's window, or at any time. */
export const nearestFor = (cell: HealthCell, time: TimeMode) => (time === 'window' ? cell.nearestInWindow : cell.nearest);

/** How close the nearest is against the limit: the heat of a cell within its status colour. */
export type Heat = 'near' | 'mid' | 'far' | 'none';

export interface CellView {
  status: CellStatus;
  /** The nearest's walking minutes at the pace, or null when there is none within 30 minutes. */
  minutes: number | null;
  /** Outlets within the limit, reliable or not. */
  count: number;
  heat: Heat;
  /** Some of those within the limit are unverified for a year or closed for now. */
  doubtful: boolean;
  /** The whole cell in words (for a tap, a screen reader, the print). */
  label: string;
}

/** Why a cell is thin: one reliable outlet only, or only unverified / closed ones. */
export function thinReason(r: Reach): string {
  if (r.good === 1 && r.unverified + r.closed === 0) return '只有1处';
  if (r.good === 0) return r.closed && !r.unverified ? '只有暂停营业的' : r.unverified && !r.closed ? '只有一年多未核实的' : '只有未核实或暂停营业的';
  return `只有1处可靠，另有${r.unverified + r.closed}处未核实或暂停营业`;
}

export function cellView(cell: HealthCell, type: Pick<TypeInfo, 'name' | 'limitMinutes' | 'limitMetres'>, pace: Pace, time: TimeMode): CellView {
  const reach = cell[pace][time];
  const n = nearestFor(cell, time);
  const minutes = n ? minutesAt(n, pace) : null;
  const count = reach.good + reach.unverified + reach.closed;
  // The limit is in adult minutes; an elder walks the same distance at their own pace against the same limit.
  const heat: Heat = minutes === null ? 'none' : minutes <= type.limitMinutes / 2 ? 'near' : minutes <= type.limitMinutes ? 'mid' : 'far';
  const limit = limitText(type);
  const where = n ? `最近：${n.name}，步行${minutes}分钟` : '30分钟内没有';
  const what =
    reach.status === 'met'
      ? `${limit}内有${count}处`
      : reach.status === 'thin'
        ? `${limit}内${thinReason(reach)}`
        : `${limit}内没有`;
  return { status: reach.status, minutes, count, heat, doubtful: reach.unverified + reach.closed > 0, label: `${type.name}：${STATUS_NAMES[reach.status]}，${what}；${where}` };
}

/** A type's residents' coverage at a pace and time mode, from the report's coverage list. */
export function coverageOf(report: Pick<CircleHealth, 'coverage'>, type: string, pace: Pace, time: TimeMode): number | null {
  return report.coverage.find((c) => c.type === type)?.[pace][time].residentShare ?? null;
}

/** "在红枫社区新设一处可覆盖18900位居民（其中5447位老人），惠及4个小区" */
export function sitingLine(s: SitingHint): string {
  const more = s.coversCompounds > 1 ? `，惠及${s.coversCompounds}个小区` : '';
  return `在${s.compoundName}新设一处可覆盖${s.coversResidents}位居民（其中${s.coversElders}位老人）${more}`;
}

/** "影响25100位居民（其中7803位老人）" */
export function affectedLine(g: Pick<Gap, 'residentsAffected' | 'eldersAffected'>): string {
  return `影响${g.residentsAffected}位居民（其中${g.eldersAffected}位老人）`;
}

/**
 * One compound of a gap in words: what it has within the limit and the nearest outlet, which lies beyond the
 * limit when the compound lacks the type. `reach` is the compound's cell at the report's basis, for why it is thin.
 */
export function gapCompoundLine(gc: GapCompound, type: Pick<TypeInfo, 'limitMinutes' | 'limitMetres'>, reach?: Reach): string {
  const limit = limitText(type);
  const n = gc.nearest;
  const walk = n ? `${n.name}，步行${n.minutes}分钟（长者约${n.elderMinutes}分钟）` : '';
  if (gc.status === 'missing') return n ? `${limit}内没有；最近的在${limit}以外：${walk}` : `${limit}内没有，步行30分钟内也没有`;
  return `${limit}内${reach ? thinReason(reach) : '只有1处或只有未核实的'}${n ? `：${walk}` : ''}`;
}

export interface TrendView {
  since: string;
  points: string;
  label: string;
  /** Types whose residents' coverage moved, biggest change first. */
  changed: Array<{ type: string; name: string; line: string; up: boolean }>;
  /** Points rose, fell or stayed. */
  direction: 'up' | 'down' | 'same';
}

/** "2026-11" → "2026年11月" */
export const monthName = (m: string) => `${m.slice(0, 4)}年${Number(m.slice(5, 7))}月`;

export function trendView(trend: HealthTrend, types: ReadonlyArray<Pick<TypeInfo, 'type' | 'name'>>): TrendView {
  const names = new Map(types.map((t) => [t.type, t.name]));
  const changed = trend.types
    .filter((t) => Math.round(t.from * 100) !== Math.round(t.to * 100))
    .sort((a, b) => Math.abs(b.to - b.from) - Math.abs(a.to - a.from) || (a.type < b.type ? -1 : 1))
    .map((t) => ({ type: t.type, name: names.get(t.type) ?? t.type, line: `覆盖居民 ${percent(t.from)} → ${percent(t.to)}`, up: t.to > t.from }));
  const { from, to } = trend.points;
  return {
    since: monthName(trend.since),
    points: `${from}分 → ${to}分`,
    label: trend.label.from === trend.label.to ? `${trend.label.to}（未变）` : `${trend.label.from} → ${trend.label.to}`,
    changed,
    direction: to > from ? 'up' : to < from ? 'down' : 'same',
  };
}

export interface CompoundRow {
  type: TypeInfo;
  adult: CellStatus;
  elder: CellStatus;
  nearest: NearestOutlet | null;
  /** adult and elder minutes of the nearest, or "30分钟内没有". */
  walk: string;
}

/** A compound's types at both paces in one time mode, grouped by the adult status (what the report's gaps use). */
export function compoundRows(types: readonly TypeInfo[], compound: Pick<CompoundHealth, 'cells'>, time: TimeMode): Record<CellStatus, CompoundRow[]> {
  const out: Record<CellStatus, CompoundRow[]> = { met: [], thin: [], missing: [] };
  types.forEach((type, i) => {
    const cell = compound.cells[i];
    const n = nearestFor(cell, time);
    const row = { type, adult: cell.adult[time].status, elder: cell.elder[time].status, nearest: n, walk: n ? `步行${n.minutes}分钟 · 长者约${n.elderMinutes}分钟` : '步行30分钟内没有' };
    out[row.adult].push(row);
  });
  return out;
}

/** The compound figures as typed: whole numbers and the 60+ share in percent, as text in their boxes. */
export interface FiguresForm {
  households: string;
  residents: string;
  elderPercent: string;
}

/** The server's validation message without its "请求参数有误：<field> " prefix, which names a JSON field. */
export function plainProblem(message: string): string {
  return message.replace(/^请求参数有误：[A-Za-z_.]+\s*/, '');
}

export function figuresForm(c: { households: number; residents: number; elderlyShare: number }): FiguresForm {
  return { households: String(c.households), residents: String(c.residents), elderPercent: String(Math.round(c.elderlyShare * 1000) / 10) };
}

/**
 * What to send: the numbers as typed (an empty box is sent as null, so the server says what it wants); the
 * percent is checked here because the server speaks of a 0–1 share, which is not what the box asks for.
 */
export function figuresBody(f: FiguresForm): { body: { households: number | null; residents: number | null; elderlyShare: number }; problem: null } | { body: null; problem: string } {
  const num = (s: string) => (s.trim() === '' ? null : Number(s.trim()));
  const p = num(f.elderPercent);
  if (p === null || !Number.isFinite(p) || p < 0 || p > 100) return { body: null, problem: '60岁以上占比应为 0–100 之间的百分数' };
  const n = (s: string) => {
    const v = num(s);
    return v === null || !Number.isFinite(v) ? null : v;
  };
  return { body: { households: n(f.households), residents: n(f.residents), elderlyShare: Math.round(p * 100) / 10000 }, problem: null };
}
