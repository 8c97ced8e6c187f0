import { describe, expect, it } from '@jest/globals';
import { parseYuan, yuanText } from './money';

describe('yuan as typed ↔ fen', () => {
  it('reads whole yuan, one or two decimals, and a trailing 元', () => {
    expect(parseYuan('12')).toBe(1200);
    expect(parseYuan(' 12.5 ')).toBe(1250);
    expect(parseYuan('0.05')).toBe(5);
    expect(parseYuan('8元')).toBe(800);
    expect(parseYuan('0')).toBe(0);
  });

  it('refuses what is not a plain amount instead of guessing', () => {
    for (const bad of ['', ' ', '-3', '1.234', '十元', '1e3', '1,000', '12.', '.5', '12345678']) expect(parseYuan(bad)).toBeNull();
  });

  it('writes fen back as the shortest amount that reads the same', () => {
    expect(yuanText(1200)).toBe('12');
    expect(yuanText(1250)).toBe('12.5');
    expect(yuanText(1205)).toBe('12.05');
    expect(yuanText(5)).toBe('0.05');
    expect(yuanText(0)).toBe('0');
    expect(yuanText(null)).toBe('');
  });

  it('round-trips every amount a box can hold', () => {
    for (const fen of [0, 1, 10, 99, 100, 101, 1990, 123456, 1_000_000]) expect(parseYuan(yuanText(fen))).toBe(fen);
  });
});
