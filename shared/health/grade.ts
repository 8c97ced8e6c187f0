/**
 * The circle's grade, pure, with its points explained line by line.
 *
 * The label follows 西安's rule by default (高品质: ≥10 basic and ≥6 quality types present and ≥80 points;
 * 基本型: ≥8 basic types and ≥60 points; otherwise 未达标), configurable per city in the profile. 西安 scores
 * four dimensions (规划布局/业态配置/运营管理/服务创新) whose item weights we could not read: the 100 points
 * below are our own split of what the app's live data can measure, and the report says so. Optional types
 * never cost points when absent: quality types score against a target of six, not against the whole list.
 */
import { GROUP_NAMES, SIX_ONES, type FacilityGroup, type HealthProfile } from './standards';
import type { Grade, GradeLabel, GradeLine, HealthOutlet, MofcomLabel, TypeCoverage } from './types';

const QUALITY_TARGET = 6;
const pct = (x: number) => `${Math.round(x * 100)}%`;
const one = (x: number) => Math.round(x * 10) / 10;
const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);

export function gradeOf(profile: HealthProfile, coverage: readonly TypeCoverage[], counted: ReadonlyArray<HealthOutlet & { unverified: boolean }>): Grade {
  const rule = profile.grade;
  const share = (i: number) => coverage[i].adult.window.residentShare;
  const present = (i: number) => share(i) >= rule.presentShare;
  const s = profile.standards;
  const idx = s.map((_, i) => i);
  const basicPresent = idx.filter((i) => s[i].tier === 'basic' && present(i)).length;
  const qualityPresent = idx.filter((i) => s[i].tier === 'quality' && present(i)).length;
  const requiredBasic = idx.filter((i) => s[i].tier === 'basic' && s[i].required);
  const groupPresent = (g: FacilityGroup) => idx.some((i) => s[i].groups.includes(g) && present(i));
  const windowed = idx.filter((i) => s[i].window);
  const missingGroups = SIX_ONES.filter((g) => !groupPresent(g));
  const fresh = counted.filter((o) => !o.unverified).length;

  const basicMean = mean(requiredBasic.map(share));
  const windowMean = mean(windowed.map((i) => (coverage[i].adult.any.residentShare > 0 ? share(i) / coverage[i].adult.any.residentShare : 0)));
  const elderMean = mean(requiredBasic.map((i) => coverage[i].elder.window.residentShare));
  const lines: GradeLine[] = [
    { key: 'basic', label: '基本保障类业态覆盖', max: 40, points: one(40 * basicMean), detail: `${requiredBasic.length}类必备业态，居民平均覆盖${pct(basicMean)}` },
    {
      key: 'six_ones',
      label: '六个一',
      max: 20,
      points: one((20 * (SIX_ONES.length - missingGroups.length)) / SIX_ONES.length),
      detail: missingGroups.length ? `缺${missingGroups.map((g) => GROUP_NAMES[g]).join('、')}（覆盖不足${pct(rule.presentShare)}居民）` : '六类都已覆盖',
    },
    { key: 'quality', label: '品质提升类业态', max: 15, points: one(15 * Math.min(1, qualityPresent / QUALITY_TARGET)), detail: `${qualityPresent}类达到覆盖（目标${QUALITY_TARGET}类）` },
    { key: 'hours', label: '营业时间匹配', max: 10, points: one(10 * windowMean), detail: `早餐、午餐、课后时段内营业的网点覆盖了可达居民的${pct(windowMean)}` },
    { key: 'elder', label: '长者步行可达', max: 10, points: one(10 * elderMean), detail: `按长者步速，必备业态居民平均覆盖${pct(elderMean)}` },
    {
      key: 'fresh',
      label: '信息新鲜度',
      max: 5,
      points: one(counted.length ? (5 * fresh) / counted.length : 0),
      detail: counted.length ? `${counted.length}个计入网点中${counted.length - fresh}个一年多未确认` : '没有计入的网点',
    },
  ];
  const points = one(lines.reduce((t, l) => t + l.points, 0));
  let label: GradeLabel = '未达标';
  let reason = `基本保障类${basicPresent}类、品质提升类${qualityPresent}类，${points}分`;
  if (basicPresent >= rule.high.basic && qualityPresent >= rule.high.quality && points >= rule.high.points) label = '高品质';
  else if (basicPresent >= rule.base.basic && points >= rule.base.points) label = '基本型';
  reason += label === '高品质' ? '：达到高品质' : label === '基本型' ? `：达到基本型（高品质需${rule.high.basic}类基本、${rule.high.quality}类品质且${rule.high.points}分）` : `：未达到基本型（需${rule.base.basic}类基本且${rule.base.points}分）`;

  const allRequired = requiredBasic.every(present);
  const mofcomLabel: MofcomLabel = allRequired && qualityPresent >= QUALITY_TARGET ? '品质型' : missingGroups.length === 0 && qualityPresent >= QUALITY_TARGET / 2 ? '提升型' : '基础型';
  return { rule: rule.name, label, mofcomLabel, points, basicPresent, qualityPresent, lines, reason };
}
