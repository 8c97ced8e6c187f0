import { transition, assertBookable, slotEffect, type BookingState } from './lifecycle';

const start = new Date('2026-11-25T10:00:00+08:00');
const merchant = { id: 'u_m', role: 'merchant' as const };
const resident = { id: 'u_r', role: 'resident' as const };
const before = new Date('2026-11-25T07:00:00+08:00');

describe('booking lifecycle', () => {
  it('runs the happy path and records who did what', () => {
    const a = transition({ state: 'requested', slotStart: start }, 'accept', merchant, before);
    expect(a).toMatchObject({ to: 'accepted', releasesCapacity: false, history: { by: 'u_m', from: 'requested', to: 'accepted' } });
    const c = transition({ state: 'accepted', slotStart: start }, 'complete', merchant, start);
    expect(c.to).toBe('completed');
  });

  it('gives capacity back on reject and cancel, not on accept, complete or no-show', () => {
    expect(transition({ state: 'requested', slotStart: start }, 'reject', merchant, before, '今天休息').releasesCapacity).toBe(true);
    expect(transition({ state: 'accepted', slotStart: start }, 'cancel', resident, before).releasesCapacity).toBe(true);
    expect(transition({ state: 'accepted', slotStart: start }, 'merchantCancel', merchant, before, '师傅生病').releasesCapacity).toBe(true);
    expect(transition({ state: 'accepted', slotStart: start }, 'noShow', merchant, new Date(start.getTime() + 60_000)).releasesCapacity).toBe(false);
  });

  it.each<[BookingState, 'accept' | 'complete' | 'cancel']>([
    ['rejected', 'accept'],
    ['completed', 'cancel'],
    ['requested', 'complete'],
    ['cancelled', 'accept'],
    ['no_show', 'complete'],
  ])('refuses %s → %s with 409', (state, action) => {
    const actor = action === 'cancel' ? resident : merchant;
    expect(() => transition({ state, slotStart: start }, action, actor, before)).toThrow(expect.objectContaining({ status: 409 }));
  });

  it('checks the actor, the reason, the cut-off and the no-show time', () => {
    expect(() => transition({ state: 'requested', slotStart: start }, 'accept', resident, before)).toThrow(expect.objectContaining({ status: 403 }));
    expect(() => transition({ state: 'requested', slotStart: start }, 'cancel', merchant, before)).toThrow(expect.objectContaining({ status: 403 }));
    expect(() => transition({ state: 'requested', slotStart: start }, 'reject', merchant, before, '  ')).toThrow(expect.objectContaining({ status: 400 }));
    // Default cut-off 2 h: 08:00 is the last moment; 08:00 itself is too late.
    expect(transition({ state: 'requested', slotStart: start }, 'cancel', resident, new Date('2026-11-25T07:59:00+08:00')).to).toBe('cancelled');
    expect(() => transition({ state: 'requested', slotStart: start }, 'cancel', resident, new Date('2026-11-25T08:00:00+08:00'))).toThrow(expect.objectContaining({ status: 409 }));
    expect(transition({ state: 'requested', slotStart: start, cancelCutoffMinutes: 30 }, 'cancel', resident, new Date('2026-11-25T09:00:00+08:00')).to).toBe('cancelled');
    expect(() => transition({ state: 'accepted', slotStart: start }, 'noShow', merchant, before)).toThrow(expect.objectContaining({ status: 409 }));
  });

  it('promotes from the waitlist and lets a waitlisted booking leave without giving back a place', () => {
    const system = { id: 'system', role: 'system' as const };
    expect(transition({ state: 'waitlisted', slotStart: start }, 'promote', system, before)).toMatchObject({ to: 'requested', releasesCapacity: false, leavesWaitlist: true, takesCapacity: true });
    expect(transition({ state: 'waitlisted', slotStart: start }, 'cancel', resident, before)).toMatchObject({ to: 'cancelled', releasesCapacity: false, leavesWaitlist: true, takesCapacity: false });
    expect(transition({ state: 'accepted', slotStart: start }, 'cancel', resident, before)).toMatchObject({ releasesCapacity: true, leavesWaitlist: false });
    expect(() => transition({ state: 'waitlisted', slotStart: start }, 'accept', merchant, before)).toThrow(expect.objectContaining({ status: 409 }));
    expect(() => transition({ state: 'waitlisted', slotStart: start }, 'promote', merchant, before)).toThrow(expect.objectContaining({ status: 403 }));
    expect(() => transition({ state: 'requested', slotStart: start }, 'promote', system, before)).toThrow(expect.objectContaining({ status: 409 }));
  });

  it('refuses slots in the past', () => {
    expect(() => assertBookable(start, start)).toThrow(expect.objectContaining({ status: 409 }));
    expect(() => assertBookable(start, before)).not.toThrow();
  });
});

describe('what a transition does to the slot', () => {
  const system = { id: 'system', role: 'system' as const };
  it('promotion takes a place and keeps the claim; leaving the waitlist frees the claim; cancelling a place gives it back', () => {
    expect(slotEffect(transition({ state: 'waitlisted', slotStart: start }, 'promote', system, before))).toEqual({ counter: 'takePlace', removeWaitEntry: true, releaseClaim: false });
    expect(slotEffect(transition({ state: 'waitlisted', slotStart: start }, 'cancel', resident, before))).toEqual({ counter: 'leaveWaitlist', removeWaitEntry: true, releaseClaim: true });
    expect(slotEffect(transition({ state: 'accepted', slotStart: start }, 'cancel', resident, before))).toEqual({ counter: 'releasePlace', removeWaitEntry: false, releaseClaim: true });
  });
  it('accepting and completing leave the slot alone', () => {
    expect(slotEffect(transition({ state: 'requested', slotStart: start }, 'accept', merchant, before))).toEqual({ counter: 'none', removeWaitEntry: false, releaseClaim: false });
    expect(slotEffect(transition({ state: 'accepted', slotStart: start }, 'complete', merchant, start))).toEqual({ counter: 'none', removeWaitEntry: false, releaseClaim: false });
  });
});
