/**
 * The standards a circle is measured against (circle health, 缺什么补什么), one table per profile.
 *
 * Every facility type names the outlet categories that provide it, its level (居住街坊 / 5 / 10 / 15
 * minutes), its walking limit, its tier and groups (六个一, 一收一洗), whether it is required, and the
 * clause it comes from. `assumption: true` marks what our notes could not read in the source itself
 * (GB 50180-2018 appendix B, most of MOFCOM's 品质提升类 list): the report shows that mark beside the row.
 *
 * Limits are minutes at adult pace under our walking rule (straight line × 1.25 ÷ 75 m/min). A profile
 * that states distances (GB 50180) converts them at the same pace, so 500 m walked is 6.7 minutes, not 10:
 * each profile says which rule it applies in `rule`, and the report prints it.
 */
import { WALKING } from '../walking';

export type FacilityLevel = 'block' | 5 | 10 | 15;
export type FacilityTier = 'basic' | 'quality';
/** 六个一 (一店一早、一菜一修、一老一小) and the 2025 notice's 一收一洗. */
export type FacilityGroup = 'store' | 'breakfast' | 'grocery' | 'repair' | 'elder' | 'child' | 'recycle' | 'wash';

export const GROUP_NAMES: Record<FacilityGroup, string> = {
  store: '一店',
  breakfast: '一早',
  grocery: '一菜',
  repair: '一修',
  elder: '一老',
  child: '一小',
  recycle: '一收',
  wash: '一洗',
};
export const SIX_ONES: readonly FacilityGroup[] = ['store', 'breakfast', 'grocery', 'repair', 'elder', 'child'];

export const LEVEL_NAMES: Record<string, string> = { block: '居住街坊', 5: '5分钟', 10: '10分钟', 15: '15分钟' };
export const TIER_NAMES: Record<FacilityTier, string> = { basic: '基本保障类', quality: '品质提升类' };

/** A weekly time window a type must be open in to count in the time-aware report (ISO weekdays, local time). */
export interface TimeWindow {
  days: number[];
  from: string;
  to: string;
  label: string;
}

export interface FacilityStandard {
  type: string;
  name: string;
  /** Outlet categories that provide this type. */
  categories: string[];
  tier: FacilityTier;
  groups: FacilityGroup[];
  level: FacilityLevel;
  /** Walking limit in minutes at adult pace (may be fractional when converted from metres). */
  limitMinutes: number;
  /** The profile's own figure when it states a distance (walked metres). */
  limitMetres?: number;
  required: boolean;
  source: string;
  assumption: boolean;
  window?: TimeWindow;
}

export interface GradeRule {
  name: string;
  /** A type counts as present in the circle when at least this share of residents reach it. */
  presentShare: number;
  high: { basic: number; quality: number; points: number };
  base: { basic: number; points: number };
}

export interface HealthProfile {
  id: string;
  name: string;
  /** Which walking rule the limits follow, printed on the report. */
  rule: string;
  standards: FacilityStandard[];
  grade: GradeRule;
}

const WEEKDAYS = [1, 2, 3, 4, 5];
export const DEFAULT_WINDOWS: Record<string, TimeWindow> = {
  breakfast: { days: WEEKDAYS, from: '07:00', to: '07:00', label: '工作日 7:00' },
  elder_canteen: { days: WEEKDAYS, from: '11:00', to: '13:00', label: '工作日 11:00–13:00' },
  after_school: { days: WEEKDAYS, from: '16:30', to: '18:30', label: '工作日 16:30–18:30' },
};

const MOFCOM = 'MOFCOM《城市一刻钟便民生活圈建设指南》(2021)';
const MOFCOM_TIERS = 'MOFCOM 试点启动时的分层：5分钟便利店；8分钟快餐、药店、洗染、美发、农贸市场；15分钟超市、维修、健身';
const NOTICE_2025 = '九部门扩围升级通知 (2025-09-19)';

type Row = [type: string, name: string, categories: string[], tier: FacilityTier, groups: FacilityGroup[], required: boolean, mofcomMinutes: number, mofcomSource: string, mofcomAssumed: boolean, gbLevel: FacilityLevel, gbAssumed: boolean];

/**
 * One row per facility type. MOFCOM minutes are read where the source is named without a mark; the GB level
 * is read only for 托儿所/幼儿园 (older table, 300 m) and 卫生服务站 (TD/T 1062, 500 m): the rest is the
 * unverified appendix list of our notes.
 */
