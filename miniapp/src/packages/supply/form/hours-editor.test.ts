import { describe, expect, it } from '@jest/globals';
import { overlapProblem } from '@shared/hours';
import { addWindow, closedDaysLabel, isOvernight, normalizeTime, removeWindow, setTime, toggleDay, windowLabel } from './hours-editor';

describe('the weekly-hours editor', () => {
  it('starts with one window every day, and a second one after the first without overlapping it', () => {
    const one = addWindow([]);
    expect(one).toEqual([{ days: [1, 2, 3, 4, 5, 6, 7], open: '08:00', close: '18:00' }]);
    const two = addWindow(setTime(one, 0, 'close', '11:30'));
    expect(two[1]).toEqual({ days: [1, 2, 3, 4, 5, 6, 7], open: '11:30', close: '15:30' });
    expect(overlapProblem({ windows: two })).toBeNull();
  });

  it('runs a late window past midnight rather than past 24:00', () => {
    const w = addWindow([{ days: [5, 6], open: '17:00', close: '22:00' }])[1];
    expect(w).toEqual({ days: [5, 6], open: '22:00', close: '02:00' });
    expect(isOvernight(w)).toBe(true);
    expect(windowLabel(w)).toBe('周五、周六 22:00–次日02:00');
  });

  it('toggles days in order and removes a window', () => {
    let ws = addWindow([]);
    ws = toggleDay(ws, 0, 7);
    ws = toggleDay(ws, 0, 6);
    expect(ws[0].days).toEqual([1, 2, 3, 4, 5]);
    ws = toggleDay(ws, 0, 6);
    expect(ws[0].days).toEqual([1, 2, 3, 4, 5, 6]);
    expect(windowLabel(ws[0])).toBe('周一至周六 08:00–18:00');
    expect(closedDaysLabel(ws)).toBe('周日休息');
    expect(removeWindow(addWindow(ws), 0)).toHaveLength(1);
  });

  it('says nothing of a window still being typed, and names closed days', () => {
    expect(windowLabel({ days: [1], open: '8:0', close: '18:00' })).toBeNull();
    expect(windowLabel({ days: [], open: '08:00', close: '18:00' })).toBeNull();
    expect(closedDaysLabel([{ days: [1, 2, 3, 4, 5], open: '08:00', close: '18:00' }])).toBe('周六、周日休息');
    expect(closedDaysLabel([])).toBe('每天都不营业（暂停营业）');
    expect(isOvernight({ days: [1], open: '00:00', close: '24:00' })).toBe(false);
  });

  it('reads times as people type them', () => {
    expect(normalizeTime('8:00')).toBe('08:00');
    expect(normalizeTime('8：30')).toBe('08:30');
    expect(normalizeTime('1830')).toBe('18:30');
    expect(normalizeTime('24:00')).toBe('24:00');
    expect(normalizeTime('25:00')).toBe('25:00');
    expect(normalizeTime('早上八点')).toBe('早上八点');
  });
});
