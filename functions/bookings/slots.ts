/** Slot identity and time arithmetic, pure. A slot id names its outlet, service and local start time. */
import { AppError } from '../http/errors';
import { inShanghai } from '../../shared/time';

const SLOT_ID_RE = /^([A-Za-z0-9_-]{1,64})~([A-Za-z0-9_-]{1,32})~(\d{12})$/;

export function slotId(outletId: string, serviceId: string, date: string, startTime: string): string {
  return `${outletId}~${serviceId}~${date.replace(/-/g, '')}${startTime.replace(':', '')}`;
}

export interface ParsedSlotId {
  outletId: string;
  serviceId: string;
  date: string;
  startTime: string;
  startUtc: string;
}

export function parseSlotId(id: string): ParsedSlotId {
  const m = SLOT_ID_RE.exec(id);
  if (!m) throw new AppError('VALIDATION_FAILED', '时段编号格式不对');
  const [, outletId, serviceId, t] = m;
  const date = `${t.slice(0, 4)}-${t.slice(4, 6)}-${t.slice(6, 8)}`;
  const startTime = `${t.slice(8, 10)}:${t.slice(10, 12)}`;
  return { outletId, serviceId, date, startTime, startUtc: localToUtc(date, startTime) };
}

/** 'YYYY-MM-DD' + 'HH:mm' in Shanghai → UTC ISO string (China has no daylight saving). */
export function localToUtc(date: string, time: string): string {
  const d = new Date(`${date}T${time}:00+08:00`);
  if (Number.isNaN(d.getTime())) throw new AppError('VALIDATION_FAILED', `时间无效：${date} ${time}`);
  return d.toISOString();
}

/** The Shanghai calendar dates from `from` for `days` days. */
export function dateRange(from: string, days: number): string[] {
  const start = inShanghai(`${from}T00:00:00+08:00`);
  return Array.from({ length: days }, (_, i) => start.add(i, 'day').format('YYYY-MM-DD'));
}
