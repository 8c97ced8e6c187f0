/** The schematic map's buttons and legend (H5). */
import { markerStyle, MARKER_STYLES, primaryCategory, shapePath } from '@shared/map/style';
import type { LegendProps } from './types';

/** + / − / 回到中心: big enough for an elder's finger, and the way to zoom without a pinch. */
export function MapControls({ large, onZoomIn, onZoomOut, onRecentre }: { large: boolean; onZoomIn(): void; onZoomOut(): void; onRecentre(): void }) {
  // Pointer events stop here, so pressing a button never starts a pan of the map underneath.
  const stop = { onPointerDown: (e: { stopPropagation(): void }) => e.stopPropagation() };
  return (
    <div className={`map-controls ${large ? 'large' : ''}`} {...stop}>
      <button type="button" className="map-control" aria-label="放大" onClick={onZoomIn}>
        ＋
      </button>
      <button type="button" className="map-control" aria-label="缩小" onClick={onZoomOut}>
        －
      </button>
      <button type="button" className="map-control map-control-text" aria-label="回到我的位置" onClick={onRecentre}>
        回中心
      </button>
    </div>
  );
}

/** What the shapes and lines mean: only the styles on the map, plus the two ring styles. */
export function Legend({ outlets, filter }: LegendProps) {
  const shown = new Set(outlets.map((o) => markerStyle(primaryCategory(o.categories, filter)).key));
  return (
    <div className="map-legend" aria-label="图例">
      {MARKER_STYLES.filter((s) => shown.has(s.key)).map((s) => (
        <span key={s.key} className="map-legend-item" data-style={s.key}>
          <svg width={20} height={20} viewBox="0 0 20 20" aria-hidden="true">
            <path d={shapePath(s.shape, 10, 10, 8)} fill={s.colour} />
          </svg>
          {s.name}
        </span>
      ))}
      <span className="map-legend-item">
        <svg width={28} height={12} viewBox="0 0 28 12" aria-hidden="true">
          <line x1={2} x2={26} y1={6} y2={6} stroke="#c2410c" strokeWidth={2.5} />
        </svg>
        成人步行
      </span>
      <span className="map-legend-item">
        <svg width={28} height={12} viewBox="0 0 28 12" aria-hidden="true">
          <line x1={2} x2={26} y1={6} y2={6} stroke="#0f766e" strokeWidth={2} strokeDasharray="5 4" />
        </svg>
        老人步行
      </span>
    </div>
  );
}
