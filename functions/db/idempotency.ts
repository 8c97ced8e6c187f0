/**
 * Idempotency records, in the spirit of Powertools: the record is written in the same transaction as
 * the change it guards, conditional on not existing. A retry with the same key finds it and gets the
 * stored result; the same key with a different request body is refused. DynamoDB's ClientRequestToken is
 * deliberately not used (DynamoDB Local mishandles it).
 */
import { createHash } from 'node:crypto';
import { getItem, tableName } from './client';
import { keys } from './keys';
import type { TransactItem } from './transact';
import { AppError } from '../http/errors';

export const IDEMPOTENCY_TTL_SECONDS = 24 * 3600;
export const IDEMPOTENCY_KEY_RE = /^[A-Za-z0-9_-]{8,64}$/;

/** Canonical JSON (sorted keys) so that field order never changes the hash. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value as object)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

export function requestHash(operation: string, body: unknown): string {
  return createHash('sha256').update(operation).update('\n').update(canonical(body)).digest('base64url');
}

export function idempotencyPut(userId: string, key: string, hash: string, resultId: string, now: Date): TransactItem {
  return {
    Put: {
      TableName: tableName(),
      Item: {
        ...keys.idempotency(userId, key),
        type: 'idempotency',
        requestHash: hash,
        resultId,
        createdAt: now.toISOString(),
        ttl: Math.floor(now.getTime() / 1000) + IDEMPOTENCY_TTL_SECONDS,
      },
      ConditionExpression: 'attribute_not_exists(PK)',
    },
  };
}

/** The id stored by an earlier request with this key, or undefined; throws 409 if the body differs. */
export async function replayedResult(userId: string, key: string, hash: string): Promise<string | undefined> {
  const record = await getItem<{ requestHash: string; resultId: string }>(keys.idempotency(userId, key), { consistent: true });
  if (!record) return undefined;
  if (record.requestHash !== hash) {
    throw new AppError('CONFLICT', '同一个请求编号不能用于不同的内容，请重新提交', { reason: 'IDEMPOTENCY_KEY_REUSED' });
  }
  return record.resultId;
}
