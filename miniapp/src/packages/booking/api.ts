/** The endpoints the booking subpackage talks to: booking a slot, my bookings, children and family links. */
import type { Booking, BookingQuote, BookingRequest, Child, FamilyCode, FamilyLink, FamilyLinks, ListResponse, NewChild } from '@shared/api';
import { api, idempotent, path } from '@/services/api';

export { getOutlet, getSlots } from '@/services/api/outlets';
export { actOnBooking } from '@/services/api/bookings';

export const getQuote = (query: { slotId: string; forUserId?: string }) => api.get<BookingQuote>('/bookings/quote', query);

/** The same key for the same choice: a retry after a timeout never books twice. */
export const book = (body: BookingRequest, key: string) => api.post<Booking>('/bookings', body, idempotent(key));

export const getMyBookings = () => api.get<ListResponse<Booking>>('/bookings/mine');

export const getChildren = () => api.get<ListResponse<Child>>('/me/children');

export const addChild = (body: NewChild) => api.post<Child>('/me/children', body);

export const getFamilyCode = () => api.get<FamilyCode>('/me/family-code');

export const getFamilyLinks = () => api.get<FamilyLinks>('/family/links');

/** A relative asks to be linked to the elder whose 亲情码 this is. */
export const requestFamilyLink = (code: string) => api.post<FamilyLink>('/family/links', { code });

export const confirmFamilyLink = (elderId: string, familyId: string) => api.post<FamilyLink>(path`/family/links/${elderId}/${familyId}/confirm`, {});
