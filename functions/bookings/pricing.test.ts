import { mealPrice, DEFAULT_CANTEEN_PRICING } from './pricing';
import { ageOn } from '../../shared/time';

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
