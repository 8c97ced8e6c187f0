/** Family links (a relative acting for an elder) and the 亲情码 that starts them. */
import { PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { db, getItem, queryAll, tableName } from '../db/client';
import { keys, withoutKeys } from '../db/keys';
import { transactWrite, TransactionFailed } from '../db/transact';
import type { FamilyLink } from '../../shared/api';

/** Gives the user a family code once: the code item and the user's field are written together. */
export async function assignFamilyCode(userId: string, code: string): Promise<boolean> {
  try {
    await transactWrite({
      code: { Put: { TableName: tableName(), Item: { ...keys.familyCode(code), type: 'familyCode', userId }, ConditionExpression: 'attribute_not_exists(PK)' } },
      user: {
        Update: {
          TableName: tableName(),
          Key: keys.user(userId),
          UpdateExpression: 'SET familyCode = :c',
          ConditionExpression: 'attribute_exists(PK) AND attribute_not_exists(familyCode)',
          ExpressionAttributeValues: { ':c': code },
        },
      },
    });
    return true;
  } catch (e) {
    if (e instanceof TransactionFailed) return false;
    throw e;
  }
}

export async function userIdForFamilyCode(code: string): Promise<string | undefined> {
  return (await getItem<{ userId: string }>(keys.familyCode(code)))?.userId;
}

export async function getLink(elderId: string, familyId: string): Promise<FamilyLink | undefined> {
  return getItem<FamilyLink>(keys.familyLink(elderId, familyId), { consistent: true });
}

/** Creates a pending link unless one exists; returns the stored link either way. */
export async function requestLink(link: FamilyLink): Promise<FamilyLink> {
  try {
    await db().send(
      new PutCommand({
        TableName: tableName(),
        Item: { ...keys.familyLink(link.elderId, link.familyId), ...keys.familyLinkIndex(link.familyId, link.elderId), type: 'familyLink', ...link },
        ConditionExpression: 'attribute_not_exists(PK)',
      }),
    );
    return link;
  } catch (e) {
    if ((e as Error).name !== 'ConditionalCheckFailedException') throw e;
    return (await getLink(link.elderId, link.familyId))!;
  }
}

export async function confirmLink(elderId: string, familyId: string, by: string, at: string): Promise<boolean> {
  try {
    await db().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: keys.familyLink(elderId, familyId),
        UpdateExpression: 'SET #state = :confirmed, confirmedAt = :at, confirmedBy = :by',
        ConditionExpression: '#state = :pending',
        ExpressionAttributeNames: { '#state': 'state' },
        ExpressionAttributeValues: { ':confirmed': 'confirmed', ':pending': 'pending', ':at': at, ':by': by },
      }),
    );
    return true;
  } catch (e) {
    if ((e as Error).name === 'ConditionalCheckFailedException') return false;
    throw e;
  }
}

export async function linksOfElder(elderId: string): Promise<FamilyLink[]> {
  const items = await queryAll({ KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': keys.familyLinkPartition(elderId) } });
  return items.map((i) => withoutKeys<FamilyLink>(i));
}

export async function linksOfFamily(familyId: string): Promise<FamilyLink[]> {
  const items = await queryAll({ IndexName: 'GSI1', KeyConditionExpression: 'GSI1PK = :pk', ExpressionAttributeValues: { ':pk': keys.eldersOf(familyId) } });
  return items.map((i) => withoutKeys<FamilyLink>(i));
}
