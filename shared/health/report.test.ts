import { computeHealth, validUntil } from './report';
import { MOFCOM_PROFILE, type HealthProfile } from './standards';
import type { CellStatus, Compound, HealthOutlet } from './types';

/**
 * A hand-built circle: compounds A (origin), B (400 m east) and C (1,200 m north); 20 outlets; 12 types.
 * Limits in straight-line metres (× 1.25 ÷ 75 m/min): 5 min 300, 8 min 480, 15 min 900; elder pace
 * (55 m/min) 220, 352, 660. Every expectation below is worked out by hand from those figures.
 */
const ORIGIN = { lat: 36.66, lng: 117.05 };
const M_PER_DEG = 111_195;
const at = (east: number, north: number) => ({
  lat: ORIGIN.lat + north / M_PER_DEG,
  lng: ORIGIN.lng + east / (M_PER_DEG * Math.cos((ORIGIN.lat * Math.PI) / 180)),
});
const NOW = new Date('2026-12-04T04:00:00Z');
const FRESH = { name: '2026-11-01T00:00:00Z', hours: '2026-11-01T00:00:00Z' };
const ALL_DAY = { windows: [{ days: [1, 2, 3, 4, 5, 6, 7], open: '00:00', close: '24:00' }] };
const daily = (open: string, close: string, days = [1, 2, 3, 4, 5, 6, 7]) => ({ windows: [{ days, open, close }] });

function outlet(id: string, category: string, east: number, north: number, extra: Partial<HealthOutlet> = {}): HealthOutlet {
  return { id, name: id, categories: [category], ...at(east, north), hours: ALL_DAY, checkedAt: FRESH, ...extra };
}

const COMPOUNDS: Compound[] = [
  { id: 'A', name: '甲小区', ...at(0, 0), households: 1000, residents: 3000, elderlyShare: 0.3 },
  { id: 'B', name: '乙小区', ...at(400, 0), households: 700, residents: 2000, elderlyShare: 0.2 },
  { id: 'C', name: '丙小区', ...at(0, 1200), households: 400, residents: 1000, elderlyShare: 0.5 },
];

const OUTLETS: HealthOutlet[] = [
  outlet('cs1', 'convenience_store', 150, 0),
  outlet('cs2', 'convenience_store', 350, 0),
  outlet('bf1', 'breakfast', 0, 100, { hours: daily('06:00', '10:00') }),
  outlet('bf2', 'breakfast', 400, 100, { hours: daily('10:00', '14:00') }),
  outlet('mk1', 'market', 200, 0, { checkedAt: { name: '2024-10-01T00:00:00Z', hours: '2024-10-01T00:00:00Z' } }),
  outlet('rp1', 'repair', 0, 600),
  outlet('rp2', 'repair', 0, 1300),
  outlet('ph1', 'pharmacy', 380, 0, { closedUntil: '2026-12-20' }),
  outlet('ph2', 'pharmacy', 0, 1150),
  outlet('hc1', 'haircut', 100, 50),
  outlet('hc2', 'haircut', 120, -50),
  outlet('ec1', 'elder_canteen', 200, 600, { hours: daily('11:30', '13:30', [1, 2, 3, 4, 5]) }),
  outlet('ec2', 'elder_canteen', 0, 880, { hours: daily('17:00', '19:00') }),
  outlet('cc1', 'childcare', 400, 600),
  outlet('as1', 'after_school', 50, 1200, { hours: daily('16:00', '19:00', [1, 2, 3, 4, 5]) }),
  outlet('as2', 'after_school', 60, 1200, { hours: daily('14:00', '16:00', [1, 2, 3, 4, 5]) }),
  outlet('cl1', 'clinic', 200, 200),
  outlet('cl2', 'clinic', 250, 250),
  outlet('ft1', 'fitness', 0, 1250),
  outlet('x1', 'cafe', 0, 0),
];

const TYPES = ['convenience_store', 'breakfast', 'market', 'repair', 'pharmacy', 'laundry', 'haircut', 'elder_canteen', 'childcare', 'after_school', 'clinic', 'fitness'];
const PROFILE: HealthProfile = { ...MOFCOM_PROFILE, standards: MOFCOM_PROFILE.standards.filter((s) => TYPES.includes(s.type)) };

