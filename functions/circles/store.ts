import { getItem, queryAll } from '../db/client';
import { keys, withoutKeys } from '../db/keys';
import type { Circle } from '../../shared/api';

export function circleItem(circle: Circle) {
  return { ...keys.circle(circle.id), ...keys.circleListEntry(circle.id), type: 'circle', ...circle };
}

export async function listCircles(): Promise<Circle[]> {
  const items = await queryAll({ IndexName: 'GSI1', KeyConditionExpression: 'GSI1PK = :pk', ExpressionAttributeValues: { ':pk': keys.circleList().GSI1PK } });
  return items.map((i) => withoutKeys<Circle>(i));
}

export async function getCircle(id: string): Promise<Circle | undefined> {
  return getItem<Circle>(keys.circle(id));
}
