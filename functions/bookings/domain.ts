/** Booking use cases. Who may do what is decided here from the server's view of the caller. */
import { randomInt, randomUUID } from 'node:crypto';
import { AppError, forbidden, notFound } from '../http/errors';
import type { AuthUser } from '../auth/authenticate';
import { hasRole } from '../auth/authenticate';
import { idempotencyPut, replayedResult, requestHash } from '../db/idempotency';
import { TransactionFailed } from '../db/transact';
import { getOutlet, getOutletWithServices, listOutletsOfOwner, setCanteenPricing } from '../outlets/store';
import { getUser } from '../users/store';
import { actsFor, confirmedElders } from '../family/domain';
import { formatPrice, formatYuan } from '../../shared/money';
import { ageInMonths, dateRange, localToUtc, shanghaiDate } from '../../shared/time';
import { validateHours } from '../../shared/hours';
import type { Booking, BookingMode, Child, Outlet, Slot } from '../../shared/api';
import { assertBookable, DEFAULT_CANCEL_CUTOFF_MINUTES, STATE_NAMES, transition, type BookingAction, type BookingState } from './lifecycle';
import { parseSlotId, slotId } from './slots';
import { DEFAULT_CANTEEN_PRICING, mealPrice } from './pricing';
import {
  CREATE_ACTIONS,
  applyTransition,
  createBooking,
  getBooking,
  getSlot,
  listBookingsOfCircle,
  listBookingsOfOutlet,
  listBookingsOfUser,
  listSlots,
  putSlotIfAbsent,
  setSlotCapacity,
  bookingIdForPickup,
  createWaitlisted,
  listChildren,
  putChild,
  waitlist,
  pickupCodeItem,
  subsidisedMealsUsed,
  takeSubsidy,
  toSlot,
  type SlotRecord,
} from './store';

/** The outlet record alone (one GetItem) where its price list is not needed. */
async function approvedOutletRecord(id: string): Promise<Outlet> {
  const outlet = await getOutlet(id);
  if (!outlet || outlet.approval !== 'approved') throw notFound('商户');
  return outlet;
}

async function approvedOutlet(id: string) {
  const found = await getOutletWithServices(id);
  if (!found || found.outlet.approval !== 'approved') throw notFound('商户');
  return found;
}

function assertOwner(user: AuthUser, outlet: Outlet) {
  if (!hasRole(user, 'merchant') || outlet.ownerId !== user.id) throw forbidden('只能管理自己的网点');
}

