import { checkLedger, expiryFor, formatPoints, openLots, serviceHalfHours, unitsForHalfHours, unitsToExpire, type LedgerEntry } from './ledger';

const t = (s: string) => new Date(`${s}+08:00`);

describe('service hours', () => {
  const start = t('2026-11-28T09:00:00');
  const end = t('2026-11-28T12:00:00');
  it('counts whole half hours inside the activity window', () => {
    expect(serviceHalfHours(t('2026-11-28T09:00:00'), t('2026-11-28T10:29:00'), start, end)).toBe(2);
    expect(serviceHalfHours(t('2026-11-28T09:00:00'), t('2026-11-28T10:30:00'), start, end)).toBe(3);
  });
  it('caps at the activity: early check-in and late check-out do not count', () => {
    expect(serviceHalfHours(t('2026-11-28T07:00:00'), t('2026-11-28T15:00:00'), start, end)).toBe(6);
    expect(serviceHalfHours(t('2026-11-28T12:30:00'), t('2026-11-28T13:00:00'), start, end)).toBe(0);
  });
  it('turns half hours into units at the activity rate', () => {
    expect(unitsForHalfHours(3)).toBe(3); // 1.5 h at 1 point/h = 1.5 points = 3 units
    expect(formatPoints(unitsForHalfHours(3))).toBe('1.5');
    expect(formatPoints(unitsForHalfHours(4, 2))).toBe('4');
    expect(() => unitsForHalfHours(1.5)).toThrow(RangeError);
  });
});

describe('expiry', () => {
  it('ends the calendar year after earning, in China time', () => {
    expect(expiryFor('2026-03-01T02:00:00.000Z')).toBe('2027-12-31T16:00:00.000Z');
    // 31 Dec 2026 23:30 in Shanghai is still 2026.
    expect(expiryFor('2026-12-31T15:30:00.000Z')).toBe('2027-12-31T16:00:00.000Z');
    // 1 Jan 2027 00:30 in Shanghai is 2027 (UTC still says 2026).
    expect(expiryFor('2026-12-31T16:30:00.000Z')).toBe('2028-12-31T16:00:00.000Z');
    expect(expiryFor('2026-03-01T02:00:00.000Z', { yearsAfter: 0 })).toBe('2026-12-31T16:00:00.000Z');
  });

  const e = (id: string, kind: LedgerEntry['kind'], amount: number, at: string, balance: number): LedgerEntry => ({ id, kind, amount, at, balance });
  it('spends the oldest points first, so only what is left of old lots expires', () => {
    const entries = [
      e('1', 'earn', 10, '2025-05-01T00:00:00.000Z', 10),
      e('2', 'earn', 6, '2026-02-01T00:00:00.000Z', 16),
      e('3', 'redeem', -8, '2026-06-01T00:00:00.000Z', 8),
    ];
    expect(openLots(entries).map((l) => l.remaining)).toEqual([2, 6]);
    expect(unitsToExpire(entries, new Date('2026-12-31T15:59:00.000Z'))).toBe(0);
    expect(unitsToExpire(entries, new Date('2026-12-31T16:00:00.000Z'))).toBe(2);
    const written = [...entries, e('4', 'expire', -2, '2026-12-31T16:00:00.000Z', 6)];
    expect(unitsToExpire(written, new Date('2027-06-01T00:00:00.000Z'))).toBe(0);
    expect(unitsToExpire(written, new Date('2027-12-31T16:00:00.000Z'))).toBe(6);
  });

  it('finds broken ledgers', () => {
    expect(checkLedger([e('1', 'earn', 4, '2026-01-01T00:00:00.000Z', 4), e('2', 'redeem', -4, '2026-01-02T00:00:00.000Z', 0)])).toEqual([]);
    expect(checkLedger([e('1', 'earn', 4, '2026-01-01T00:00:00.000Z', 5)])).toHaveLength(1);
    expect(checkLedger([e('1', 'redeem', -2, '2026-01-01T00:00:00.000Z', -2)])[0]).toMatch(/negative/);
    expect(() => openLots([e('1', 'redeem', -2, '2026-01-01T00:00:00.000Z', -2)])).toThrow(/overdrawn/);
  });
});
