import { headlinePrices, listingsOf, staleCategories } from './listing';
import { encodeGeohash } from './geohash';
import type { Outlet, Service } from '../../shared/api';

const outlet: Outlet = {
  id: 'o1', name: '老郑修鞋配钥匙', categories: ['repair', 'key_cutting'], circleId: 'c-hongfeng', address: '东岭新村3号楼下',
  lat: 39.9087, lng: 116.3975, phone: '13800000000', hours: { windows: [{ days: [1, 2, 3, 4, 5, 6, 7], open: '08:00', close: '18:00' }] }, approval: 'approved',
} as Outlet;
const services: Service[] = [
  { id: 's1', name: '换鞋跟', priceFen: 1500, unit: '双', bookable: false },
  { id: 's2', name: '配钥匙', priceFen: 500, priceMaxFen: 1500, unit: '把', bookable: false },
  { id: 's3', name: '上门修锁', priceFen: null, bookable: true },
  { id: 's4', name: '补鞋', priceFen: 1000, bookable: false },
  { id: 's5', name: '擦鞋', priceFen: 300, bookable: false },
];

describe('nearby listing of an outlet', () => {
  it('lists an approved outlet under * and each of its categories, in the cell of its pin', () => {
    const l = listingsOf(outlet, services);
    expect(l.map((x) => x.category)).toEqual(['*', 'repair', 'key_cutting']);
    expect(new Set(l.map((x) => x.cell))).toEqual(new Set([encodeGeohash(outlet.lat, outlet.lng, 6)]));
    expect(l[0].entry).toMatchObject({ id: 'o1', name: '老郑修鞋配钥匙', address: '东岭新村3号楼下' });
  });
  it('lists nothing for an outlet that is not approved', () => {
    for (const approval of ['pending', 'rejected', 'suspended'] as const) expect(listingsOf({ ...outlet, approval }, services)).toEqual([]);
  });
  it('shows at most three priced items as headline prices, skipping unpriced ones', () => {
    expect(headlinePrices(services).map((h) => h.name)).toEqual(['换鞋跟', '配钥匙', '补鞋']);
  });
  it('names the entries a save must delete: dropped categories, or all when delisted', () => {
    const before = listingsOf(outlet, services);
    expect(staleCategories(before, listingsOf({ ...outlet, categories: ['repair'] }, services))).toEqual(['key_cutting']);
    expect(staleCategories(before, listingsOf({ ...outlet, approval: 'suspended' }, services))).toEqual(['*', 'repair', 'key_cutting']);
    expect(staleCategories(before, before)).toEqual([]);
  });
});
