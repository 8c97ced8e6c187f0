/**
 * Needs' items: the need (state, history, support count), one support item per supporter, and each
 * person's day counters. Every write that changes a count is one transaction with the items it counts, so
 * `supports` always equals the number of support items, under any concurrency or retry.
 */
import { getItem, queryAll, tableName } from '../db/client';
import { keys, withoutKeys } from '../db/keys';
import { boundedIncrement } from '../db/expressions';
import { GUARD, transactWrite, TransactionFailed } from '../db/transact';
import type { Guard } from '../db/idempotency';
import { NEED_LIMITS, OPEN_NEED_STATES } from '../../shared/needs';
import type { NeedRecord } from '../../shared/needs-api';
import type { NeedTransition } from './lifecycle';

function needItem(n: NeedRecord) {
  return { ...keys.need(n.id), ...keys.needIndexes(n), type: 'need', ...n };
}

export async function getNeed(id: string, opts: { consistent?: boolean } = {}): Promise<NeedRecord | undefined> {
  return getItem<NeedRecord>(keys.need(id), opts);
}

export type CreateOutcome = 'created' | 'tooManyToday';

/** Files a need with its idempotency record and the author's day counter (at most 3 a day). */
export async function createNeed(n: NeedRecord, filedBy: string, date: string, guard: Guard): Promise<CreateOutcome> {
  try {
    await transactWrite({
      need: { Put: { TableName: tableName(), Item: needItem(n), ConditionExpression: 'attribute_not_exists(PK)' } },
      day: { Update: boundedIncrement(tableName(), keys.needDay(filedBy, date), { attribute: 'needs', max: NEED_LIMITS.perDayNeeds }) },
      [GUARD]: guard(n.id),
    });
    return 'created';
  } catch (e) {
    if (e instanceof TransactionFailed && e.has('day')) return 'tooManyToday';
    throw e;
  }
}

export type SupportOutcome = 'supported' | 'alreadySupported' | 'notOpen' | 'tooManyToday';

/** One support per person per need: the support item, the need's count (while open) and the day's counter. */
export async function addSupport(needId: string, userId: string, date: string, now: Date): Promise<SupportOutcome> {
  const open = OPEN_NEED_STATES.map((_, i) => `:o${i}`);
  try {
    await transactWrite({
      support: { Put: { TableName: tableName(), Item: { ...keys.needSupport(needId, userId), type: 'needSupport', needId, userId, at: now.toISOString() }, ConditionExpression: 'attribute_not_exists(PK)' } },
      need: {
        Update: {
          TableName: tableName(),
          Key: keys.need(needId),
          UpdateExpression: 'SET supports = supports + :one',
          ConditionExpression: `#state IN (${open.join(', ')})`,
          ExpressionAttributeNames: { '#state': 'state' },
          ExpressionAttributeValues: { ':one': 1, ...Object.fromEntries(OPEN_NEED_STATES.map((s, i) => [`:o${i}`, s])) },
        },
      },
      day: { Update: boundedIncrement(tableName(), keys.needDay(userId, date), { attribute: 'supports', max: NEED_LIMITS.perDaySupports }) },
    });
    return 'supported';
  } catch (e) {
    if (!(e instanceof TransactionFailed)) throw e;
    if (e.has('support')) return 'alreadySupported';
    if (e.has('need')) return 'notOpen';
    if (e.has('day')) return 'tooManyToday';
    throw e;
  }
}

export type WithdrawOutcome = 'withdrawn' | 'notSupported';

export async function removeSupport(needId: string, userId: string): Promise<WithdrawOutcome> {
  try {
    await transactWrite({
      support: { Delete: { TableName: tableName(), Key: keys.needSupport(needId, userId), ConditionExpression: 'attribute_exists(PK)' } },
      need: { Update: { TableName: tableName(), Key: keys.need(needId), UpdateExpression: 'SET supports = supports - :one', ConditionExpression: 'supports > :zero', ExpressionAttributeValues: { ':one': 1, ':zero': 0 } } },
    });
    return 'withdrawn';
  } catch (e) {
    if (e instanceof TransactionFailed && e.has('support')) return 'notSupported';
    throw e;
  }
}

