/**
 * The demo city: invented outlets on real-looking streets of 济南 (GCJ-02), three living circles, demo
 * users per role. Deterministic (seeded), so tests and screenshots see the same data on every machine.
 */
import type { Circle, Outlet, Service } from '../shared/api';
import type { OpeningHours } from '../shared/hours';
import type { UserRecord } from '../functions/users/store';

// Bump when the demo data changes: a stack kept on disk then reloads it (puts overwrite the old items).
export const DEMO_SEED_VERSION = 'v10';

export function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
type Rand = ReturnType<typeof rng>;
const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];

const ALL_DAYS = [1, 2, 3, 4, 5, 6, 7];
const WEEKDAYS = [1, 2, 3, 4, 5];
export const HOURS = {
  allDay: { windows: [{ days: ALL_DAYS, open: '00:00', close: '24:00' }] },
  daytime: { windows: [{ days: ALL_DAYS, open: '08:00', close: '18:00' }] },
  kiosk: { windows: [{ days: ALL_DAYS, open: '07:30', close: '17:30' }] },
  breakfast: { windows: [{ days: ALL_DAYS, open: '06:00', close: '09:30' }] },
  breakfastCart: { windows: [{ days: ALL_DAYS, open: '06:30', close: '09:00' }] },
  tidal: {
    windows: [
      { days: ALL_DAYS, open: '06:30', close: '09:00' },
      { days: ALL_DAYS, open: '11:00', close: '13:00' },
      { days: ALL_DAYS, open: '17:00', close: '20:00' },
    ],
  },
  tidalMorningEvening: {
    windows: [
      { days: ALL_DAYS, open: '06:30', close: '09:00' },
      { days: ALL_DAYS, open: '17:00', close: '20:00' },
    ],
  },
  canteen: {
    windows: [
      { days: ALL_DAYS, open: '11:00', close: '13:00' },
      { days: ALL_DAYS, open: '17:00', close: '18:30' },
    ],
  },
  childcare: { windows: [{ days: WEEKDAYS, open: '07:30', close: '18:00' }] },
  afterSchool: { windows: [{ days: WEEKDAYS, open: '16:30', close: '18:30' }, { days: [6], open: '08:30', close: '17:00' }] },
  lateNight: { windows: [{ days: ALL_DAYS, open: '18:00', close: '02:00' }] },
  shop: { windows: [{ days: ALL_DAYS, open: '06:30', close: '21:00' }] },
  closedMonday: { windows: [{ days: [2, 3, 4, 5, 6, 7], open: '09:00', close: '21:00' }] },
  office: { windows: [{ days: WEEKDAYS, open: '08:30', close: '17:30' }] },
  station: { windows: [{ days: ALL_DAYS, open: '09:00', close: '19:00' }] },
  appliance: { windows: [{ days: [1, 2, 3, 4, 5, 6], open: '09:00', close: '17:00' }] },
} satisfies Record<string, OpeningHours>;

const yuan = (y: number) => Math.round(y * 100);
type ServiceSpec = [name: string, min: number | null, max?: number, unit?: string, bookable?: boolean, note?: string, pricing?: 'canteen'];
const services = (specs: ServiceSpec[]): Service[] =>
  specs.map(([name, min, max, unit, bookable, note, pricing], i) => ({
    id: `s${String(i + 1).padStart(2, '0')}`,
    name,
    priceFen: min === null ? null : yuan(min),
    ...(max !== undefined && max !== null && max !== min ? { priceMaxFen: yuan(max) } : {}),
    ...(unit ? { unit } : {}),
    bookable: bookable ?? false,
    ...(note ? { note } : {}),
    ...(pricing ? { pricing } : {}),
  }));

