import { BOOKING_STATES, BOOKING_STATE_NAMES, isUpcoming } from './bookings';

describe('booking states', () => {
  it('names every state in Chinese', () => {
    for (const s of BOOKING_STATES) expect(BOOKING_STATE_NAMES[s]).toMatch(/[\u4e00-\u9fa5]/);
  });
  it('counts waiting, requested and accepted bookings as still to happen, and no other', () => {
    expect(BOOKING_STATES.filter(isUpcoming)).toEqual(['waitlisted', 'requested', 'accepted']);
  });
});
