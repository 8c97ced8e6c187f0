/**
 * The H5 map (and the fallback wherever there are no map tiles): our own SVG drawing of the circle from
 * shared/map, with nothing loaded from outside. Outlets sit at their true bearing and distance around
 * the user's place, inside the 5/10/15-minute rings at adult (solid) and elder (dashed) pace.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { clusterScale } from '@shared/map/cluster';
import { clustersFor, expandCluster, layoutMap, mapSizes, placeOutlets, type MapLayout, type MapSizes } from '@shared/map/layout';
import { markerStyle, shapePath } from '@shared/map/style';
import { centreOn, fitRadius, gridStep, resize, toScreen, zoomAt, ZOOM_STEP, type Screen, type Viewport } from '@shared/map/viewport';
import { reachMetres, WALKING } from '@shared/walking';
import type { PlatformMapProps } from './types';
import { MapControls } from './SchematicParts';

export { Legend } from './SchematicParts';
import { usePanZoom } from './use-pan-zoom';

/** The first view shows the whole 15-minute circle. */
const fit = (w: number, h: number) => fitRadius(w, h, reachMetres(WALKING.circleMinutes), 30);
const HALO = { stroke: '#fffdf8', strokeWidth: 4, paintOrder: 'stroke' as const, strokeLinejoin: 'round' as const };

export function MapView({ place, outlets, filter, largeText, selectedId, onSelect }: PlatformMapProps) {
  const sizes = mapSizes(largeText);
  const box = useRef<HTMLDivElement>(null);
  const [view, setView] = useState<Viewport>(() => fit(375, 460));

  // Draw in the element's own CSS px, so a 44 px marker is 44 px on screen.
  useEffect(() => {
    const el = box.current;
    if (!el) return undefined;
    let first = true;
    const measure = () => {
      const { width, height } = el.getBoundingClientRect();
      if (width < 10 || height < 10) return;
      setView((v) => (first ? fit(width, height) : resize(v, width, height)));
      first = false;
    };
    measure();
    const ro = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(measure);
    ro?.observe(el);
    return () => ro?.disconnect();
  }, []);
  // A new place starts from the whole circle again.
  useEffect(() => setView((v) => fit(v.width, v.height)), [place.lat, place.lng]);

  const points = useMemo(() => placeOutlets(place, outlets, filter), [place, outlets, filter]);
  const step = clusterScale(view.scale);
  const clusters = useMemo(() => clustersFor(points, step, sizes), [points, step, sizes]);
  const layout = layoutMap(points, view, sizes, { clusters, placeName: place.label, reserved: reservedCorners(view, largeText, sizes.fontPx) });

  const onTap = useCallback(
    (key: string | null) => {
      const c = key ? clusters.find((x) => x.key === key) : undefined;
      if (!c) return onSelect(null);
      if (c.count === 1) return onSelect(c.ids[0] === selectedId ? null : c.ids[0]);
      // A cluster opens up: zoom to where its members part, centred on them.
      setView((v) => centreOn(v, c, expandCluster(points, c, v.scale, sizes)));
    },
    [clusters, points, selectedId, onSelect, sizes],
  );
  const handlers = usePanZoom(box, setView, onTap);
  const zoom = (factor: number) => setView((v) => zoomAt(v, factor));

  const gridMetres = gridStep(view.scale);
  return (
    <div ref={box} className="schematic-map" {...handlers}>
      <svg className="schematic-svg" width={view.width} height={view.height} viewBox={`0 0 ${view.width} ${view.height}`} role="img" aria-label={`${place.label}附近的便民网点地图`}>
        <Grid view={view} />
        <Rings layout={layout} />
        <Markers layout={layout} sizes={sizes} selectedId={selectedId} names={points} onKey={onTap} />
        <g className="map-labels" pointerEvents="none">
          {layout.labels.map((l) => (
            <text key={l.id} className="map-label" x={l.x} y={l.y} fontSize={sizes.fontPx} textAnchor={l.anchor} dominantBaseline="central" {...HALO}>
              {l.text}
            </text>
          ))}
        </g>
        <RingLabels layout={layout} fontPx={sizes.fontPx} />
        <You at={layout.you} labelAt={layout.youLabelAt} label={place.label} fontPx={sizes.fontPx} />
        <text className="map-north" x={12} y={10 + sizes.fontPx} fontSize={sizes.fontPx} fontWeight={700} {...HALO}>
          ↑北
        </text>
        <text className="map-scale" x={12} y={view.height - 12} fontSize={sizes.fontPx} {...HALO}>
          每格{gridMetres >= 1000 ? `${gridMetres / 1000}公里` : `${gridMetres}米`}
        </text>
      </svg>
      <MapControls large={largeText} onZoomIn={() => zoom(ZOOM_STEP)} onZoomOut={() => zoom(1 / ZOOM_STEP)} onRecentre={() => setView((v) => fit(v.width, v.height))} />
    </div>
  );
}

/** Where the buttons (top right, see map.scss: 48 or 56 px, 6 px apart) and the north and scale notes are. */
function reservedCorners(v: Viewport, large: boolean, fontPx: number) {
  const button = large ? 56 : 48;
  return [
    { left: v.width - button - 16, right: v.width, top: 0, bottom: 8 + 3 * button + 2 * 6 + 8 },
    { left: 0, right: 60, top: 0, bottom: 16 + fontPx * 1.4 },
    { left: 0, right: 120, top: v.height - 16 - fontPx * 1.4, bottom: v.height },
  ];
}

