import { describeHours, openState, overlapProblem, validateHours, type OpeningHours } from './hours';

// 2026-11-23 is a Monday. Times are written in +08:00 so the tests read in Shanghai time.
const at = (s: string) => new Date(`${s}+08:00`);
const daily = (open: string, close: string): OpeningHours => ({ windows: [{ days: [1, 2, 3, 4, 5, 6, 7], open, close }] });

describe('opening hours in Asia/Shanghai', () => {
  it('reports open with closing time, and closed with the next opening', () => {
    const h = daily('08:00', '18:00');
    expect(openState(h, at('2026-11-23T09:00:00'))).toMatchObject({ open: true, closesAt: { time: '18:00', dayOffset: 0 }, label: '营业中 · 18:00打烊' });
    expect(openState(h, at('2026-11-23T07:59:00'))).toMatchObject({ open: false, opensAt: { time: '08:00', dayOffset: 0 } });
    expect(openState(h, at('2026-11-23T18:00:00'))).toMatchObject({ open: false, opensAt: { time: '08:00', dayOffset: 1 }, label: '休息中 · 明天 08:00开门' });
  });

  it('evaluates in China time whatever the clock of the machine says', () => {
    // 01:30 UTC is 09:30 in Shanghai.
    expect(openState(daily('08:00', '18:00'), new Date('2026-11-23T01:30:00Z')).open).toBe(true);
    expect(openState(daily('08:00', '18:00'), new Date('2026-11-23T11:30:00Z')).open).toBe(false);
  });

  it('handles overnight windows on both sides of midnight', () => {
    const h = daily('18:00', '02:00');
    expect(openState(h, at('2026-11-23T23:30:00'))).toMatchObject({ open: true, closesAt: { time: '02:00', dayOffset: 1 } });
    expect(openState(h, at('2026-11-24T01:00:00'))).toMatchObject({ open: true, closesAt: { time: '02:00', dayOffset: 0 } });
    expect(openState(h, at('2026-11-24T03:00:00'))).toMatchObject({ open: false, opensAt: { time: '18:00', dayOffset: 0 } });
  });

  it('carries a Sunday overnight window into Monday morning', () => {
    const h: OpeningHours = { windows: [{ days: [7], open: '20:00', close: '03:00' }] };
    expect(openState(h, at('2026-11-23T02:00:00')).open).toBe(true); // Monday 02:00
    expect(openState(h, at('2026-11-23T04:00:00'))).toMatchObject({ open: false, opensAt: { time: '20:00', dayOffset: 6 } });
  });

  it('handles several windows a day (早中晚 tidal stalls)', () => {
    const h: OpeningHours = {
      windows: [
        { days: [1, 2, 3, 4, 5, 6, 7], open: '06:30', close: '09:00' },
        { days: [1, 2, 3, 4, 5, 6, 7], open: '11:00', close: '13:00' },
        { days: [1, 2, 3, 4, 5, 6, 7], open: '17:00', close: '20:00' },
      ],
    };
    expect(openState(h, at('2026-11-23T10:00:00'))).toMatchObject({ open: false, opensAt: { time: '11:00', dayOffset: 0 } });
    expect(openState(h, at('2026-11-23T12:00:00'))).toMatchObject({ open: true, closesAt: { time: '13:00', dayOffset: 0 } });
    expect(openState(h, at('2026-11-23T21:00:00'))).toMatchObject({ open: false, opensAt: { time: '06:30', dayOffset: 1 } });
  });

  it('skips closed days', () => {
    const weekdays: OpeningHours = { windows: [{ days: [1, 2, 3, 4, 5], open: '07:30', close: '18:00' }] };
    // Saturday 10:00 → opens Monday 07:30, two days later.
    expect(openState(weekdays, at('2026-11-28T10:00:00'))).toMatchObject({ open: false, opensAt: { time: '07:30', dayOffset: 2 }, label: '休息中 · 后天 07:30开门' });
    const closedMonday: OpeningHours = { windows: [{ days: [2, 3, 4, 5, 6, 7], open: '09:00', close: '21:00' }] };
    expect(openState(closedMonday, at('2026-11-23T12:00:00'))).toMatchObject({ open: false, opensAt: { dayOffset: 1 } });
  });

  it('knows 24-hour outlets never close, and outlets without windows never open', () => {
    expect(openState(daily('00:00', '24:00'), at('2026-11-25T03:17:00'))).toMatchObject({ open: true, alwaysOpen: true, label: '24小时营业' });
    expect(openState({ windows: [] }, at('2026-11-25T03:17:00'))).toMatchObject({ open: false, label: '暂停营业' });
  });

  it('describes hours in Chinese and validates input', () => {
    expect(describeHours(daily('00:00', '24:00'))).toEqual(['每天 24小时']);
    expect(describeHours({ windows: [{ days: [1, 2, 3, 4, 5], open: '07:30', close: '18:00' }] })).toEqual(['周一至周五 07:30–18:00']);
    expect(describeHours({ windows: [{ days: [1, 3, 5], open: '22:00', close: '02:00' }] })).toEqual(['周一、周三、周五 22:00–次日02:00']);
    expect(validateHours(daily('08:00', '18:00'))).toBeNull();
    expect(validateHours(daily('8:00', '18:00'))).not.toBeNull();
    expect(validateHours({ windows: [{ days: [0], open: '08:00', close: '09:00' }] })).not.toBeNull();
  });
});

describe('overlapping windows', () => {
  it('accepts split days, overnight windows and touching windows', () => {
    expect(overlapProblem({ windows: [{ days: [1, 2, 3], open: '07:00', close: '10:00' }, { days: [1, 2, 3], open: '16:00', close: '19:00' }] })).toBeNull();
    expect(overlapProblem({ windows: [{ days: [1], open: '08:00', close: '12:00' }, { days: [1], open: '12:00', close: '14:00' }] })).toBeNull();
    expect(overlapProblem({ windows: [{ days: [5, 6], open: '22:00', close: '02:00' }, { days: [6, 7], open: '08:00', close: '12:00' }] })).toBeNull();
  });
  it('refuses windows that overlap on a day, across midnight, or across the week end', () => {
    expect(overlapProblem({ windows: [{ days: [1], open: '08:00', close: '12:00' }, { days: [1, 2], open: '11:00', close: '14:00' }] })).toContain('周一');
    expect(overlapProblem({ windows: [{ days: [5], open: '22:00', close: '03:00' }, { days: [6], open: '02:00', close: '09:00' }] })).toContain('周六');
    expect(overlapProblem({ windows: [{ days: [7], open: '22:00', close: '03:00' }, { days: [1], open: '02:00', close: '09:00' }] })).not.toBeNull();
    expect(overlapProblem({ windows: [{ days: [1, 1], open: '08:00', close: '09:00' }] })).not.toBeNull();
  });
});
