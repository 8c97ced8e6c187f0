/** The endpoints the merchant workspace talks to: the inbox, time slots and the canteen's day. */
import type { BookingState } from '@shared/bookings';
import type { Booking, CanteenDay, MerchantInbox, PublishSlotsRequest, PublishSlotsResponse, Slot } from '@shared/api';
import { api, path } from '@/services/api';

export { getOutlet, getSlots } from '@/services/api/outlets';
export { actOnBooking } from '@/services/api/bookings';

export const getInbox = (query: { state?: BookingState; date?: string }) => api.get<MerchantInbox>('/merchant/bookings', query);

export const publishSlots = (outletId: string, body: PublishSlotsRequest) => api.post<PublishSlotsResponse>(path`/merchant/outlets/${outletId}/slots`, body);

export const setSlotCapacity = (slotId: string, capacity: number) => api.post<Slot>(path`/merchant/slots/${slotId}/capacity`, { capacity });

export const getCanteenDay = (outletId: string, date: string) => api.get<CanteenDay>(path`/merchant/outlets/${outletId}/meals`, { date });

/** The 6-digit pickup code the resident shows completes their meal. */
export const collectMeal = (outletId: string, date: string, code: string) => api.post<Booking>(path`/merchant/outlets/${outletId}/pickup`, { date, code });
