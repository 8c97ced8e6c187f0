import { formatPoints } from '../../shared/points';
import { lotsTakenBy, checkAccount, checkLedger, expiryFor, expiryGroups, expiryPolicy, nextEntry, toPoints, nextFirstExpiry, openLots, serviceHalfHours, unitsForHalfHours, unitsToExpire, type LedgerEntry } from './ledger';

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
    expect(formatPoints(toPoints(unitsForHalfHours(3)))).toBe('1.5');
    expect(formatPoints(toPoints(unitsForHalfHours(4, 2)))).toBe('4');
    expect(() => unitsForHalfHours(1.5)).toThrow(RangeError);
    // 1.5 points an hour would make 3 half hours worth 2.25 points: rates are whole.
    expect(() => unitsForHalfHours(3, 1.5)).toThrow(RangeError);
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

describe('appending to an account', () => {
  const now = new Date('2026-05-01T02:00:00.000Z');
  it('gives the next entry its sequence number, balance and (for credits) expiry', () => {
    expect(nextEntry({ balance: 4, seq: 2 }, { kind: 'earn', amount: 6 }, now)).toEqual({ seq: 3, balance: 10, at: now.toISOString(), expiresAt: '2027-12-31T16:00:00.000Z' });
    expect(nextEntry({ balance: 4, seq: 2 }, { kind: 'redeem', amount: -4 }, now)).toEqual({ seq: 3, balance: 0, at: now.toISOString() });
  });
  it('refuses a debit beyond the balance before anything is written', () => {
    expect(nextEntry({ balance: 3, seq: 2 }, { kind: 'redeem', amount: -4 }, now)).toBeUndefined();
    expect(() => nextEntry({ balance: 3, seq: 2 }, { kind: 'adjust', amount: 0 }, now)).toThrow(RangeError);
    expect(() => nextEntry({ balance: 3, seq: 2 }, { kind: 'adjust', amount: 0.5 }, now)).toThrow(RangeError);
  });
  it('keeps the earliest expiry mark', () => {
    expect(nextFirstExpiry(undefined, '2027-12-31T16:00:00.000Z')).toBe('2027-12-31T16:00:00.000Z');
    expect(nextFirstExpiry('2026-12-31T16:00:00.000Z', '2027-12-31T16:00:00.000Z')).toBe('2026-12-31T16:00:00.000Z');
    expect(nextFirstExpiry('2027-12-31T16:00:00.000Z', undefined)).toBe('2027-12-31T16:00:00.000Z');
  });
  it('reads the expiry policy from the environment, falling back to one year after', () => {
    expect(expiryPolicy({})).toEqual({ yearsAfter: 1 });
    expect(expiryPolicy({ POINTS_EXPIRY_YEARS: '2' })).toEqual({ yearsAfter: 2 });
    expect(expiryPolicy({ POINTS_EXPIRY_YEARS: 'x' })).toEqual({ yearsAfter: 1 });
    expect(expiryPolicy({ POINTS_EXPIRY_YEARS: '' })).toEqual({ yearsAfter: 1 });
  });
});

describe('expiry across year boundaries, oldest first', () => {
  const e = (seq: number, kind: LedgerEntry['kind'], amount: number, at: string, balance: number): LedgerEntry & { seq: number } => ({ id: `e${seq}`, seq, kind, amount, at, balance });
  // Earned in 2025 (expire end of 2026), 2026 (end of 2027) and 2027 (end of 2028); spending in between.
  const entries = [
    e(1, 'earn', 8, '2025-03-01T02:00:00.000Z', 8),
    e(2, 'earn', 6, '2025-12-31T15:59:00.000Z', 14), // 23:59 on 31 Dec 2025 in China: still a 2025 lot
    e(3, 'earn', 4, '2025-12-31T16:01:00.000Z', 18), // 00:01 on 1 Jan 2026 in China: a 2026 lot
    e(4, 'redeem', -10, '2026-06-01T02:00:00.000Z', 8),
  ];
  it('groups what is held by the day it expires', () => {
    expect(expiryGroups(openLots(entries))).toEqual([
      { expiresAt: '2026-12-31T16:00:00.000Z', units: 4 },
      { expiresAt: '2027-12-31T16:00:00.000Z', units: 4 },
    ]);
  });
  it('writes off only the old lots at the turn of the year, then the next ones a year later', () => {
    expect(unitsToExpire(entries, new Date('2026-12-31T15:59:59.000Z'))).toBe(0);
    expect(unitsToExpire(entries, new Date('2026-12-31T16:00:00.000Z'))).toBe(4);
    const after = [...entries, e(5, 'expire', -4, '2026-12-31T16:00:00.000Z', 4)];
    expect(unitsToExpire(after, new Date('2027-12-31T15:00:00.000Z'))).toBe(0);
    expect(unitsToExpire(after, new Date('2027-12-31T16:00:00.000Z'))).toBe(4);
  });
  it('orders by sequence, not by the clock of whichever Lambda wrote the entry', () => {
    const skewed = [e(1, 'earn', 2, '2026-01-01T00:00:05.000Z', 2), e(2, 'redeem', -2, '2026-01-01T00:00:04.000Z', 0)];
    expect(checkLedger(skewed)).toEqual([]);
    expect(openLots(skewed)).toEqual([]);
  });
  it('checks a stored account: gapless sequence, running balances, sum equals balance', () => {
    expect(checkAccount({ balance: 8, seq: 4 }, entries)).toEqual([]);
    expect(checkAccount({ balance: 9, seq: 4 }, entries)[0]).toMatch(/balance 9 but entries sum to 8/);
    expect(checkAccount({ balance: 8, seq: 5 }, entries)[0]).toMatch(/seq 5 but 4 entries/);
    expect(checkAccount({ balance: 4, seq: 3 }, [entries[0], entries[1], entries[3]]).join()).toMatch(/sequence 4 where 3 was expected/);
  });
});

describe('refunds', () => {
  const e = (seq: number, kind: LedgerEntry['kind'], amount: number, at: string, balance: number, extra: Partial<LedgerEntry> = {}): LedgerEntry & { seq: number } => ({ id: `e${seq}`, seq, kind, amount, at, balance, ...extra });
  const entries = [
    e(1, 'earn', 2, '2025-03-01T02:00:00.000Z', 2), // expires end of 2026
    e(2, 'earn', 4, '2026-03-01T02:00:00.000Z', 6), // expires end of 2027
    e(3, 'redeem', -4, '2026-12-01T02:00:00.000Z', 2),
  ];
  it('names the lots a redemption took, oldest first', () => {
    expect(lotsTakenBy(entries, 3)).toEqual([
      { expiresAt: '2026-12-31T16:00:00.000Z', units: 2 },
      { expiresAt: '2027-12-31T16:00:00.000Z', units: 2 },
    ]);
    expect(() => lotsTakenBy(entries, 1)).toThrow(/not a debit/);
  });
  it('gives them back with their own expiry: cancelling in January does not renew old points', () => {
    const refund = e(4, 'refund', 4, '2027-01-05T02:00:00.000Z', 6, { lots: lotsTakenBy(entries, 3) });
    const after = [...entries, refund];
    // The 2025 points were due at the end of 2026: they expire at once.
    expect(unitsToExpire(after, new Date('2027-01-05T02:00:00.000Z'))).toBe(2);
    expect(expiryGroups(openLots(after))).toEqual([
      { expiresAt: '2026-12-31T16:00:00.000Z', units: 2 },
      { expiresAt: '2027-12-31T16:00:00.000Z', units: 4 },
    ]);
  });
});
