/**
 * The weapp map: WeChat's native `map` (Tencent tiles, GCJ-02 like our data) with the same outlets,
 * rings and category styles as the H5 schematic map. WeChat clusters the markers itself (`joinCluster`
 * + `initMarkerCluster`); a tap on a marker opens the same card. Built into the weapp package only.
 */
import { useEffect, useMemo } from 'react';
import { Map as WxMap, View, Text, Image } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { MapProps } from '@tarojs/components/types/Map';
import type { OutletSummary } from '@shared/api';
import { mapSizes, type MapSizes } from '@shared/map/layout';
import { shorten } from '@shared/map/labels';
import { circlePoints, toLatLng } from '@shared/map/projection';
import { walkingRings } from '@shared/map/rings';
import { markerStyle, MARKER_STYLES, primaryCategory, styleFileName } from '@shared/map/style';
import { walkingMinutes } from '@shared/walking';
import type { Place } from '@/services/location';
import type { LegendProps, PlatformMapProps } from './types';

const MAP_ID = 'nearby-map';
/** Scale 15 shows the whole 15-minute circle (900 m each way) on a phone. */
const SCALE = 15;

/** The mini-program's marker has `joinCluster` (base library 2.13) although Taro's type does not yet. */
type Marker = MapProps.marker & { joinCluster?: boolean };

const icon = (key: string) => `/assets/map/${styleFileName(key)}.png`;

/** WeChat's marker is its own tap target (no invisible halo as on the H5 map), so it is never tiny. */
const NATIVE_MIN_PX = 36;

/** Ids 1…n are outlets in list order (WeChat wants numeric ids); the ones after them are decoration. */
function outletMarkers(outlets: OutletSummary[], filter: string | undefined, sizes: MapSizes): Marker[] {
  // Without screen positions the weapp map cannot dodge overlaps, so only the nearest few get a label.
  const labelled = new Set([...outlets].sort((a, b) => a.distanceMetres - b.distanceMetres).slice(0, sizes.maxLabels).map((o) => o.id));
  const px = Math.max(sizes.markerPx, NATIVE_MIN_PX);
  return outlets.map((o, i) => {
    const style = markerStyle(primaryCategory(o.categories, filter));
    return {
      id: i + 1,
      latitude: o.lat,
      longitude: o.lng,
      iconPath: icon(style.key),
      width: px,
      height: px,
      anchor: { x: 0.5, y: 0.5 },
      joinCluster: true,
      ariaLabel: `${o.name}，步行约${walkingMinutes(o.distanceMetres)}分钟`,
      label: labelled.has(o.id)
        ? { content: shorten(o.name, 8), color: '#1c1917', fontSize: sizes.fontPx, anchorX: px / 2 + 2, anchorY: -sizes.fontPx, borderWidth: 0, borderColor: '#ffffff', borderRadius: 6, bgColor: '#ffffffdd', padding: 3, textAlign: 'left' }
        : undefined,
    };
  });
}

/** The user's place and the ring names (markers with an invisible icon and a label), never clustered. */
function decorations(place: Place, first: number, sizes: MapSizes): Marker[] {
  const you: Marker = { id: first, latitude: place.lat, longitude: place.lng, iconPath: '/assets/map/you.png', width: 28, height: 28, anchor: { x: 0.5, y: 0.5 }, ariaLabel: `您的位置：${place.label}` };
  const names = walkingRings().map((r, i): Marker => {
    const at = toLatLng(place, { x: 0, y: r.pace === 'elder' ? -r.radiusMetres : r.radiusMetres });
    const colour = r.pace === 'elder' ? '#0f766e' : '#9a3412';
    return {
      id: first + 1 + i,
      latitude: at.lat,
      longitude: at.lng,
      iconPath: '/assets/map/blank.png',
      width: 1,
      height: 1,
      label: { content: r.label, color: colour, fontSize: sizes.fontPx, anchorX: -sizes.fontPx * 1.5, anchorY: -sizes.fontPx / 2, borderWidth: 0, borderColor: '#ffffff', borderRadius: 4, bgColor: '#ffffffcc', padding: 2, textAlign: 'center' },
    };
  });
  return [you, ...names];
}

export function MapView({ place, outlets, filter, largeText, onSelect }: PlatformMapProps) {
  const sizes = mapSizes(largeText);
  const markers = useMemo(() => [...outletMarkers(outlets, filter, sizes), ...decorations(place, outlets.length + 1, sizes)], [outlets, filter, sizes, place]);
  const rings = useMemo(() => {
    const all = walkingRings();
    // Adult pace as plain circles; elder pace dashed, which only polygons can be.
    const circles: MapProps.circle[] = all
      .filter((r) => r.pace === 'standard')
      .map((r) => ({ latitude: place.lat, longitude: place.lng, radius: r.radiusMetres, color: '#c2410ccc', fillColor: r.minutes === 15 ? '#c2410c12' : '#00000000', strokeWidth: 2 }));
    const polygons: MapProps.polygon[] = all
      .filter((r) => r.pace === 'elder')
      .map((r) => ({ points: circlePoints(place, r.radiusMetres).map((p) => ({ latitude: p.lat, longitude: p.lng })), strokeColor: '#0f766ecc', strokeWidth: 2, fillColor: '#00000000', dashArray: [10, 8] }));
    return { circles, polygons };
  }, [place]);

  useEffect(() => {
    // WeChat's own grid clustering (base library ≥ 2.13); older clients just show every marker.
    const page = Taro.getCurrentInstance().page;
    const ctx = Taro.createMapContext?.(MAP_ID, page ?? undefined);
    ctx?.initMarkerCluster?.({ enableDefaultStyle: true, zoomOnClick: true, gridSize: 60 });
  }, []);

  return (
    <WxMap
      id={MAP_ID}
      className="native-map"
      latitude={place.lat}
      longitude={place.lng}
      scale={SCALE}
      minScale={12}
      maxScale={19}
      markers={markers}
      circles={rings.circles}
      polygons={rings.polygons}
      showScale
      onMarkerTap={(e) => {
        const n = Number(e.detail.markerId);
        if (n >= 1 && n <= outlets.length) onSelect(outlets[n - 1].id);
      }}
      onLabelTap={(e) => {
        const n = Number(e.detail.markerId);
        if (n >= 1 && n <= outlets.length) onSelect(outlets[n - 1].id);
      }}
      onTap={() => onSelect(null)}
      onError={() => undefined}
    />
  );
}

export function Legend({ outlets, filter }: LegendProps) {
  const shown = new Set(outlets.map((o) => markerStyle(primaryCategory(o.categories, filter)).key));
  return (
    <View className="map-legend">
      {MARKER_STYLES.filter((s) => shown.has(s.key)).map((s) => (
        <View key={s.key} className="map-legend-item">
          <Image className="map-legend-icon" src={icon(s.key)} />
          <Text>{s.name}</Text>
        </View>
      ))}
      <Text className="map-legend-item">实线：成人步行　虚线：老人步行</Text>
    </View>
  );
}
