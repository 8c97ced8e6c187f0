import { randomUUID } from 'node:crypto';
import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { db, getItem, queryAll, tableName } from '../db/client';
import { transactWrite, TransactionFailed, writeIf, type TransactItem } from '../db/transact';
import { keys, withoutKeys } from '../db/keys';
import type { Child, Role } from '../../shared/api';

export interface UserRecord {
  id: string;
  nickname: string;
  roles: Role[];
  circleId?: string;
  /** Set by a community worker after checking an ID: the age the canteen price is computed from. */
  birthDate?: string;
  ageVerified?: boolean;
  /** Certified hardship (困难老人): free set meal. */
  hardship?: boolean;
  /** The circle the resident lives in (lets that circle's worker confirm family links). */
  homeCircleId?: string;
  /** The 亲情码 family members use to link to this person. */
  familyCode?: string;
  /** Only for demo users: lets the local dev sign-in list them. */
  demo?: boolean;
  /** The WeChat openid the account signed in with (WeChat's content check asks for it). */
  openid?: string;
  /** Tokens are issued under this version (absent: 0); signing out moves it on, revoking every earlier token. */
  tokenVersion?: number;
  createdAt: string;
}

export async function getUser(id: string, opts: { consistent?: boolean } = {}): Promise<UserRecord | undefined> {
  return getItem<UserRecord>(keys.user(id), opts);
}

/**
 * Signs the user out everywhere: the token version moves from `from` to the next, only if it still is
 * `from` (a concurrent sign-out that moved it first has done the same). True when this call moved it.
 */
export async function revokeTokens(userId: string, from: number): Promise<boolean> {
  return writeIf({
    Update: {
      TableName: tableName(),
      Key: keys.user(userId),
      UpdateExpression: 'SET tokenVersion = :next',
      ConditionExpression: from === 0 ? 'attribute_exists(PK) AND (attribute_not_exists(tokenVersion) OR tokenVersion = :from)' : 'tokenVersion = :from',
      ExpressionAttributeValues: { ':from': from, ':next': from + 1 },
    },
  });
}

export function userItem(user: UserRecord) {
  return {
    ...keys.user(user.id),
    ...(user.demo ? keys.userByRole('demo', user.id) : {}),
    type: 'user',
    ...user,
  };
}

/**
 * Finds the user linked to a WeChat openid, creating a resident on first sign-in. The openid link and the
 * profile are written in one transaction guarded by attribute_not_exists, so two concurrent first sign-ins
 * cannot create two accounts; the loser re-reads the winner's link.
 */
export async function findOrCreateWechatUser(openid: string, now = new Date()): Promise<UserRecord> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const link = await db().send(new GetCommand({ TableName: tableName(), Key: keys.wechatLink(openid), ConsistentRead: true }));
    if (link.Item) {
      const user = await getUser(link.Item.userId as string, { consistent: true });
      if (user) return user;
    }
    const user: UserRecord = {
      id: `u_${randomUUID().replace(/-/g, '').slice(0, 16)}`,
      nickname: '微信用户',
      roles: ['resident'],
      openid,
      createdAt: now.toISOString(),
    };
    try {
      await transactWrite({
        link: {
          Put: {
            TableName: tableName(),
            Item: { ...keys.wechatLink(openid), type: 'wechatLink', userId: user.id, createdAt: user.createdAt },
            ConditionExpression: 'attribute_not_exists(PK)',
          },
        },
        user: { Put: { TableName: tableName(), Item: userItem(user), ConditionExpression: 'attribute_not_exists(PK)' } },
      });
      return user;
    } catch (err) {
      // A concurrent first sign-in linked the openid first: read its link on the next round.
      if (!(err instanceof TransactionFailed)) throw err;
    }
  }
  throw new Error('could not link WeChat account');
}

export async function listDemoUsers(): Promise<UserRecord[]> {
  const items = await queryAll({ IndexName: 'GSI1', KeyConditionExpression: 'GSI1PK = :pk', ExpressionAttributeValues: { ':pk': keys.usersWithRole('demo') } });
  return items.map((i) => withoutKeys<UserRecord>(i));
}

/**
 * Records what a community worker checked on an ID: birth date (for canteen pricing) and hardship. The
 * resident is attached to the worker's circle; a resident of another circle is refused by the condition.
 */
export async function recordVerification(userId: string, v: { birthDate: string; hardship: boolean; circleId: string; by: string; at: string }): Promise<boolean> {
  try {
    await db().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: keys.user(userId),
        UpdateExpression: 'SET birthDate = :b, ageVerified = :t, hardship = :h, homeCircleId = if_not_exists(homeCircleId, :c), verifiedBy = :by, verifiedAt = :at',
        ConditionExpression: 'attribute_exists(PK) AND (attribute_not_exists(homeCircleId) OR homeCircleId = :c)',
        ExpressionAttributeValues: { ':b': v.birthDate, ':t': true, ':h': v.hardship, ':c': v.circleId, ':by': v.by, ':at': v.at },
      }),
    );
    return true;
  } catch (e) {
    if ((e as Error).name === 'ConditionalCheckFailedException') return false;
    throw e;
  }
}

/** Adds a role the user chose for themselves (volunteering); a no-op when they already have it. */
export async function addOwnRole(userId: string, role: Extract<Role, 'volunteer'>): Promise<void> {
  await writeIf(roleGrant(userId, role));
}

/**
 * The Update that gives a person a role they do not have yet, to write with the decision that grants it (a
 * worker approving an outlet makes its applicant a merchant). Fails its condition if they have it already.
 */
export function grantRole(userId: string, role: Extract<Role, 'merchant'>): TransactItem {
  return roleGrant(userId, role);
}

function roleGrant(userId: string, role: Role): TransactItem {
  return {
    Update: {
      TableName: tableName(),
      Key: keys.user(userId),
      UpdateExpression: 'SET #roles = list_append(#roles, :add)',
      ConditionExpression: 'attribute_exists(PK) AND NOT contains(#roles, :role)',
      ExpressionAttributeNames: { '#roles': 'roles' },
      ExpressionAttributeValues: { ':add': [role], ':role': role },
    },
  };
}

/** A parent's children (childcare age checks), kept in the parent's partition. */
export async function putChild(userId: string, child: Child): Promise<void> {
  await db().send(new PutCommand({ TableName: tableName(), Item: { ...keys.child(userId, child.id), type: 'child', ...child } }));
}

export async function listChildren(userId: string): Promise<Child[]> {
  const items = await queryAll({
    KeyConditionExpression: 'PK = :pk AND begins_with(SK, :child)',
    ExpressionAttributeValues: { ':pk': keys.userPartition(userId), ':child': keys.childPrefix },
  });
  return items.map((i) => withoutKeys<Child>(i));
}
