/** Elderly canteens: what a meal costs the caller, the canteen's own pricing rules, its day sheet and pickup. */
import { AppError, forbidden, notFound } from '../core/errors';
import type { AuthUser } from '../auth/authenticate';
import { requireActsFor, requireOutletOwner } from '../auth/policies';
import { listedOutlet, listedOutletWithServices } from '../outlets/listed';
import { setCanteenPricing } from '../outlets/store';
import { getUser } from '../users/store';
import { countTries, type TryLimit } from '../db/limits';
import { localToUtc } from '../../shared/time';
import type { Booking, BookingQuote, Outlet } from '../../shared/api';
import { STATE_NAMES, slotEffect, transition } from './lifecycle';
import { DEFAULT_CANTEEN_PRICING, mealPrice } from './pricing';
import { bookingIdForPickup, subsidisedMealsUsed } from './canteen-store';
import { applyTransition, getBooking, getSlot, listBookingsOfOutlet } from './store';
import { act } from './booking';

/** What a canteen meal would cost the caller now, with the discount and subsidy explained; writes nothing. */
export async function quote(user: AuthUser, id: string, forUserId?: string): Promise<BookingQuote> {
  const slot = await getSlot(id);
  if (!slot) throw notFound('时段');
  const { outlet, services } = await listedOutletWithServices(slot.outletId);
  const service = services.find((s) => s.id === slot.serviceId);
  if (!service || service.pricing !== 'canteen') throw new AppError('CONFLICT', '这个服务不是助餐，无需计算');
  const pricing = outlet.canteenPricing ?? DEFAULT_CANTEEN_PRICING;
  const beneficiaryId = forUserId ?? user.id;
  await requireActsFor(user, beneficiaryId, '只能为已确认绑定的家人预约');
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
  const { outlet, services } = await listedOutletWithServices(outletId);
  requireOutletOwner(user, outlet);
  if (!services.some((s) => s.pricing === 'canteen')) throw new AppError('CONFLICT', '这个网点没有助餐服务');
  await setCanteenPricing(outletId, pricing);
  return { outletId, canteenPricing: pricing };
}

/** The canteen's day: counts per meal and every reservation with its pickup code. */
export async function canteenDay(user: AuthUser, outletId: string, date: string) {
  requireOutletOwner(user, await listedOutlet(outletId));
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

/**
 * Tries at pickup codes, counted before the code is looked up: per person at the counter (across their
 * canteens) and per canteen. A code that names a meal gives its try back, so only wrong codes add up.
 */
export const PICKUP_CODE_LIMITS = {
  caller: { name: 'pickupCode.caller', max: 20, windowSeconds: 15 * 60 },
  canteen: { name: 'pickupCode.canteen', max: 10, windowSeconds: 15 * 60 },
} satisfies Record<string, TryLimit>;

/** Hands a meal over: the code must belong to this canteen and day, and works once. */
export async function collectMeal(user: AuthUser, outletId: string, pickup: { date: string; code: string }, now: Date): Promise<Booking> {
  const { date, code } = pickup;
  requireOutletOwner(user, await listedOutlet(outletId));
  const tries = await countTries(
    [{ limit: PICKUP_CODE_LIMITS.caller, subject: user.id }, { limit: PICKUP_CODE_LIMITS.canteen, subject: outletId }],
    now,
    (wait) => `取餐码输错次数过多，请${wait}后再试，或在当天的预订名单里核对`,
  );
  const id = await bookingIdForPickup(outletId, date, code);
  if (!id) throw notFound('取餐码');
  await tries.giveBack();
  const b = await getBooking(id);
  if (!b) throw notFound('取餐码');
  if (b.state === 'completed') throw new AppError('CONFLICT', '这个取餐码已经使用过了', { reason: 'ALREADY_COLLECTED' });
  if (b.state === 'requested') {
    // A meal not yet accepted is accepted on the spot; if a concurrent hand-over accepted it first, the
    // outcome is the same and `act` below decides who completes it.
    const accepted = transition({ state: 'requested', slotStart: new Date(b.start) }, 'accept', { id: user.id, role: 'merchant' }, now);
    await applyTransition(b, 'requested', { state: 'accepted', name: STATE_NAMES.accepted, entry: accepted.history }, slotEffect(accepted));
  }
  return act(user, id, { action: 'complete' }, now);
}
