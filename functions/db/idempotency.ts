/**
 * The one idempotent flow, in the spirit of Powertools' IdempotencyHandler: hash the request, answer a replay
 * with the stored result, refuse the same key with another body, and otherwise run the change with the
 * record as one more action *of the same transaction* (safer than Powertools' separate record: there is no
 * moment where the change exists without its record, or the other way round). When a concurrent retry with
 * the same key commits first, the winner's result is read and returned as a replay. DynamoDB's
 * ClientRequestToken is deliberately not used (DynamoDB Local mishandles it).
 */
import { createHash } from 'node:crypto';
import { getItem, tableName } from './client';
import { keys } from './keys';
import { RetryCommittedFirst, type TransactItem } from './transact';
import { AppError } from '../core/errors';
import { canonical } from '../../shared/canonical';

export { canonical };

export const IDEMPOTENCY_TTL_SECONDS = 24 * 3600;

export function requestHash(operation: string, body: unknown): string {
  return createHash('sha256').update(operation).update('\n').update(canonical(body)).digest('base64url');
}

export interface IdempotentRequest {
  /** Whose key it is: keys are per caller. */
  userId: string;
  key: string;
  /** The route, so one key cannot be replayed against another operation. */
  operation: string;
  body: unknown;
  now: Date;
}

/** The record's Put for a result id: the caller adds it to its transaction under the action name GUARD. */
export type Guard = (resultId: string) => TransactItem;

function guardFor(req: IdempotentRequest, hash: string): Guard {
  return (resultId) => ({
    Put: {
      TableName: tableName(),
      Item: {
        ...keys.idempotency(req.userId, req.key),
        type: 'idempotency',
        requestHash: hash,
        resultId,
        createdAt: req.now.toISOString(),
        ttl: Math.floor(req.now.getTime() / 1000) + IDEMPOTENCY_TTL_SECONDS,
      },
      ConditionExpression: 'attribute_not_exists(PK)',
    },
  });
}

/** The result stored under this key, or undefined; 409 when the key was used for another body. */
async function stored<R>(req: IdempotentRequest, hash: string, load: (resultId: string) => Promise<R | undefined>): Promise<R | undefined> {
  const record = await getItem<{ requestHash: string; resultId: string }>(keys.idempotency(req.userId, req.key), { consistent: true });
  if (!record) return undefined;
  if (record.requestHash !== hash) {
    throw new AppError('CONFLICT', '同一个请求编号不能用于不同的内容，请重新提交', { reason: 'IDEMPOTENCY_KEY_REUSED' });
  }
  return load(record.resultId);
}

export async function idempotent<R>(
  req: IdempotentRequest,
  load: (resultId: string) => Promise<R | undefined>,
  run: (guard: Guard) => Promise<R>,
): Promise<{ result: R; replayed: boolean }> {
  const hash = requestHash(req.operation, req.body);
  const earlier = await stored(req, hash, load);
  if (earlier !== undefined) return { result: earlier, replayed: true };
  try {
    return { result: await run(guardFor(req, hash)), replayed: false };
  } catch (e) {
    if (!(e instanceof RetryCommittedFirst)) throw e;
    const winner = await stored(req, hash, load);
    if (winner === undefined) throw new AppError('CONFLICT', '请重试', { reason: 'RETRY' });
    return { result: winner, replayed: true };
  }
}
