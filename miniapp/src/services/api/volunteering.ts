/** What the 志愿 tab shows: activities nearby, my passbook and hours; and becoming a volunteer. */
import type { Activity, BecomeVolunteerResponse, ListResponse, Passbook, VolunteerHoursResponse } from '@shared/api';
import { api, path } from '@/services/api';

export const getActivities = (query: { lat?: number; lng?: number; days: number }) => api.get<ListResponse<Activity>>('/activities', query);

export const getActivity = (id: string) => api.get<Activity>(path`/activities/${id}`);

export const getPassbook = () => api.get<Passbook>('/points/passbook');

export const getMyHours = () => api.get<VolunteerHoursResponse>('/volunteer/hours');

export const becomeVolunteer = () => api.post<BecomeVolunteerResponse>('/me/volunteer', {});
