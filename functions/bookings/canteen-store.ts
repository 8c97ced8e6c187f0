/** The canteen's own items: each elder's subsidised meals of a day (a bounded counter) and pickup codes. */
import { getItem, tableName } from '../db/client';
import { boundedIncrement } from '../db/expressions';
import { keys } from '../db/keys';
import type { TransactItem } from '../db/transact';

/** Takes one of the day's subsidised meals of an elder: a counter that never passes the canteen's limit. */
export function takeSubsidy(userId: string, date: string, perDay: number): TransactItem {
  return { Update: boundedIncrement(tableName(), keys.subsidyDay(userId, date), { attribute: 'used', max: perDay }) };
}

/** Gives the day's subsidised meal back (the meal was cancelled or rejected). */
export function returnSubsidy(userId: string, date: string): TransactItem {
  return {
    Update: {
      TableName: tableName(),
      Key: keys.subsidyDay(userId, date),
      UpdateExpression: 'SET #used = #used - :one',
      ConditionExpression: '#used > :zero',
      ExpressionAttributeNames: { '#used': 'used' },
      ExpressionAttributeValues: { ':one': 1, ':zero': 0 },
    },
  };
}

export async function subsidisedMealsUsed(userId: string, date: string): Promise<number> {
  return (await getItem<{ used: number }>(keys.subsidyDay(userId, date), { consistent: true }))?.used ?? 0;
}

/** The pickup code's lookup item: unique per canteen and day, so a code names exactly one meal. */
export function pickupCodeItem(outletId: string, date: string, code: string, bookingId: string): TransactItem {
  return {
    Put: {
      TableName: tableName(),
      Item: { ...keys.pickupCode(outletId, date, code), type: 'pickupCode', bookingId },
      ConditionExpression: 'attribute_not_exists(PK)',
    },
  };
}

export async function bookingIdForPickup(outletId: string, date: string, code: string): Promise<string | undefined> {
  return (await getItem<{ bookingId: string }>(keys.pickupCode(outletId, date, code), { consistent: true }))?.bookingId;
}
