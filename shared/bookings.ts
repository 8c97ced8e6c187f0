/** Booking states and their names, as the server stores them and every page shows them. */
export const BOOKING_STATES = ['waitlisted', 'requested', 'accepted', 'rejected', 'cancelled', 'cancelled_by_merchant', 'completed', 'no_show'] as const;
export type BookingState = (typeof BOOKING_STATES)[number];

export const BOOKING_STATE_NAMES: Record<BookingState, string> = {
  waitlisted: '候补中',
  requested: '待确认',
  accepted: '已接单',
  rejected: '已拒绝',
  cancelled: '已取消',
  cancelled_by_merchant: '商户已取消',
  completed: '已完成',
  no_show: '未到店',
};

/** States a booking never leaves. */
export const TERMINAL_BOOKING_STATES: readonly BookingState[] = ['rejected', 'cancelled', 'cancelled_by_merchant', 'completed', 'no_show'];

/** Still to happen: waiting for a place, for the merchant, or for the day. */
export const isUpcoming = (state: BookingState) => !TERMINAL_BOOKING_STATES.includes(state);
