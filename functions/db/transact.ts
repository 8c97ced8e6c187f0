/**
 * TransactWriteItems with the failure mapped to what the caller needs: which action's condition failed.
 * TransactionConflict (another transaction touched the same items at the same moment) is retried with
 * jittered backoff; a condition failure is final and reported by action index.
 */
import { TransactWriteCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { db } from './client';
import { AppError } from '../http/errors';

export type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

export class TransactionFailed extends Error {
  constructor(readonly reasons: Array<string | undefined>) {
    super(`transaction cancelled: ${reasons.map((r) => r ?? 'None').join(', ')}`);
  }
  /** Index of the first action whose condition failed, or -1. */
  failedAt(): number {
    return this.reasons.findIndex((r) => r === 'ConditionalCheckFailed');
  }
}

const MAX_ATTEMPTS = 8;

export async function transactWrite(items: TransactItem[]): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await db().send(new TransactWriteCommand({ TransactItems: items }));
      return;
    } catch (err) {
      const e = err as Error & { CancellationReasons?: Array<{ Code?: string }> };
      const conflict =
        e.name === 'TransactionConflictException' ||
        (e.name === 'TransactionCanceledException' && (e.CancellationReasons ?? []).some((r) => r.Code === 'TransactionConflict'));
      const conditionFailed = (e.CancellationReasons ?? []).some((r) => r.Code === 'ConditionalCheckFailed');
      if (e.name === 'TransactionCanceledException' && (conditionFailed || !conflict)) {
        throw new TransactionFailed((e.CancellationReasons ?? []).map((r) => (r.Code === 'None' ? undefined : r.Code)));
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
