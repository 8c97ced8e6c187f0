/**
 * Opening-hours rule, always evaluated in China Standard Time (UTC+8, no daylight saving), so the
 * answer is the same on a Lambda in any region and on a phone in any time zone.
 *
 * A window lists ISO weekdays (1 = Monday … 7 = Sunday) and a local open/close time. A close time at or
 * before the open time runs past midnight into the next day (overnight stalls); '24:00' closes at midnight.
 */
import { inShanghai } from './time';

export interface HoursWindow {
  days: number[];
  open: string;
  close: string;
}

export interface OpeningHours {
  windows: HoursWindow[];
  /** Free text shown under the hours, e.g. "节假日照常营业". */
  note?: string;
}

export interface OpenState {
  open: boolean;
  /** Open without a break for the whole week. */
  alwaysOpen: boolean;
  /** Local time it closes ('HH:mm'), and how many days from today that is. */
  closesAt?: { time: string; dayOffset: number };
  /** Local time it next opens, and how many days from today. */
  opensAt?: { time: string; dayOffset: number };
  /** Short Chinese label for lists, e.g. "营业中 · 18:00打烊". */
  label: string;
}

const DAY = 1440;
const WEEK = 7 * DAY;
const TIME_RE = /^([01]\d|2[0-3]):([0-5]\d)$|^24:00$/;

export function isValidTime(t: string): boolean {
  return TIME_RE.test(t);
}

function toMinutes(t: string): number {
  if (!isValidTime(t)) throw new RangeError(`invalid time ${t}`);
  const [h, m] = t.split(':').map(Number);
  return h * 60 + m;
}

function formatMinutes(m: number): string {
  const dayMin = ((m % DAY) + DAY) % DAY;
  return `${String(Math.floor(dayMin / 60)).padStart(2, '0')}:${String(dayMin % 60).padStart(2, '0')}`;
}

export function validateHours(hours: OpeningHours): string | null {
  for (const w of hours.windows) {
    if (!w.days.length || w.days.some((d) => !Number.isInteger(d) || d < 1 || d > 7)) return '营业日必须是周一到周日';
    if (!isValidTime(w.open) || w.open === '24:00') return `开门时间无效：${w.open}`;
    if (!isValidTime(w.close)) return `打烊时间无效：${w.close}`;
  }
  return null;
}

/**
 * Two windows of the same week that overlap (a merchant typing 08:00–12:00 and 11:00–14:00 on Monday means
 * something else: a mistake), in words, or null. Touching windows (12:00 and 12:00) do not overlap.
 */
export function overlapProblem(hours: OpeningHours): string | null {
  const spans: Array<{ s: number; e: number; day: number }> = [];
  for (const w of hours.windows) {
    if (new Set(w.days).size !== w.days.length) return '同一个营业时段里星期重复了';
    const open = toMinutes(w.open);
    let close = toMinutes(w.close);
    if (close <= open) close += DAY;
    for (const d of w.days) spans.push({ s: (d - 1) * DAY + open, e: (d - 1) * DAY + close, day: d });
  }
  // Sunday's overnight window runs into Monday morning: compare it a week earlier too.
  const all = spans.flatMap((x) => (x.e > WEEK ? [x, { ...x, s: x.s - WEEK, e: x.e - WEEK }] : [x])).sort((a, b) => a.s - b.s);
  for (let i = 1; i < all.length; i++) {
    if (all[i].s < all[i - 1].e) return `${WEEKDAY_NAMES[all[i].day]}的营业时段有重叠`;
  }
  return null;
}

/** Minutes since Monday 00:00 in Shanghai, and the Shanghai weekday. */
export function shanghaiWeekMinute(now: Date | number): number {
  const t = inShanghai(now);
  const isoDay = t.day() === 0 ? 7 : t.day();
  return (isoDay - 1) * DAY + t.hour() * 60 + t.minute();
}

