/** A relative links to an elder with the elder's 亲情码; the elder (or the worker of their circle) confirms. */
import { randomInt } from 'node:crypto';
import { AppError, forbidden, notFound } from '../core/errors';
import type { AuthUser } from '../auth/authenticate';
import { isWorkerOf } from '../auth/policies';
import { getUser } from '../users/store';
import { countTries, type TryLimit } from '../db/limits';
import type { FamilyLink } from '../../shared/api';
import { assignFamilyCode, confirmLink, getLink, linksOfElder, linksOfFamily, requestLink, userIdForFamilyCode } from './store';

// No 0/O/1/I: the code is read aloud over the phone by elderly people.
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export const FAMILY_CODE_RE = /^[A-HJ-NP-Z2-9]{6}$/;

export async function familyCode(user: AuthUser): Promise<{ code: string }> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const existing = (await getUser(user.id))?.familyCode;
    if (existing) return { code: existing };
    const code = Array.from({ length: 6 }, () => ALPHABET[randomInt(0, ALPHABET.length)]).join('');
    if (await assignFamilyCode(user.id, code)) return { code };
  }
  throw new AppError('CONFLICT', '生成亲情码失败，请重试');
}

/**
 * Tries at 亲情码: a caller's are counted before the code is looked up (a code that names someone gives its
 * try back); an elder's code presented by many callers is limited too, before the link is asked for.
 */
export const FAMILY_CODE_LIMITS = {
  caller: { name: 'familyCode.caller', max: 10, windowSeconds: 15 * 60 },
  elder: { name: 'familyCode.elder', max: 5, windowSeconds: 15 * 60 },
} satisfies Record<string, TryLimit>;
const tooManyTries = (wait: string) => `亲情码尝试次数过多，请${wait}后再试`;

export async function linkByCode(user: AuthUser, code: string, now: Date): Promise<FamilyLink> {
  const tries = await countTries([{ limit: FAMILY_CODE_LIMITS.caller, subject: user.id }], now, tooManyTries);
  const elderId = await userIdForFamilyCode(code);
  if (!elderId) throw notFound('亲情码');
  await tries.giveBack();
  await countTries([{ limit: FAMILY_CODE_LIMITS.elder, subject: elderId }], now, tooManyTries);
  if (elderId === user.id) throw new AppError('CONFLICT', '不能绑定自己');
  const [elder, me] = await Promise.all([getUser(elderId), getUser(user.id)]);
  if (!elder || !me) throw notFound('用户');
  return requestLink({ elderId, elderName: elder.nickname, familyId: user.id, familyName: me.nickname, state: 'pending', requestedAt: now.toISOString() });
}

export async function confirm(user: AuthUser, elderId: string, familyId: string, now: Date): Promise<FamilyLink> {
  const link = await getLink(elderId, familyId);
  if (!link) throw notFound('绑定申请');
  const elder = await getUser(elderId);
  const isElder = user.id === elderId;
  const isCircleWorker = isWorkerOf(user, elder?.homeCircleId);
  if (!isElder && !isCircleWorker) throw forbidden('只有老人本人或所在社区的工作者可以确认');
  if (!(await confirmLink(elderId, familyId, user.id, now.toISOString()))) throw new AppError('CONFLICT', '这个绑定已经确认过了');
  return (await getLink(elderId, familyId))!;
}

export async function myLinks(user: AuthUser): Promise<{ asElder: FamilyLink[]; asFamily: FamilyLink[] }> {
  const [asElder, asFamily] = await Promise.all([linksOfElder(user.id), linksOfFamily(user.id)]);
  return { asElder, asFamily };
}

export async function confirmedElders(familyId: string): Promise<string[]> {
  return (await linksOfFamily(familyId)).filter((l) => l.state === 'confirmed').map((l) => l.elderId);
}
