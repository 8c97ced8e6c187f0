/** A parent's child profiles, which childcare bookings check against a session's age band. */
import { randomUUID } from 'node:crypto';
import { AppError } from '../core/errors';
import type { AuthUser } from '../auth/authenticate';
import { shanghaiDate } from '../../shared/time';
import type { Child } from '../../shared/api';
import { listChildren, putChild } from './store';

const MAX_CHILDREN = 10;

export async function addChild(user: AuthUser, input: { name: string; birthDate: string }, now: Date): Promise<Child> {
  const existing = await listChildren(user.id);
  if (existing.length >= MAX_CHILDREN) throw new AppError('CONFLICT', `最多添加${MAX_CHILDREN}个孩子`);
  if (input.birthDate > shanghaiDate(now)) throw new AppError('VALIDATION_FAILED', '出生日期不能晚于今天');
  const child: Child = { id: `c_${randomUUID().replace(/-/g, '').slice(0, 12)}`, name: input.name, birthDate: input.birthDate };
  await putChild(user.id, child);
  return child;
}

export async function myChildren(user: AuthUser): Promise<{ items: Child[] }> {
  return { items: await listChildren(user.id) };
}
