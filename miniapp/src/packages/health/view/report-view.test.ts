import { describe, expect, it } from '@jest/globals';
import type { HealthCell, NearestOutlet, Reach, TypeInfo } from '@shared/health/types';
import {
  cellView,
  compoundRows,
  figuresBody,
  figuresForm,
  gapCompoundLine,
  limitText,
  plainProblem,
  shortName,
  sitingLine,
  thinReason,
  trendView,
} from './report-view';

const reach = (good: number, unverified = 0, closed = 0): Reach => {
  const n = good + unverified + closed;
  return { good, unverified, closed, status: good >= 2 ? 'met' : n ? 'thin' : 'missing' };
};
const outlet = (name: string, minutes: number, elderMinutes: number): NearestOutlet => ({ id: name, name, minutes, elderMinutes, unverified: false, closed: false });
const pharmacy = { type: 'pharmacy', name: '药店', limitMinutes: 8 } as TypeInfo;

/** 幸福里小区's pharmacy in the demo: one within 8 minutes at adult pace, none at an elder's. */
const thinCell: HealthCell = {
  type: 'pharmacy',
  nearest: outlet('惠民药店', 8, 10),
  nearestInWindow: outlet('惠民药店', 8, 10),
  adult: { any: reach(1), window: reach(1) },
  elder: { any: reach(0), window: reach(0) },
};

describe('a heat-table cell', () => {
  it('is thin at adult pace and missing at an elder pace, with the minutes of each', () => {
    const adult = cellView(thinCell, pharmacy, 'adult', 'any');
    expect(adult).toMatchObject({ status: 'thin', minutes: 8, count: 1, heat: 'mid', doubtful: false });
    expect(adult.label).toBe('药店：薄弱，8分钟内只有1处；最近：惠民药店，步行8分钟');
    const elder = cellView(thinCell, pharmacy, 'elder', 'window');
    expect(elder).toMatchObject({ status: 'missing', minutes: 10, count: 0, heat: 'far' });
    expect(elder.label).toBe('药店：缺失，8分钟内没有；最近：惠民药店，步行10分钟');
  });

  it('takes the nearest open in the window in window mode, and says when there is none', () => {
    const cell: HealthCell = {
      type: 'breakfast',
      nearest: outlet('晨曦早餐亭', 3, 4),
      nearestInWindow: null,
      adult: { any: reach(2), window: reach(0) },
      elder: { any: reach(2), window: reach(0) },
    };
    const type = { name: '早餐店', limitMinutes: 8 };
    expect(cellView(cell, type, 'adult', 'any')).toMatchObject({ status: 'met', minutes: 3, count: 2, heat: 'near' });
    const w = cellView(cell, type, 'adult', 'window');
    expect(w).toMatchObject({ status: 'missing', minutes: null, heat: 'none' });
    expect(w.label).toContain('30分钟内没有');
  });

  it('marks cells counting unverified or closed outlets', () => {
    const cell = { ...thinCell, adult: { any: reach(1, 1), window: reach(1, 1) } };
    const v = cellView(cell, pharmacy, 'adult', 'any');
    expect(v).toMatchObject({ status: 'thin', count: 2, doubtful: true });
    expect(v.label).toContain('只有1处可靠，另有1处未核实或暂停营业');
  });
});

