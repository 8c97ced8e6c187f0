/**
 * Days and times in Shanghai as the app writes them. No dayjs here: the tab pages in the main package use
 * these, and the main package stays small. China has no daylight saving, so +08:00 is exact.
 */
const SHANGHAI_MS = 8 * 3600_000;
const DAY_MS = 86_400_000;
const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];

/** 'YYYY-MM-DD' of today in Shanghai. */
export function todayInShanghai(at = Date.now()): string {
  return new Date(at + SHANGHAI_MS).toISOString().slice(0, 10);
}

/** Today and the following days, 'YYYY-MM-DD' each. */
export function nextDays(count: number): string[] {
  return Array.from({ length: count }, (_, i) => todayInShanghai(Date.now() + i * DAY_MS));
}

/** "HH:mm" of an ISO time, Shanghai. */
export function clockOf(iso: string): string {
  return new Date(new Date(iso).getTime() + SHANGHAI_MS).toISOString().slice(11, 16);
}

/** "11月25日 周二" for a 'YYYY-MM-DD' day. */
export function calendarDay(date: string): string {
  const d = new Date(`${date}T12:00:00+08:00`);
  return `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日 ${WEEKDAYS[d.getUTCDay()]}`;
}

/** "今天 11月25日 周二": the calendar day, with 今天/明天 when it is one of those. */
export function dayLabel(date: string): string {
  const prefix = date === todayInShanghai() ? '今天 ' : date === todayInShanghai(Date.now() + DAY_MS) ? '明天 ' : '';
  return `${prefix}${calendarDay(date)}`;
}

/** "2026年11月25日 14:05" (Shanghai): a record's time, with the year, as an audit trail or price history is read. */
export function recordTime(iso: string): string {
  const t = new Date(new Date(iso).getTime() + SHANGHAI_MS).toISOString();
  return `${t.slice(0, 4)}年${Number(t.slice(5, 7))}月${Number(t.slice(8, 10))}日 ${t.slice(11, 16)}`;
}
