import { activityHalfHours, checkinCode, claimedInterval, codeRotatesAt, findOverlap, inCheckinWindow, signupTransition, verifyCheckinCode } from './hours';

const t = (s: string) => new Date(`${s}+08:00`);

describe('sign-up states', () => {
  it('follows sign-up → check-in → check-out → confirm, and nothing else', () => {
    expect(signupTransition('none', 'signUp')).toBe('signed_up');
    expect(signupTransition('cancelled', 'signUp')).toBe('signed_up');
    expect(signupTransition('signed_up', 'checkIn')).toBe('checked_in');
    expect(signupTransition('checked_in', 'checkOut')).toBe('pending');
    expect(signupTransition('pending', 'confirm')).toBe('confirmed');
    expect(signupTransition('checked_in', 'confirm')).toBeUndefined(); // confirm needs a check-out
    expect(signupTransition('checked_in', 'adjust')).toBe('confirmed'); // forgot to check out
    expect(signupTransition('confirmed', 'adjust')).toBeUndefined();
    expect(signupTransition('confirmed', 'reject')).toBeUndefined();
    expect(signupTransition('checked_in', 'cancel')).toBeUndefined();
    expect(signupTransition('pending', 'addByHand')).toBeUndefined();
    expect(signupTransition('none', 'addByHand')).toBe('confirmed');
  });
});

describe('rotating check-in code', () => {
  const secret = 'test-secret';
  it('is six digits that change every minute', () => {
    const a = checkinCode(secret, new Date('2026-11-28T01:00:10.000Z'));
    expect(a).toMatch(/^\d{6}$/);
    expect(checkinCode(secret, new Date('2026-11-28T01:00:59.999Z'))).toBe(a);
    const codes = new Set(Array.from({ length: 30 }, (_, i) => checkinCode(secret, new Date(Date.UTC(2026, 10, 28, 1, i)))));
    expect(codes.size).toBeGreaterThan(25);
    expect(checkinCode('other-secret', new Date('2026-11-28T01:00:10.000Z'))).not.toBe(a);
    expect(codeRotatesAt(new Date('2026-11-28T01:00:10.000Z')).toISOString()).toBe('2026-11-28T01:01:00.000Z');
  });
  it('accepts the current and the previous code only', () => {
    const now = new Date('2026-11-28T01:05:30.000Z');
    expect(verifyCheckinCode(secret, checkinCode(secret, now), now)).toBe(true);
    expect(verifyCheckinCode(secret, checkinCode(secret, new Date(now.getTime() - 60_000)), now)).toBe(true);
    expect(verifyCheckinCode(secret, checkinCode(secret, new Date(now.getTime() - 120_000)), now)).toBe(false);
    expect(verifyCheckinCode(secret, checkinCode(secret, new Date(now.getTime() + 60_000)), now)).toBe(false);
    expect(verifyCheckinCode(secret, '12345', now)).toBe(false);
  });
  it('works from 15 minutes before the start to 15 minutes after the end', () => {
    const start = t('2026-11-28T09:00:00');
    const end = t('2026-11-28T11:00:00');
    expect(inCheckinWindow(t('2026-11-28T08:44:00'), start, end)).toBe(false);
    expect(inCheckinWindow(t('2026-11-28T08:45:00'), start, end)).toBe(true);
    expect(inCheckinWindow(t('2026-11-28T11:15:00'), start, end)).toBe(true);
    expect(inCheckinWindow(t('2026-11-28T11:16:00'), start, end)).toBe(false);
  });
});

describe('claimed hours', () => {
  const start = t('2026-11-28T09:00:00');
  const end = t('2026-11-28T12:00:00');
  it('claims from the check-in (clipped to the activity) for the credited half hours', () => {
    expect(claimedInterval({ id: 'a', start, end }, 4, t('2026-11-28T09:40:00'))).toEqual({ activityId: 'a', from: t('2026-11-28T09:40:00').toISOString(), to: t('2026-11-28T11:40:00').toISOString() });
    expect(claimedInterval({ id: 'a', start, end }, 2, t('2026-11-28T08:00:00')).from).toBe(start.toISOString());
    expect(claimedInterval({ id: 'a', start, end }, 2)).toEqual({ activityId: 'a', from: start.toISOString(), to: t('2026-11-28T10:00:00').toISOString() });
  });
  it('stays inside the activity when adjusted hours exceed what follows a late check-in', () => {
    expect(claimedInterval({ id: 'a', start, end }, 6, t('2026-11-28T10:00:00'))).toEqual({ activityId: 'a', from: start.toISOString(), to: end.toISOString() });
  });
  it('finds overlaps with other activities; touching ends do not overlap', () => {
    const claimed = [{ activityId: 'x', from: t('2026-11-28T08:00:00').toISOString(), to: t('2026-11-28T09:00:00').toISOString() }];
    expect(findOverlap(claimed, claimedInterval({ id: 'a', start, end }, 2))).toBeUndefined();
    expect(findOverlap(claimed, { activityId: 'a', from: t('2026-11-28T08:30:00').toISOString(), to: t('2026-11-28T09:30:00').toISOString() })).toBe(claimed[0]);
    expect(findOverlap(claimed, { activityId: 'x', from: t('2026-11-28T08:30:00').toISOString(), to: t('2026-11-28T09:30:00').toISOString() })).toBeUndefined();
  });
  it('caps credit at the activity length', () => {
    expect(activityHalfHours(start, end)).toBe(6);
    expect(activityHalfHours(start, t('2026-11-28T09:50:00'))).toBe(1);
  });
});
