/**
 * The weekly-hours editor's state, pure: a list of windows (days + open/close), several a day, a close at or
 * before the open running past midnight (overnight stalls). The shared schema judges the result; this only
 * keeps edits simple and shows what each window means ("每天 22:00–次日02:00", "周日休息").
 */
import { describeDays, describeHours, isValidTime, type HoursWindow } from '@shared/hours';

export const ALL_DAYS = [1, 2, 3, 4, 5, 6, 7];
export const DAY_NAMES = ['', '一', '二', '三', '四', '五', '六', '日'];

const minutes = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));
const clock = (m: number) => `${String(Math.floor(m / 60) % 24).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

/**
 * A time as typed, made regular where the meaning is plain: "8:00" and "8：00" (a Chinese colon) are 08:00,
 * "800" is 08:00, "1830" is 18:30. Anything else is left for the schema to reject in words.
 */
export function normalizeTime(text: string): string {
  const t = text.trim().replace('：', ':');
  const m = /^(\d{1,2}):?(\d{2})$/.exec(t);
  if (!m) return t;
  const out = `${m[1].padStart(2, '0')}:${m[2]}`;
  return isValidTime(out) ? out : t;
}

/**
 * The next window: the same days as the one before, from its close for four hours (a lunch break, an
 * evening stall), so a second window never starts out overlapping the first.
 */
export function addWindow(windows: HoursWindow[]): HoursWindow[] {
  const last = windows[windows.length - 1];
  if (!last) return [{ days: [...ALL_DAYS], open: '08:00', close: '18:00' }];
  const from = isValidTime(last.close) && last.close !== '24:00' ? last.close : '18:00';
  return [...windows, { days: [...last.days], open: from, close: clock(minutes(from) + 240) }];
}

export function removeWindow(windows: HoursWindow[], index: number): HoursWindow[] {
  return windows.filter((_, i) => i !== index);
}

export function toggleDay(windows: HoursWindow[], index: number, day: number): HoursWindow[] {
  return windows.map((w, i) => (i !== index ? w : { ...w, days: w.days.includes(day) ? w.days.filter((d) => d !== day) : [...w.days, day].sort((a, b) => a - b) }));
}

export function setTime(windows: HoursWindow[], index: number, which: 'open' | 'close', value: string): HoursWindow[] {
  return windows.map((w, i) => (i !== index ? w : { ...w, [which]: value }));
}

/** A close at or before the open: the window ends the next morning. */
export function isOvernight(w: HoursWindow): boolean {
  return isValidTime(w.open) && isValidTime(w.close) && w.close !== '24:00' && minutes(w.close) <= minutes(w.open);
}

/** What a window means in words, once its times are valid; null while it is still being typed. */
export function windowLabel(w: HoursWindow): string | null {
  if (!w.days.length || !isValidTime(w.open) || !isValidTime(w.close) || w.open === '24:00') return null;
  return describeHours({ windows: [w] })[0];
}

/** The days no window opens on, as "周六、周日休息", or null when it opens every day. */
export function closedDaysLabel(windows: HoursWindow[]): string | null {
  const open = new Set(windows.flatMap((w) => w.days));
  const closed = ALL_DAYS.filter((d) => !open.has(d));
  if (!closed.length) return null;
  if (closed.length === 7) return '每天都不营业（暂停营业）';
  return `${describeDays(closed)}休息`;
}
