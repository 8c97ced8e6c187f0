/**
 * Time in Asia/Shanghai. China has had no daylight saving since 1991, so a fixed +08:00 offset is exact
 * and avoids depending on the Intl time-zone database (missing on some mini-program runtimes).
 */
import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);

export const SHANGHAI_OFFSET_MINUTES = 480;

export function inShanghai(at: Date | number | string = Date.now()): dayjs.Dayjs {
  return dayjs(at).utcOffset(SHANGHAI_OFFSET_MINUTES);
}

/** 'YYYY-MM-DD' of the Shanghai calendar day containing `at`. */
export function shanghaiDate(at: Date | number | string = Date.now()): string {
  return inShanghai(at).format('YYYY-MM-DD');
}

/** 'YYYY-MM-DD' + 'HH:mm' in Shanghai → UTC ISO string; a RangeError for a date or time that does not exist. */
export function localToUtc(date: string, time: string): string {
  const d = new Date(`${date}T${time}:00+08:00`);
  if (Number.isNaN(d.getTime())) throw new RangeError(`no such time: ${date} ${time}`);
  return d.toISOString();
}

/** The Shanghai calendar dates from `from` for `days` days. */
export function dateRange(from: string, days: number): string[] {
  const start = inShanghai(`${from}T00:00:00+08:00`);
  return Array.from({ length: days }, (_, i) => start.add(i, 'day').format('YYYY-MM-DD'));
}

/** Whole years between a birth date and a day, both 'YYYY-MM-DD' (Shanghai calendar days). */
export function ageOn(birthDate: string, onDate: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number);
  const [y, m, d] = onDate.split('-').map(Number);
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/** Whole months between a birth date and a day, both 'YYYY-MM-DD' (childcare age bands). */
export function ageInMonths(birthDate: string, onDate: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number);
  const [y, m, d] = onDate.split('-').map(Number);
  return (y - by) * 12 + (m - bm) - (d < bd ? 1 : 0);
}
