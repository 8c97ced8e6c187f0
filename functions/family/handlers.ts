import { created, route } from '../http/handler';
import * as z from 'zod/mini';
import { idParam } from '../http/validate';
import { confirm, familyCode, FAMILY_CODE_RE, linkByCode, myLinks } from './domain';

export const code = route({ route: 'GET /me/family-code', fn: 'familyCode', role: 'BookingsRole', auth: 'required' }, async ({ user }) => familyCode(user));

export const link = route(
  { route: 'POST /family/links', fn: 'familyLink', role: 'BookingsRole', auth: 'required', body: z.strictObject({ code: z.string().check(z.trim(), z.toUpperCase(), z.regex(FAMILY_CODE_RE, '亲情码是6位字母数字')) }) },
  async ({ user, body, now }) => created(await linkByCode(user, body.code, now)),
);

export const links = route({ route: 'GET /family/links', fn: 'familyLinks', role: 'PublicReadRole', auth: 'required' }, async ({ user }) => myLinks(user));

export const confirmLink = route(
  { route: 'POST /family/links/{elderId}/{familyId}/confirm', fn: 'familyConfirm', role: 'BookingsRole', auth: 'required', path: z.object({ elderId: idParam, familyId: idParam }) },
  async ({ user, path, now }) => confirm(user, path.elderId, path.familyId, now),
);
