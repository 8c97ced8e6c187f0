/** Slot use cases: a merchant publishes time windows with places and changes their capacity; anyone lists them. */
import { AppError, notFound } from '../core/errors';
import type { AuthUser } from '../auth/authenticate';
import { requireOutletOwner } from '../auth/policies';
import { listedOutlet, listedOutletWithServices } from '../outlets/listed';
import { dateRange, localToUtc, shanghaiDate } from '../../shared/time';
import { validateHours } from '../../shared/hours';
import type { BookingMode, Slot } from '../../shared/api';
import { DEFAULT_CANCEL_CUTOFF_MINUTES } from './lifecycle';
import { slotId } from './slot-ids';
import { getSlot, listSlots, putSlotIfAbsent, setSlotCapacity, toSlot, type SlotRecord } from './store';
import { promoteWaiting } from './waitlist';

export async function outletSlots(outletId: string, q: { serviceId?: string; from?: string; days: number }, now: Date): Promise<{ items: Slot[] }> {
  await listedOutlet(outletId);
  const dates = dateRange(q.from ?? shanghaiDate(now), q.days);
  const slots = await listSlots(outletId, localToUtc(dates[0], '00:00'), localToUtc(dates[dates.length - 1], '23:59'));
  return {
    items: slots.filter((s) => (!q.serviceId || s.serviceId === q.serviceId) && new Date(s.start).getTime() > now.getTime()).map(toSlot),
  };
}

export interface PublishSlotsInput {
  serviceId: string;
  /** What is served (canteen meals): shown to residents when they choose. */
  menu?: string[];
  modes: BookingMode[];
  cancelCutoffMinutes?: number;
  slots: Array<{ date: string; start: string; end: string; capacity: number }>;
}

export async function publishSlots(user: AuthUser, outletId: string, input: PublishSlotsInput, now: Date) {
  const { outlet, services } = await listedOutletWithServices(outletId);
  requireOutletOwner(user, outlet);
  const service = services.find((s) => s.id === input.serviceId);
  if (!service) throw notFound('服务项目');
  if (!service.bookable) throw new AppError('CONFLICT', '这个服务项目没有开放预约');
  const records: SlotRecord[] = input.slots.map((s) => {
    if (validateHours({ windows: [{ days: [1], open: s.start, close: s.end }] })) throw new AppError('VALIDATION_FAILED', `时间无效：${s.start}–${s.end}`);
    if (s.end <= s.start) throw new AppError('VALIDATION_FAILED', `结束时间要晚于开始时间：${s.date} ${s.start}`);
    const start = localToUtc(s.date, s.start);
    if (new Date(start).getTime() <= now.getTime()) throw new AppError('VALIDATION_FAILED', `不能发布已经过去的时段：${s.date} ${s.start}`);
    return {
      id: slotId(outletId, service.id, s.date, s.start),
      outletId,
      serviceId: service.id,
      serviceName: service.name,
      date: s.date,
      startTime: s.start,
      endTime: s.end,
      start,
      end: localToUtc(s.date, s.end),
      capacity: s.capacity,
      booked: 0,
      modes: input.modes,
      cancelCutoffMinutes: input.cancelCutoffMinutes ?? DEFAULT_CANCEL_CUTOFF_MINUTES,
      ...(service.pricing === 'canteen' ? { autoAccept: true } : {}),
      ...(service.ageBand ? { ageBand: service.ageBand } : {}),
      ...(input.menu?.length ? { menu: input.menu } : {}),
    };
  });
  const created = await Promise.all(records.map(putSlotIfAbsent));
  return { created: created.filter(Boolean).length, existing: created.filter((c) => !c).length, slotIds: records.map((r) => r.id) };
}

export async function changeCapacity(user: AuthUser, id: string, capacity: number): Promise<Slot> {
  const slot = await getSlot(id);
  if (!slot) throw notFound('时段');
  requireOutletOwner(user, await listedOutlet(slot.outletId));
  if ((await setSlotCapacity(slot, capacity)) === 'belowBooked') throw new AppError('CONFLICT', `已有${slot.booked}人预约，名额不能少于${slot.booked}`);
  if (capacity > slot.capacity) await promoteWaiting(id, new Date());
  return toSlot((await getSlot(id))!);
}
