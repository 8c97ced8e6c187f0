/** Booking a place, and moving a booking through its lifecycle. Who may do what is decided in auth/policies. */
import { randomInt, randomUUID } from 'node:crypto';
import { AppError, forbidden, notFound } from '../core/errors';
import type { AuthUser } from '../auth/authenticate';
import { relationToBooking, requireActsFor } from '../auth/policies';
import { idempotent, type Guard } from '../db/idempotency';
import { getOutlet } from '../outlets/store';
import { listedOutletWithServices } from '../outlets/listed';
import { getUser, listChildren } from '../users/store';
import { confirmedElders } from '../family/domain';
import { formatPrice, formatYuan } from '../../shared/money';
import { ageInMonths } from '../../shared/time';
import type { Booking, BookingMode, Child } from '../../shared/api';
import { assertBookable, STATE_NAMES, slotEffect, transition, type BookingAction, type BookingState } from './lifecycle';
import { DEFAULT_CANTEEN_PRICING, mealPrice } from './pricing';
import { subsidisedMealsUsed } from './canteen-store';
import { applyTransition, createBooking, getBooking, getSlot, listBookingsOfUser } from './store';
import { joinWaitlist, promoteWaiting, withWaitPositions } from './waitlist';

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

/** Books once per idempotency key: a retry (even concurrent) answers with the booking the first one made. */
export async function book(user: AuthUser, input: BookInput, idempotencyKey: string, now: Date): Promise<{ booking: Booking; replayed: boolean }> {
  const { result, replayed } = await idempotent({ userId: user.id, key: idempotencyKey, operation: 'POST /bookings', body: input, now }, getBooking, (guard) =>
    placeBooking(user, input, guard, now),
  );
  return { booking: result, replayed };
}

async function placeBooking(user: AuthUser, input: BookInput, guard: Guard, now: Date): Promise<Booking> {
  const slot = await getSlot(input.slotId);
  if (!slot) throw notFound('时段');
  const { outlet, services } = await listedOutletWithServices(slot.outletId);
  if (outlet.ownerId === user.id) throw new AppError('CONFLICT', '不能预约自己网点的服务');
  assertBookable(new Date(slot.start), now);
  if (!slot.modes.includes(input.mode)) throw new AppError('VALIDATION_FAILED', '这个时段不支持所选的服务方式');
  if (input.mode === 'home_visit' && !input.address) throw new AppError('VALIDATION_FAILED', '上门服务请填写地址');
  const service = services.find((s) => s.id === slot.serviceId);
  const beneficiaryId = input.forUserId ?? user.id;
  await requireActsFor(user, beneficiaryId, '只能为已确认绑定的家人预约');
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
      booking.payFen = meal.payFen;
      booking.priceLines = meal.lines;
      booking.subsidised = meal.subsidised || hardshipMeal;
      booking.price = `${formatYuan(meal.payFen)}元`;
      booking.pickupCode = String(randomInt(0, 1_000_000)).padStart(6, '0');
    }
    switch (await createBooking(booking, guard(booking.id), now, pricing.subsidisedMealsPerDay)) {
      case 'created':
        return booking;
      case 'alreadyBooked':
        throw new AppError('CONFLICT', '您已经预约了这个时段', { reason: 'ALREADY_BOOKED' });
      case 'full':
        if (new Date(slot.start).getTime() <= Date.now()) throw new AppError('CONFLICT', '这个时段已经过去，请选择其他时段', { reason: 'SLOT_PAST' });
        if (input.waitlist && !canteen) return joinWaitlist(base, guard(base.id), now);
        throw new AppError('CONFLICT', '这个时段已经约满了，请选择其他时段', { reason: 'SLOT_FULL', canWaitlist: !canteen });
      case 'subsidyTaken':
        subsidyAvailable = false;
        continue;
      case 'codeTaken':
        continue; // two meals drew the same pickup code: draw again
    }
  }
  throw new AppError('CONFLICT', '预约繁忙，请稍后再试');
}

/** Your own bookings and those of the elders you act for. */
export async function myBookings(user: AuthUser): Promise<{ items: Booking[] }> {
  const ids = [user.id, ...(await confirmedElders(user.id))];
  const lists = await Promise.all(ids.map(listBookingsOfUser));
  const items = lists.flat().sort((a, b) => b.start.localeCompare(a.start));
  await withWaitPositions(items);
  return { items };
}

const relation = (user: AuthUser, b: Booking) => relationToBooking(user, b, async () => (await getOutlet(b.outletId))?.ownerId);

export async function bookingFor(user: AuthUser, id: string): Promise<Booking> {
  const b = await getBooking(id);
  // Someone else's booking answers exactly like a missing one.
  if (!b || !(await relation(user, b))) throw notFound('预约');
  return b;
}

export async function act(user: AuthUser, id: string, move: { action: BookingAction; reason?: string }, now: Date): Promise<Booking> {
  const { action, reason } = move;
  const b = await getBooking(id);
  const rel = b ? await relation(user, b) : null;
  if (!b || !rel) throw notFound('预约');
  if (rel === 'worker') throw forbidden('社区工作者只能查看预约');
  const role = action === 'cancel' ? 'resident' : 'merchant';
  if (rel !== role) throw forbidden(role === 'merchant' ? '只有商户可以进行此操作' : '只有预约人可以取消预约');
  const state = b.state as BookingState;
  const result = transition({ state, slotStart: new Date(b.start), cancelCutoffMinutes: b.cancelCutoffMinutes }, action, { id: user.id, role }, now, reason);
  // Someone else may have moved it first (e.g. the resident cancelled while the merchant accepted).
  if ((await applyTransition(b, state, { state: result.to, name: STATE_NAMES[result.to], entry: result.history }, slotEffect(result))) !== 'moved') {
    throw new AppError('CONFLICT', '预约状态刚刚发生了变化，请刷新后再试');
  }
  if (result.releasesCapacity || result.leavesWaitlist) await promoteWaiting(b.slotId, now);
  return (await getBooking(id))!;
}