export const CIRCLES: Circle[] = [
  {
    id: 'c-hongfeng',
    name: '红枫一刻钟便民生活圈',
    district: '历下区',
    centre: { lat: 36.6623, lng: 117.0565 },
    communities: [
      { id: 'cm-hongfeng', name: '红枫社区', lat: 36.6623, lng: 117.0565 },
      { id: 'cm-xingfuli', name: '幸福里小区', lat: 36.6668, lng: 117.0528 },
      { id: 'cm-yinxing', name: '银杏苑', lat: 36.6589, lng: 117.0611 },
      { id: 'cm-shuxiangli', name: '书香里', lat: 36.6642, lng: 117.0622 },
      // Far east, past the ring road: no repair stall within a 15-minute walk (a gap the worker view shows).
      { id: 'cm-dongling', name: '东岭新村', lat: 36.6601, lng: 117.0795 },
    ],
  },
  {
    id: 'c-quanyuan',
    name: '泉苑一刻钟便民生活圈',
    district: '市中区',
    centre: { lat: 36.6702, lng: 117.0102 },
    communities: [
      { id: 'cm-quanyuan', name: '泉苑社区', lat: 36.6702, lng: 117.0102 },
      { id: 'cm-liuyin', name: '柳荫小区', lat: 36.6741, lng: 117.0063 },
      { id: 'cm-jinqiao', name: '金桥花园', lat: 36.6665, lng: 117.0148 },
      { id: 'cm-nanmen', name: '南门小区', lat: 36.6661, lng: 117.0069 },
    ],
  },
  {
    id: 'c-lvyin',
    name: '绿荫一刻钟便民生活圈',
    district: '槐荫区',
    centre: { lat: 36.6471, lng: 117.0318 },
    communities: [
      { id: 'cm-lvyin', name: '绿荫社区', lat: 36.6471, lng: 117.0318 },
      { id: 'cm-heshun', name: '和顺家园', lat: 36.6502, lng: 117.0275 },
      { id: 'cm-fuyuan', name: '福源小区', lat: 36.6438, lng: 117.0356 },
      { id: 'cm-beiyuan', name: '北苑新村', lat: 36.6519, lng: 117.0349 },
    ],
  },
];

const STREETS: Record<string, string[]> = {
  'c-hongfeng': ['和平路', '文化东路', '历山路', '山大南路', '燕子山路', '花园路', '二环东路'],
  'c-quanyuan': ['经四路', '纬二路', '经七路', '顺河街', '泺源大街', '南门大街'],
  'c-lvyin': ['经十路', '纬六路', '槐荫街', '绿荫巷', '民生大街', '兴福寺路'],
};

export const DEMO_USERS: UserRecord[] = [
  // Age checked by the community worker: the canteen price is computed from it.
  { id: 'u_demo_resident', nickname: '张阿姨', roles: ['resident'], birthDate: '1956-03-12', ageVerified: true, homeCircleId: 'c-hongfeng', demo: true, createdAt: '2026-01-05T02:00:00.000Z' },
  { id: 'u_demo_parent', nickname: '李女士', roles: ['resident'], demo: true, createdAt: '2026-01-05T02:00:00.000Z' },
  { id: 'u_demo_volunteer', nickname: '王大哥', roles: ['resident', 'volunteer'], homeCircleId: 'c-hongfeng', demo: true, createdAt: '2026-01-05T02:00:00.000Z' },
  { id: 'u_demo_merchant', nickname: '郑师傅', roles: ['resident', 'merchant'], demo: true, createdAt: '2026-01-05T02:00:00.000Z' },
  { id: 'u_demo_canteen', nickname: '刘经理（长者食堂）', roles: ['merchant'], demo: true, createdAt: '2026-01-05T02:00:00.000Z' },
  { id: 'u_demo_childcare', nickname: '孙园长（托育）', roles: ['merchant'], demo: true, createdAt: '2026-01-05T02:00:00.000Z' },
  { id: 'u_demo_worker', nickname: '陈社工', roles: ['resident', 'worker'], circleId: 'c-hongfeng', demo: true, createdAt: '2026-01-05T02:00:00.000Z' },
  { id: 'u_demo_station', nickname: '赵站长（暖心驿站）', roles: ['resident', 'merchant'], demo: true, createdAt: '2026-01-05T02:00:00.000Z' },
  // Has applied to put a stall on the map: the worker's review queue shows it.
  { id: 'u_demo_applicant', nickname: '周师傅（申请入驻）', roles: ['resident'], homeCircleId: 'c-hongfeng', demo: true, createdAt: '2026-01-05T02:00:00.000Z' },
];

export interface DemoOutlet {
  outlet: Outlet;
  services: Service[];
}

