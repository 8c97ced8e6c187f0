import { transition, assertBookable, type BookingState } from './lifecycle';
import { mealPrice, DEFAULT_CANTEEN_PRICING } from './pricing';
import { ageOn } from '../../shared/time';

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

describe('canteen pricing', () => {
  it('computes whole years of age on the meal date', () => {
    expect(ageOn('1966-11-25', '2026-11-24')).toBe(59);
    expect(ageOn('1966-11-25', '2026-11-25')).toBe(60);
    expect(ageOn('1966-02-28', '2026-03-01')).toBe(60);
  });

  it('charges under-60s the base price', () => {
    expect(mealPrice({ baseFen: 1500, birthDate: '1990-01-01', mealDate: '2026-11-25', subsidisedMealsUsedToday: 0 })).toMatchObject({ payFen: 1500, discountFen: 0, subsidyFen: 0 });
    expect(mealPrice({ baseFen: 1500, mealDate: '2026-11-25', subsidisedMealsUsedToday: 0 }).payFen).toBe(1500);
  });

  it('gives 60+ the 9折 and the 3元 subsidy once a day', () => {
    const first = mealPrice({ baseFen: 1500, birthDate: '1950-05-01', mealDate: '2026-11-25', subsidisedMealsUsedToday: 0 });
    expect(first).toMatchObject({ discountFen: 150, subsidyFen: 300, payFen: 1050, subsidised: true });
    expect(first.lines.reduce((s, l) => s + l.amountFen, 0)).toBe(first.payFen);
    const second = mealPrice({ baseFen: 1500, birthDate: '1950-05-01', mealDate: '2026-11-25', subsidisedMealsUsedToday: 1 });
    expect(second).toMatchObject({ discountFen: 150, subsidyFen: 0, payFen: 1350, subsidised: false });
  });

  it('follows per-canteen configuration, never goes below zero, and frees hardship meals', () => {
    const custom = { ...DEFAULT_CANTEEN_PRICING, elderRatePermille: 800, subsidyFen: 2000 };
    expect(mealPrice({ baseFen: 1200, birthDate: '1950-05-01', mealDate: '2026-11-25', subsidisedMealsUsedToday: 0, pricing: custom })).toMatchObject({ discountFen: 240, subsidyFen: 960, payFen: 0 });
    expect(mealPrice({ baseFen: 1500, birthDate: '1950-05-01', mealDate: '2026-11-25', subsidisedMealsUsedToday: 0, hardshipFreeMeal: true }).payFen).toBe(0);
    expect(() => mealPrice({ baseFen: 12.5, mealDate: '2026-11-25', subsidisedMealsUsedToday: 0 })).toThrow(RangeError);
  });
});
