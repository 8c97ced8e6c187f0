import { useEffect } from 'react';
import type { Circle, ListResponse } from '@shared/api';
import { getCircles } from '@/services/api/places';
import { locate, nearestCircle } from '@/services/location';
import { useRequest } from '@/services/use-request';
import { useAppState } from './app-state';

let circlesCache: Promise<ListResponse<Circle>> | null = null;
/** GPS is asked once per app launch, however many pages use the place. */
let located = false;
export function loadCircles() {
  circlesCache ??= getCircles().catch((e) => {
    circlesCache = null;
    throw e;
  });
  return circlesCache;
}

/**
 * The place to search around. Until GPS answers (or if it never does) the list shows the first demo
 * community, marked as a default so the page can invite the resident to pick their own.
 */
export function usePlace() {
  const { place, setPlace } = useAppState();
  const circles = useRequest(loadCircles, []);
  const list = circles.data?.items ?? [];

  useEffect(() => {
    if (!list.length || located) return;
    located = true;
    if (!place) {
      const c = list[0];
      const first = c.communities[0];
      setPlace({ lat: first.lat, lng: first.lng, label: first.name, source: 'default', communityId: first.id, circleId: c.id });
    }
    // A chosen community is the resident's decision; only default or GPS places are refreshed by GPS.
    if (!place || place.source !== 'community') {
      locate().then((at) => {
        if (!at) return;
        const circle = nearestCircle(list, at);
        setPlace({ ...at, label: '我的位置', source: 'gps', circleId: circle?.id });
      });
    }
  }, [list, place, setPlace]);

  const circle: Circle | undefined = list.find((c) => c.id === place?.circleId) ?? (place ? nearestCircle(list, place) : undefined);
  return { place, circle, circles: list, circlesError: circles.error, reloadCircles: circles.reload };
}
