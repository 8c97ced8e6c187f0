/**
 * Outlet categories of the 15-minute living circle, shared by the functions and the mini-program.
 * Tiers follow the national guideline: basic (daily needs), quality (better living), smart facilities,
 * and supplementary civic facilities. `focus` marks the 六个一 categories the app puts first.
 */
export type CategoryTier = 'basic' | 'quality' | 'smart' | 'supplementary';

export interface Category {
  key: string;
  name: string;
  tier: CategoryTier;
  focus: boolean;
  icon: string;
}

export const CATEGORY_TIERS: Record<CategoryTier, string> = {
  basic: '基本保障类',
  quality: '品质提升类',
  smart: '智慧设施',
  supplementary: '公共服务补充',
};

export const CATEGORIES: readonly Category[] = [
  // 六个一 focus categories first: the home page shows them as big tiles.
  { key: 'repair', name: '小修小补', tier: 'basic', focus: true, icon: '🔧' },
  { key: 'breakfast', name: '早餐', tier: 'basic', focus: true, icon: '🥟' },
  { key: 'elder_canteen', name: '长者食堂', tier: 'basic', focus: true, icon: '🍲' },
  { key: 'childcare', name: '托育托管', tier: 'basic', focus: true, icon: '🧒' },
  { key: 'convenience_store', name: '便利店', tier: 'basic', focus: false, icon: '🏪' },
  { key: 'fresh_grocery', name: '菜店生鲜', tier: 'basic', focus: false, icon: '🥬' },
  { key: 'market', name: '菜市场', tier: 'basic', focus: false, icon: '🧺' },
  { key: 'pharmacy', name: '药店', tier: 'basic', focus: false, icon: '💊' },
  { key: 'laundry', name: '洗衣', tier: 'basic', focus: false, icon: '👔' },
  { key: 'haircut', name: '理发', tier: 'basic', focus: false, icon: '💈' },
  { key: 'housekeeping', name: '家政', tier: 'basic', focus: false, icon: '🧹' },
  { key: 'after_school', name: '四点半课堂', tier: 'basic', focus: false, icon: '📚' },
  { key: 'express', name: '快递代收', tier: 'basic', focus: false, icon: '📦' },
  { key: 'tidal_stall', name: '潮汐摊区', tier: 'basic', focus: false, icon: '⛺' },
  // Types the standards ask for (circle health) that outlets could not be filed under before.
  { key: 'elder_care', name: '养老服务站', tier: 'basic', focus: false, icon: '🧓' },
  { key: 'photo_print', name: '照相文印', tier: 'basic', focus: false, icon: '🖨️' },
  { key: 'recycling', name: '再生资源回收', tier: 'basic', focus: false, icon: '♻️' },
  { key: 'car_wash', name: '洗车', tier: 'quality', focus: false, icon: '🚗' },
  { key: 'supermarket', name: '超市', tier: 'quality', focus: false, icon: '🛒' },
  { key: 'bookstore', name: '书店', tier: 'quality', focus: false, icon: '📖' },
  { key: 'fitness', name: '健身', tier: 'quality', focus: false, icon: '🏃' },
  { key: 'cafe', name: '咖啡茶饮', tier: 'quality', focus: false, icon: '☕' },
  { key: 'restaurant', name: '特色餐饮', tier: 'quality', focus: false, icon: '🍜' },
  { key: 'clinic', name: '社区诊所', tier: 'quality', focus: false, icon: '🩺' },
  { key: 'smart_locker', name: '智能柜', tier: 'smart', focus: false, icon: '🗄️' },
  { key: 'unmanned_retail', name: '无人售货', tier: 'smart', focus: false, icon: '🤖' },
  { key: 'service_center', name: '便民服务中心', tier: 'supplementary', focus: false, icon: '🏛️' },
  { key: 'service_kiosk', name: '便民服务亭', tier: 'supplementary', focus: false, icon: '🛖' },
  { key: 'rest_station', name: '暖心驿站', tier: 'supplementary', focus: false, icon: '🫖' },
  { key: 'points_exchange', name: '积分兑换点', tier: 'supplementary', focus: false, icon: '🎁' },
];

export const CATEGORY_KEYS: readonly string[] = CATEGORIES.map((c) => c.key);

const byKey = new Map(CATEGORIES.map((c) => [c.key, c]));

export function categoryByKey(key: string): Category | undefined {
  return byKey.get(key);
}

export function categoryName(key: string): string {
  return byKey.get(key)?.name ?? key;
}

export const FOCUS_CATEGORIES: readonly Category[] = CATEGORIES.filter((c) => c.focus);