const ROWS: Row[] = [
  ['convenience_store', '便利店', ['convenience_store'], 'basic', ['store'], true, 5, MOFCOM_TIERS, false, 'block', true],
  ['breakfast', '早餐店', ['breakfast'], 'basic', ['breakfast'], true, 8, `${MOFCOM_TIERS}（早餐按快餐）`, false, 10, true],
  ['market', '菜市场', ['market'], 'basic', ['grocery'], true, 8, MOFCOM_TIERS, false, 10, true],
  ['fresh_grocery', '生鲜超市（菜店）', ['fresh_grocery'], 'basic', ['grocery'], false, 8, `${MOFCOM} 基本保障类；时限按菜市场`, true, 'block', true],
  ['supermarket', '综合超市', ['supermarket'], 'basic', [], false, 15, MOFCOM_TIERS, false, 15, true],
  ['repair', '维修点', ['repair'], 'basic', ['repair'], true, 15, MOFCOM_TIERS, false, 5, true],
  ['pharmacy', '药店', ['pharmacy'], 'basic', [], true, 8, MOFCOM_TIERS, false, 5, true],
  ['laundry', '洗染店', ['laundry'], 'basic', [], true, 8, MOFCOM_TIERS, false, 5, true],
  ['haircut', '美容美发店', ['haircut'], 'basic', [], true, 8, MOFCOM_TIERS, false, 5, true],
  ['photo_print', '照相文印店', ['photo_print'], 'basic', [], false, 15, `${MOFCOM} 基本保障类；时限未读到`, true, 10, true],
  ['housekeeping', '家政服务点', ['housekeeping'], 'basic', [], false, 15, `${MOFCOM} 基本保障类；时限未读到`, true, 5, true],
  ['express', '邮政快递综合服务点', ['express', 'smart_locker'], 'basic', [], true, 15, `${MOFCOM} 基本保障类；时限未读到`, true, 'block', true],
  ['recycling', '再生资源回收点', ['recycling'], 'basic', ['recycle'], true, 15, `${NOTICE_2025}：一收一洗`, true, 5, true],
  ['elder_canteen', '长者食堂（社区食堂）', ['elder_canteen'], 'basic', ['elder'], true, 15, `${NOTICE_2025}：养老服务为必备业态`, true, 5, true],
  ['elder_care', '养老服务站（日间照料）', ['elder_care'], 'basic', ['elder'], true, 15, `${NOTICE_2025}：养老服务为必备业态`, false, 5, true],
  ['childcare', '托育（托儿所）', ['childcare'], 'basic', ['child'], true, 15, `${MOFCOM} 一小；GB 50180 旧版表 托儿所 ≤300 m`, true, 5, false],
  ['after_school', '课后托管（四点半课堂）', ['after_school'], 'basic', ['child'], false, 15, `${MOFCOM} 一小`, true, 10, true],
  ['clinic', '社区卫生服务站', ['clinic'], 'basic', [], true, 15, 'TD/T 1062-2021 表A.3：500 m 设置一处', false, 10, false],
  ['service_station', '社区服务站', ['service_center', 'service_kiosk'], 'basic', [], false, 15, 'GB 50180-2018 附录B 五分钟生活圈（未核对原文）', true, 5, true],
  ['car_wash', '洗车店', ['car_wash'], 'quality', ['wash'], false, 15, `${NOTICE_2025}：一收一洗`, false, 15, true],
  ['restaurant', '特色餐饮', ['restaurant'], 'quality', [], false, 15, `${MOFCOM} 品质提升类（清单未读到）`, true, 10, true],
  ['cafe', '咖啡茶饮', ['cafe'], 'quality', [], false, 15, `${MOFCOM} 品质提升类（清单未读到）`, true, 15, true],
  ['bookstore', '书店', ['bookstore'], 'quality', [], false, 15, `${MOFCOM} 品质提升类（清单未读到）`, true, 15, true],
  ['fitness', '健身', ['fitness'], 'quality', [], false, 15, MOFCOM_TIERS, false, 10, true],
  ['smart_retail', '智能零售', ['unmanned_retail', 'smart_locker'], 'quality', [], false, 15, `${MOFCOM} 智慧商圈（清单未读到）`, true, 15, true],
  ['rest_station', '暖心驿站', ['rest_station'], 'quality', [], false, 15, '城市自选（无国家条文）', true, 15, true],
  ['points_exchange', '积分兑换点', ['points_exchange'], 'quality', [], false, 15, '城市自选（无国家条文）', true, 15, true],
  ['tidal_stall', '潮汐摊区', ['tidal_stall'], 'quality', [], false, 15, '城市自选（无国家条文）', true, 15, true],
];

