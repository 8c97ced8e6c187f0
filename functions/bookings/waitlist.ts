/** The childcare waitlist: join a full slot, see your place in line, be promoted when a place frees up. */
import { AppError } from '../core/errors';
import type { Booking } from '../../shared/api';
import { STATE_NAMES, slotEffect, transition } from './lifecycle';
import { applyTransition, createWaitlisted, getBooking, waitlist } from './store';
import type { TransactItem } from '../db/transact';

/** Joins the waitlist with the request's booking and idempotency guard; answers with the place in line. */
export async function joinWaitlist(base: Booking, guard: TransactItem, now: Date): Promise<Booking> {
  const booking: Booking = { ...base, state: 'waitlisted', stateName: STATE_NAMES.waitlisted, waitSince: now.toISOString(), history: [{ ...base.history[0], to: 'waitlisted' }] };
  const outcome = await createWaitlisted(booking, guard, now);
  if (outcome === 'alreadyBooked') throw new AppError('CONFLICT', '已经在这个时段预约或候补了', { reason: 'ALREADY_BOOKED' });
  if (outcome === 'slotPast') throw new AppError('CONFLICT', '这个时段已经过去，请选择其他时段', { reason: 'SLOT_PAST' });
  booking.waitPosition = (await waitlist(booking.slotId)).indexOf(booking.id) + 1;
  return booking;
}

/** Sets each waitlisted booking's place in line (1 = next). */
export async function withWaitPositions(bookings: Booking[]): Promise<void> {
  await Promise.all(
    bookings
      .filter((b) => b.state === 'waitlisted')
      .map(async (b) => {
        b.waitPosition = (await waitlist(b.slotId)).indexOf(b.id) + 1;
      }),
  );
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
    // No free place (or the person just left the waitlist): nothing more to promote now.
    if ((await applyTransition(b, 'waitlisted', { state: result.to, name: STATE_NAMES[result.to], entry: result.history }, slotEffect(result))) !== 'moved') break;
    promoted++;
  }
  return promoted;
}