export async function outletSlots(outletId: string, q: { serviceId?: string; from?: string; days: number }, now: Date): Promise<{ items: Slot[] }> {
  await approvedOutletRecord(outletId);
  const from = q.from ?? shanghaiDate(now);
  const dates = dateRange(from, q.days);
  const slots = await listSlots(outletId, localToUtc(dates[0], '00:00'), localToUtc(dates[dates.length - 1], '23:59'));
  return {
    items: slots
      .filter((s) => (!q.serviceId || s.serviceId === q.serviceId) && new Date(s.start).getTime() > now.getTime())
      .map(toSlot),
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
  const { outlet, services } = await approvedOutlet(outletId);
  assertOwner(user, outlet);
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
  const outlet = await approvedOutletRecord(slot.outletId);
  assertOwner(user, outlet);
  if (!(await setSlotCapacity(slot, capacity))) throw new AppError('CONFLICT', `已有${slot.booked}人预约，名额不能少于${slot.booked}`);
  if (capacity > slot.capacity) await promoteWaiting(id, new Date());
  return toSlot((await getSlot(id))!);
}

export interface BookInput {
  slotId: string;
  /** Order for a linked elder (子女订餐); the booking, its claim and subsidy are the elder's. */
  forUserId?: string;
  /** Childcare: which of the caller's children the place is for. */
  childId?: string;
  /** When the slot is full, join its waitlist instead of failing. */
  waitlist?: boolean;
  mode: BookingMode;
  address?: string;
  note?: string;
}

async function replay(userId: string, key: string, hash: string): Promise<Booking | undefined> {
  const id = await replayedResult(userId, key, hash);
  return id ? getBooking(id) : undefined;
}

export async function book(user: AuthUser, input: BookInput, idempotencyKey: string, now: Date): Promise<{ booking: Booking; replayed: boolean }> {
  const hash = requestHash('POST /bookings', input);
  const earlier = await replay(user.id, idempotencyKey, hash);
  if (earlier) return { booking: earlier, replayed: true };

  const parsed = parseSlotId(input.slotId);
  const slot = await getSlot(input.slotId);
  if (!slot) throw notFound('时段');
  const { outlet, services } = await approvedOutlet(parsed.outletId);
  if (outlet.ownerId === user.id) throw new AppError('CONFLICT', '不能预约自己网点的服务');
  assertBookable(new Date(slot.start), now);
  if (!slot.modes.includes(input.mode)) throw new AppError('VALIDATION_FAILED', '这个时段不支持所选的服务方式');
  if (input.mode === 'home_visit' && !input.address) throw new AppError('VALIDATION_FAILED', '上门服务请填写地址');
  const service = services.find((s) => s.id === slot.serviceId);
  const beneficiaryId = input.forUserId ?? user.id;
  if (beneficiaryId !== user.id && !(await actsFor(user.id, beneficiaryId))) throw forbidden('只能为已确认绑定的家人预约');
  const [profile, caller] = await Promise.all([getUser(beneficiaryId), beneficiaryId === user.id ? undefined : getUser(user.id)]);
  const canteen = service?.pricing === 'canteen';
  const pricing = outlet.canteenPricing ?? DEFAULT_CANTEEN_PRICING;
  const hardshipMeal = canteen && !!service?.hardshipOnly;
  if (hardshipMeal && !profile?.hardship) throw forbidden('这份套餐仅限经社区认定的困难老人');
  let child: Child | undefined;
  if (slot.ageBand) {
    if (!input.childId) throw new AppError('VALIDATION_FAILED', '请选择孩子');
    child = (await listChildren(user.id)).find((c) => c.id === input.childId);
    if (!child) throw notFound('孩子');
    const months = ageInMonths(child.birthDate, slot.date);
    if (months < slot.ageBand.minMonths || months > slot.ageBand.maxMonths) {
      throw new AppError('CONFLICT', `${child.name}的年龄不在这个班的招收范围内`, { reason: 'AGE_BAND', months });
    }
  }

  const base: Booking = {
    id: `b_${randomUUID().replace(/-/g, '').slice(0, 20)}`,
    slotId: slot.id,
    outletId: outlet.id,
    outletName: outlet.name,
    circleId: outlet.circleId,
    serviceId: slot.serviceId,
    serviceName: slot.serviceName,
    price: service ? formatPrice(service.priceFen, service.priceMaxFen, service.unit) : '',
    userId: beneficiaryId,
    userName: profile?.nickname ?? '居民',
    ...(caller ? { bookedBy: caller.id, bookedByName: caller.nickname } : {}),
    ...(child ? { childId: child.id, childName: child.name, claimant: `child_${child.id}` } : {}),
    date: slot.date,
    startTime: slot.startTime,
    endTime: slot.endTime,
    start: slot.start,
    end: slot.end,
    mode: input.mode,
    ...(input.mode === 'home_visit' && input.address ? { address: input.address } : {}),
    ...(input.note ? { note: input.note } : {}),
    state: 'requested',
    stateName: STATE_NAMES.requested,
    cancelCutoffMinutes: slot.cancelCutoffMinutes,
    history: [{ at: now.toISOString(), by: user.id, role: 'resident', action: 'request', from: 'none', to: 'requested' }],
    createdAt: now.toISOString(),
  };
  if (slot.autoAccept) {
    base.state = 'accepted';
    base.stateName = STATE_NAMES.accepted;
    base.history.push({ at: now.toISOString(), by: 'system', role: 'merchant', action: 'accept', from: 'requested', to: 'accepted' });
  }

  // A canteen meal is priced from the verified age, and may use one of the day's subsidised meals; a
  // concurrent order that took the last subsidy makes this attempt retry at the unsubsidised price.
  let subsidyAvailable = canteen ? (await subsidisedMealsUsed(beneficiaryId, slot.date)) < pricing.subsidisedMealsPerDay : false;
  for (let attempt = 0; attempt < 4; attempt++) {
    const booking: Booking = { ...base };
    const extras = [];
    let subsidyAt = -1;
    let pickupAt = -1;
    if (canteen && service) {
      const meal = mealPrice({
        baseFen: service.priceFen ?? 0,
        birthDate: profile?.ageVerified ? profile.birthDate : undefined,
        mealDate: slot.date,
        subsidisedMealsUsedToday: subsidyAvailable ? 0 : pricing.subsidisedMealsPerDay,
        hardshipFreeMeal: hardshipMeal,
        pricing,
      });
      // The free meal counts as the day's subsidised meal: one a day, like the subsidy.
      if (hardshipMeal && !subsidyAvailable) throw new AppError('CONFLICT', '今天的免费餐已经预订过了', { reason: 'FREE_MEAL_USED' });
      if (hardshipMeal) meal.subsidised = true;
      booking.payFen = meal.payFen;
      booking.priceLines = meal.lines;
      booking.subsidised = meal.subsidised;
      booking.price = `${formatYuan(meal.payFen)}元`;
      booking.pickupCode = String(randomInt(0, 1_000_000)).padStart(6, '0');
      if (meal.subsidised) {
        subsidyAt = 4 + extras.length;
        extras.push(takeSubsidy(beneficiaryId, slot.date, pricing.subsidisedMealsPerDay));
      }
      pickupAt = 4 + extras.length;
      extras.push(pickupCodeItem(outlet.id, slot.date, booking.pickupCode, booking.id));
    }
    try {
      await createBooking(booking, idempotencyPut(user.id, idempotencyKey, hash, booking.id, now), now, extras);
      return { booking, replayed: false };
    } catch (e) {
      if (!(e instanceof TransactionFailed)) throw e;
      // A concurrent retry with the same key may have won: hand back its booking.
      const winner = await replay(user.id, idempotencyKey, hash);
      if (winner) return { booking: winner, replayed: true };
      if (e.reasons[CREATE_ACTIONS.claim] === 'ConditionalCheckFailed') throw new AppError('CONFLICT', '您已经预约了这个时段', { reason: 'ALREADY_BOOKED' });
      if (e.reasons[CREATE_ACTIONS.capacity] === 'ConditionalCheckFailed') {
        if (new Date(slot.start).getTime() <= Date.now()) throw new AppError('CONFLICT', '这个时段已经过去，请选择其他时段', { reason: 'SLOT_PAST' });
        if (input.waitlist && !canteen) return { booking: await joinWaitlist(base, user.id, idempotencyKey, hash, now), replayed: false };
        throw new AppError('CONFLICT', '这个时段已经约满了，请选择其他时段', { reason: 'SLOT_FULL', canWaitlist: !canteen });
      }
      if (subsidyAt >= 0 && e.reasons[subsidyAt] === 'ConditionalCheckFailed') {
        subsidyAvailable = false;
        continue;
      }
      if (pickupAt >= 0 && e.reasons[pickupAt] === 'ConditionalCheckFailed') continue; // code collision: draw again
      throw e;
    }
  }
  throw new AppError('CONFLICT', '预约繁忙，请稍后再试');
}

async function joinWaitlist(base: Booking, callerId: string, idempotencyKey: string, hash: string, now: Date): Promise<Booking> {
  const booking: Booking = {
    ...base,
    state: 'waitlisted',
    stateName: STATE_NAMES.waitlisted,
    waitSince: now.toISOString(),
    history: [{ ...base.history[0], to: 'waitlisted' }],
  };
  try {
    await createWaitlisted(booking, idempotencyPut(callerId, idempotencyKey, hash, booking.id, now), now);
  } catch (e) {
    if (!(e instanceof TransactionFailed)) throw e;
    const winner = await replay(callerId, idempotencyKey, hash);
    if (winner) return winner;
    if (e.reasons[CREATE_ACTIONS.claim] === 'ConditionalCheckFailed') throw new AppError('CONFLICT', '已经在这个时段预约或候补了', { reason: 'ALREADY_BOOKED' });
    throw new AppError('CONFLICT', '这个时段已经过去，请选择其他时段', { reason: 'SLOT_PAST' });
  }
  booking.waitPosition = (await waitlist(booking.slotId)).indexOf(booking.id) + 1;
  return booking;
}

/** What a canteen meal would cost the caller now, with the discount and subsidy explained; writes nothing. */
export async function quote(user: AuthUser, id: string, forUserId?: string): Promise<{ payFen: number; lines: Array<{ label: string; amountFen: number }>; subsidised: boolean; ageVerified: boolean }> {
  const slot = await getSlot(id);
  if (!slot) throw notFound('时段');
  const { outlet, services } = await approvedOutlet(slot.outletId);
  const service = services.find((s) => s.id === slot.serviceId);
  if (!service || service.pricing !== 'canteen') throw new AppError('CONFLICT', '这个服务不是助餐，无需计算');
  const pricing = outlet.canteenPricing ?? DEFAULT_CANTEEN_PRICING;
  const beneficiaryId = forUserId ?? user.id;
  if (beneficiaryId !== user.id && !(await actsFor(user.id, beneficiaryId))) throw forbidden('只能为已确认绑定的家人预约');
  const profile = await getUser(beneficiaryId);
  const meal = mealPrice({
    baseFen: service.priceFen ?? 0,
    birthDate: profile?.ageVerified ? profile.birthDate : undefined,
    mealDate: slot.date,
    subsidisedMealsUsedToday: await subsidisedMealsUsed(beneficiaryId, slot.date),
    hardshipFreeMeal: !!service.hardshipOnly && !!profile?.hardship,
    pricing,
  });
  if (service.hardshipOnly && !profile?.hardship) throw forbidden('这份套餐仅限经社区认定的困难老人');
  return { payFen: meal.payFen, lines: meal.lines, subsidised: meal.subsidised, ageVerified: !!profile?.ageVerified };
}

/** A canteen sets its own discount and subsidy rules; they apply to orders placed from then on. */
export async function configureCanteen(user: AuthUser, outletId: string, pricing: NonNullable<Outlet['canteenPricing']>) {
  const { outlet, services } = await approvedOutlet(outletId);
  assertOwner(user, outlet);
  if (!services.some((s) => s.pricing === 'canteen')) throw new AppError('CONFLICT', '这个网点没有助餐服务');
  await setCanteenPricing(outletId, pricing);
  return { outletId, canteenPricing: pricing };
}

/** The canteen's day: counts per meal and every reservation with its pickup code. */
export async function canteenDay(user: AuthUser, outletId: string, date: string) {
  const outlet = await approvedOutletRecord(outletId);
  assertOwner(user, outlet);
  const bookings = await listBookingsOfOutlet(outletId, localToUtc(date, '00:00'), localToUtc(date, '23:59'));
  const live = bookings.filter((b) => ['requested', 'accepted', 'completed'].includes(b.state));
  const meals = new Map<string, { slotId: string; serviceName: string; startTime: string; endTime: string; reserved: number; collected: number }>();
  for (const b of live) {
    const m = meals.get(b.slotId) ?? { slotId: b.slotId, serviceName: b.serviceName, startTime: b.startTime, endTime: b.endTime, reserved: 0, collected: 0 };
    m.reserved++;
    if (b.state === 'completed') m.collected++;
    meals.set(b.slotId, m);
  }
  return { date, meals: [...meals.values()].sort((a, b) => a.startTime.localeCompare(b.startTime)), items: live.sort((a, b) => a.start.localeCompare(b.start)) };
}

/** Hands a meal over: the code must belong to this canteen and day, and works once. */
export async function collectMeal(user: AuthUser, outletId: string, date: string, code: string, now: Date): Promise<Booking> {
  const outlet = await approvedOutletRecord(outletId);
  assertOwner(user, outlet);
  const id = await bookingIdForPickup(outletId, date, code);
  if (!id) throw notFound('取餐码');
  const b = await getBooking(id);
  if (!b) throw notFound('取餐码');
  if (b.state === 'completed') throw new AppError('CONFLICT', '这个取餐码已经使用过了', { reason: 'ALREADY_COLLECTED' });
  if (b.state === 'requested') {
    const accepted = transition({ state: 'requested', slotStart: new Date(b.start) }, 'accept', { id: user.id, role: 'merchant' }, now);
    await applyTransition(b, 'requested', 'accepted', accepted.history, accepted, STATE_NAMES.accepted).catch(() => undefined);
  }
  return act(user, id, 'complete', undefined, now);
}

/** Your own bookings and those of the elders you act for. */
export async function myBookings(user: AuthUser): Promise<{ items: Booking[] }> {
  const ids = [user.id, ...(await confirmedElders(user.id))];
  const lists = await Promise.all(ids.map(listBookingsOfUser));
  const items = lists.flat().sort((a, b) => b.start.localeCompare(a.start));
  await Promise.all(
    items
      .filter((b) => b.state === 'waitlisted')
      .map(async (b) => {
        b.waitPosition = (await waitlist(b.slotId)).indexOf(b.id) + 1;
      }),
  );
  return { items };
}

/** Who is this caller to the booking: its resident, the outlet's merchant, the circle's worker, or nobody. */
async function relation(user: AuthUser, b: Booking): Promise<'resident' | 'merchant' | 'worker' | null> {
  if (b.userId === user.id || b.bookedBy === user.id || (await actsFor(user.id, b.userId))) return 'resident';
  if (hasRole(user, 'merchant')) {
    if ((await getOutlet(b.outletId))?.ownerId === user.id) return 'merchant';
  }
  if (hasRole(user, 'worker') && user.circleId === b.circleId) return 'worker';
  return null;
}

export async function bookingFor(user: AuthUser, id: string): Promise<Booking> {
  const b = await getBooking(id);
  // Someone else's booking answers exactly like a missing one.
  if (!b || !(await relation(user, b))) throw notFound('预约');
  return b;
}

export async function act(user: AuthUser, id: string, action: BookingAction, reason: string | undefined, now: Date): Promise<Booking> {
  const b = await getBooking(id);
  const rel = b ? await relation(user, b) : null;
  if (!b || !rel) throw notFound('预约');
  if (rel === 'worker') throw forbidden('社区工作者只能查看预约');
  const role = action === 'cancel' ? 'resident' : 'merchant';
  if (rel !== role) throw forbidden(role === 'merchant' ? '只有商户可以进行此操作' : '只有预约人可以取消预约');
  const result = transition({ state: b.state as BookingState, slotStart: new Date(b.start), cancelCutoffMinutes: b.cancelCutoffMinutes }, action, { id: user.id, role }, now, reason);
  try {
    await applyTransition(b, b.state as BookingState, result.to, result.history, result, STATE_NAMES[result.to]);
  } catch (e) {
    // Someone else moved it first (e.g. the resident cancelled while the merchant accepted).
    if (e instanceof TransactionFailed) throw new AppError('CONFLICT', '预约状态刚刚发生了变化，请刷新后再试');
    throw e;
  }
  if (result.releasesCapacity || result.leavesWaitlist) await promoteWaiting(b.slotId, now);
  return (await getBooking(id))!;
}

/** Gives freed places to the waitlist, first come first served, while places are free. */
export async function promoteWaiting(slotId: string, now: Date): Promise<number> {
  let promoted = 0;
  for (let round = 0; round < 20; round++) {
    const [first] = await waitlist(slotId);
    if (!first) break;
    const b = await getBooking(first);
    if (!b || b.state !== 'waitlisted') break;
    const result = transition({ state: 'waitlisted', slotStart: new Date(b.start) }, 'promote', { id: 'system', role: 'system' }, now);
    try {
      await applyTransition(b, 'waitlisted', result.to, result.history, result, STATE_NAMES[result.to]);
      promoted++;
    } catch (e) {
      // No free place (or the person just left the waitlist): nothing more to promote now.
      if (e instanceof TransactionFailed) break;
      throw e;
    }
  }
  return promoted;
}

export async function addChild(user: AuthUser, input: { name: string; birthDate: string }, now: Date): Promise<Child> {
  const existing = await listChildren(user.id);
  if (existing.length >= 10) throw new AppError('CONFLICT', '最多添加10个孩子');
  if (input.birthDate > shanghaiDate(now)) throw new AppError('VALIDATION_FAILED', '出生日期不能晚于今天');
  const child: Child = { id: `c_${randomUUID().replace(/-/g, '').slice(0, 12)}`, name: input.name, birthDate: input.birthDate };
  await putChild(user.id, child);
  return child;
}

export async function myChildren(user: AuthUser): Promise<{ items: Child[] }> {
  return { items: await listChildren(user.id) };
}

function dayRange(date?: string): [string, string] | [] {
  return date ? [localToUtc(date, '00:00'), localToUtc(date, '23:59')] : [];
}

export async function merchantInbox(user: AuthUser, q: { outletId?: string; state?: BookingState; date?: string }): Promise<{ items: Booking[]; outlets: Array<{ id: string; name: string }> }> {
  if (!hasRole(user, 'merchant')) throw forbidden('只有商户可以查看预约单');
  const outlets = await listOutletsOfOwner(user.id);
  if (q.outletId && !outlets.some((o) => o.id === q.outletId)) throw forbidden('只能查看自己网点的预约');
  const ids = q.outletId ? [q.outletId] : outlets.map((o) => o.id);
  const lists = await Promise.all(ids.map((id) => listBookingsOfOutlet(id, ...dayRange(q.date))));
  const items = lists
    .flat()
    .filter((b) => !q.state || b.state === q.state)
    .sort((a, b) => a.start.localeCompare(b.start));
  return { items, outlets };
}

export async function circleBookings(user: AuthUser, q: { date?: string }): Promise<{ items: Booking[] }> {
  if (!hasRole(user, 'worker') || !user.circleId) throw forbidden('只有社区工作者可以查看本圈预约');
  return { items: await listBookingsOfCircle(user.circleId, ...dayRange(q.date)) };
}

