import { describe, expect, it } from '@jest/globals';
import { kindCounts, reportOutcomeText } from './reports';

describe('reports in words', () => {
  it('counts the reports by kind, most first', () => {
    const at = '2026-11-25T01:00:00.000Z';
    expect(kindCounts([{ userId: 'a', kind: 'wrong_hours', at }, { userId: 'b', kind: 'closed', at }, { userId: 'c', kind: 'closed', at }])).toBe('已关门 ×2 · 时间不对 ×1');
    expect(kindCounts([])).toBe('');
  });

  it('tells the reporter the outcome, or that it is still being checked', () => {
    expect(reportOutcomeText({})).toEqual({ done: false, text: '社区核实中' });
    expect(reportOutcomeText({ outcome: 'closed' })).toEqual({ done: true, text: '已确认关门' });
    expect(reportOutcomeText({ outcome: 'dismissed', outcomeNote: '周一照常营业' })).toEqual({ done: true, text: '经核实无误：周一照常营业' });
  });
});
