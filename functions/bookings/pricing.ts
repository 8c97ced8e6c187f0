/**
 * Elderly-canteen pricing, pure. The price is always computed on the server from a verified birth date:
 * 60+ pay the discounted price (default 9折) and get a per-meal subsidy (default 3 元) for at most one meal
 * a day; residents certified as in hardship get the free set meal. All amounts are integer fen.
 */
import { ageOn } from '../../shared/time';

export interface CanteenPricing {
  elderAge: number;
  /** Discount for elders as a per-mille rate: 900 = 9折. */
  elderRatePermille: number;
  subsidyFen: number;
  subsidisedMealsPerDay: number;
}

export const DEFAULT_CANTEEN_PRICING: CanteenPricing = {
  elderAge: 60,
  elderRatePermille: 900,
  subsidyFen: 300,
  subsidisedMealsPerDay: 1,
};

export interface PriceLine {
  label: string;
  amountFen: number;
}

export interface MealPrice {
  baseFen: number;
  discountFen: number;
  subsidyFen: number;
  payFen: number;
  subsidised: boolean;
  lines: PriceLine[];
}

export function mealPrice(input: {
  baseFen: number;
  birthDate?: string;
  mealDate: string;
  subsidisedMealsUsedToday: number;
  hardshipFreeMeal?: boolean;
  pricing?: CanteenPricing;
}): MealPrice {
  const pricing = input.pricing ?? DEFAULT_CANTEEN_PRICING;
  if (!Number.isInteger(input.baseFen) || input.baseFen < 0) throw new RangeError('base price must be whole fen');
  const lines: PriceLine[] = [{ label: '套餐原价', amountFen: input.baseFen }];
  if (input.hardshipFreeMeal) {
    lines.push({ label: '困难老人免费餐', amountFen: -input.baseFen });
    return { baseFen: input.baseFen, discountFen: input.baseFen, subsidyFen: 0, payFen: 0, subsidised: false, lines };
  }
  const elder = input.birthDate !== undefined && ageOn(input.birthDate, input.mealDate) >= pricing.elderAge;
  const discounted = elder ? Math.round((input.baseFen * pricing.elderRatePermille) / 1000) : input.baseFen;
  const discountFen = input.baseFen - discounted;
  if (discountFen > 0) lines.push({ label: `${pricing.elderAge}岁以上${pricing.elderRatePermille / 100}折`, amountFen: -discountFen });
  const subsidised = elder && input.subsidisedMealsUsedToday < pricing.subsidisedMealsPerDay;
  const subsidyFen = subsidised ? Math.min(pricing.subsidyFen, discounted) : 0;
  if (subsidyFen > 0) lines.push({ label: '每日助餐补贴', amountFen: -subsidyFen });
  return { baseFen: input.baseFen, discountFen, subsidyFen, payFen: discounted - subsidyFen, subsidised: subsidyFen > 0, lines };
}
