import { AppError, forbidden, notFound } from '../core/errors';
import type { AuthUser } from '../auth/authenticate';
import { requireWorker } from '../auth/policies';
import { shanghaiDate } from '../../shared/time';
import { getUser, recordVerification } from './store';

/** A community worker records a resident's checked birth date and hardship status (for canteen prices). */
export async function verifyResident(worker: AuthUser, userId: string, input: { birthDate: string; hardship: boolean }, now: Date) {
  const circleId = requireWorker(worker, '只有社区工作者可以核验居民信息');
  if (userId === worker.id) throw forbidden('不能核验自己的信息');
  if (input.birthDate > shanghaiDate(now)) throw new AppError('VALIDATION_FAILED', '出生日期不能晚于今天');
  const user = await getUser(userId);
  if (!user) throw notFound('居民');
  const ok = await recordVerification(userId, { ...input, circleId, by: worker.id, at: now.toISOString() });
  if (!ok) throw forbidden('这位居民属于其他社区，请由所在社区核验');
  const updated = (await getUser(userId))!;
  return { id: updated.id, nickname: updated.nickname, birthDate: updated.birthDate, ageVerified: updated.ageVerified, hardship: updated.hardship, homeCircleId: updated.homeCircleId };
}
