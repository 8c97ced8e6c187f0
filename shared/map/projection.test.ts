import { distanceMetres, reachMetres, walkingMinutes } from '../walking';
import { bearingDegrees, circlePoints, directionName, toLatLng, toLocal } from './projection';
import { walkingRings } from './rings';
import { centreOn, clampScale, fitRadius, gridStep, panBy, SCALE_LIMITS, toScreen, toWorld, zoomAt, type Viewport } from './viewport';

const centre = { lat: 36.6623, lng: 117.0565 }; // 红枫社区, 济南 (GCJ-02)

describe('local projection around the centre', () => {
  // Known bearings and distances, each checked against the haversine distance of the walking rule.
  const cases: Array<[string, number, number]> = [
    ['north', 0, 500],
    ['east', 90, 500],
    ['south-west', 225, 900],
    ['north-east', 45, 1500],
    ['west', 270, 3000],
  ];
  it.each(cases)('puts a point %s at its true bearing and distance', (_name, bearing, metres) => {
    const a = (bearing * Math.PI) / 180;
    const p = toLatLng(centre, { x: metres * Math.sin(a), y: metres * Math.cos(a) });
    const m = toLocal(centre, p);
    expect(Math.hypot(m.x, m.y)).toBeCloseTo(metres, 6);
    // Equirectangular is off from the great circle by far less than a metre at circle scale.
    expect(Math.abs(Math.hypot(m.x, m.y) - distanceMetres(centre, p))).toBeLessThan(metres / 1000);
    expect(bearingDegrees(m)).toBeCloseTo(bearing, 6);
  });

  it('measures a demo outlet (120 m north, 80 m west) as the walking rule does', () => {
    const outlet = { lat: 36.6623 + 120 / 111_320, lng: 117.0565 - 80 / (111_320 * Math.cos((36.6623 * Math.PI) / 180)) };
    const m = toLocal(centre, outlet);
    expect(m.y).toBeCloseTo(120, 0);
    expect(m.x).toBeCloseTo(-80, 0);
    expect(Math.abs(Math.hypot(m.x, m.y) - distanceMetres(centre, outlet))).toBeLessThan(0.5);
    expect(directionName(m)).toBe('西北');
  });

  it('names the eight directions', () => {
    const names = [0, 45, 90, 135, 180, 225, 270, 315].map((b) => directionName({ x: Math.sin((b * Math.PI) / 180), y: Math.cos((b * Math.PI) / 180) }));
    expect(names).toEqual(['北', '东北', '东', '东南', '南', '西南', '西', '西北']);
    expect(directionName({ x: 0.1, y: 1 })).toBe('北');
  });

  it('draws a ring as points at its radius', () => {
    const pts = circlePoints(centre, 600, 36);
    expect(pts).toHaveLength(36);
    for (const p of pts) expect(distanceMetres(centre, p)).toBeCloseTo(600, -1);
  });
});

describe('walking rings', () => {
  it('has 5/10/15-minute rings at adult and elder pace, radii from the walking rule', () => {
    const rings = walkingRings();
    expect(rings.map((r) => r.label)).toEqual(['5分钟', '10分钟', '15分钟', '老人5分钟', '老人10分钟', '老人15分钟']);
    for (const r of rings) {
      expect(r.radiusMetres).toBe(reachMetres(r.minutes, r.pace));
      // A ring means "reachable within N minutes": its edge is N minutes, a metre beyond is more.
      expect(walkingMinutes(r.radiusMetres, r.pace)).toBe(r.minutes);
      expect(walkingMinutes(r.radiusMetres + 1, r.pace)).toBe(r.minutes + 1);
    }
    // The 15-minute adult ring is 900 m straight line (1.25 detour, 75 m/min); the elder one 660 m.
    expect(rings[2].radiusMetres).toBe(900);
    expect(rings[5].radiusMetres).toBe(660);
  });
});

describe('viewport', () => {
  const v: Viewport = { width: 360, height: 480, centre: { x: 0, y: 0 }, scale: 0.2 };

  it('maps local metres to screen px and back, north up', () => {
    expect(toScreen(v, { x: 0, y: 0 })).toEqual({ x: 180, y: 240 });
    expect(toScreen(v, { x: 100, y: 100 })).toEqual({ x: 200, y: 220 });
    for (const m of [{ x: 123, y: -456 }, { x: -900, y: 12 }]) {
      const back = toWorld(v, toScreen(v, m));
      expect(back.x).toBeCloseTo(m.x, 9);
      expect(back.y).toBeCloseTo(m.y, 9);
    }
  });

  it('pans with the finger', () => {
    const moved = panBy(v, 40, -20);
    // What was at the middle is now 40 px right and 20 px up.
    expect(toScreen(moved, { x: 0, y: 0 })).toEqual({ x: 220, y: 220 });
  });

  it('zooms about a point, keeping the point under it fixed', () => {
    const at = { x: 300, y: 100 };
    const under = toWorld(v, at);
    const z = zoomAt(v, 2, at);
    expect(z.scale).toBe(0.4);
    const s = toScreen(z, under);
    expect(s.x).toBeCloseTo(at.x, 9);
    expect(s.y).toBeCloseTo(at.y, 9);
    expect(zoomAt(v, 1000).scale).toBe(SCALE_LIMITS.max);
    expect(zoomAt(v, 0.0001).scale).toBe(SCALE_LIMITS.min);
    expect(clampScale(0.5)).toBe(0.5);
  });

  it('fits the 15-minute ring into the view and recentres', () => {
    const f = fitRadius(360, 480, 900, 20);
    expect(f.scale * 900).toBeCloseTo(160, 9);
    expect(toScreen(f, { x: 0, y: 900 }).y).toBeCloseTo(80, 9);
    expect(centreOn(f, { x: 50, y: 60 }, 1).centre).toEqual({ x: 50, y: 60 });
  });

  it('spaces the background grid in round metres, never closer than a fingertip', () => {
    expect(gridStep(0.18)).toBe(500);
    expect(gridStep(1)).toBe(100);
    expect(gridStep(2.5)).toBe(25);
    expect(gridStep(0.001)).toBe(5000);
  });
});
