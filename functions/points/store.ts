/**
 * Activities, hours, the points ledger, rewards and redemptions in DynamoDB. Keys are in db/keys.ts. Every
 * change to places, points or stock is a conditional write inside a transaction; callers map a failed
 * condition by the index of its action.
 */
import { PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { db, getItem as getConsistent, queryAll, tableName } from '../db/client';
import { compareAndSet } from '../db/expressions';
import { keys, POINT_ACCOUNT_SHARDS, withoutKeys } from '../db/keys';
import type { TransactItem } from '../db/transact';
import { REDEMPTION_STATE_NAMES, type Activity, type LedgerKindDto, type PassbookEntry, type Redemption, type RedemptionState, type Reward, type SignupState, type VolunteerHours } from '../../shared/api';
import type { Interval } from './hours';

export type ActivityRecord = Omit<Activity, 'remaining' | 'circleName' | 'walkMinutes'> & { checkinSecret: string };
export type SignupRecord = VolunteerHours & { wrongCodes?: number };

const T = () => tableName();

/** Everything here guards or reports a write (places, state, balance, stock): read consistently. */
const getItem = <R>(key: Record<string, string>) => getConsistent<R>(key, { consistent: true });

// ---- activities and sign-ups ----

export async function putActivity(a: ActivityRecord): Promise<void> {
  await db().send(
    new PutCommand({
      TableName: T(),
      Item: { ...keys.activity(a.id), ...keys.activityOfCircle(a.circleId, a.start, a.id), type: 'activity', ...a },
      ConditionExpression: 'attribute_not_exists(PK)',
    }),
  );
}

export const getActivity = (id: string) => getItem<ActivityRecord>(keys.activity(id));

export async function listActivitiesOfCircle(circleId: string, fromStart: string, toStart: string): Promise<ActivityRecord[]> {
  const items = await queryAll({
    IndexName: 'GSI1',
    KeyConditionExpression: 'GSI1PK = :pk AND GSI1SK BETWEEN :from AND :to',
    ExpressionAttributeValues: { ':pk': keys.activitiesOfCircle(circleId), ':from': fromStart, ':to': `${toStart}~` },
  });
  return items.map((i) => withoutKeys<ActivityRecord>(i));
}

export const getSignup = (activityId: string, userId: string) => getItem<SignupRecord>(keys.signup(activityId, userId));

export async function listSignups(activityId: string): Promise<SignupRecord[]> {
  const items = await queryAll({
    KeyConditionExpression: 'PK = :pk AND begins_with(SK, :s)',
    ExpressionAttributeValues: { ':pk': keys.activityPartition(activityId), ':s': keys.signupPrefix },
    ConsistentRead: true,
  });
  return items.map((i) => withoutKeys<SignupRecord>(i));
}

export async function listSignupsOfUser(userId: string): Promise<SignupRecord[]> {
  const items = await queryAll({
    IndexName: 'GSI1',
    KeyConditionExpression: 'GSI1PK = :pk',
    ExpressionAttributeValues: { ':pk': keys.signupsOfUser(userId) },
    ScanIndexForward: false,
  });
  return items.map((i) => withoutKeys<SignupRecord>(i));
}

export function signupPut(s: SignupRecord, allowedFrom: ReadonlyArray<SignupState | 'none'>): TransactItem {
  const states = allowedFrom.filter((x) => x !== 'none');
  const values: Record<string, string> = Object.fromEntries(states.map((x, i) => [`:s${i}`, x]));
  const conditions = [
    ...(allowedFrom.includes('none') ? ['attribute_not_exists(PK)'] : []),
    ...(states.length ? [`#state IN (${Object.keys(values).join(', ')})`] : []),
  ];
  return {
    Put: {
      TableName: T(),
      Item: { ...keys.signup(s.activityId, s.userId), ...keys.signupOfUser(s.userId, s.start, s.activityId), type: 'signup', ...s },
      ConditionExpression: conditions.join(' OR '),
      ...(states.length ? { ExpressionAttributeNames: { '#state': 'state' }, ExpressionAttributeValues: values } : {}),
    },
  };
}

/** Takes a place: [0] the activity's counter (places left, not over, still published), [1] the sign-up. */
export function signUpItems(a: ActivityRecord, s: SignupRecord, allowedFrom: ReadonlyArray<SignupState | 'none'>, now: Date): TransactItem[] {
  return [
    {
      Update: {
        TableName: T(),
        Key: keys.activity(a.id),
        UpdateExpression: 'SET #signedUp = #signedUp + :one',
        ConditionExpression: 'attribute_exists(PK) AND #signedUp < #capacity AND #end > :now AND #state = :published',
        ExpressionAttributeNames: { '#signedUp': 'signedUp', '#capacity': 'capacity', '#end': 'end', '#state': 'state' },
        ExpressionAttributeValues: { ':one': 1, ':now': now.toISOString(), ':published': 'published' },
      },
    },
    signupPut(s, allowedFrom),
  ];
}

/** Gives the place back: [0] the sign-up moves from signed_up, [1] the counter goes down. */
export function cancelSignupItems(activityId: string, userId: string, at: string): TransactItem[] {
  return [
    {
      Update: {
        TableName: T(),
        Key: keys.signup(activityId, userId),
        UpdateExpression: 'SET #state = :to, cancelledAt = :at',
        ConditionExpression: '#state = :from',
        ExpressionAttributeNames: { '#state': 'state' },
        ExpressionAttributeValues: { ':to': 'cancelled', ':from': 'signed_up', ':at': at },
      },
    },
    {
      Update: {
        TableName: T(),
        Key: keys.activity(activityId),
        UpdateExpression: 'SET #signedUp = #signedUp - :one',
        ConditionExpression: '#signedUp > :zero',
        ExpressionAttributeNames: { '#signedUp': 'signedUp' },
        ExpressionAttributeValues: { ':one': 1, ':zero': 0 },
      },
    },
  ];
}

/** Compare-and-swap of a sign-up's state, setting the given attributes. */
export function signupMove(activityId: string, userId: string, from: ReadonlyArray<SignupState>, set: Record<string, unknown>): TransactItem {
  return compareAndSet(T(), keys.signup(activityId, userId), from, set);
}

/** Counts one check-in code try on the sign-up, unless `max` were used already; returns the new count. */
export async function countCodeTry(activityId: string, userId: string, max: number): Promise<number | undefined> {
  try {
    const res = await db().send(
      new UpdateCommand({
        TableName: T(),
        Key: keys.signup(activityId, userId),
        UpdateExpression: 'SET #tries = if_not_exists(#tries, :zero) + :one',
        ConditionExpression: 'attribute_exists(PK) AND (attribute_not_exists(#tries) OR #tries < :max)',
        ExpressionAttributeNames: { '#tries': 'wrongCodes' },
        ExpressionAttributeValues: { ':zero': 0, ':one': 1, ':max': max },
        ReturnValues: 'UPDATED_NEW',
      }),
    );
    return res.Attributes?.wrongCodes as number;
  } catch (e) {
    if ((e as Error).name === 'ConditionalCheckFailedException') return undefined;
    throw e;
  }
}

// ---- hours claimed (no overlaps) ----

export interface HoursClaimed {
  intervals: Interval[];
  version: number;
}

export async function getHoursClaimed(userId: string): Promise<HoursClaimed> {
  const item = await getItem<HoursClaimed>(keys.hoursClaimed(userId));
  return item ?? { intervals: [], version: 0 };
}

/** Replaces the claimed intervals only if nobody else changed them since they were read (version). */
export function hoursClaimedPut(userId: string, read: HoursClaimed, intervals: Interval[]): TransactItem {
  return {
    Put: {
      TableName: T(),
      Item: { ...keys.hoursClaimed(userId), type: 'hoursClaimed', intervals, version: read.version + 1 },
      ConditionExpression: read.version === 0 ? 'attribute_not_exists(PK)' : '#version = :v',
      ...(read.version === 0 ? {} : { ExpressionAttributeNames: { '#version': 'version' }, ExpressionAttributeValues: { ':v': read.version } }),
    },
  };
}

// ---- points ledger ----

export interface PointsAccount {
  userId: string;
  /** Units (2 = 1 point). */
  balance: number;
  /** Entries appended so far; the next entry is seq + 1. */
  seq: number;
  /** The earliest expiry of any points that may still be held: expiry runs when it has passed. */
  firstExpiry?: string;
}

export interface LedgerEntryRecord {
  id: string;
  userId: string;
  seq: number;
  kind: LedgerKindDto;
  /** Signed units. */
  amount: number;
  /** Units after this entry. */
  balance: number;
  at: string;
  cause: PassbookEntry['cause'];
  expiresAt?: string;
  /** Refunds: the lots given back, each with its original expiry. */
  lots?: Array<{ expiresAt: string; units: number }>;
  manual?: boolean;
  by?: string;
  reason?: string;
}

export async function getAccount(userId: string): Promise<PointsAccount> {
  return (await getItem<PointsAccount>(keys.pointsAccount(userId))) ?? { userId, balance: 0, seq: 0 };
}

export async function listEntries(userId: string): Promise<LedgerEntryRecord[]> {
  const items = await queryAll({
    KeyConditionExpression: 'PK = :pk AND begins_with(SK, :e)',
    ExpressionAttributeValues: { ':pk': keys.pointsPartition(userId), ':e': keys.ledgerEntryPrefix },
    ConsistentRead: true,
  });
  return items.map((i) => withoutKeys<LedgerEntryRecord>(i));
}

/**
 * [0] moves the account from the state it was read in to the one after `entry`; [1] appends the entry.
 * The condition on seq makes a concurrent append fail [0], never both succeed.
 */
export function ledgerAppendItems(read: PointsAccount, entry: LedgerEntryRecord, firstExpiry: string | undefined): TransactItem[] {
  return [accountMove(read, { balance: entry.balance, seq: entry.seq, firstExpiry }), {
    Put: { TableName: T(), Item: { ...keys.ledgerEntry(entry.userId, entry.seq), type: 'ledgerEntry', ...entry }, ConditionExpression: 'attribute_not_exists(PK)' },
  }];
}

export function accountMove(read: PointsAccount, next: { balance: number; seq: number; firstExpiry: string | undefined }): TransactItem {
  const first = read.seq === 0;
  return {
    Update: {
      TableName: T(),
      Key: keys.pointsAccount(read.userId),
      UpdateExpression: `SET #balance = :b, #seq = :n, #userId = :u, GSI1PK = :g1, GSI1SK = :g2, #type = :t${next.firstExpiry ? ', #first = :fe' : ' REMOVE #first'}`,
      ConditionExpression: first ? 'attribute_not_exists(PK)' : '#seq = :old AND #balance = :oldb',
      ExpressionAttributeNames: { '#type': 'type', '#balance': 'balance', '#seq': 'seq', '#userId': 'userId', '#first': 'firstExpiry' },
      ExpressionAttributeValues: {
        ':b': next.balance,
        ':n': next.seq,
        ':u': read.userId,
        ':g1': keys.pointsAccountIndex(read.userId).GSI1PK,
        ':g2': keys.pointsAccountIndex(read.userId).GSI1SK,
        ':t': 'pointsAccount',
        ...(next.firstExpiry ? { ':fe': next.firstExpiry } : {}),
        ...(first ? {} : { ':old': read.seq, ':oldb': read.balance }),
      },
    },
  };
}

/** Every points account (the ledger check and year-end expiry walk them), shard by shard. */
export async function listAccounts(): Promise<PointsAccount[]> {
  const shards = await Promise.all(
    Array.from({ length: POINT_ACCOUNT_SHARDS }, (_, i) =>
      queryAll({ IndexName: 'GSI1', KeyConditionExpression: 'GSI1PK = :pk', ExpressionAttributeValues: { ':pk': keys.pointsAccountShard(i) } }),
    ),
  );
  return shards.flat().map((i) => withoutKeys<PointsAccount>(i));
}

// ---- rewards and redemptions ----

export async function putReward(r: Reward): Promise<void> {
  await db().send(new PutCommand({ TableName: T(), Item: { ...keys.reward(r.outletId, r.id), type: 'reward', ...r }, ConditionExpression: 'attribute_not_exists(PK)' }));
}

export const getReward = (outletId: string, rewardId: string) => getItem<Reward>(keys.reward(outletId, rewardId));

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
        TableName: T(),
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
      TableName: T(),
      Key: keys.reward(r.outletId, r.id),
      UpdateExpression: 'SET #stock = #stock - :one',
      ConditionExpression: '#stock > :zero AND #active = :t AND #price = :p',
      ExpressionAttributeNames: { '#stock': 'stock', '#active': 'active', '#price': 'pricePoints' },
      ExpressionAttributeValues: { ':one': 1, ':zero': 0, ':t': true, ':p': r.pricePoints },
    },
  };
}

