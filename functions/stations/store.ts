/** Exchange stations' rewards (point price, stock) and redemptions with their one-time codes, in DynamoDB. */
import { PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { db, getItem, queryAll, tableName } from '../db/client';
import { compareAndSet } from '../db/expressions';
import { keys, withoutKeys } from '../db/keys';
import type { TransactItem } from '../db/transact';
import { REDEMPTION_STATE_NAMES, type Redemption, type RedemptionState, type Reward } from '../../shared/api';

/** Everything here guards or reports a write (stock, state): read consistently. */
const readConsistent = <R>(key: Record<string, string>) => getItem<R>(key, { consistent: true });

export async function putReward(r: Reward): Promise<void> {
  await db().send(new PutCommand({ TableName: tableName(), Item: { ...keys.reward(r.outletId, r.id), type: 'reward', ...r }, ConditionExpression: 'attribute_not_exists(PK)' }));
}

export const getReward = (outletId: string, rewardId: string) => readConsistent<Reward>(keys.reward(outletId, rewardId));

export async function listRewards(outletId: string): Promise<Reward[]> {
  const items = await queryAll({ KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': keys.rewardsPartition(outletId) } });
  return items.map((i) => withoutKeys<Reward>(i));
}

/** Price, listing and restocking: stock is only ever added to (ADD), so a restock never loses a sale. */
export async function updateReward(outletId: string, rewardId: string, change: { pricePoints?: number; active?: boolean; addStock?: number }): Promise<Reward | undefined> {
  const sets: string[] = [];
  const values: Record<string, unknown> = {};
  if (change.pricePoints !== undefined) (sets.push('#price = :p'), (values[':p'] = change.pricePoints));
  if (change.active !== undefined) (sets.push('#active = :a'), (values[':a'] = change.active));
  const add = change.addStock ? ' ADD #stock :s' : '';
  const names = { ...(change.pricePoints !== undefined ? { '#price': 'pricePoints' } : {}), ...(change.active !== undefined ? { '#active': 'active' } : {}), ...(change.addStock ? { '#stock': 'stock' } : {}) };
  if (change.addStock) values[':s'] = change.addStock;
  try {
    const res = await db().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: keys.reward(outletId, rewardId),
        UpdateExpression: `${sets.length ? `SET ${sets.join(', ')}` : ''}${add}`,
        ConditionExpression: 'attribute_exists(PK)',
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
        ReturnValues: 'ALL_NEW',
      }),
    );
    return withoutKeys<Reward>(res.Attributes!);
  } catch (e) {
    if ((e as Error).name === 'ConditionalCheckFailedException') return undefined;
    throw e;
  }
}

/** Takes one unit of stock of a listed reward at the price the redeemer saw. */
export function stockTake(r: Reward): TransactItem {
  return {
    Update: {
      TableName: tableName(),
      Key: keys.reward(r.outletId, r.id),
      UpdateExpression: 'SET #stock = #stock - :one',
      ConditionExpression: '#stock > :zero AND #active = :t AND #price = :p',
      ExpressionAttributeNames: { '#stock': 'stock', '#active': 'active', '#price': 'pricePoints' },
      ExpressionAttributeValues: { ':one': 1, ':zero': 0, ':t': true, ':p': r.pricePoints },
    },
  };
}

export function stockReturn(outletId: string, rewardId: string): TransactItem {
  return { Update: { TableName: tableName(), Key: keys.reward(outletId, rewardId), UpdateExpression: 'ADD #stock :one', ExpressionAttributeNames: { '#stock': 'stock' }, ExpressionAttributeValues: { ':one': 1 } } };
}

export function redemptionPut(r: Redemption): TransactItem {
  return {
    Put: { TableName: tableName(), Item: { ...keys.redemption(r.id), ...keys.redemptionIndexes(r), type: 'redemption', ...r }, ConditionExpression: 'attribute_not_exists(PK)' },
  };
}

export function redemptionCodePut(outletId: string, code: string, redemptionId: string): TransactItem {
  return { Put: { TableName: tableName(), Item: { ...keys.redemptionCode(outletId, code), type: 'redemptionCode', redemptionId }, ConditionExpression: 'attribute_not_exists(PK)' } };
}

export function redemptionMove(id: string, from: RedemptionState, to: RedemptionState, set: Record<string, string>): TransactItem {
  return compareAndSet(tableName(), keys.redemption(id), [from], { state: to, stateName: REDEMPTION_STATE_NAMES[to], ...set });
}

export const getRedemption = (id: string) => readConsistent<Redemption>(keys.redemption(id));

export async function redemptionIdForCode(outletId: string, code: string): Promise<string | undefined> {
  const item = await readConsistent<{ redemptionId: string }>(keys.redemptionCode(outletId, code));
  return item?.redemptionId;
}

export async function listRedemptionsOfUser(userId: string): Promise<Redemption[]> {
  const items = await queryAll({ IndexName: 'GSI1', KeyConditionExpression: 'GSI1PK = :pk', ExpressionAttributeValues: { ':pk': keys.redemptionsOfUser(userId) }, ScanIndexForward: false });
  return items.map((i) => withoutKeys<Redemption>(i));
}

export async function listRedemptionsOfStation(outletId: string): Promise<Redemption[]> {
  const items = await queryAll({ IndexName: 'GSI2', KeyConditionExpression: 'GSI2PK = :pk', ExpressionAttributeValues: { ':pk': keys.redemptionsOfStation(outletId) }, ScanIndexForward: false });
  return items.map((i) => withoutKeys<Redemption>(i));
}
