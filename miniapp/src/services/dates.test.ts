import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { calendarDay, clockOf, dayLabel, nextDays, recordTime, todayInShanghai } from './dates';

describe('Shanghai days and times', () => {
  afterEach(() => {
    jest.useRealTimers();
  });

  it('counts the day in Shanghai, not in UTC', () => {
    expect(todayInShanghai(Date.parse('2026-11-24T15:59:59Z'))).toBe('2026-11-24');
    expect(todayInShanghai(Date.parse('2026-11-24T16:00:00Z'))).toBe('2026-11-25');
  });

  it('lists today and the following days, across a month end', () => {
    jest.useFakeTimers({ now: Date.parse('2026-11-29T20:00:00Z') }); // 30 Nov, 04:00 in Shanghai
    expect(nextDays(3)).toEqual(['2026-11-30', '2026-12-01', '2026-12-02']);
  });

  it('writes the clock time of an instant in Shanghai', () => {
    expect(clockOf('2026-11-25T01:05:00.000Z')).toBe('09:05');
    expect(clockOf('2026-11-25T16:30:00Z')).toBe('00:30');
  });

  it('names the calendar day with its weekday', () => {
    expect(calendarDay('2026-11-25')).toBe('11月25日 周三');
    expect(calendarDay('2027-01-03')).toBe('1月3日 周日');
  });

  it('says 今天 and 明天 only for those days', () => {
    jest.useFakeTimers({ now: Date.parse('2026-11-24T16:30:00Z') }); // 25 Nov, 00:30 in Shanghai
    expect(dayLabel('2026-11-25')).toBe('今天 11月25日 周三');
    expect(dayLabel('2026-11-26')).toBe('明天 11月26日 周四');
    expect(dayLabel('2026-11-24')).toBe('11月24日 周二');
  });

  it('writes a record time with its year, in Shanghai', () => {
    expect(recordTime('2026-11-24T17:30:00.000Z')).toBe('2026年11月25日 01:30');
    expect(recordTime('2026-01-05T02:00:00.000Z')).toBe('2026年1月5日 10:00');
  });
});
