/** A step in a booking's life, taken by the resident (cancel) or the merchant (accept, reject, complete…). */
import type { Booking, BookingActionRequest } from '@shared/api';
import { api, path } from '@/services/api';

export const actOnBooking = (id: string, body: BookingActionRequest) => api.post<Booking>(path`/bookings/${id}/actions`, body);
