/** Slot identity, pure: a slot id names its outlet, service and local start time. */
import { AppError } from '../core/errors';
import { localToUtc } from '../../shared/time';

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
  let startUtc: string;
  try {
    startUtc = localToUtc(date, startTime);
  } catch {
    throw new AppError('VALIDATION_FAILED', '时段编号格式不对');
  }
  return { outletId, serviceId, date, startTime, startUtc };
}

