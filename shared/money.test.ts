import { formatPrice, formatYuan } from './money';

describe('prices in fen', () => {
  it('formats yuan without float noise', () => {
    expect(formatYuan(150)).toBe('1.5');
    expect(formatYuan(1000)).toBe('10');
    expect(formatYuan(320000)).toBe('3,200');
    expect(formatYuan(5)).toBe('0.05');
  });
  it('formats ranges, units, free and negotiable prices', () => {
    expect(formatPrice(300, 500)).toBe('3–5元');
    expect(formatPrice(500, undefined, '把')).toBe('5元/把');
    expect(formatPrice(0)).toBe('免费');
    expect(formatPrice(null)).toBe('面议');
  });
});