export function stockReturn(outletId: string, rewardId: string): TransactItem {
  return { Update: { TableName: T(), Key: keys.reward(outletId, rewardId), UpdateExpression: 'ADD #stock :one', ExpressionAttributeNames: { '#stock': 'stock' }, ExpressionAttributeValues: { ':one': 1 } } };
}

export function redemptionPut(r: Redemption): TransactItem {
  return {
    Put: { TableName: T(), Item: { ...keys.redemption(r.id), ...keys.redemptionIndexes(r), type: 'redemption', ...r }, ConditionExpression: 'attribute_not_exists(PK)' },
  };
}

export function redemptionCodePut(outletId: string, code: string, redemptionId: string): TransactItem {
  return { Put: { TableName: T(), Item: { ...keys.redemptionCode(outletId, code), type: 'redemptionCode', redemptionId }, ConditionExpression: 'attribute_not_exists(PK)' } };
}

export function redemptionMove(id: string, from: RedemptionState, to: RedemptionState, set: Record<string, string>): TransactItem {
  return compareAndSet(T(), keys.redemption(id), [from], { state: to, stateName: REDEMPTION_STATE_NAMES[to], ...set });
}

export const getRedemption = (id: string) => getItem<Redemption>(keys.redemption(id));

export async function redemptionIdForCode(outletId: string, code: string): Promise<string | undefined> {
  const item = await getItem<{ redemptionId: string }>(keys.redemptionCode(outletId, code));
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