/** Merged open intervals in minutes of the week; intervals may extend past the week's end. */
function weekIntervals(hours: OpeningHours): Array<[number, number]> {
  const raw: Array<[number, number]> = [];
  for (const w of hours.windows) {
    const open = toMinutes(w.open);
    let close = toMinutes(w.close);
    if (close <= open) close += DAY; // overnight
    for (const d of new Set(w.days)) raw.push([(d - 1) * DAY + open, (d - 1) * DAY + close]);
  }
  // Wrap Sunday-night windows onto Monday morning so a lookup on Monday 01:00 sees them.
  const all = raw.flatMap(([s, e]) => (e > WEEK ? [[s, e], [s - WEEK, e - WEEK]] : [[s, e]])) as Array<[number, number]>;
  all.sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const [s, e] of all) {
    const last = merged[merged.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else merged.push([s, e]);
  }
  return merged;
}

function dayOffset(fromWeekMinute: number, atWeekMinute: number): number {
  return Math.floor(atWeekMinute / DAY) - Math.floor(fromWeekMinute / DAY);
}

function whenLabel(time: string, offset: number): string {
  if (offset === 0) return time;
  if (offset === 1) return `明天 ${time}`;
  if (offset === 2) return `后天 ${time}`;
  return `${offset}天后 ${time}`;
}

/**
 * Whether the outlet is open at some moment of [from, to] on ISO weekday `day` (at `from` itself when the
 * two are equal): a canteen open 11:30–12:30 serves the 11:00–13:00 lunch window.
 */
export function openDuring(hours: OpeningHours, day: number, from: string, to: string): boolean {
  const start = (day - 1) * DAY + toMinutes(from);
  const end = (day - 1) * DAY + toMinutes(to);
  return weekIntervals(hours).some(([s, e]) => (end <= start ? s <= start && start < e : s < end && e > start));
}

export function openState(hours: OpeningHours, now: Date | number): OpenState {
  const intervals = weekIntervals(hours);
  const nowM = shanghaiWeekMinute(now);
  if (intervals.length === 0) return { open: false, alwaysOpen: false, label: '暂停营业' };

  // An interval covering a whole week (after merging across the wrap) means 24/7.
  const covering = intervals.find(([s, e]) => s <= 0 && e >= WEEK);
  if (covering || intervals.some(([s, e]) => e - s >= WEEK)) {
    return { open: true, alwaysOpen: true, label: '24小时营业' };
  }

  const candidates = [...intervals, ...intervals.map(([s, e]) => [s + WEEK, e + WEEK] as [number, number])];
  const current = candidates.find(([s, e]) => s <= nowM && nowM < e);
  if (current) {
    // A Monday-morning tail of Sunday's window also reappears a week later; pick the real end.
    const end = current[1];
    const closesAt = { time: formatMinutes(end), dayOffset: dayOffset(nowM, end) };
    return { open: true, alwaysOpen: false, closesAt, label: `营业中 · ${whenLabel(closesAt.time, closesAt.dayOffset)}打烊` };
  }
  const next = candidates.filter(([s]) => s > nowM).sort((a, b) => a[0] - b[0])[0];
  const opensAt = { time: formatMinutes(next[0]), dayOffset: dayOffset(nowM, next[0]) };
  return { open: false, alwaysOpen: false, opensAt, label: `休息中 · ${whenLabel(opensAt.time, opensAt.dayOffset)}开门` };
}

const WEEKDAY_NAMES = ['', '周一', '周二', '周三', '周四', '周五', '周六', '周日'];

export function describeDays(days: number[]): string {
  const sorted = [...new Set(days)].sort((a, b) => a - b);
  if (sorted.length === 7) return '每天';
  const contiguous = sorted.every((d, i) => i === 0 || d === sorted[i - 1] + 1);
  if (contiguous && sorted.length >= 3) return `${WEEKDAY_NAMES[sorted[0]]}至${WEEKDAY_NAMES[sorted[sorted.length - 1]]}`;
  return sorted.map((d) => WEEKDAY_NAMES[d]).join('、');
}

/** Human-readable lines, one per window, e.g. "周一至周五 07:30–18:00", "每天 22:00–次日02:00". */
export function describeHours(hours: OpeningHours): string[] {
  if (hours.windows.length === 0) return ['暂停营业'];
  return hours.windows.map((w) => {
    if (w.open === '00:00' && w.close === '24:00') return `${describeDays(w.days)} 24小时`;
    const overnight = toMinutes(w.close) <= toMinutes(w.open) && w.close !== '24:00';
    return `${describeDays(w.days)} ${w.open}–${overnight ? '次日' : ''}${w.close}`;
  });
}
