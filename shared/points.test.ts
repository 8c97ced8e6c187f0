import { formatPoints } from './points';

describe('formatPoints', () => {
  it('writes whole points without a decimal and half points with one', () => {
    expect(formatPoints(2)).toBe('2');
    expect(formatPoints(1.5)).toBe('1.5');
    expect(formatPoints(0)).toBe('0');
  });
  it('rounds to the nearest half point', () => {
    expect(formatPoints(1.26)).toBe('1.5');
    expect(formatPoints(1.24)).toBe('1');
  });
});
