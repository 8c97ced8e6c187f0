/** The endpoints of the community worker's workspace: publish activities, show the code, confirm hours. */
import type { Activity, ActivityDraft, ActivitySignups, CheckinCode, HoursReview, ListResponse, ManualHours, VolunteerHours } from '@shared/api';
import { api, path } from '@/services/api';

export { getActivity } from '@/services/api/volunteering';

export const getCircleActivities = () => api.get<ListResponse<Activity>>('/worker/activities');

export const publishActivity = (draft: ActivityDraft) => api.post<Activity>('/worker/activities', draft);

export const getSignups = (activityId: string) => api.get<ActivitySignups>(path`/worker/activities/${activityId}/signups`);

export const getCheckinCode = (activityId: string) => api.get<CheckinCode>(path`/worker/activities/${activityId}/checkin-code`);

export const reviewHours = (activityId: string, userId: string, body: HoursReview) =>
  api.post<VolunteerHours>(path`/worker/activities/${activityId}/hours/${userId}`, body);

/** Hours for a volunteer who could not check in (no phone): confirmed at once. */
export const addManualHours = (activityId: string, body: ManualHours) => api.post<VolunteerHours>(path`/worker/activities/${activityId}/manual-hours`, body);
