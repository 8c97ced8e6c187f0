import { CATEGORY_KEYS } from '../categories';
import { openDuring } from '../hours';
import { gradeOf } from './grade';
import { sitingHint } from './gaps';
import { GB50180_PROFILE, HEALTH_PROFILES, JINAN_PROFILE, MOFCOM_PROFILE, SIX_ONES } from './standards';
import type { CompoundHealth, TypeCoverage } from './types';

describe('standards table', () => {
  it('maps every facility type to categories outlets can be filed under, with a source', () => {
    for (const p of Object.values(HEALTH_PROFILES)) {
      expect(new Set(p.standards.map((s) => s.type)).size).toBe(p.standards.length);
      for (const s of p.standards) {
        expect(s.categories.length).toBeGreaterThan(0);
        for (const c of s.categories) expect(CATEGORY_KEYS).toContain(c);
        expect(s.source.length).toBeGreaterThan(4);
        expect(s.limitMinutes).toBeGreaterThan(0);
      }
    }
  });

  it('covers each of the 六个一 groups with a required type', () => {
    for (const g of SIX_ONES) expect(MOFCOM_PROFILE.standards.some((s) => s.groups.includes(g) && s.required)).toBe(true);
  });

  it('uses MOFCOM 5/8/15 minutes where read, and converts GB 50180 distances at 75 m/min', () => {
    const m = (type: string) => MOFCOM_PROFILE.standards.find((s) => s.type === type)!;
    expect([m('convenience_store').limitMinutes, m('pharmacy').limitMinutes, m('repair').limitMinutes]).toEqual([5, 8, 15]);
    expect(m('convenience_store').assumption).toBe(false);
    expect(m('photo_print').assumption).toBe(true);
    const g = (type: string) => GB50180_PROFILE.standards.find((s) => s.type === type)!;
    expect(g('childcare')).toMatchObject({ level: 5, limitMetres: 300, limitMinutes: 4, assumption: false });
    expect(g('clinic')).toMatchObject({ level: 10, limitMetres: 500, assumption: false });
    expect(g('clinic').limitMinutes).toBeCloseTo(6.667, 3);
    expect(GB50180_PROFILE.rule).toContain('500米');
    expect(MOFCOM_PROFILE.rule).toContain('750米');
  });

  it('lets a city override limits and windows, marking the rows it changed', () => {
    const j = (type: string) => JINAN_PROFILE.standards.find((s) => s.type === type)!;
    expect(j('elder_canteen')).toMatchObject({ limitMinutes: 10, level: 10, assumption: true });
    expect(j('breakfast').window?.days).toEqual([1, 2, 3, 4, 5, 6]);
    expect(j('repair')).toEqual(MOFCOM_PROFILE.standards.find((s) => s.type === 'repair'));
  });
});

describe('open in a time window', () => {
  const lunch = { windows: [{ days: [1, 2, 3, 4, 5], open: '11:30', close: '12:30' }] };
  const night = { windows: [{ days: [7], open: '22:00', close: '02:00' }] };
  it('counts an outlet open for part of the window, not one open only outside it', () => {
    expect(openDuring(lunch, 1, '11:00', '13:00')).toBe(true);
    expect(openDuring(lunch, 1, '12:30', '13:00')).toBe(false);
    expect(openDuring(lunch, 6, '11:00', '13:00')).toBe(false);
  });
  it('checks a moment when the window has no length, and follows overnight hours across the week', () => {
    expect(openDuring(lunch, 2, '11:30', '11:30')).toBe(true);
    expect(openDuring(lunch, 2, '12:30', '12:30')).toBe(false);
    expect(openDuring(night, 1, '01:00', '01:00')).toBe(true);
    expect(openDuring(night, 1, '02:00', '02:00')).toBe(false);
  });
});

describe('siting hint', () => {
  const M = 111_195;
  const compound = (id: string, north: number, residents: number, elderlyShare: number): CompoundHealth =>
    ({ id, name: id, lat: 36.66 + north / M, lng: 117.05, households: 0, residents, elderlyShare, elders: Math.round(residents * elderlyShare), cells: [] });
  const canteen = MOFCOM_PROFILE.standards.find((s) => s.type === 'elder_canteen')!;
  it('picks the compound reaching the most residents, elders counted twice for 一老 types', () => {
    // X reaches Y (800 m) only; Z is alone 2 km away but has more elders than Y's residents and elders.
    const cs = [compound('X', 0, 1000, 0.1), compound('Y', 800, 1000, 0.1), compound('Z', 2800, 1500, 0.5)];
    const short = cs.map((c) => ({ id: c.id, name: c.name, status: 'missing' as const, residents: c.residents, elders: c.elders, nearest: null }));
    expect(sitingHint(canteen, cs, short, 'adult')).toEqual({ compoundId: 'Z', compoundName: 'Z', coversResidents: 1500, coversElders: 750, coversCompounds: 1 });
    const repair = MOFCOM_PROFILE.standards.find((s) => s.type === 'repair')!;
    expect(sitingHint(repair, cs, short, 'adult')?.compoundId).toBe('X');
    // At elder pace 800 m is beyond 15 minutes: each site covers only itself.
    expect(sitingHint(repair, cs, short, 'elder')?.coversCompounds).toBe(1);
  });
});

describe('grade', () => {
  const full = (share: number) => ({ residentShare: share, compoundShare: share, metResidentShare: share, unverifiedOnlyShare: 0 });
  const coverage = (share: (type: string) => number): TypeCoverage[] =>
    MOFCOM_PROFILE.standards.map((s) => ({ type: s.type, adult: { any: full(share(s.type)), window: full(share(s.type)) }, elder: { any: full(share(s.type)), window: full(share(s.type)) } }));
  const outlets = [{ id: 'o', name: 'o', categories: [], lat: 0, lng: 0, hours: { windows: [] }, unverified: false }];
  it('is 高品质 with every type reached, 基本型 below six quality types, 未达标 with too few basic ones', () => {
    const all = gradeOf(MOFCOM_PROFILE, coverage(() => 1), outlets);
    expect(all).toMatchObject({ points: 100, label: '高品质', mofcomLabel: '品质型' });
    const quality = new Set(MOFCOM_PROFILE.standards.filter((s) => s.tier === 'quality').map((s) => s.type));
    const noQuality = gradeOf(MOFCOM_PROFILE, coverage((t) => (quality.has(t) ? 0 : 1)), outlets);
    expect(noQuality).toMatchObject({ points: 85, label: '基本型', qualityPresent: 0, mofcomLabel: '基础型' });
    const little = gradeOf(MOFCOM_PROFILE, coverage(() => 0.5), outlets);
    expect(little).toMatchObject({ basicPresent: 0, label: '未达标' });
    expect(little.reason).toContain('未达到基本型');
  });
});
