import type { ReactNode } from 'react';
import type { Query } from '@/services/api';
import type { Place } from '@/services/location';
import { useAppState } from '@/state/app-state';
import { NearbyList } from './NearbyList';
import { NearbyMap } from './map/NearbyMap';

/** The nearby outlets as the resident chose to see them: the list (the default) or the map. */
export function NearbyView({ place, query, emptyText, emptyAction, header }: {
  place: Place | null;
  query: Query;
  emptyText: string;
  emptyAction?: ReactNode;
  header: (total: number | null) => ReactNode;
}) {
  const { nearbyView } = useAppState();
  if (nearbyView === 'map' && place) return <NearbyMap place={place} query={query} emptyText={emptyText} header={header} />;
  return <NearbyList query={{ ...query, lat: place?.lat, lng: place?.lng }} enabled={!!place} emptyText={emptyText} emptyAction={emptyAction} header={header} />;
}
