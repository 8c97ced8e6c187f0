import { describe, expect, it } from '@jest/globals';
import { DECISION_REASONS } from '@shared/outlets';
import { APPLICATION_ACTIONS, manageActions, REVISION_ACTIONS } from './actions';

describe("the worker's choices", () => {
  it('offers only the moves the lifecycle allows from each status', () => {
    expect(manageActions('listed').map((a) => a.key)).toEqual(['suspend', 'closeTemporarily', 'closePermanently']);
    expect(manageActions('suspended').map((a) => a.key)).toEqual(['reinstate', 'closePermanently']);
    expect(manageActions('closed_temporarily').map((a) => a.key)).toEqual(['reinstate', 'suspend', 'closePermanently']);
    for (const s of ['draft', 'submitted', 'rejected', 'closed_permanently'] as const) expect(manageActions(s)).toEqual([]);
  });

  it('asks a reason for every "no" and a date for a temporary closure, from the code list', () => {
    const all = [...APPLICATION_ACTIONS, ...REVISION_ACTIONS, ...manageActions('listed'), ...manageActions('suspended')];
    for (const a of all) expect({ key: a.key, reason: a.needsReason }).toEqual({ key: a.key, reason: a.key !== 'approve' });
    expect(all.filter((a) => a.needsDate).map((a) => a.key)).toEqual(['closeTemporarily']);
    for (const a of all) for (const r of a.reasons ?? []) expect(DECISION_REASONS).toHaveProperty(r);
  });
});
