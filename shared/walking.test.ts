import { distanceMetres, reachMetres, walkingBucket, walkingBucketLabel, walkingMinutes, WALKING } from './walking';

describe('walking-time rule', () => {
  it('uses 1.25 detour at 75 m/min by default: 900 m straight line is exactly 15 minutes', () => {
    expect(walkingMinutes(900)).toBe(15);
    expect(walkingMinutes(901)).toBe(16);
  });

  it('is slower at the elderly pace (55 m/min)', () => {
    expect(walkingMinutes(660, 'elder')).toBe(15);
    expect(walkingMinutes(900, 'elder')).toBe(Math.ceil((900 * 1.25) / 55));
    expect(walkingMinutes(500, 'elder')).toBeGreaterThan(walkingMinutes(500));
  });

  it('never answers 0 minutes and rejects negative distances', () => {
    expect(walkingMinutes(0)).toBe(1);
    expect(() => walkingMinutes(-1)).toThrow(RangeError);
    expect(() => walkingMinutes(Number.NaN)).toThrow(RangeError);
  });

  it('reachMetres is the inverse of walkingMinutes at the boundary', () => {
    for (const m of [5, 10, 15, 30]) {
      expect(walkingMinutes(reachMetres(m))).toBe(m);
      expect(walkingMinutes(reachMetres(m) + 1)).toBe(m + 1);
      expect(walkingMinutes(reachMetres(m, 'elder'), 'elder')).toBe(m);
    }
  });

  it('buckets into ≤5 / ≤10 / ≤15 / outside the circle', () => {
    expect([1, 5, 6, 10, 11, 15, 16].map(walkingBucket)).toEqual([5, 5, 10, 10, 15, 15, 'outside']);
    expect(walkingBucketLabel('outside')).toBe('圈外');
    expect(walkingBucketLabel(10)).toBe('10分钟内');
    expect(WALKING.circleMinutes).toBe(15);
  });

  it('measures great-circle distance in metres', () => {
    const a = { lat: 36.6623, lng: 117.0565 };
    expect(distanceMetres(a, a)).toBe(0);
    // One thousandth of a degree of latitude is ~111 m anywhere.
    expect(distanceMetres(a, { lat: 36.6633, lng: 117.0565 })).toBeCloseTo(111.2, 0);
    expect(distanceMetres(a, { lat: 36.6623, lng: 117.0575 })).toBeCloseTo(89.2, 0);
  });
});
