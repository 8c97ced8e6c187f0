/**
 * Limits on guessing short codes (亲情码, pickup codes, redemption codes, check-in codes): the one way a
 * try is counted. Each limit is a counter per subject (a caller, or the thing the code belongs to) in a
 * window that opens at its first try and lasts `windowSeconds`; at most `max` tries count in it, and
 * further ones are refused with 429, a `Retry-After` header and a message saying how long to wait.
 *
 * A try is counted *before* the code is checked, so guesses sent all at once are counted too (one
 * conditional UpdateItem per limit: the counter never passes `max`). A try whose code turned out to name
 * something may give its count back (`giveBack`), so a busy canteen counter handing over meal after meal
 * is never slowed down, while wrong codes add up.
 */
import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { db, tableName } from './client';
import { keys } from './keys';
import { AppError } from '../core/errors';

export interface TryLimit {
  /** What is counted, e.g. 'familyCode.caller'; part of the counter's key. */
  name: string;
  max: number;
  windowSeconds: number;
}

/** One limit applied to one subject: the caller's id, or the outlet, activity or person a code belongs to. */
export interface TryCount {
  limit: TryLimit;
  subject: string;
}

interface CounterItem {
  n: number;
  windowEnd: number;
}

/** Tries that were counted; `giveBack` uncounts them (in the window they were counted in). */
export interface CountedTries {
  /** How many more tries the tightest of the limits allows in its window after this one. */
  remaining: number;
  giveBack(): Promise<void>;
}

const isConditionFailure = (e: unknown) => (e as Error)?.name === 'ConditionalCheckFailedException';

/** How long to wait, in words: "15分钟", "40秒". */
export function waitInWords(seconds: number): string {
  return seconds >= 60 ? `${Math.ceil(seconds / 60)}分钟` : `${Math.max(1, seconds)}秒`;
}

/** +1 on the subject's counter, or the seconds until its window ends when it is full. */
async function countOne(c: TryCount, nowMs: number): Promise<CounterItem | { retryAfter: number }> {
  const key = keys.tryLimit(c.limit.name, c.subject);
  const windowEnd = nowMs + c.limit.windowSeconds * 1000;
  // ttl (seconds) lets DynamoDB delete a window a day after it ended.
  const ttl = Math.ceil(windowEnd / 1000) + 86_400;
  for (let attempt = 0; attempt < 4; attempt++) {
    try {
      // A new counter, or one more try in the open window while it is below max.
      const res = await db().send(
        new UpdateCommand({
          TableName: tableName(),
          Key: key,
          UpdateExpression: 'SET #n = if_not_exists(#n, :zero) + :one, windowEnd = if_not_exists(windowEnd, :end), #ttl = if_not_exists(#ttl, :ttl), #type = :type',
          ConditionExpression: 'attribute_not_exists(PK) OR (windowEnd > :now AND #n < :max)',
          ExpressionAttributeNames: { '#n': 'n', '#ttl': 'ttl', '#type': 'type' },
          ExpressionAttributeValues: { ':zero': 0, ':one': 1, ':end': windowEnd, ':ttl': ttl, ':now': nowMs, ':max': c.limit.max, ':type': 'tryLimit' },
          ReturnValues: 'ALL_NEW',
        }),
      );
      const { n, windowEnd: end } = res.Attributes as CounterItem;
      return { n, windowEnd: end };
    } catch (e) {
      if (!isConditionFailure(e)) throw e;
    }
    const current = (await db().send(new GetCommand({ TableName: tableName(), Key: key, ConsistentRead: true }))).Item as CounterItem | undefined;
    if (current && current.windowEnd > nowMs) {
      if (current.n >= c.limit.max) return { retryAfter: Math.max(1, Math.ceil((current.windowEnd - nowMs) / 1000)) };
      continue; // a try was given back meanwhile
    }
    // The window is over: open a new one with this try (unless a concurrent try opened it first).
    try {
      await db().send(
        new PutCommand({
          TableName: tableName(),
          Item: { ...key, type: 'tryLimit', n: 1, windowEnd, ttl },
          ConditionExpression: 'attribute_not_exists(PK) OR windowEnd <= :now',
          ExpressionAttributeValues: { ':now': nowMs },
        }),
      );
      return { n: 1, windowEnd };
    } catch (e) {
      if (!isConditionFailure(e)) throw e;
    }
  }
  // Only reachable under heavy contention on one counter: refuse rather than let a try through uncounted.
  return { retryAfter: 1 };
}

async function giveBackOne(c: TryCount, windowEnd: number): Promise<void> {
  try {
    await db().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: keys.tryLimit(c.limit.name, c.subject),
        UpdateExpression: 'SET #n = #n - :one',
        ConditionExpression: 'windowEnd = :end AND #n > :zero',
        ExpressionAttributeNames: { '#n': 'n' },
        ExpressionAttributeValues: { ':one': 1, ':zero': 0, ':end': windowEnd },
      }),
    );
  } catch (e) {
    // The window it was counted in is over: nothing to give back.
    if (!isConditionFailure(e)) throw e;
  }
}

/**
 * Counts one try against each limit, in order, before the code is checked. When one is full, the tries
 * already counted for this request are given back and the request is refused: 429 RATE_LIMITED with
 * `Retry-After` (seconds) and `refusal(wait)` as the message, e.g. "亲情码输错次数过多，请15分钟后再试".
 */
export async function countTries(counts: readonly TryCount[], now: Date, refusal: (wait: string) => string): Promise<CountedTries> {
  const counted: Array<{ c: TryCount; windowEnd: number }> = [];
  let remaining = Infinity;
  const giveBack = async () => {
    await Promise.all(counted.splice(0).map(({ c, windowEnd }) => giveBackOne(c, windowEnd)));
  };
  for (const c of counts) {
    const res = await countOne(c, now.getTime());
    if ('retryAfter' in res) {
      await giveBack();
      throw new AppError('RATE_LIMITED', refusal(waitInWords(res.retryAfter)), { reason: 'TOO_MANY_TRIES', retryAfterSeconds: res.retryAfter }, { 'retry-after': String(res.retryAfter) });
    }
    counted.push({ c, windowEnd: res.windowEnd });
    remaining = Math.min(remaining, c.limit.max - res.n);
  }
  return { remaining, giveBack };
}
