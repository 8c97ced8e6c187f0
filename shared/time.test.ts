import { ageInMonths, ageOn, dateRange, localToUtc, shanghaiDate } from './time';

describe('Shanghai time', () => {
  it('turns a local date and time into UTC with the fixed +08:00 offset', () => {
    expect(localToUtc('2026-12-04', '08:30')).toBe('2026-12-04T00:30:00.000Z');
    expect(localToUtc('2026-12-04', '07:00')).toBe('2026-12-03T23:00:00.000Z');
  });
  it('refuses a time that does not exist', () => {
    expect(() => localToUtc('2026-13-01', '08:00')).toThrow(RangeError);
    expect(() => localToUtc('2026-12-04', '8点')).toThrow(RangeError);
  });
  it('reads the calendar day in Shanghai, not UTC', () => {
    expect(shanghaiDate(new Date('2026-12-03T16:30:00Z'))).toBe('2026-12-04');
    expect(shanghaiDate(new Date('2026-12-03T15:59:00Z'))).toBe('2026-12-03');
  });
  it('lists consecutive days across a month and a year end', () => {
    expect(dateRange('2026-12-30', 4)).toEqual(['2026-12-30', '2026-12-31', '2027-01-01', '2027-01-02']);
  });
});

describe('age', () => {
  // ageOn's whole-year cases are in functions/bookings/pricing.test.ts beside the price rule that uses them.
  it('counts a leap-day birthday as a year older on 1 March', () => {
    expect(ageOn('1964-02-29', '2026-02-28')).toBe(61);
    expect(ageOn('1964-02-29', '2026-03-01')).toBe(62);
  });
  it('counts whole months for childcare bands', () => {
    expect(ageInMonths('2024-06-15', '2026-06-14')).toBe(23);
    expect(ageInMonths('2024-06-15', '2026-06-15')).toBe(24);
    expect(ageInMonths('2024-01-31', '2024-02-29')).toBe(0);
  });
});
