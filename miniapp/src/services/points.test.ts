import { describe, expect, it } from '@jest/globals';
import type { Me } from '@shared/api';
import { activityTime, groupDigits, hoursText, signedPoints, stationsOf } from './points';

describe('how points, hours and codes are written', () => {
  it('signs passbook entries, with a true minus sign', () => {
    expect(signedPoints(2)).toBe('+2');
    expect(signedPoints(-1.5)).toBe('−1.5');
    expect(signedPoints(0)).toBe('0');
    // Rounded to half points like every other figure.
    expect(signedPoints(1.26)).toBe('+1.5');
  });

  it('writes half hours as hours', () => {
    expect(hoursText(3)).toBe('1.5小时');
    expect(hoursText(4)).toBe('2小时');
    expect(hoursText(0)).toBe('0小时');
  });

  it('groups long codes for reading aloud', () => {
    expect(groupDigits('12345678', 4)).toBe('1234 5678');
    expect(groupDigits('1234567', 4)).toBe('1234 567');
    expect(groupDigits('', 4)).toBe('');
  });

  it('finds the exchange stations among the outlets a user runs', () => {
    const user: Me = {
      id: 'u1',
      nickname: '赵站长',
      roles: ['merchant'],
      outlets: [
        { id: 'o-shop', name: '修鞋', categories: ['repair'], status: 'listed' },
        { id: 'o-station', name: '暖心驿站', categories: ['community_service', 'points_exchange'], status: 'listed' },
        { id: 'o-closed-week', name: '爱心超市', categories: ['points_exchange'], status: 'closed_temporarily' },
        // An application for a second station, not yet on the map: no station to hand over at.
        { id: 'o-applied', name: '新驿站', categories: ['points_exchange'], status: 'submitted' },
      ],
    };
    expect(stationsOf(user).map((o) => o.id)).toEqual(['o-station', 'o-closed-week']);
    expect(stationsOf(null)).toEqual([]);
  });

  it('writes when an activity is', () => {
    expect(activityTime({ date: '2027-03-01', startTime: '09:00', endTime: '11:30' })).toBe('3月1日 周一 09:00–11:30');
  });
});
