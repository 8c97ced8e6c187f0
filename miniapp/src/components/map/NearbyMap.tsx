import { useEffect, useState, type ReactNode } from 'react';
import { View, Text } from '@tarojs/components';
import { getNearby } from '@/services/api/places';
import type { Query } from '@/services/api';
import type { Place } from '@/services/location';
import { loadMapOutlets } from '@/services/map-data';
import { useRequest } from '@/services/use-request';
import { useAppState } from '@/state/app-state';
import { Async } from '../Async';
import { MapCard } from './MapCard';
import { PlatformLegend, PlatformMap } from './platform';
import '@/styles/map.scss';

/** The map view of the nearby search: the same query as the list, every page of it, and a card on tap. */
export function NearbyMap({ place, query, emptyText, header }: {
  place: Place;
  query: Query;
  emptyText: string;
  header: (total: number | null) => ReactNode;
}) {
  const { largeText } = useAppState();
  const { limit: _pageSize, ...filters } = query;
  const request = useRequest(() => loadMapOutlets(getNearby, { ...filters, lat: place.lat, lng: place.lng }), [JSON.stringify(filters), place.lat, place.lng]);
  const filter = typeof filters.category === 'string' && filters.category ? filters.category : undefined;
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const items = request.data?.items;
  // A new search may no longer contain the outlet whose card was open.
  useEffect(() => setSelectedId((id) => (id && items?.some((o) => o.id === id) ? id : null)), [items]);

  return (
    <>
      {header(request.data?.total ?? null)}
      <Async request={request}>
        {(res) => {
          const selected = res.items.find((o) => o.id === selectedId);
          return (
            <View className="map-block">
              <View className="map-frame">
                <PlatformMap
                  place={place}
                  outlets={res.items}
                  filter={filter}
                  largeText={largeText}
                  selectedId={selectedId}
                  onSelect={setSelectedId}
                />
                {res.items.length === 0 && <Text className="map-note map-note-empty">{emptyText}</Text>}
                {selected && <MapCard outlet={selected} place={place} onClose={() => setSelectedId(null)} />}
              </View>
              <PlatformLegend outlets={res.items} filter={filter} />
              {res.truncated && (
                <Text className="map-note">
                  地图上是最近的{res.items.length}家，共{res.total}家；换个类别或搜一搜可以看到更多。
                </Text>
              )}
            </View>
          );
        }}
      </Async>
    </>
  );
}
