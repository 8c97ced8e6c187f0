/**
 * TransactWriteItems with named actions, so a failure says *which* write lost: `{ capacity, claim, booking }`
 * rather than "action 1". TransactionConflict (another transaction touched the same items at the same moment)
 * is retried with jittered backoff; a condition failure is final and reported by name. Stores turn those names
 * into their domain outcomes ('full', 'alreadyBooked', …); nothing above the stores sees them.
 */
import { TransactWriteCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { db } from './client';
import { AppError } from '../core/errors';

export type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/** The writes of one transaction by name; a list writes several items under one name; false or absent leaves it out. */
export type Actions<N extends string> = { [K in N]?: TransactItem | readonly TransactItem[] | false };

/** The reserved name of a request's idempotency record (see idempotency.ts). */
export const GUARD = 'idempotency';

export class TransactionFailed<N extends string = string> extends Error {
  constructor(readonly failed: ReadonlySet<N>) {
    super(`transaction cancelled: condition failed on ${[...failed].join(', ') || 'none'}`);
  }
  has(name: N): boolean {
    return this.failed.has(name);
  }
}

/** The idempotency record already existed: a retry of the same request committed first. */
export class RetryCommittedFirst extends Error {
  constructor() {
    super('a retry with the same idempotency key committed first');
  }
}

const MAX_ATTEMPTS = 8;

function flatten<N extends string>(actions: Actions<N>): { items: TransactItem[]; names: N[] } {
  const items: TransactItem[] = [];
  const names: N[] = [];
  for (const [name, value] of Object.entries(actions) as Array<[N, Actions<N>[N]]>) {
    if (!value) continue;
    for (const item of Array.isArray(value) ? value : [value as TransactItem]) {
      items.push(item);
      names.push(name);
    }
  }
  return { items, names };
}

/** Writes every action or none; throws TransactionFailed naming the actions whose condition failed. */
export async function transactWrite<N extends string>(actions: Actions<N>): Promise<void> {
  const { items, names } = flatten(actions);
  for (let attempt = 1; ; attempt++) {
    try {
      await db().send(new TransactWriteCommand({ TransactItems: items }));
      return;
    } catch (err) {
      const e = err as Error & { CancellationReasons?: Array<{ Code?: string }> };
      const reasons = e.CancellationReasons ?? [];
      const conflict = e.name === 'TransactionConflictException' || (e.name === 'TransactionCanceledException' && reasons.some((r) => r.Code === 'TransactionConflict'));
      const failed = new Set(names.filter((_, i) => reasons[i]?.Code === 'ConditionalCheckFailed'));
      if (e.name === 'TransactionCanceledException' && (failed.size > 0 || !conflict)) {
        if ((failed as Set<string>).has(GUARD)) throw new RetryCommittedFirst();
        throw new TransactionFailed<N>(failed);
      }
      if (conflict && attempt < MAX_ATTEMPTS) {
        await new Promise((r) => setTimeout(r, Math.random() * 15 * 2 ** Math.min(attempt, 5)));
        continue;
      }
      // Still colliding after every retry: a busy moment, not a fault; the client may try again.
      if (conflict) throw new AppError('UPSTREAM_BUSY', '当前操作人数较多，请稍后再试');
      throw err;
    }
  }
}

/**
 * One conditional write as a transaction of one: true when it happened, false when its condition failed.
 * For the compare-and-swap moves (a state that someone else may have moved first).
 */
export async function writeIf(item: TransactItem): Promise<boolean> {
  try {
    await transactWrite({ write: item });
    return true;
  } catch (e) {
    if (e instanceof TransactionFailed) return false;
    throw e;
  }
}
