/** What the fake API answers in the runtime smoke test. Typed with the real response shapes. */
import type { Activity, Circle, NearbyResponse, OutletDetail } from '../../shared/api';

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

export const ACTIVITY: Activity = {
  id: 'a_smoke1',
  circleId: 'c-test',
  circleName: '测试一刻钟便民生活圈',
  title: '助老陪伴·读报聊天',
  description: '陪社区老人读报、聊天。',
  place: '社区服务中心一楼',
  date: '2026-11-25',
  startTime: '09:00',
  endTime: '11:30',
  start: '2026-11-25T01:00:00.000Z',
  end: '2026-11-25T03:30:00.000Z',
  capacity: 10,
  signedUp: 3,
  remaining: 7,
  pointsPerHour: 1,
  state: 'published',
  createdBy: 'u_worker',
  createdAt: '2026-11-20T01:00:00.000Z',
  walkMinutes: 4,
};

/** The map's search: the outlet above and four more around the same community, of other categories. */
export const NEARBY_MANY: NearbyResponse = {
  ...NEARBY,
  items: [
    NEARBY.items[0],
    ...(
      [
        ['outlet-chen', '陈记早餐', 'breakfast', 31.2305, 121.4751, 140],
        ['outlet-kang', '康乐长者食堂', 'elder_canteen', 31.2322, 121.4733, 160],
        ['outlet-yao', '惠民大药房', 'pharmacy', 31.2296, 121.4745, 170],
        ['outlet-cafe', '阳光咖啡', 'cafe', 31.2334, 121.4761, 390],
      ] as const
    ).map(([id, name, category, lat, lng, d]) => ({
      ...NEARBY.items[0],
      id,
      name,
      categories: [category],
      lat,
      lng,
      distanceMetres: d,
      walkingMinutes: Math.ceil((d * 1.25) / 75),
    })),
  ],
  total: 5,
};

export const OUTLET_DETAIL: OutletDetail = {
  id: 'outlet-zhou',
  circleId: 'circle-test',
  name: OUTLET_NAME,
  categories: ['repair'],
  lat: 31.2316,
  lng: 121.4748,
  address: '幸福路12号',
  phone: '021-66668888',
  hours: { windows: [{ days: [1, 2, 3, 4, 5, 6, 7], open: '08:00', close: '18:00' }] },
  approval: 'approved',
  services: [],
  openState: { open: true, alwaysOpen: false, label: '营业中 · 18:00打烊' },
  hoursText: ['每天 08:00–18:00'],
};
