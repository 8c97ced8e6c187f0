/**
 * Activities, sign-ups and the hours each person has claimed, in DynamoDB (keys in db/keys.ts). Every change
 * of places or state is a conditional write; multi-item writes are owned here and answer in the domain's words.
 */
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { db, getItem, queryAll, tableName } from '../db/client';
import { compareAndSet } from '../db/expressions';
import { keys, withoutKeys } from '../db/keys';
import { transactWrite, TransactionFailed, type TransactItem } from '../db/transact';
import type { Activity, SignupState, VolunteerHours } from '../../shared/api';
import type { Interval } from './hours';

export type ActivityRecord = Omit<Activity, 'remaining' | 'circleName' | 'walkMinutes'> & { checkinSecret: string };
/** Sign-ups written before the shared try limits (db/limits.ts) may still carry a `wrongCodes` count. */
export type SignupRecord = VolunteerHours & { wrongCodes?: number };

/** Everything here guards or reports a write (places, state, claims): read consistently. */
const readConsistent = <R>(key: Record<string, string>) => getItem<R>(key, { consistent: true });

// ---- activities and sign-ups ----

export async function putActivity(a: ActivityRecord): Promise<void> {
  await db().send(
    new PutCommand({
      TableName: tableName(),
      Item: { ...keys.activity(a.id), ...keys.activityOfCircle(a.circleId, a.start, a.id), type: 'activity', ...a },
      ConditionExpression: 'attribute_not_exists(PK)',
    }),
  );
}

export const getActivity = (id: string) => readConsistent<ActivityRecord>(keys.activity(id));

export async function listActivitiesOfCircle(circleId: string, fromStart: string, toStart: string): Promise<ActivityRecord[]> {
  const items = await queryAll({
    IndexName: 'GSI1',
    KeyConditionExpression: 'GSI1PK = :pk AND GSI1SK BETWEEN :from AND :to',
    ExpressionAttributeValues: { ':pk': keys.activitiesOfCircle(circleId), ':from': fromStart, ':to': `${toStart}~` },
  });
  return items.map((i) => withoutKeys<ActivityRecord>(i));
}

export const getSignup = (activityId: string, userId: string) => readConsistent<SignupRecord>(keys.signup(activityId, userId));

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
      TableName: tableName(),
      Item: { ...keys.signup(s.activityId, s.userId), ...keys.signupOfUser(s.userId, s.start, s.activityId), type: 'signup', ...s },
      ConditionExpression: conditions.join(' OR '),
      ...(states.length ? { ExpressionAttributeNames: { '#state': 'state' }, ExpressionAttributeValues: values } : {}),
    },
  };
}

/**
 * Takes a place: the activity's counter (places left, not over, still published) and the sign-up, together.
 * A concurrent sign-up of the same person (a double tap) that got in first is handed back as theirs.
 */
export async function takePlace(
  a: ActivityRecord,
  s: SignupRecord,
  allowedFrom: ReadonlyArray<SignupState | 'none'>,
  now: Date,
): Promise<{ outcome: 'signedUp' } | { outcome: 'alreadySignedUp'; signup: SignupRecord } | { outcome: 'full' | 'stateChanged' }> {
  try {
    await transactWrite({
      counter: {
        Update: {
          TableName: tableName(),
          Key: keys.activity(a.id),
          UpdateExpression: 'SET #signedUp = #signedUp + :one',
          ConditionExpression: 'attribute_exists(PK) AND #signedUp < #capacity AND #end > :now AND #state = :published',
          ExpressionAttributeNames: { '#signedUp': 'signedUp', '#capacity': 'capacity', '#end': 'end', '#state': 'state' },
          ExpressionAttributeValues: { ':one': 1, ':now': now.toISOString(), ':published': 'published' },
        },
      },
      signup: signupPut(s, allowedFrom),
    });
    return { outcome: 'signedUp' };
  } catch (e) {
    if (!(e instanceof TransactionFailed)) throw e;
    if (e.has('signup')) {
      const winner = await getSignup(a.id, s.userId);
      if (winner && winner.state !== 'cancelled') return { outcome: 'alreadySignedUp', signup: winner };
    }
    return { outcome: e.has('counter') ? 'full' : 'stateChanged' };
  }
}

/** Gives the place back: the sign-up moves from signed_up (not yet checked in) and the counter goes down. */
export async function givePlaceBack(activityId: string, userId: string, at: string): Promise<'cancelled' | 'notCancellable'> {
  try {
    await transactWrite({
      signup: {
        Update: {
          TableName: tableName(),
          Key: keys.signup(activityId, userId),
          UpdateExpression: 'SET #state = :to, cancelledAt = :at',
          ConditionExpression: '#state = :from',
          ExpressionAttributeNames: { '#state': 'state' },
          ExpressionAttributeValues: { ':to': 'cancelled', ':from': 'signed_up', ':at': at },
        },
      },
      counter: {
        Update: {
          TableName: tableName(),
          Key: keys.activity(activityId),
          UpdateExpression: 'SET #signedUp = #signedUp - :one',
          ConditionExpression: '#signedUp > :zero',
          ExpressionAttributeNames: { '#signedUp': 'signedUp' },
          ExpressionAttributeValues: { ':one': 1, ':zero': 0 },
        },
      },
    });
    return 'cancelled';
  } catch (e) {
    if (e instanceof TransactionFailed && e.has('signup')) return 'notCancellable';
    throw e;
  }
}

/** Compare-and-swap of a sign-up's state, setting the given attributes. */
export function signupMove(activityId: string, userId: string, from: ReadonlyArray<SignupState>, set: Record<string, unknown>): TransactItem {
  return compareAndSet(tableName(), keys.signup(activityId, userId), from, set);
}

// ---- hours claimed (no overlaps) ----

export interface HoursClaimed {
  intervals: Interval[];
  version: number;
}

export async function getHoursClaimed(userId: string): Promise<HoursClaimed> {
  const item = await readConsistent<HoursClaimed>(keys.hoursClaimed(userId));
  return item ?? { intervals: [], version: 0 };
}

/** Replaces the claimed intervals only if nobody else changed them since they were read (version). */
export function hoursClaimedPut(userId: string, read: HoursClaimed, intervals: Interval[]): TransactItem {
  return {
    Put: {
      TableName: tableName(),
      Item: { ...keys.hoursClaimed(userId), type: 'hoursClaimed', intervals, version: read.version + 1 },
      ConditionExpression: read.version === 0 ? 'attribute_not_exists(PK)' : '#version = :v',
      ...(read.version === 0 ? {} : { ExpressionAttributeNames: { '#version': 'version' }, ExpressionAttributeValues: { ':v': read.version } }),
    },
  };
}


/**
 * Writes a review that earns no points (zero hours, or a rate of 0): the sign-up's move and the claimed hours.
 * 'claimsChanged': another credit of the same person changed their claims since they were read.
 */
export async function writeCredit(writes: { signup: TransactItem; claimed: TransactItem }): Promise<'credited' | 'alreadyReviewed' | 'claimsChanged'> {
  try {
    await transactWrite(writes);
    return 'credited';
  } catch (e) {
    if (!(e instanceof TransactionFailed)) throw e;
    return e.has('signup') ? 'alreadyReviewed' : 'claimsChanged';
  }
}
