/** What the fake API answers in the runtime smoke test. Typed with the real response shapes. */
import type { Circle, NearbyResponse } from '../../shared/api';

export const CIRCLES: { items: Circle[] } = {
  items: [
    {
      id: 'circle-test',
      name: '测试街道一刻钟生活圈',
      district: '测试区',
      centre: { lat: 31.2304, lng: 121.4737 },
      communities: [
        { id: 'comm-xingfu', name: '幸福里小区', lat: 31.2311, lng: 121.4742 },
        { id: 'comm-heping', name: '和平新村', lat: 31.2289, lng: 121.4721 },
      ],
    },
  ],
};

export const OUTLET_NAME = '老周修鞋配钥匙';

export const NEARBY: NearbyResponse = {
  items: [
    {
      id: 'outlet-zhou',
      name: OUTLET_NAME,
      categories: ['repair'],
      address: '幸福路12号',
      lat: 31.2316,
      lng: 121.4748,
      distanceMetres: 180,
      walkingMinutes: 3,
      bucket: 5,
      openState: { open: true, alwaysOpen: false, label: '营业中 · 18:00打烊' },
      headlinePrices: [{ name: '钉鞋掌', price: '10元' }],
    },
  ],
  nextCursor: null,
  total: 1,
  search: { maxMinutes: 15, pace: 'standard', radiusMetres: 900, cellsQueried: 9 },
};

/** The four 六个一 focus categories the home page shows as big tiles. */
export const FOCUS_NAMES = ['小修小补', '早餐', '长者食堂', '托育托管'];
