import { outletOpenState, providersNow, type Provider } from './outlets';

// 2026-11-23 is a Monday; times in +08:00.
const at = (s: string) => new Date(`${s}+08:00`);
const knife: Provider = { name: '老刘', craft: '磨刀', days: [1, 3, 5], open: '08:00', close: '12:00' };
const umbrella: Provider = { name: '小陈', craft: '修伞', days: [2, 4], open: '09:00', close: '16:00' };

describe('who is at the booth (定点不定人)', () => {
  it('names who is there now and until when, and who comes next', () => {
    expect(providersNow([knife, umbrella], at('2026-11-23T10:00:00'))).toEqual({ current: { ...knife, until: '12:00' }, next: { ...umbrella, from: '09:00', dayOffset: 1 } });
  });
  it('names only who comes next when nobody is there', () => {
    expect(providersNow([knife, umbrella], at('2026-11-23T13:00:00'))).toEqual({ next: { ...umbrella, from: '09:00', dayOffset: 1 } });
    expect(providersNow([knife, umbrella], at('2026-11-24T17:00:00'))).toEqual({ next: { ...knife, from: '08:00', dayOffset: 1 } });
  });
  it('knows nobody for a booth without a timetable', () => {
    expect(providersNow(undefined, at('2026-11-23T10:00:00'))).toEqual({});
  });
});

describe('temporarily closed', () => {
  const hours = { windows: [{ days: [1, 2, 3, 4, 5, 6, 7], open: '00:00', close: '24:00' }] };
  it('is closed until the end of its last closed day, then open by its hours', () => {
    expect(outletOpenState({ hours, closedUntil: '2026-11-25' }, at('2026-11-25T23:00:00'))).toMatchObject({ open: false, label: '暂停营业 · 11月25日后恢复' });
    expect(outletOpenState({ hours, closedUntil: '2026-11-25' }, at('2026-11-26T00:30:00')).open).toBe(true);
  });
});