/**
 * Check dates of an outlet nobody has confirmed since September 2025, over a year before the demo's days: the
 * worker's 网点审核 flags it (一年多未确认), residents see its hours as 待确认 and 营业中 leaves it out.
 */
const LONG_UNCONFIRMED: NonNullable<Outlet['checkedAt']> = {
  name: '2025-09-20T02:00:00.000Z', categories: '2025-09-20T02:00:00.000Z', location: '2025-09-20T02:00:00.000Z', phone: '2025-09-20T02:00:00.000Z',
  hours: '2025-09-20T02:00:00.000Z', prices: '2025-09-20T02:00:00.000Z', legalBasis: '2025-09-20T02:00:00.000Z',
};

/** The fifteen sample outlets of the domain notes placed around 红枫社区, and one left unconfirmed for over a year. */
function sampleOutlets(): DemoOutlet[] {
  const c = 'c-hongfeng';
  const at = (dLatM: number, dLngM: number) => ({
    lat: +(36.6623 + dLatM / 111_320).toFixed(6),
    lng: +(117.0565 + dLngM / (111_320 * Math.cos((36.6623 * Math.PI) / 180))).toFixed(6),
  });
  const o = (
    id: string, name: string, categories: string[], pos: { lat: number; lng: number }, address: string,
    hours: OpeningHours, svc: ServiceSpec[], extra: Partial<Outlet> = {},
  ): DemoOutlet => ({
    outlet: { id, circleId: c, name, categories, ...pos, address, phone: `0531-8${id.replace(/\D/g, '').padStart(7, '6')}`, hours, approval: 'approved', ...extra },
    services: services(svc),
  });
  return [
    o('o-laozheng', '老郑修鞋配钥匙', ['repair'], at(120, -80), '和平路88号菜市场小修小补角', HOURS.daytime,
      [['钉鞋掌', 10, 10, undefined, true, '可预约送修'], ['换鞋跟', 15, 15, undefined, true, '可预约送修'], ['配普通钥匙', 5, 5, '把'], ['配防盗钥匙', 15, 15, '把'], ['修拉链', 3, 5]],
      { ownerId: 'u_demo_merchant', badges: ['小修小补进图'], description: '二十年老手艺，材料费明码标价。' }),
    o('o-qiaozhen', '巧针缝补亭', ['repair'], at(-150, 200), '文化东路12号（原门卫亭）', HOURS.kiosk,
      [['改裤脚', 8], ['补洞', 5, 15], ['换拉链', 15], ['熨烫', 5, 5, '件']]),
    o('o-linli-kiosk', '邻里便民服务亭（磨刀·修伞）', ['service_kiosk', 'repair'], at(300, 150), '历山路与文化东路路口',
      { windows: [{ days: [1, 3, 5], open: '08:00', close: '17:00' }, { days: [2, 4], open: '09:00', close: '16:00' }], note: '定点不定人：周一三五磨刀师傅，周二四修伞师傅' },
      [['磨菜刀', 5], ['磨剪刀', 5], ['修伞', 5, 10]]),
    o('o-anxin', '安心家电上门维修站', ['repair', 'housekeeping'], at(-420, -260), '山大南路45号', HOURS.appliance,
      [['上门检测', 30, 30, '次', true, '修好后检测费抵扣'], ['换水龙头', 20, 20, '个', true, '配件另计'], ['疏通下水道', 50, 80, '次', true]],
      { ownerId: 'u_demo_merchant', description: '需预约，上门时段 09:00–17:00。' }),
    o('o-chenxi', '晨曦早餐亭', ['breakfast'], at(60, 140), '和平路90号', HOURS.breakfast,
      [['豆浆', 2], ['油条', 2], ['包子', 1.5, 2.5, '个'], ['小米粥', 2]], { badges: ['早餐示范点'] }),
    o('o-xingfuli-cart', '幸福里流动早餐车', ['breakfast'], at(520, -330), '幸福里小区北门（定时定点）', HOURS.breakfastCart,
      [['煎饼', 6], ['鸡蛋灌饼', 5], ['豆浆', 2]]),
    o('o-kangle', '康乐长者食堂', ['elder_canteen'], at(-60, -120), '红枫社区综合服务中心一楼', HOURS.canteen,
      [['两荤一素套餐', 15, 15, '份', true, '60岁以上9折，每日一餐补贴3元', 'canteen'], ['困难老人A套餐', 15, 15, '份', true, '经社区认定的困难老人免费，每日一份', 'canteen'], ['送餐上门', 2, 2, '次', false, '独居、失能老人免费']],
      { ownerId: 'u_demo_canteen', description: '堂食、自取、送餐均可。' }),
    o('o-yinxing-meal', '银杏社区助餐点', ['elder_canteen'], at(-380, 510), '银杏苑3号楼底商', { windows: [{ days: ALL_DAYS, open: '10:30', close: '13:00' }], note: '午餐请于09:30前预订' },
      [['中央厨房午餐', 12, 12, '份', true, '60岁以上优惠，每日一餐补贴', 'canteen'], ['送餐', 2, 2, '次', false, '独居、失能老人免费']],
      { ownerId: 'u_demo_canteen' }),
    o('o-xiaohemiao', '小禾苗普惠托育中心', ['childcare'], at(250, 420), '书香里8号', HOURS.childcare,
      [['全日托', 3200, 3200, '月', false, '1–3岁，普惠价不超过3500元，请到园登记'], ['半日托', 1800, 1800, '月', false], ['临时托', 80, 80, '半天', true, '1–3岁，按半天预约']],
      { ownerId: 'u_demo_childcare', description: '招收1–3岁幼儿，共30个托位。' }),
    o('o-shuxiang', '书香里四点半课堂', ['after_school', 'childcare'], at(280, 520), '书香里社区活动室', HOURS.afterSchool,
      [['会员', 300, 300, '学期', true, '困难家庭免费'], ['午餐', 8, 8, '份', false, '含3元餐补']]),
    o('o-linjia24', '邻家24小时便利店', ['convenience_store', 'express', 'pharmacy'], at(-30, 60), '和平路86号', HOURS.allDay,
      [['共享打印', 0.5, 0.5, '页'], ['代收快递', 0], ['代缴水电费', 0]], { badges: ['一店多能'] }),
    o('o-xianlin', '鲜邻社区菜店', ['fresh_grocery'], at(-210, 90), '文化东路20号', HOURS.shop,
      [['时令蔬菜', 2, 6, '斤'], ['鲜鸡蛋', 6.5, 6.5, '斤']], { description: '蔬菜比市场价低一到两成，线上订单自提点。' }),
    o('o-nanmen-tidal', '南门潮汐摊区', ['tidal_stall'], at(-560, 40), '和平路南段人行道（定时开放）', HOURS.tidalMorningEvening,
      [['瓜果蔬菜摊位', 0, 0, '个', false, '12个免费摊位，摊主自治']]),
    o('o-hongfeng-center', '红枫社区便民服务中心', ['service_center', 'points_exchange', 'repair'], at(0, -20), '红枫社区综合服务中心二楼', HOURS.office,
      [['补衣', 2, 5], ['改裤脚', 5], ['打印复印', 0.2, 0.5, '页'], ['磨剪刀', 3], ['换水龙头', 0, 0, '次', false, '只收材料费']],
      { ownerId: 'u_demo_worker', description: '志愿积分兑换站（党群服务中心二楼扶贫产品馆）。' }),
    o('o-nuanxin', '暖心驿站·积分兑换点', ['rest_station', 'points_exchange'], at(180, -240), '燕子山路6号', HOURS.station,
      [['饮用水、充电、药箱', 0], ['20积分兑换5kg大米', null, undefined, undefined, false, '积分兑换']],
      { ownerId: 'u_demo_station' }),
    // South of 银杏苑 (10 minutes' walk from there), beyond a 15-minute walk from 红枫社区 and 书香里, where the
    // nearby tests look: the list there stays as it was, and 营业中 there never meets a stale outlet.
    o('o-laoma-bike', '老马修车摊', ['repair'], at(-1000, 350), '燕子山路与二环东路路口东南角', HOURS.daytime,
      [['补胎', 5, 5, '次'], ['换链条', 25, 40], ['打气', 0]],
      { legalBasis: { kind: 'skill_service' }, checkedAt: LONG_UNCONFIRMED, description: '修自行车、电动车，雨天不出摊。' }),
  ];
}