describe('words of the report', () => {
  it('says why a compound is thin', () => {
    expect(thinReason(reach(1))).toBe('只有1处');
    expect(thinReason(reach(0, 2))).toBe('只有一年多未核实的');
    expect(thinReason(reach(0, 0, 1))).toBe('只有暂停营业的');
    expect(thinReason(reach(0, 1, 1))).toBe('只有未核实或暂停营业的');
  });

  it('writes limits in minutes, converted ones with their metres', () => {
    expect(limitText({ limitMinutes: 8 })).toBe('8分钟');
    expect(limitText({ limitMinutes: 500 / 75, limitMetres: 500 })).toBe('500米（约6.7分钟）');
    expect(shortName('长者食堂（社区食堂）')).toBe('长者食堂');
  });

  it('names the nearest outlet beyond the limit of a compound that lacks the type', () => {
    const type = { limitMinutes: 5 };
    expect(gapCompoundLine({ id: 'c', name: '幸福里小区', status: 'missing', residents: 1, elders: 1, nearest: outlet('郑记小卖部', 6, 9) }, type)).toBe(
      '5分钟内没有；最近的在5分钟以外：郑记小卖部，步行6分钟（长者约9分钟）',
    );
    expect(gapCompoundLine({ id: 'c', name: '东岭新村', status: 'missing', residents: 1, elders: 1, nearest: null }, type)).toBe('5分钟内没有，步行30分钟内也没有');
    expect(gapCompoundLine({ id: 'c', name: '红枫社区', status: 'thin', residents: 1, elders: 1, nearest: outlet('邻家24小时便利店', 2, 2) }, type, reach(1))).toBe(
      '5分钟内只有1处：邻家24小时便利店，步行2分钟（长者约2分钟）',
    );
  });

  it('writes the siting hint with the residents and elders it would cover', () => {
    expect(sitingLine({ compoundId: 'cm-hongfeng', compoundName: '红枫社区', coversResidents: 18900, coversElders: 5447, coversCompounds: 4 })).toBe(
      '在红枫社区新设一处可覆盖18900位居民（其中5447位老人），惠及4个小区',
    );
    expect(sitingLine({ compoundId: 'x', compoundName: '东岭新村', coversResidents: 6200, coversElders: 2356, coversCompounds: 1 })).toBe('在东岭新村新设一处可覆盖6200位居民（其中2356位老人）');
  });

  it('tells the trend: points, label and the types that moved, biggest first', () => {
    const v = trendView(
      {
        since: '2026-11',
        points: { from: 37.8, to: 41.2 },
        label: { from: '未达标', to: '未达标' },
        types: [
          { type: 'pharmacy', from: 0.2, to: 0.39 },
          { type: 'repair', from: 0.75, to: 0.75 },
          { type: 'market', from: 0.5, to: 0.3 },
          { type: 'cafe', from: 0.501, to: 0.502 },
        ],
      },
      [{ type: 'pharmacy', name: '药店' }, { type: 'repair', name: '维修点' }, { type: 'market', name: '菜市场' }],
    );
    expect(v).toMatchObject({ since: '2026年11月', points: '37.8分 → 41.2分', label: '未达标（未变）', direction: 'up' });
    expect(v.changed).toEqual([
      { type: 'market', name: '菜市场', line: '覆盖居民 50% → 30%', up: false },
      { type: 'pharmacy', name: '药店', line: '覆盖居民 20% → 39%', up: true },
    ]);
  });
});

describe("a compound's rows", () => {
  it('groups the types by adult status and keeps both paces', () => {
    const met: HealthCell = { ...thinCell, type: 'repair', adult: { any: reach(3), window: reach(3) }, elder: { any: reach(2), window: reach(2) } };
    const none: HealthCell = { ...thinCell, type: 'elder_care', nearest: null, nearestInWindow: null, adult: { any: reach(0), window: reach(0) }, elder: { any: reach(0), window: reach(0) } };
    const types = [pharmacy, { type: 'repair', name: '维修点', limitMinutes: 15 }, { type: 'elder_care', name: '养老服务站', limitMinutes: 15 }] as TypeInfo[];
    const rows = compoundRows(types, { cells: [thinCell, met, none] }, 'window');
    expect(rows.met.map((r) => [r.type.type, r.adult, r.elder])).toEqual([['repair', 'met', 'met']]);
    expect(rows.thin.map((r) => [r.type.type, r.adult, r.elder, r.walk])).toEqual([['pharmacy', 'thin', 'missing', '步行8分钟 · 长者约10分钟']]);
    expect(rows.missing.map((r) => [r.type.type, r.walk])).toEqual([['elder_care', '步行30分钟内没有']]);
  });
});

describe('the compound figures form', () => {
  it('shows the share in percent and sends it as a 0–1 share', () => {
    const f = figuresForm({ households: 1800, residents: 4700, elderlyShare: 0.27 });
    expect(f).toEqual({ households: '1800', residents: '4700', elderPercent: '27' });
    expect(figuresBody({ ...f, elderPercent: '30.5' })).toEqual({ body: { households: 1800, residents: 4700, elderlyShare: 0.305 }, problem: null });
  });

  it('leaves whole-number checks to the server (an empty box is sent as null) but checks the percent itself', () => {
    expect(figuresBody({ households: '', residents: '12.5', elderPercent: '20' }).body).toEqual({ households: null, residents: 12.5, elderlyShare: 0.2 });
    expect(figuresBody({ households: '1', residents: '2', elderPercent: '120' })).toEqual({ body: null, problem: '60岁以上占比应为 0–100 之间的百分数' });
    expect(figuresBody({ households: '1', residents: '2', elderPercent: '' }).problem).not.toBeNull();
  });

  it("shows the server's message without the field name", () => {
    expect(plainProblem('请求参数有误：households 户数应为 0–50000 的整数')).toBe('户数应为 0–50000 的整数');
    expect(plainProblem('户数不能多于居民人数')).toBe('户数不能多于居民人数');
  });
});