/** Faint lines every round number of metres: the paper of a 导视图, and a sense of movement when panning. */
function Grid({ view }: { view: Viewport }) {
  const m = gridStep(view.scale);
  const topLeft = { x: view.centre.x - view.width / 2 / view.scale, y: view.centre.y + view.height / 2 / view.scale };
  const xs: number[] = [];
  const ys: number[] = [];
  for (let x = Math.ceil(topLeft.x / m) * m; x <= topLeft.x + view.width / view.scale; x += m) xs.push(toScreen(view, { x, y: 0 }).x);
  for (let y = Math.floor(topLeft.y / m) * m; y >= topLeft.y - view.height / view.scale; y -= m) ys.push(toScreen(view, { x: 0, y }).y);
  return (
    <g className="map-grid" stroke="#ede4d6" strokeWidth={1}>
      <rect x={0} y={0} width={view.width} height={view.height} fill="#fbf7f0" stroke="none" />
      {xs.map((x) => <line key={`x${x}`} x1={x} x2={x} y1={0} y2={view.height} />)}
      {ys.map((y) => <line key={`y${y}`} x1={0} x2={view.width} y1={y} y2={y} />)}
    </g>
  );
}

function Rings({ layout }: { layout: MapLayout }) {
  const outer = layout.rings.find((r) => r.ring.pace === 'standard' && r.ring.minutes === WALKING.circleMinutes);
  return (
    <g className="map-rings">
      {outer && <circle cx={outer.x} cy={outer.y} r={outer.radiusPx} fill="#fff1e0" opacity={0.7} />}
      {layout.rings.map(({ ring, radiusPx, x, y }) => {
        const elder = ring.pace === 'elder';
        return (
          <g key={ring.label} className={`map-ring ${elder ? 'elder' : 'adult'}`} data-minutes={ring.minutes} aria-label={ring.label}>
            <circle cx={x} cy={y} r={radiusPx} fill="none" stroke={elder ? '#0f766e' : '#c2410c'} strokeWidth={elder ? 2 : 2.5} strokeDasharray={elder ? '7 6' : undefined} opacity={0.8} />
          </g>
        );
      })}
    </g>
  );
}

/** Drawn over the markers (a label is never hidden) but never in the way of a tap. */
function RingLabels({ layout, fontPx }: { layout: MapLayout; fontPx: number }) {
  return (
    <g className="map-ring-labels" pointerEvents="none">
      {layout.rings.map(({ ring, labelAt }) => (
        <text key={ring.label} className="map-ring-label" x={labelAt.x} y={labelAt.y} fontSize={fontPx} textAnchor="middle" dominantBaseline="central" fill={ring.pace === 'elder' ? '#0f766e' : '#9a3412'} {...HALO}>
          {ring.label}
        </text>
      ))}
    </g>
  );
}

/** Markers are buttons for a keyboard or a screen reader too: Enter does what a tap does. */
function Markers({ layout, sizes, selectedId, names, onKey }: { layout: MapLayout; sizes: MapSizes; selectedId: string | null; names: Array<{ id: string; name: string }>; onKey(key: string): void }) {
  const nameOf = useMemo(() => new Map(names.map((n) => [n.id, n.name])), [names]);
  return (
    <g className="map-markers">
      {layout.markers.map(({ cluster, x, y, size }) => {
        const style = markerStyle(cluster.category);
        const single = cluster.count === 1;
        const selected = single && cluster.ids[0] === selectedId;
        const label = single ? nameOf.get(cluster.ids[0]) ?? '' : `${cluster.count}家，点击放大`;
        return (
          <g
            key={cluster.key}
            className={`map-marker ${single ? 'single' : 'cluster'} ${selected ? 'selected' : ''}`}
            data-key={cluster.key}
            data-outlet-id={single ? cluster.ids[0] : undefined}
            data-count={cluster.count}
            role="button"
            aria-label={label}
            tabIndex={0}
            onKeyDown={(e) => (e.key === 'Enter' || e.key === ' ') && onKey(cluster.key)}
          >
            <circle cx={x} cy={y} r={Math.max(sizes.hitPx, size) / 2} fill="transparent" />
            {single ? (
              <path d={shapePath(style.shape, x, y, (selected ? size * 1.25 : size) / 2)} fill={style.colour} stroke={selected ? '#1c1917' : '#fff'} strokeWidth={selected ? 3 : 2} strokeLinejoin="round" />
            ) : (
              <>
                <circle cx={x} cy={y} r={size / 2 + 4} fill={style.colour} opacity={0.25} />
                <circle cx={x} cy={y} r={size / 2} fill={style.colour} stroke="#fff" strokeWidth={2.5} />
                <text x={x} y={y} fontSize={Math.round(size * 0.42)} fontWeight={700} fill="#fff" textAnchor="middle" dominantBaseline="central">
                  {cluster.count}
                </text>
              </>
            )}
          </g>
        );
      })}
    </g>
  );
}

function You({ at, labelAt, label, fontPx }: { at: Screen; labelAt: Screen; label: string; fontPx: number }) {
  return (
    <g className="map-you" aria-label={`您的位置：${label}`} pointerEvents="none">
      <circle cx={at.x} cy={at.y} r={18} fill="#2563eb" opacity={0.18} />
      <circle cx={at.x} cy={at.y} r={8} fill="#2563eb" stroke="#fff" strokeWidth={3} />
      <text x={labelAt.x} y={labelAt.y} fontSize={fontPx} fontWeight={700} fill="#1e3a8a" textAnchor="middle" dominantBaseline="central" {...HALO}>
        {label}
      </text>
    </g>
  );
}