interface Template {
  category: string;
  weight: number;
  names: string[];
  hours: OpeningHours[];
  services: ServiceSpec[][];
  extra?: string[];
}

const SURNAMES = ['王', '李', '刘', '陈', '杨', '赵', '孙', '周', '吴', '郑', '冯', '何', '高', '马'];
const WORDS = ['邻里', '惠民', '和顺', '福源', '金桥', '百姓', '康宁', '春晖', '阳光', '安居', '乐家', '同心', '聚福', '信达'];

const TEMPLATES: Template[] = [
  { category: 'repair', weight: 5, names: ['{s}师傅修鞋铺', '{w}配钥匙', '{s}记缝补', '{w}家电维修', '{s}师傅修自行车', '{w}小修小补点'],
    hours: [HOURS.daytime, HOURS.kiosk, HOURS.closedMonday],
    services: [[['钉鞋掌', 8, 12], ['配钥匙', 5, 15, '把'], ['修拉链', 3, 5]], [['改裤脚', 8], ['换拉链', 12, 15]], [['补胎', 5], ['换链条', 25, 40]], [['上门检测', 30, 30, '次', true], ['修电饭煲', 30, 60]]] },
  { category: 'breakfast', weight: 12, names: ['{w}早餐铺', '{s}记包子铺', '{w}豆浆坊', '{s}家煎饼', '{w}粥铺'],
    hours: [HOURS.breakfast, HOURS.breakfastCart, { windows: [{ days: ALL_DAYS, open: '05:30', close: '10:00' }] }],
    services: [[['豆浆', 2], ['油条', 2], ['包子', 1.5, 2.5, '个']], [['煎饼', 6, 8], ['豆腐脑', 4]], [['小米粥', 2], ['茶叶蛋', 1.5]]] },
  { category: 'elder_canteen', weight: 2, names: ['{w}长者食堂', '{w}老年助餐点'], hours: [HOURS.canteen],
    services: [[['两荤一素套餐', 14, 16, '份', true], ['送餐上门', 2, 2, '次']]] },
  { category: 'childcare', weight: 3, names: ['{w}托育园', '{w}宝贝托育中心'], hours: [HOURS.childcare],
    services: [[['全日托', 2800, 3500, '月', true], ['半日托', 1500, 1900, '月', true]]] },
  { category: 'after_school', weight: 2, names: ['{w}四点半课堂', '{w}托管班'], hours: [HOURS.afterSchool],
    services: [[['课后托管', 300, 600, '学期', true], ['晚餐', 10]]] },
  { category: 'convenience_store', weight: 14, names: ['{w}便利店', '{w}24小时便利', '{s}记小卖部'], hours: [HOURS.allDay, HOURS.shop, HOURS.lateNight],
    services: [[['矿泉水', 2, 2, '瓶'], ['代收快递', 0]]], extra: ['express'] },
  { category: 'fresh_grocery', weight: 8, names: ['{w}生鲜', '{s}记菜店', '{w}果蔬'], hours: [HOURS.shop],
    services: [[['时令蔬菜', 2, 8, '斤'], ['水果', 5, 15, '斤']]] },
  { category: 'market', weight: 1, names: ['{w}农贸市场'], hours: [{ windows: [{ days: ALL_DAYS, open: '05:30', close: '19:00' }] }],
    services: [[['摊位蔬菜', 1.5, 6, '斤']]] },
  { category: 'pharmacy', weight: 5, names: ['{w}大药房', '{w}药店'], hours: [HOURS.shop, HOURS.allDay], services: [[['测血压', 0], ['常用药', null]]] },
  { category: 'laundry', weight: 3, names: ['{w}洗衣店', '{s}记干洗'], hours: [HOURS.closedMonday], services: [[['干洗外套', 25, 40, '件'], ['水洗衬衫', 10, 10, '件']]] },
  { category: 'haircut', weight: 5, names: ['{s}师傅理发', '{w}美发', '{w}快剪'], hours: [HOURS.closedMonday, HOURS.daytime],
    services: [[['男士理发', 15, 25], ['老人理发', 10, 10, '次', false, '60岁以上']]] },
  { category: 'housekeeping', weight: 2, names: ['{w}家政服务'], hours: [HOURS.office], services: [[['日常保洁', 45, 60, '小时', true], ['油烟机清洗', 120, 180, '台', true]]] },
  { category: 'supermarket', weight: 2, names: ['{w}超市'], hours: [{ windows: [{ days: ALL_DAYS, open: '08:00', close: '22:00' }] }], services: [[['大米', 3, 6, '斤']]] },
  { category: 'bookstore', weight: 1, names: ['{w}书屋'], hours: [HOURS.closedMonday], services: [[['借阅', 0], ['咖啡', 15, 25, '杯']]] },
  { category: 'fitness', weight: 2, names: ['{w}健身房', '{w}全民健身点'], hours: [{ windows: [{ days: ALL_DAYS, open: '06:00', close: '22:00' }] }], services: [[['次卡', 20, 30, '次'], ['月卡', 150, 200, '月']]] },
  { category: 'cafe', weight: 2, names: ['{w}咖啡', '{w}茶饮'], hours: [HOURS.closedMonday], services: [[['美式咖啡', 12, 18, '杯']]] },
  { category: 'restaurant', weight: 6, names: ['{s}记面馆', '{w}饺子馆', '{w}深夜食堂'], hours: [HOURS.lateNight, HOURS.shop],
    services: [[['牛肉面', 16, 22, '碗'], ['水饺', 18, 25, '斤']]] },
  { category: 'clinic', weight: 1, names: ['{w}社区卫生服务站'], hours: [HOURS.office], services: [[['测血糖', 0], ['普通门诊', 10]]] },
  { category: 'smart_locker', weight: 2, names: ['{w}智能快递柜'], hours: [HOURS.allDay], services: [[['取件', 0]]] },
  { category: 'unmanned_retail', weight: 1, names: ['{w}无人售货柜'], hours: [HOURS.allDay], services: [[['单份水果', 5, 12, '份']]] },
  { category: 'tidal_stall', weight: 1, names: ['{w}潮汐摊区'], hours: [HOURS.tidal], services: [[['摊位', 0, 0, '个']]] },
];