const report = computeHealth({ circleId: 'c', circleName: '测试圈', compounds: COMPOUNDS, outlets: OUTLETS, profile: PROFILE, now: NOW });

function table(pace: 'adult' | 'elder', time: 'any' | 'window'): Record<string, CellStatus[]> {
  return Object.fromEntries(report.types.map((t, i) => [t.type, report.compounds.map((c) => c.cells[i][pace][time].status)]));
}

describe('circle health on the hand-built circle', () => {
  it('keeps the profile order of the 12 types', () => {
    expect(report.types.map((t) => t.type)).toEqual(TYPES);
  });

  it('gives the expected status table at adult pace in each window', () => {
    //                                  A        B        C
    expect(table('adult', 'window')).toEqual({
      convenience_store: ['thin', 'met', 'missing'],
      breakfast: ['thin', 'thin', 'missing'],
      market: ['thin', 'thin', 'missing'],
      repair: ['thin', 'thin', 'met'],
      pharmacy: ['thin', 'thin', 'thin'],
      laundry: ['missing', 'missing', 'missing'],
      haircut: ['met', 'met', 'missing'],
      elder_canteen: ['thin', 'thin', 'thin'],
      childcare: ['thin', 'thin', 'thin'],
      after_school: ['missing', 'missing', 'thin'],
      clinic: ['met', 'met', 'missing'],
      fitness: ['missing', 'missing', 'thin'],
    });
  });

  it('counts outlets outside their window when the time does not matter', () => {
    const any = table('adult', 'any');
    expect(any.breakfast).toEqual(['met', 'met', 'missing']);
    expect(any.elder_canteen).toEqual(['met', 'thin', 'met']);
    expect(any.after_school).toEqual(['missing', 'missing', 'met']);
  });

  it('gives the expected status table at elder pace', () => {
    expect(table('elder', 'window')).toEqual({
      convenience_store: ['thin', 'thin', 'missing'],
      breakfast: ['thin', 'missing', 'missing'],
      market: ['thin', 'thin', 'missing'],
      repair: ['thin', 'missing', 'met'],
      pharmacy: ['missing', 'thin', 'thin'],
      laundry: ['missing', 'missing', 'missing'],
      haircut: ['met', 'met', 'missing'],
      elder_canteen: ['thin', 'thin', 'thin'],
      childcare: ['missing', 'thin', 'missing'],
      after_school: ['missing', 'missing', 'thin'],
      clinic: ['met', 'met', 'missing'],
      fitness: ['missing', 'missing', 'thin'],
    });
    expect(table('elder', 'any').elder_canteen).toEqual(['thin', 'thin', 'met']);
  });

  it('splits what is within reach into reliable, unverified and temporarily closed', () => {
    const cell = (c: number, type: string) => report.compounds[c].cells[TYPES.indexOf(type)].adult.window;
    expect(cell(0, 'market')).toEqual({ good: 0, unverified: 1, closed: 0, status: 'thin' });
    expect(cell(1, 'pharmacy')).toEqual({ good: 0, unverified: 0, closed: 1, status: 'thin' });
    expect(cell(2, 'pharmacy')).toEqual({ good: 1, unverified: 0, closed: 0, status: 'thin' });
    expect(cell(0, 'haircut')).toEqual({ good: 2, unverified: 0, closed: 0, status: 'met' });
  });

  it('names the nearest outlet with minutes at both paces, beyond the limit too', () => {
    const c = report.compounds[2];
    expect(c.cells[TYPES.indexOf('clinic')].nearest).toEqual({ id: 'cl2', name: 'cl2', minutes: 17, elderMinutes: 23, unverified: false, closed: false });
    expect(c.cells[TYPES.indexOf('convenience_store')].nearest).toMatchObject({ id: 'cs1', minutes: 21 });
    expect(c.cells[TYPES.indexOf('laundry')].nearest).toBeNull();
    // In its window only the lunch canteen counts; at any time the nearer dinner one does.
    const canteen = report.compounds[2].cells[TYPES.indexOf('elder_canteen')];
    expect([canteen.nearest?.id, canteen.nearestInWindow?.id]).toEqual(['ec2', 'ec1']);
  });

  it('weights coverage by residents and reports the compound share beside it', () => {
    const cov = (type: string) => report.coverage[TYPES.indexOf(type)].adult.window;
    expect(cov('convenience_store')).toEqual({ residentShare: 0.8333, compoundShare: 0.6667, metResidentShare: 0.3333, unverifiedOnlyShare: 0 });
    expect(cov('market')).toEqual({ residentShare: 0, compoundShare: 0, metResidentShare: 0, unverifiedOnlyShare: 0.8333 });
    expect(cov('pharmacy').residentShare).toBe(0.1667);
    expect(report.totals).toEqual({ residents: 6000, elders: 1800, households: 2100 });
  });

  it('lists gaps required first, by residents affected with elders counted twice for 一老 types', () => {
    expect(report.gaps.map((g) => [g.type, g.weight])).toEqual([
      ['elder_canteen', 7800],
      ['breakfast', 6000],
      ['market', 6000],
      ['pharmacy', 6000],
      ['laundry', 6000],
      ['childcare', 6000],
      ['repair', 5000],
      ['convenience_store', 4000],
      ['haircut', 1000],
      ['clinic', 1000],
      ['after_school', 6000],
      ['fitness', 6000],
    ]);
    const canteen = report.gaps[0];
    expect(canteen).toMatchObject({ status: 'thin', residentsAffected: 6000, eldersAffected: 1800 });
    expect(report.gaps.find((g) => g.type === 'convenience_store')!.compounds.map((c) => [c.id, c.status, c.nearest?.id])).toEqual([
      ['A', 'thin', 'cs1'],
      ['C', 'missing', 'cs1'],
    ]);
  });

  it('hints where one new outlet would reach the most residents, for the top three gaps only', () => {
    expect(report.gaps.slice(0, 3).map((g) => g.siting)).toEqual([
      { compoundId: 'A', compoundName: '甲小区', coversResidents: 5000, coversElders: 1300, coversCompounds: 2 },
      { compoundId: 'A', compoundName: '甲小区', coversResidents: 5000, coversElders: 1300, coversCompounds: 2 },
      { compoundId: 'A', compoundName: '甲小区', coversResidents: 5000, coversElders: 1300, coversCompounds: 2 },
    ]);
    expect(report.gaps[3].siting).toBeUndefined();
  });

  it('grades the circle with its points line by line', () => {
    const { grade } = report;
    expect(grade.lines.map((l) => [l.key, l.points, l.max])).toEqual([
      ['basic', 26, 40],
      ['six_ones', 16.7, 20],
      ['quality', 0, 15],
      ['hours', 10, 10],
      ['elder', 5.2, 10],
      ['fresh', 4.7, 5],
    ]);
    expect(grade).toMatchObject({ points: 62.6, basicPresent: 7, qualityPresent: 0, label: '未达标', mofcomLabel: '基础型' });
    expect(grade.lines[1].detail).toBe('缺一菜（覆盖不足80%居民）');
    expect(report.outletsCounted).toBe(19);
    expect(report.unverifiedOutlets).toBe(1);
  });

  it('knows when the answer would change with no write: the next outlet going stale or reopening', () => {
    // ph1 reopens on 2026-12-21 (Shanghai), before any check date turns a year old.
    expect(validUntil(OUTLETS, NOW)).toBe('2026-12-20T16:00:00.000Z');
    expect(validUntil([OUTLETS[0]], NOW)).toBe('2027-11-01T00:00:00.000Z');
  });

  it('gives the same report whatever order the outlets come in, and with duplicates', () => {
    const shuffled = [...OUTLETS].reverse().concat(OUTLETS.slice(0, 5));
    const again = computeHealth({ circleId: 'c', circleName: '测试圈', compounds: COMPOUNDS, outlets: shuffled, profile: PROFILE, now: NOW });
    expect(again).toEqual(report);
  });
});
