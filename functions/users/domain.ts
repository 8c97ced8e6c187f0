import { AppError, forbidden, notFound } from '../http/errors';
import { hasRole, type AuthUser } from '../auth/authenticate';
import { shanghaiDate } from '../../shared/time';
import { getUser, recordVerification } from './store';

/** A community worker records a resident's checked birth date and hardship status (for canteen prices). */
export async function verifyResident(worker: AuthUser, userId: string, input: { birthDate: string; hardship: boolean }, now: Date) {
  if (!hasRole(worker, 'worker') || !worker.circleId) throw forbidden('只有社区工作者可以核验居民信息');
  if (userId === worker.id) throw forbidden('不能核验自己的信息');
  if (input.birthDate > shanghaiDate(now)) throw new AppError('VALIDATION_FAILED', '出生日期不能晚于今天');
  const user = await getUser(userId);
  if (!user) throw notFound('居民');
  const ok = await recordVerification(userId, { ...input, circleId: worker.circleId, by: worker.id, at: now.toISOString() });
  if (!ok) throw forbidden('这位居民属于其他社区，请由所在社区核验');
  const updated = (await getUser(userId))!;
  return { id: updated.id, nickname: updated.nickname, birthDate: updated.birthDate, ageVerified: updated.ageVerified, hardship: updated.hardship, homeCircleId: updated.homeCircleId };
}