function placeAround(r: Rand, centre: { lat: number; lng: number }, maxMetres: number) {
  // Square-root radius spreads outlets evenly over the disc rather than piling them at the centre.
  const d = Math.sqrt(r()) * maxMetres;
  const theta = r() * 2 * Math.PI;
  return {
    lat: +(centre.lat + (d * Math.cos(theta)) / 111_320).toFixed(6),
    lng: +(centre.lng + (d * Math.sin(theta)) / (111_320 * Math.cos((centre.lat * Math.PI) / 180))).toFixed(6),
  };
}

function farEnoughFrom(p: { lat: number; lng: number }, q: { lat: number; lng: number }, metres: number) {
  const dy = (p.lat - q.lat) * 111_320;
  const dx = (p.lng - q.lng) * 111_320 * Math.cos((p.lat * Math.PI) / 180);
  return Math.hypot(dx, dy) >= metres;
}

export function generatedOutlet(r: Rand, id: string, circleId: string, pos: { lat: number; lng: number }, streets: string[], used: Set<string>): DemoOutlet {
  const total = TEMPLATES.reduce((s, t) => s + t.weight, 0);
  let x = r() * total;
  const t = TEMPLATES.find((tp) => (x -= tp.weight) < 0) ?? TEMPLATES[0];
  let name = '';
  for (let i = 0; i < 20 && (!name || used.has(name)); i++) {
    name = pick(r, t.names).replace('{s}', pick(r, SURNAMES)).replace('{w}', pick(r, WORDS));
    if (used.has(name)) name = `${name}（${pick(r, streets).replace(/路|街|大街|巷/, '')}店）`;
  }
  used.add(name);
  const categories = [t.category, ...(t.extra && r() < 0.4 ? t.extra : [])];
  return {
    outlet: {
      id, circleId, name, categories, ...pos,
      address: `${pick(r, streets)}${1 + Math.floor(r() * 180)}号`,
      phone: `1${pick(r, ['35', '39', '58', '86', '77'])}${String(Math.floor(r() * 1e8)).padStart(8, '0')}`,
      hours: pick(r, t.hours),
      approval: r() < 0.03 ? 'pending' : 'approved',
    },
    services: services(pick(r, t.services)),
  };
}

