/** Where things are: the circles with their communities, and outlets around a point by walking time. */
import type { Circle, ListResponse, NearbyResponse } from '@shared/api';
import { api, type Query } from '@/services/api';

export const getCircles = () => api.get<ListResponse<Circle>>('/circles');

/** lat/lng plus the filters of GET /outlets/nearby (category, q, openNow, elderPace, maxMinutes, limit, cursor). */
export const getNearby = (query: Query) => api.get<NearbyResponse>('/outlets/nearby', query);