export async function hasSupported(needId: string, userId: string): Promise<boolean> {
  return !!(await getItem(keys.needSupport(needId, userId), { consistent: true }));
}

export async function supportersOf(needId: string): Promise<string[]> {
  const items = await queryAll({
    KeyConditionExpression: 'PK = :pk AND begins_with(SK, :sk)',
    ExpressionAttributeValues: { ':pk': keys.need(needId).PK, ':sk': keys.needSupportPrefix },
    ConsistentRead: true,
  });
  return items.map((i) => String(i.userId));
}

/**
 * Moves a need from the state it was read in, appending its history entry: 'changedMeanwhile' when someone
 * else moved it first (the caller answers 409).
 */
export async function moveNeed(read: NeedRecord, t: NeedTransition, set: Partial<NeedRecord> = {}): Promise<'moved' | 'changedMeanwhile'> {
  const fields: Record<string, unknown> = { state: t.to, updatedAt: t.history.at, reopens: t.reopens, escalated: t.escalated, ...(t.resolvedAt ? { resolvedAt: t.resolvedAt } : {}), ...set };
  const names: Record<string, string> = { '#state': 'state', '#history': 'history', '#v': 'version' };
  const values: Record<string, unknown> = { ':from': read.state, ':v': read.version, ':next': read.version + 1, ':entry': [t.history] };
  const sets = Object.entries(fields).map(([k, v], i) => {
    names[`#f${i}`] = k;
    values[`:f${i}`] = v;
    return `#f${i} = :f${i}`;
  });
  try {
    await transactWrite({
      need: {
        Update: {
          TableName: tableName(),
          Key: keys.need(read.id),
          UpdateExpression: `SET ${sets.join(', ')}, #history = list_append(#history, :entry), #v = :next`,
          ConditionExpression: '#state = :from AND #v = :v',
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: values,
        },
      },
    });
    return 'moved';
  } catch (e) {
    if (e instanceof TransactionFailed && e.has('need')) return 'changedMeanwhile';
    throw e;
  }
}

/** Carries a duplicate's supporters (and its author) over to the original, each at most once. */
export async function mergeSupporters(duplicate: NeedRecord, original: NeedRecord, now: Date): Promise<number> {
  const people = [...new Set([duplicate.authorId, ...(await supportersOf(duplicate.id))])].filter((u) => u !== original.authorId);
  let moved = 0;
  for (const userId of people) {
    try {
      await transactWrite({
        support: { Put: { TableName: tableName(), Item: { ...keys.needSupport(original.id, userId), type: 'needSupport', needId: original.id, userId, at: now.toISOString(), mergedFrom: duplicate.id }, ConditionExpression: 'attribute_not_exists(PK)' } },
        need: { Update: { TableName: tableName(), Key: keys.need(original.id), UpdateExpression: 'SET supports = supports + :one', ExpressionAttributeValues: { ':one': 1 } } },
      });
      moved++;
    } catch (e) {
      if (!(e instanceof TransactionFailed)) throw e;
    }
  }
  return moved;
}

export async function listNeedsOfCircle(circleId: string): Promise<NeedRecord[]> {
  const items = await queryAll({ IndexName: 'GSI1', KeyConditionExpression: 'GSI1PK = :pk', ExpressionAttributeValues: { ':pk': keys.needsOfCircle(circleId) }, ScanIndexForward: false });
  return items.map((i) => withoutKeys<NeedRecord>(i));
}

export async function listNeedsOfUser(userId: string): Promise<NeedRecord[]> {
  const items = await queryAll({ IndexName: 'GSI2', KeyConditionExpression: 'GSI2PK = :pk', ExpressionAttributeValues: { ':pk': keys.needsOfUser(userId) }, ScanIndexForward: false });
  return items.map((i) => withoutKeys<NeedRecord>(i));
}