export function demoOutlets(perCircle = 62): DemoOutlet[] {
  const r = rng(20261123);
  const out = sampleOutlets();
  const kangle = out.find((o) => o.outlet.id === 'o-kangle')!;
  kangle.services = kangle.services.map((s) => (s.id === 's02' ? { ...s, hardshipOnly: true } : s));
  const daycare = out.find((o) => o.outlet.id === 'o-xiaohemiao')!;
  daycare.services = daycare.services.map((s) => ({ ...s, ageBand: { minMonths: 12, maxMonths: 36 } }));
  const used = new Set(out.map((o) => o.outlet.name));
  const dongling = CIRCLES[0].communities.find((c) => c.id === 'cm-dongling')!;
  for (const circle of CIRCLES) {
    for (let n = 0; n < perCircle; n++) {
      const id = `o-${circle.id.slice(2)}-${String(n + 1).padStart(3, '0')}`;
      let candidate: DemoOutlet;
      do {
        candidate = generatedOutlet(r, id, circle.id, placeAround(r, circle.centre, 1100), STREETS[circle.id], used);
        // Keep 东岭新村 a real gap: no repair stall within ~1.1 km (beyond a 15-minute walk).
      } while (candidate.outlet.categories.includes('repair') && !farEnoughFrom(candidate.outlet, dongling, 1100));
      out.push(candidate);
    }
  }
  return out;
}

