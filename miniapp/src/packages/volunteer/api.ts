/** The endpoints the volunteer's own pages talk to: signing up and checking in, rewards and redemptions. */
import type { ListResponse, RedeemRequest, Redemption, Station, VolunteerHours } from '@shared/api';
import { api, idempotent, path } from '@/services/api';

export { getActivity, getMyHours, getPassbook } from '@/services/api/volunteering';
export { getNearby } from '@/services/api/places';

export const signUp = (activityId: string) => api.post<VolunteerHours>(path`/activities/${activityId}/signup`, {});

export const cancelSignup = (activityId: string) => api.post<VolunteerHours>(path`/activities/${activityId}/cancel`, {});

export const checkIn = (activityId: string, code: string) => api.post<VolunteerHours>(path`/activities/${activityId}/check-in`, { code });

export const checkOut = (activityId: string, code: string) => api.post<VolunteerHours>(path`/activities/${activityId}/check-out`, { code });

/** A station's rewards in stock, as residents see them. */
export const getStation = (outletId: string) => api.get<Station>(path`/stations/${outletId}`);

/** The same key for the same reward: a retry after a timeout never spends twice. */
export const redeem = (body: RedeemRequest, key: string) => api.post<Redemption>('/redemptions', body, idempotent(key));

export const getMyRedemptions = () => api.get<ListResponse<Redemption>>('/redemptions/mine');

export const cancelRedemption = (id: string) => api.post<Redemption>(path`/redemptions/${id}/cancel`, {});
