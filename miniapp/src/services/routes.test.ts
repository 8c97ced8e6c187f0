import { describe, expect, it } from '@jest/globals';
import { pageUrl, ROUTES, TABS } from './routes';

describe('page URLs', () => {
  it('encodes every parameter, so an id cannot cut the link short', () => {
    expect(pageUrl('/p/index', { id: 'a&b=c#d' })).toBe('/p/index?id=a%26b%3Dc%23d');
    expect(ROUTES.outlet('o 1/2')).toBe('/packages/outlet/pages/detail/index?id=o%201%2F2');
    expect(ROUTES.activity('活动')).toBe(`/packages/volunteer/pages/activity/index?id=${encodeURIComponent('活动')}`);
  });

  it('leaves out parameters that are not given', () => {
    expect(pageUrl('/p/index', { a: undefined, b: '' })).toBe('/p/index');
    expect(ROUTES.myBookings()).toBe('/packages/booking/pages/mine/index');
    expect(ROUTES.myBookings('b_1')).toBe('/packages/booking/pages/mine/index?highlight=b_1');
  });

  it('opens the application form blank, or on an existing draft', () => {
    expect(ROUTES.apply()).toBe('/packages/supply/pages/apply/index');
    expect(ROUTES.apply('o_1')).toBe('/packages/supply/pages/apply/index?id=o_1');
  });

  it('opens a compound of the circle-health report under the report\'s profile', () => {
    expect(ROUTES.healthCompound('cm-xingfuli')).toBe('/packages/health/pages/compound/index?id=cm-xingfuli');
    expect(ROUTES.healthCompound('cm-xingfuli', 'gb50180')).toBe('/packages/health/pages/compound/index?id=cm-xingfuli&profile=gb50180');
  });

  it('opens the needs list on a tab, and the figures of a circle', () => {
    expect(ROUTES.needs()).toBe('/packages/needs/pages/list/index');
    expect(ROUTES.needs('mine')).toBe('/packages/needs/pages/list/index?tab=mine');
    expect(ROUTES.newNeed('cm-dongling')).toBe('/packages/needs/pages/new/index?compoundId=cm-dongling');
    expect(ROUTES.needFigures('c-hongfeng')).toBe('/packages/needs/pages/figures/index?circleId=c-hongfeng');
  });

  it('keeps several parameters in order', () => {
    expect(ROUTES.book('o-laozheng', 's02')).toBe('/packages/booking/pages/book/index?outletId=o-laozheng&serviceId=s02');
  });

  it('points at pages the app declares: tabs in the main package, the rest in subpackages', () => {
    expect(Object.values(TABS).every((t) => t.startsWith('/pages/'))).toBe(true);
    const paths = Object.values(ROUTES).map((r) => (typeof r === 'function' ? (r as (...a: string[]) => string)('x', 'y') : r).split('?')[0]);
    expect(paths.every((p) => /^\/packages\/(outlet|booking|merchant|volunteer|worker|station|supply|health|needs)\/pages\/[a-z]+\/index$/.test(p))).toBe(true);
  });
});
