import { checked, freshness, FRESH_FIELDS } from './freshness';

const now = new Date('2026-12-04T02:00:00Z');
const daysAgo = (d: number) => new Date(now.getTime() - d * 86_400_000).toISOString();

describe('freshness', () => {
  it('flags hours unconfirmed after 180 days, and the outlet stale only when nothing was confirmed for a year', () => {
    const all = checked(undefined, FRESH_FIELDS, new Date(daysAgo(200)));
    expect(freshness(all, now)).toEqual({ hoursUnconfirmed: true, stale: false });
    expect(freshness(checked(all, ['hours'], now), now)).toEqual({ hoursUnconfirmed: false, stale: false });
    expect(freshness(checked(undefined, FRESH_FIELDS, new Date(daysAgo(366))), now)).toEqual({ hoursUnconfirmed: true, stale: true });
    // A price confirmed last week keeps the outlet current even with year-old hours.
    expect(freshness({ ...checked(undefined, FRESH_FIELDS, new Date(daysAgo(400))), prices: daysAgo(7) }, now)).toEqual({ hoursUnconfirmed: true, stale: false });
  });
  it('refreshes only the fields named (an edit of one field does not refresh the others)', () => {
    const before = checked(undefined, FRESH_FIELDS, new Date(daysAgo(30)));
    const after = checked(before, ['phone'], now);
    expect(after.phone).toBe(now.toISOString());
    expect(after.hours).toBe(before.hours);
  });
  it('does not flag an outlet that has no check dates yet', () => {
    expect(freshness(undefined, now)).toEqual({ hoursUnconfirmed: false, stale: false });
  });
});

describe('an outlet that had no check dates, edited in one field', () => {
  it('is not flagged for the fields nobody has dated yet', () => {
    expect(freshness(checked(undefined, ['phone'], now), now)).toEqual({ hoursUnconfirmed: false, stale: false });
  });
});
