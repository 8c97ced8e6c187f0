import { addWorkingDays, monthFigures, slaOf, type NeedRecordLike } from './figures';
import type { NeedHistoryEntry } from './lifecycle';

const h = (action: NeedHistoryEntry['action'], at: string, extra: Partial<NeedHistoryEntry> = {}): NeedHistoryEntry =>
  ({ at, by: action === 'confirm' || action === 'reopen' || action === 'withdraw' ? 'author' : 'w', role: ['confirm', 'reopen', 'withdraw'].includes(action) ? 'author' : 'worker', action, from: 'submitted', to: 'accepted', ...extra }) as NeedHistoryEntry;

describe('working-day SLA', () => {
  it('skips the weekend', () => {
    // Friday 2026-12-04 15:00 China → Monday 15:00; three working days → Wednesday.
    expect(addWorkingDays('2026-12-04T07:00:00Z', 1).toISOString()).toBe('2026-12-07T07:00:00.000Z');
    expect(addWorkingDays('2026-12-04T07:00:00Z', 3).toISOString()).toBe('2026-12-09T07:00:00.000Z');
  });
  it('colours an open need blue while fresh, yellow past half its time, red when overdue', () => {
    const n: NeedRecordLike = { createdAt: '2026-12-01T02:00:00Z', state: 'submitted', history: [] };
    expect(slaOf(n, new Date('2026-12-01T05:00:00Z')).colour).toBe('blue');
    expect(slaOf(n, new Date('2026-12-01T15:00:00Z')).colour).toBe('yellow');
    expect(slaOf(n, new Date('2026-12-02T03:00:00Z'))).toMatchObject({ colour: 'red', overdue: true });
    const signed = { ...n, state: 'accepted' as const, history: [h('accept', '2026-12-01T06:00:00Z')] };
    expect(slaOf(signed, new Date('2026-12-02T03:00:00Z'))).toMatchObject({ colour: 'blue', overdue: false, signedAt: '2026-12-01T06:00:00Z' });
    expect(slaOf({ ...signed, state: 'confirmed' }, new Date('2026-12-30T00:00:00Z')).colour).toBeNull();
  });
});

describe('public figures from a hand-written history', () => {
  // December 2026, six needs:
  const needs: NeedRecordLike[] = [
    // a: signed the same day, resolved after 4 days, confirmed 满意.
    { createdAt: '2026-12-01T01:00:00Z', state: 'confirmed', history: [h('accept', '2026-12-01T03:00:00Z'), h('resolve', '2026-12-05T01:00:00Z'), h('confirm', '2026-12-06T00:00:00Z', { rating: 'satisfied' })] },
    // b: signed late (3 days), resolved after 10 days, reopened, resolved again at 12 days, confirmed 不满意.
    { createdAt: '2026-12-01T01:00:00Z', state: 'confirmed', history: [h('accept', '2026-12-04T01:00:00Z'), h('resolve', '2026-12-11T01:00:00Z'), h('reopen', '2026-12-11T05:00:00Z'), h('resolve', '2026-12-13T01:00:00Z'), h('confirm', '2026-12-14T00:00:00Z', { rating: 'unsatisfied' })] },
    // c: declined — answered, not handled.
    { createdAt: '2026-12-02T01:00:00Z', state: 'declined', history: [h('decline', '2026-12-02T02:00:00Z')] },
    // d: withdrawn before anyone signed: left out.
    { createdAt: '2026-12-03T01:00:00Z', state: 'withdrawn', history: [h('withdraw', '2026-12-03T02:00:00Z')] },
    // e: a duplicate: counted through its original.
    { createdAt: '2026-12-03T01:00:00Z', state: 'duplicate', history: [h('markDuplicate', '2026-12-03T02:00:00Z')] },
    // f: still waiting.
    { createdAt: '2026-12-20T01:00:00Z', state: 'submitted', history: [] },
    // November: not this month.
    { createdAt: '2026-11-30T01:00:00Z', state: 'submitted', history: [] },
  ];
  it('computes 受理率, 按时签收率, 办结率, 满意率, 重办率 and the median days', () => {
    expect(monthFigures(needs, '2026-12')).toEqual({
      month: '2026-12',
      submitted: 6,
      acceptedRate: 0.5, // a, b of a, b, c, f
      onTimeSignRate: 0.5, // a
      resolvedRate: 0.5, // a, b
      satisfiedRate: 0.5, // 满意 of 满意 + 不满意
      reopenRate: 0.5, // b
      medianDaysToResolve: 8, // 4 and 12 days
    });
    expect(monthFigures(needs, '2026-10')).toMatchObject({ submitted: 0, acceptedRate: null, medianDaysToResolve: null });
  });
});
