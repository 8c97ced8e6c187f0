import { requestHash } from './idempotency';
import { IDEMPOTENCY_KEY_RE } from '../http/validate';

describe('idempotency request hash', () => {
  it('ignores key order but not values or the operation', () => {
    expect(requestHash('POST /bookings', { a: 1, b: { c: 2, d: [1, 2] } })).toBe(requestHash('POST /bookings', { b: { d: [1, 2], c: 2 }, a: 1 }));
    expect(requestHash('POST /bookings', { a: 1 })).not.toBe(requestHash('POST /bookings', { a: 2 }));
    expect(requestHash('POST /bookings', { a: [1, 2] })).not.toBe(requestHash('POST /bookings', { a: [2, 1] }));
    expect(requestHash('POST /bookings', { a: 1 })).not.toBe(requestHash('POST /redemptions', { a: 1 }));
  });
  it('accepts only short opaque keys', () => {
    expect(IDEMPOTENCY_KEY_RE.test('abc12345')).toBe(true);
    expect(IDEMPOTENCY_KEY_RE.test('short')).toBe(false);
    expect(IDEMPOTENCY_KEY_RE.test('has space 123')).toBe(false);
    expect(IDEMPOTENCY_KEY_RE.test('x'.repeat(65))).toBe(false);
  });
});
