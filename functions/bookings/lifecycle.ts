/**
 * The booking state machine, pure. Every change of a booking goes through `transition`, which decides
 * whether the actor may take the action now, the next state, whether the slot's capacity is given back,
 * and the history entry to record. Illegal moves are 409s that change nothing.
 *
 *   requested ──accept──▶ accepted ──complete──▶ completed
 *       │                    │ └────noShow────▶ no_show      (only after the slot has started)
 *       ├──reject──▶ rejected (reason)
 *       ├──cancel──▶ cancelled             (resident, before the merchant's cut-off)
 *       └──merchantCancel──▶ cancelled_by_merchant (reason)   (also from accepted)
 *   waitlisted ──promote (system, when a place frees)──▶ requested
 *       └──cancel──▶ cancelled        (leaves the waitlist; it held no place)
 */
import { AppError } from '../core/errors';

import { BOOKING_STATE_NAMES, type BookingState } from '../../shared/bookings';

export type { BookingState };
export type BookingAction = 'promote' | 'accept' | 'reject' | 'cancel' | 'merchantCancel' | 'complete' | 'noShow';
export type ActorRole = 'resident' | 'merchant' | 'system';

export const DEFAULT_CANCEL_CUTOFF_MINUTES = 120;

export const STATE_NAMES = BOOKING_STATE_NAMES;

interface Rule {
  from: BookingState[];
  to: BookingState;
  by: ActorRole;
  needsReason?: boolean;
  releasesCapacity: boolean;
}

const RULES: Record<BookingAction, Rule> = {
  promote: { from: ['waitlisted'], to: 'requested', by: 'system', releasesCapacity: false },
  accept: { from: ['requested'], to: 'accepted', by: 'merchant', releasesCapacity: false },
  reject: { from: ['requested'], to: 'rejected', by: 'merchant', needsReason: true, releasesCapacity: true },
  cancel: { from: ['waitlisted', 'requested', 'accepted'], to: 'cancelled', by: 'resident', releasesCapacity: true },
  merchantCancel: { from: ['requested', 'accepted'], to: 'cancelled_by_merchant', by: 'merchant', needsReason: true, releasesCapacity: true },
  complete: { from: ['accepted'], to: 'completed', by: 'merchant', releasesCapacity: false },
  noShow: { from: ['accepted'], to: 'no_show', by: 'merchant', releasesCapacity: false },
};

/** States that hold a place in the slot. */
export const LIVE_STATES: readonly BookingState[] = ['requested', 'accepted'];

export interface BookingFacts {
  state: BookingState;
  slotStart: Date;
  cancelCutoffMinutes?: number;
}

export interface HistoryEntry {
  at: string;
  by: string;
  role: ActorRole;
  action: BookingAction;
  from: BookingState;
  to: BookingState;
  reason?: string;
}

export interface TransitionResult {
  to: BookingState;
  /** The booking held a place and gives it back. */
  releasesCapacity: boolean;
  /** The booking was on the waitlist and leaves it. */
  leavesWaitlist: boolean;
  /** The booking now holds a place (promotion from the waitlist). */
  takesCapacity: boolean;
  history: HistoryEntry;
}

export function transition(
  booking: BookingFacts,
  action: BookingAction,
  actor: { id: string; role: ActorRole },
  now: Date,
  reason?: string,
): TransitionResult {
  const rule = RULES[action];
  if (actor.role !== rule.by) {
    throw new AppError('FORBIDDEN', rule.by === 'merchant' ? '只有商户可以进行此操作' : rule.by === 'system' ? '候补由系统自动递补' : '只有预约人可以取消预约');
  }
  if (!rule.from.includes(booking.state)) {
    throw new AppError('CONFLICT', `预约当前是“${STATE_NAMES[booking.state]}”，不能再进行此操作`, { state: booking.state, action });
  }
  const trimmed = reason?.trim();
  if (rule.needsReason && !trimmed) throw new AppError('VALIDATION_FAILED', '请填写原因');
  if (action === 'cancel') {
    const cutoff = booking.slotStart.getTime() - (booking.cancelCutoffMinutes ?? DEFAULT_CANCEL_CUTOFF_MINUTES) * 60_000;
    if (now.getTime() >= cutoff) throw new AppError('CONFLICT', '已过取消截止时间，请直接联系商户');
  }
  if (action === 'noShow' && now.getTime() < booking.slotStart.getTime()) {
    throw new AppError('CONFLICT', '预约时间还没到，不能标记为未到店');
  }
  return {
    to: rule.to,
    releasesCapacity: rule.releasesCapacity && LIVE_STATES.includes(booking.state),
    leavesWaitlist: booking.state === 'waitlisted',
    takesCapacity: booking.state === 'waitlisted' && LIVE_STATES.includes(rule.to),
    history: {
      at: now.toISOString(),
      by: actor.id,
      role: actor.role,
      action,
      from: booking.state,
      to: rule.to,
      ...(trimmed ? { reason: trimmed } : {}),
    },
  };
}

/** A slot that has started can no longer be booked. */
export function assertBookable(slotStart: Date, now: Date): void {
  if (slotStart.getTime() <= now.getTime()) throw new AppError('CONFLICT', '这个时段已经过去，请选择其他时段');
}

/** What a transition does to the slot besides the booking's own state, written in the same transaction. */
export interface SlotEffect {
  /** takePlace: a promoted booking takes a free place and leaves the waitlist; releasePlace: gives one back. */
  counter: 'none' | 'takePlace' | 'releasePlace' | 'leaveWaitlist';
  /** The booking's waitlist entry goes. */
  removeWaitEntry: boolean;
  /** Leaving for good (not promotion) frees the claim so the person (or child) may book the slot again, and
   * gives back the day's subsidised meal if this one was subsidised. */
  releaseClaim: boolean;
}

export function slotEffect(t: Pick<TransitionResult, 'releasesCapacity' | 'leavesWaitlist' | 'takesCapacity'>): SlotEffect {
  const counter = t.takesCapacity ? 'takePlace' : t.leavesWaitlist ? 'leaveWaitlist' : t.releasesCapacity ? 'releasePlace' : 'none';
  return { counter, removeWaitEntry: t.leavesWaitlist, releaseClaim: t.releasesCapacity || (t.leavesWaitlist && !t.takesCapacity) };
}
