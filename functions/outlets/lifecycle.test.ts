import { decide, OUTLET_ACTIONS, type OutletAction } from './lifecycle';
import { OUTLET_STATUSES, approvalOf, statusOf, type OutletStatus } from '../../shared/outlets';

const today = '2026-12-04';
const byOf = (a: OutletAction) => (a === 'submit' ? 'owner' : 'worker');
const reasoned = (a: OutletAction) => ({ action: a, reason: 'other' as const, until: '2026-12-10' });

// Every legal move, as the lifecycle names them.
const LEGAL: Array<[OutletStatus, OutletAction, OutletStatus]> = [
  ['draft', 'submit', 'submitted'],
  ['needs_changes', 'submit', 'submitted'],
  ['submitted', 'approve', 'listed'],
  ['submitted', 'reject', 'rejected'],
  ['submitted', 'askChanges', 'needs_changes'],
  ['listed', 'suspend', 'suspended'],
  ['closed_temporarily', 'suspend', 'suspended'],
  ['suspended', 'reinstate', 'listed'],
  ['closed_temporarily', 'reinstate', 'listed'],
  ['listed', 'closeTemporarily', 'closed_temporarily'],
  ['listed', 'closePermanently', 'closed_permanently'],
  ['suspended', 'closePermanently', 'closed_permanently'],
  ['closed_temporarily', 'closePermanently', 'closed_permanently'],
];

describe('outlet lifecycle', () => {
  it.each(LEGAL)('%s --%s--> %s', (from, action, to) => {
    expect(decide(from, reasoned(action), byOf(action), today)).toBe(to);
  });

  it('refuses every other move with 409', () => {
    let refused = 0;
    for (const from of OUTLET_STATUSES) {
      for (const action of OUTLET_ACTIONS) {
        if (LEGAL.some(([f, a]) => f === from && a === action)) continue;
        expect(() => decide(from, reasoned(action), byOf(action), today)).toThrow(expect.objectContaining({ status: 409 }));
        refused++;
      }
    }
    expect(refused).toBe(OUTLET_STATUSES.length * OUTLET_ACTIONS.length - LEGAL.length);
  });

  it('lets only the applicant submit and only the worker decide', () => {
    expect(() => decide('draft', { action: 'submit' }, 'worker', today)).toThrow(expect.objectContaining({ status: 403 }));
    expect(() => decide('submitted', { action: 'approve' }, 'owner', today)).toThrow(expect.objectContaining({ status: 403 }));
  });

  it('asks for a reason when saying no, and a future date to close until', () => {
    expect(decide('submitted', { action: 'approve' }, 'worker', today)).toBe('listed');
    expect(() => decide('submitted', { action: 'reject' }, 'worker', today)).toThrow(expect.objectContaining({ status: 400 }));
    expect(() => decide('listed', { action: 'closeTemporarily', reason: 'renovation', until: today }, 'worker', today)).toThrow(expect.objectContaining({ status: 400 }));
    expect(() => decide('listed', { action: 'closeTemporarily', reason: 'renovation' }, 'worker', today)).toThrow(expect.objectContaining({ status: 400 }));
  });

  it('keeps listed and temporarily closed outlets findable, and reads old records by their approval', () => {
    expect(OUTLET_STATUSES.filter((s) => approvalOf(s) === 'approved')).toEqual(['listed', 'closed_temporarily']);
    expect(statusOf({ approval: 'approved' })).toBe('listed');
    expect(statusOf({ approval: 'pending' })).toBe('submitted');
    expect(statusOf({ status: 'draft', approval: 'pending' })).toBe('draft');
  });
});