/** A large synthetic city for the nearby benchmark: `count` outlets over a ~24 km square. */
export function benchOutlets(count: number, seed = 7): DemoOutlet[] {
  const r = rng(seed);
  const used = new Set<string>();
  const centre = { lat: 36.66, lng: 117.02 };
  const out: DemoOutlet[] = [];
  for (let i = 0; i < count; i++) {
    const pos = placeAround(r, centre, 12_000);
    out.push(generatedOutlet(r, `b-${i}`, 'c-bench', pos, STREETS['c-hongfeng'], used));
    if (used.size > 5000) used.clear();
  }
  return out;
}

export interface DemoSlotPlan {
  merchantId: string;
  outletId: string;
  serviceId: string;
  times: Array<[start: string, end: string]>;
  capacity: number;
  modes: Array<'in_store' | 'home_visit' | 'pickup'>;
  /** Menus by time of day, rotating day by day (canteens). */
  menus?: Record<string, string[][]>;
}

const halfHours = (from: number, to: number): Array<[string, string]> =>
  Array.from({ length: (to - from) * 2 }, (_, i) => {
    const m = from * 60 + i * 30;
    const f = (x: number) => `${String(Math.floor(x / 60)).padStart(2, '0')}:${String(x % 60).padStart(2, '0')}`;
    return [f(m), f(m + 30)];
  });

/** Availability the demo merchants publish for the coming days (published again on each start). */
export const DEMO_SLOT_PLANS: DemoSlotPlan[] = [
  // A repair stall takes 3 drop-offs per half hour.
  { merchantId: 'u_demo_merchant', outletId: 'o-laozheng', serviceId: 's01', times: halfHours(9, 17), capacity: 3, modes: ['in_store'] },
  { merchantId: 'u_demo_merchant', outletId: 'o-laozheng', serviceId: 's02', times: halfHours(9, 17), capacity: 3, modes: ['in_store'] },
  // A home-visit appliance repair takes one visit per slot.
  { merchantId: 'u_demo_merchant', outletId: 'o-anxin', serviceId: 's01', times: [['09:00', '11:00'], ['11:00', '13:00'], ['14:00', '16:00'], ['16:00', '17:00']], capacity: 1, modes: ['home_visit'] },
  { merchantId: 'u_demo_merchant', outletId: 'o-anxin', serviceId: 's02', times: [['09:00', '11:00'], ['14:00', '16:00']], capacity: 1, modes: ['home_visit'] },
  // Childcare: N places per half-day session for ages 1–3 (the age band is on the service).
  { merchantId: 'u_demo_childcare', outletId: 'o-xiaohemiao', serviceId: 's03', times: [['08:00', '12:00'], ['13:30', '17:30']], capacity: 5, modes: ['in_store'] },
  // The elderly canteen: 80 reservations per meal, dine-in or pick-up.
  {
    merchantId: 'u_demo_canteen', outletId: 'o-kangle', serviceId: 's01', times: [['11:00', '13:00'], ['17:00', '18:30']], capacity: 80, modes: ['in_store', 'pickup'],
    menus: {
      '11:00': [['红烧肉', '清蒸鲈鱼', '蒜蓉油麦菜', '米饭'], ['土豆炖牛肉', '番茄炒蛋', '清炒西兰花', '杂粮饭'], ['香菇滑鸡', '肉末豆腐', '凉拌黄瓜', '米饭']],
      '17:00': [['鸡蛋面', '卤豆干', '小米粥'], ['白菜猪肉水饺', '拍黄瓜'], ['南瓜粥', '素包子', '炒青菜']],
    },
  },
];