const GB_METRES: Record<string, number> = { block: 300, 5: 300, 10: 500, 15: 1000 };

export const XIAN_GRADE: GradeRule = {
  name: '西安评分（高品质 ≥10类基本+≥6类品质且≥80分；基本型 ≥8类基本且≥60分）',
  presentShare: 0.8,
  high: { basic: 10, quality: 6, points: 80 },
  base: { basic: 8, points: 60 },
};

function standardsOf(pick: (row: Row) => { limitMinutes: number; limitMetres?: number; level: FacilityLevel; source: string; assumption: boolean }): FacilityStandard[] {
  return ROWS.map((row) => {
    const [type, name, categories, tier, groups, required] = row;
    return { type, name, categories, tier, groups, required, ...pick(row), ...(DEFAULT_WINDOWS[type] ? { window: DEFAULT_WINDOWS[type] } : {}) };
  });
}

const levelOfMinutes = (m: number): FacilityLevel => (m <= 5 ? 5 : m <= 10 ? 10 : 15);

export const MOFCOM_PROFILE: HealthProfile = {
  id: 'mofcom2021',
  name: '商务部一刻钟便民生活圈（5/8/15分钟）',
  rule: `按步行时间：直线距离×${WALKING.detourFactor}÷${WALKING.standardMetresPerMinute}米/分钟（长者${WALKING.elderMetresPerMinute}米/分钟）；10分钟约步行750米，国标十分钟生活圈为500米`,
  standards: standardsOf(([, , , , , , minutes, source, assumption]) => ({ limitMinutes: minutes, level: levelOfMinutes(minutes), source, assumption })),
  grade: XIAN_GRADE,
};

export const GB50180_PROFILE: HealthProfile = {
  id: 'gb50180',
  name: 'GB 50180-2018 生活圈居住区（300/500/1000米）',
  rule: `按国标步行距离：街坊与5分钟300米、10分钟500米、15分钟1000米，按${WALKING.standardMetresPerMinute}米/分钟折合为4、6.7、13.3分钟`,
  standards: standardsOf(([, , , , , , , , , level, assumption]) => ({
    level,
    limitMetres: GB_METRES[String(level)],
    limitMinutes: GB_METRES[String(level)] / WALKING.standardMetresPerMinute,
    source: assumption ? 'GB 50180-2018 附录B（未核对原文，按笔记清单）' : 'GB 50180（已读条文，见来源说明）',
    assumption,
  })),
  grade: XIAN_GRADE,
};

/** A city's own override of a base profile: limits, required flags and windows per type, and its grade rule. */
export interface CityOverride {
  id: string;
  name: string;
  base: HealthProfile;
  types: Record<string, Partial<Pick<FacilityStandard, 'limitMinutes' | 'required' | 'window'>>>;
  grade?: GradeRule;
}

export function withOverride(o: CityOverride): HealthProfile {
  return {
    ...o.base,
    id: o.id,
    name: o.name,
    grade: o.grade ?? o.base.grade,
    standards: o.base.standards.map((s) => {
      const t = o.types[s.type];
      if (!t) return s;
      const limitMinutes = t.limitMinutes ?? s.limitMinutes;
      return { ...s, ...t, limitMinutes, level: levelOfMinutes(limitMinutes), source: `${o.name}覆盖；原：${s.source}`, assumption: true };
    }),
  };
}

/** The demo city's example override: elder services within 10 minutes, and breakfast counted on Saturdays too. */
export const JINAN_PROFILE = withOverride({
  id: 'jinan',
  name: '济南示例（长者服务10分钟内）',
  base: MOFCOM_PROFILE,
  types: {
    elder_canteen: { limitMinutes: 10 },
    elder_care: { limitMinutes: 10 },
    breakfast: { window: { days: [1, 2, 3, 4, 5, 6], from: '07:00', to: '07:00', label: '周一至周六 7:00' } },
  },
});

export const HEALTH_PROFILES: Record<string, HealthProfile> = {
  [MOFCOM_PROFILE.id]: MOFCOM_PROFILE,
  [GB50180_PROFILE.id]: GB50180_PROFILE,
  [JINAN_PROFILE.id]: JINAN_PROFILE,
};
export const DEFAULT_PROFILE_ID = MOFCOM_PROFILE.id;
export const HEALTH_PROFILE_IDS = Object.keys(HEALTH_PROFILES) as [string, ...string[]];

/** The farthest the report looks for a nearest outlet (beyond the limit, for the gap list). */
export const NEAREST_REACH_MINUTES = WALKING.maxSearchMinutes;
