/** Points accounts and their append-only ledger entries in DynamoDB (one partition per person). */
import { getItem, queryAll, tableName } from '../db/client';
import { keys, POINT_ACCOUNT_SHARDS, withoutKeys } from '../db/keys';
import type { TransactItem } from '../db/transact';
import type { LedgerKindDto, PassbookEntry } from '../../shared/api';

/** Everything here guards or reports a balance: read consistently. */
const readConsistent = <R>(key: Record<string, string>) => getItem<R>(key, { consistent: true });

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
  return (await readConsistent<PointsAccount>(keys.pointsAccount(userId))) ?? { userId, balance: 0, seq: 0 };
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
 * The two writes of an append: `account` moves from the state it was read in to the one after `entry`;
 * `entry` is the new line. The condition on seq makes a concurrent append fail `account`, never both succeed.
 */
export function ledgerAppend(read: PointsAccount, entry: LedgerEntryRecord, firstExpiry: string | undefined): { account: TransactItem; entry: TransactItem } {
  return {
    account: accountMove(read, { balance: entry.balance, seq: entry.seq, firstExpiry }),
    entry: { Put: { TableName: tableName(), Item: { ...keys.ledgerEntry(entry.userId, entry.seq), type: 'ledgerEntry', ...entry }, ConditionExpression: 'attribute_not_exists(PK)' } },
  };
}

export function accountMove(read: PointsAccount, next: { balance: number; seq: number; firstExpiry: string | undefined }): TransactItem {
  const first = read.seq === 0;
  return {
    Update: {
      TableName: tableName(),
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