/** What the demo exchange stations offer (listed once; stock then moves only by redemptions and restocks). */
export const DEMO_REWARDS: Array<{ operatorId: string; outletId: string; name: string; description?: string; pricePoints: number; stock: number }> = [
  { operatorId: 'u_demo_worker', outletId: 'o-hongfeng-center', name: '5kg大米', description: '扶贫产品馆直供', pricePoints: 20, stock: 12 },
  { operatorId: 'u_demo_worker', outletId: 'o-hongfeng-center', name: '鸡蛋一盒（15枚）', pricePoints: 3, stock: 30 },
  { operatorId: 'u_demo_worker', outletId: 'o-hongfeng-center', name: '洗衣液一瓶', pricePoints: 5, stock: 20 },
  { operatorId: 'u_demo_station', outletId: 'o-nuanxin', name: '理发券（联盟商户）', description: '凭兑换码到联盟理发店使用', pricePoints: 8, stock: 10 },
  { operatorId: 'u_demo_station', outletId: 'o-nuanxin', name: '毛巾一条', pricePoints: 2, stock: 40 },
];

/** Activities the demo circle's worker runs: one all day today (to try check-in), one each coming day. */
export const DEMO_ACTIVITIES: Array<{ key: string; title: string; description: string; place: string; dayOffset: number; startTime: string; endTime: string; capacity: number }> = [
  { key: 'today', title: '助老陪伴·读报聊天', description: '陪社区老人读报、聊天，帮忙使用智能手机。', place: '红枫社区综合服务中心一楼', dayOffset: 0, startTime: '08:00', endTime: '22:00', capacity: 30 },
  { key: 'repair-day', title: '便民维修服务日', description: '协助师傅登记、引导居民，义务磨刀修伞。', place: '红枫社区广场', dayOffset: 1, startTime: '09:00', endTime: '11:30', capacity: 10 },
  { key: 'canteen', title: '长者食堂送餐', description: '为独居老人送午餐上门。', place: '康乐长者食堂', dayOffset: 2, startTime: '10:30', endTime: '12:30', capacity: 6 },
];

/** 周师傅's application, submitted for review (商户入驻 → 进图). */
export const DEMO_APPLICATION = {
  circleId: 'c-hongfeng',
  name: '周师傅修伞补衣',
  categories: ['repair'],
  lat: 36.6651,
  lng: 117.0541,
  address: '幸福里小区南门西侧',
  phone: '13905310088',
  hours: { windows: [{ days: [2, 4, 6], open: '08:30', close: '11:30' }, { days: [2, 4, 6], open: '15:00', close: '18:00' }], note: '雨天照常出摊' },
  services: [
    { name: '修伞', note: '换伞骨、伞布', unit: '把', priceFen: 500, priceMaxFen: 1500 },
    { name: '缝补衣物', note: '开线、破洞', unit: '件', priceFen: 300, priceMaxFen: 1000 },
    { name: '换拉链', unit: '条', priceFen: 1000, priceMaxFen: 2000 },
  ],
  legalBasis: { kind: 'skill_service' as const },
};
