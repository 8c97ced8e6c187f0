import { NEED_STATES, type NeedState } from '../../shared/needs';
import { NEED_RULES, transition, type NeedAction, type NeedInput } from './lifecycle';

const NOW = new Date('2026-12-04T04:00:00Z');
const FULL: NeedInput = { note: '已联系物业', owner: '陈社工', expectedDate: '2026-12-20', duplicateOf: 'n_1', responsible: '区城管局', rating: 'satisfied' };
const resolvedAt = new Date(NOW.getTime() - 3 * 86_400_000).toISOString();

/** The legal moves, written out by hand: [action, from states, to]. */
const LEGAL: Array<[NeedAction, NeedState[], NeedState]> = [
  ['accept', ['submitted'], 'accepted'],
  ['plan', ['accepted'], 'planned'],
  ['start', ['accepted', 'planned'], 'in_progress'],
  ['resolve', ['accepted', 'planned', 'in_progress'], 'resolved'],
  ['confirm', ['resolved'], 'confirmed'],
  ['reopen', ['resolved'], 'in_progress'],
  ['markDuplicate', ['submitted', 'accepted', 'planned', 'in_progress'], 'duplicate'],
  ['outOfScope', ['submitted', 'accepted'], 'out_of_scope'],
  ['decline', ['submitted', 'accepted', 'planned'], 'declined'],
  ['withdraw', ['submitted', 'accepted', 'planned', 'in_progress'], 'withdrawn'],
  ['hide', NEED_STATES.filter((s) => s !== 'hidden'), 'hidden'],
];

describe('need state machine', () => {
  const actorFor = (a: NeedAction) => ({ id: 'u1', role: NEED_RULES[a].by });
  it.each(LEGAL)('%s moves %j to %s and nothing else', (action, from, to) => {
    for (const state of NEED_STATES) {
      const run = () => transition({ state, resolvedAt }, action, actorFor(action), FULL, NOW);
      if (from.includes(state)) expect(run()).toMatchObject({ to, history: { action, from: state, to, by: 'u1' } });
      else expect(run).toThrow(expect.objectContaining({ code: 'CONFLICT' }));
    }
  });

  it('lets only the named role act', () => {
    expect(() => transition({ state: 'submitted' }, 'accept', { id: 'u2', role: 'author' }, FULL, NOW)).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
    expect(() => transition({ state: 'resolved', resolvedAt }, 'confirm', { id: 'w', role: 'worker' }, FULL, NOW)).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
  });

  it('requires a note from the worker and what each action names', () => {
    expect(() => transition({ state: 'submitted' }, 'accept', { id: 'w', role: 'worker' }, { ...FULL, note: '  ' }, NOW)).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED', message: '请填写说明' }));
    expect(() => transition({ state: 'submitted' }, 'accept', { id: 'w', role: 'worker' }, { note: '收到', owner: '陈社工' }, NOW)).toThrow(expect.objectContaining({ message: '请填写预计办结日期' }));
    expect(() => transition({ state: 'submitted' }, 'outOfScope', { id: 'w', role: 'worker' }, { note: '不归社区' }, NOW)).toThrow(expect.objectContaining({ message: '请写明由哪个部门负责' }));
    expect(() => transition({ state: 'resolved', resolvedAt }, 'confirm', { id: 'a', role: 'author' }, {}, NOW)).toThrow(expect.objectContaining({ message: '请选择满意程度' }));
    expect(transition({ state: 'submitted' }, 'withdraw', { id: 'a', role: 'author' }, {}, NOW).to).toBe('withdrawn');
  });

  it('gives the author 14 days to confirm or reopen, then confirms by itself', () => {
    const old = new Date(NOW.getTime() - 15 * 86_400_000).toISOString();
    expect(() => transition({ state: 'resolved', resolvedAt: old }, 'reopen', { id: 'a', role: 'author' }, { note: '没修好' }, NOW)).toThrow(expect.objectContaining({ code: 'CONFLICT' }));
    expect(transition({ state: 'resolved', resolvedAt: old }, 'autoConfirm', { id: 'system', role: 'system' }, {}, NOW).to).toBe('confirmed');
    expect(() => transition({ state: 'resolved', resolvedAt }, 'autoConfirm', { id: 'system', role: 'system' }, {}, NOW)).toThrow(expect.objectContaining({ code: 'CONFLICT' }));
  });

  it('counts reopens and flags the second for escalation; resolving starts the 14 days again', () => {
    const first = transition({ state: 'resolved', resolvedAt }, 'reopen', { id: 'a', role: 'author' }, { note: '还是坏的' }, NOW);
    expect(first).toMatchObject({ to: 'in_progress', reopens: 1, escalated: false });
    const again = transition({ state: 'in_progress', reopens: 1 }, 'resolve', { id: 'w', role: 'worker' }, { note: '换了新灯' }, NOW);
    expect(again).toMatchObject({ to: 'resolved', resolvedAt: NOW.toISOString(), reopens: 1 });
    expect(transition({ state: 'resolved', resolvedAt, reopens: 1 }, 'reopen', { id: 'a', role: 'author' }, { note: '又坏了' }, NOW)).toMatchObject({ reopens: 2, escalated: true });
  });

  it('records the note, rating and links in the history entry, trimmed', () => {
    const t = transition({ state: 'resolved', resolvedAt }, 'confirm', { id: 'a', role: 'author' }, { rating: 'mostly', note: ' 谢谢 ' }, NOW);
    expect(t.history).toEqual({ at: NOW.toISOString(), by: 'a', role: 'author', action: 'confirm', from: 'resolved', to: 'confirmed', rating: 'mostly', note: '谢谢' });
    const p = transition({ state: 'accepted' }, 'plan', { id: 'w', role: 'worker' }, { note: '列入明年计划', gap: { type: 'repair', compoundId: 'cm-dongling' } }, NOW);
    expect(p.history.gap).toEqual({ type: 'repair', compoundId: 'cm-dongling' });
  });
});
