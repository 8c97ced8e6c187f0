/**
 * Direct access to the test stack's DynamoDB Local, for what HTTP cannot do: auditing the whole ledger, and
 * fixtures that stand for time having passed (a check-in made hours ago).
 */
import { randomUUID } from 'node:crypto';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { setLocalAwsEnv } from '../../scripts/stack';
import { db, tableName } from '../../functions/db/client';
import { keys } from '../../functions/db/keys';
import { putActivity, type ActivityRecord } from '../../functions/volunteering/store';
import { inShanghai } from '../../shared/time';

export function useStackTable(): void {
  const endpoint = process.env.YKZ_DYNAMO_ENDPOINT;
  if (!endpoint) throw new Error('YKZ_DYNAMO_ENDPOINT not set: run through jest projects with the global setup');
  setLocalAwsEnv(endpoint, 'yikezhong-local');
}

/**
 * An activity of 红枫 that is under way (it began `startedMinutesAgo` ago): the fixture stands for a worker
 * having published it earlier; publishing through the API only accepts future times, tested separately.
 */
export async function activityUnderWay(opts: { startedMinutesAgo?: number; hours?: number; capacity?: number } = {}): Promise<ActivityRecord> {
  const start = new Date(Math.floor((Date.now() - (opts.startedMinutesAgo ?? 121) * 60_000) / 60_000) * 60_000);
  const end = new Date(start.getTime() + (opts.hours ?? 4) * 3600_000);
  const tag = randomUUID().slice(0, 8);
  const record: ActivityRecord = {
    id: `a_t${tag}`,
    circleId: 'c-hongfeng',
    title: `测试活动${tag}`,
    description: '陪老人读报',
    place: '红枫社区综合服务中心一楼',
    date: inShanghai(start).format('YYYY-MM-DD'),
    startTime: inShanghai(start).format('HH:mm'),
    endTime: inShanghai(end).format('HH:mm'),
    start: start.toISOString(),
    end: end.toISOString(),
    capacity: opts.capacity ?? 20,
    signedUp: 0,
    pointsPerHour: 1,
    state: 'published',
    createdBy: 'u_demo_worker',
    createdAt: new Date().toISOString(),
    checkinSecret: randomUUID(),
  };
  await putActivity(record);
  return record;
}

/** Stands for time passing: the volunteer's check-in moves back to `at`. */
export async function backdateCheckIn(activityId: string, userId: string, at: string): Promise<void> {
  await db().send(new UpdateCommand({ TableName: tableName(), Key: keys.signup(activityId, userId), UpdateExpression: 'SET checkInAt = :at', ExpressionAttributeValues: { ':at': at } }));
}

/** A community worker of 泉源 (another circle than the demo worker's), signed in: for cross-circle refusals. */
export async function workerOfAnotherCircle(): Promise<string> {
  const { PutCommand } = await import('@aws-sdk/lib-dynamodb');
  const { signInAs } = await import('./api');
  const id = `u_t_worker_${randomUUID().slice(0, 8)}`;
  await db().send(new PutCommand({ TableName: tableName(), Item: { ...keys.user(id), type: 'user', id, nickname: '泉源社工', roles: ['resident', 'worker'], circleId: 'c-quanyuan', demo: true, createdAt: new Date().toISOString() } }));
  return signInAs(id);
}

/** Stands for a try window passing (db/limits.ts): the counter of this limit and subject ends now. */
export async function endTryWindow(limit: string, subject: string): Promise<void> {
  await db().send(
    new UpdateCommand({
      TableName: tableName(),
      Key: keys.tryLimit(limit, subject),
      UpdateExpression: 'SET windowEnd = :past',
      ConditionExpression: 'attribute_exists(PK)',
      ExpressionAttributeValues: { ':past': Date.now() - 1 },
    }),
  );
}

/** Someone with these roles who can sign in through the local dev sign-in (not listed among the demo users). */
export async function signedInUserWith(roles: string[], fields: Record<string, unknown> = {}): Promise<{ id: string; token: string }> {
  const { PutCommand } = await import('@aws-sdk/lib-dynamodb');
  const { signInAs } = await import('./api');
  const id = `u_t_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  await db().send(new PutCommand({ TableName: tableName(), Item: { ...keys.user(id), type: 'user', id, nickname: '测试用户', roles, demo: true, createdAt: new Date().toISOString(), ...fields } }));
  return { id, token: await signInAs(id) };
}
