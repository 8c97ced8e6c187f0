/** Geohash encoding and the set of cells a walking-reach circle can touch. Pure, no I/O. */
import { distanceMetres, type LatLng } from '../../shared/walking';

const BASE32 = '0123456789bcdefghjkmnpqrstuvwxyz';

export function encodeGeohash(lat: number, lng: number, precision: number): string {
  let latLo = -90, latHi = 90, lngLo = -180, lngHi = 180;
  let hash = '';
  let bit = 0, ch = 0, evenBit = true;
  while (hash.length < precision) {
    if (evenBit) {
      const mid = (lngLo + lngHi) / 2;
      if (lng >= mid) { ch = (ch << 1) | 1; lngLo = mid; } else { ch <<= 1; lngHi = mid; }
    } else {
      const mid = (latLo + latHi) / 2;
      if (lat >= mid) { ch = (ch << 1) | 1; latLo = mid; } else { ch <<= 1; latHi = mid; }
    }
    evenBit = !evenBit;
    if (++bit === 5) { hash += BASE32[ch]; bit = 0; ch = 0; }
  }
  return hash;
}

/** Size in degrees of a geohash cell of the given precision. */
export function cellSize(precision: number): { dLat: number; dLng: number } {
  const bits = precision * 5;
  const lngBits = Math.ceil(bits / 2);
  const latBits = Math.floor(bits / 2);
  return { dLat: 180 / 2 ** latBits, dLng: 360 / 2 ** lngBits };
}

/**
 * Every cell of `precision` whose nearest point lies within `radiusMetres` of `centre`. Cells are walked
 * on the geohash grid over the circle's bounding box, then corner cells the circle cannot reach are dropped.
 */
export function cellsWithin(centre: LatLng, radiusMetres: number, precision: number): string[] {
  const { dLat, dLng } = cellSize(precision);
  const metresPerDegLat = 111_320;
  const metresPerDegLng = 111_320 * Math.cos((centre.lat * Math.PI) / 180);
  // A small margin absorbs the difference between the planar box and the great-circle distance.
  const r = radiusMetres + 2;
  const latSpan = r / metresPerDegLat;
  const lngSpan = r / Math.max(metresPerDegLng, 1);
  const i0 = Math.floor((centre.lng - lngSpan + 180) / dLng);
  const i1 = Math.floor((centre.lng + lngSpan + 180) / dLng);
  const j0 = Math.floor((centre.lat - latSpan + 90) / dLat);
  const j1 = Math.floor((centre.lat + latSpan + 90) / dLat);
  const cells: string[] = [];
  for (let i = i0; i <= i1; i++) {
    for (let j = j0; j <= j1; j++) {
      const lngLo = i * dLng - 180, latLo = j * dLat - 90;
      const nearest = {
        lat: Math.min(Math.max(centre.lat, latLo), latLo + dLat),
        lng: Math.min(Math.max(centre.lng, lngLo), lngLo + dLng),
      };
      if (distanceMetres(centre, nearest) <= r) {
        cells.push(encodeGeohash(latLo + dLat / 2, lngLo + dLng / 2, precision));
      }
    }
  }
  return cells;
}
