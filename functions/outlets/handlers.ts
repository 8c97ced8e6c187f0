import { route } from '../http/handler';
import * as z from 'zod/mini';
import { CHINA_BOUNDS } from '../../shared/schemas/outlet';
import { idParam, queryBoolean, queryNumber } from '../http/validate';
import { CATEGORY_KEYS } from '../../shared/categories';
import { WALKING } from '../../shared/walking';
import { findNearby, outletDetail } from './domain';

const nearbyQuery = z.object({
  lat: queryNumber(CHINA_BOUNDS.lat[0], CHINA_BOUNDS.lat[1], '纬度 lat（服务范围为国内）'),
  lng: queryNumber(CHINA_BOUNDS.lng[0], CHINA_BOUNDS.lng[1], '经度 lng（服务范围为国内）'),
  category: z.optional(z.string().check(z.refine((c) => CATEGORY_KEYS.includes(c), '未知的分类'))),
  q: z.optional(z.string().check(z.trim(), z.minLength(1, '搜索词不能为空'), z.maxLength(20, '搜索词最多20个字'))),
  maxMinutes: z.optional(queryNumber(1, WALKING.maxSearchMinutes, '步行分钟 maxMinutes')),
  openNow: z.optional(queryBoolean),
  elderPace: z.optional(queryBoolean),
  limit: z.optional(queryNumber(1, 50, '每页条数 limit')),
  cursor: z.optional(z.string().check(z.maxLength(200))),
});

export const nearby = route({ route: 'GET /outlets/nearby', fn: 'outletsNearby', role: 'PublicReadRole', auth: 'none', query: nearbyQuery }, async ({ query, now }) => {
  const { itemsRead, ...result } = await findNearby(
    {
      centre: { lat: query.lat, lng: query.lng },
      category: query.category,
      text: query.q,
      maxMinutes: Math.floor(query.maxMinutes ?? WALKING.circleMinutes),
      openNow: query.openNow ?? false,
      pace: query.elderPace ? 'elder' : 'standard',
      limit: Math.floor(query.limit ?? 20),
      cursor: query.cursor,
    },
    now,
  );
  void itemsRead;
  return result;
});

export const detail = route(
  { route: 'GET /outlets/{id}', fn: 'outletDetail', role: 'PublicReadRole', auth: 'none', path: z.object({ id: idParam }) },
  async ({ path, now }) => outletDetail(path.id, now),
);
