import { planRevision, priceChangeRatio, type OutletFields } from './revisions';
import type { Service } from './api';

const fields: OutletFields = {
  name: '老郑修鞋', categories: ['repair'], lat: 36.6623, lng: 117.0565, address: '红枫社区南门', phone: '13800000000',
  hours: { windows: [{ days: [1, 2, 3, 4, 5], open: '08:00', close: '18:00' }] }, legalBasis: { kind: 'skill_service' },
};
const services: Service[] = [
  { id: 's1', name: '钉鞋掌', priceFen: 1000, unit: '双', bookable: false },
  { id: 's2', name: '配钥匙', priceFen: 500, priceMaxFen: 1500, unit: '把', bookable: false },
];
const current = { fields, services };
const edit = (f: Partial<OutletFields> = {}, s: Service[] = services) => planRevision(current, { fields: { ...fields, ...f }, services: s });

describe('what an edit publishes at once and what waits for the worker', () => {
  it('publishes hours, phone and the address words at once, refreshing only those check dates', () => {
    const p = edit({ hours: { windows: [{ days: [1, 2, 3, 4, 5, 6], open: '08:00', close: '18:00' }] }, phone: '13900000000' });
    expect(p.pending).toBeNull();
    expect(p.publishNow.fields.phone).toBe('13900000000');
    expect(p.touched.sort()).toEqual(['hours', 'phone']);
    expect(edit({ address: '红枫社区南门东侧' }).touched).toEqual(['location']);
  });

  it('publishes a price moved by at most 20 % and new items; holds a bigger move or a new unit', () => {
    const small = edit({}, [{ ...services[0], priceFen: 1200 }, services[1], { id: 's3', name: '修拉链', priceFen: 1500, bookable: false }]);
    expect(small.pending).toBeNull();
    expect(small.publishNow.services.map((s) => [s.id, s.priceFen])).toEqual([['s1', 1200], ['s2', 500], ['s3', 1500]]);
    expect(small.touched).toEqual(['prices']);
    const big = edit({}, [{ ...services[0], priceFen: 1300 }, { ...services[1], unit: '个' }]);
    expect(big.pending?.services.map((s) => s.id)).toEqual(['s1', 's2']);
    // The live price list keeps the old prices until the worker agrees.
    expect(big.publishNow.services.map((s) => [s.priceFen, s.unit])).toEqual([[1000, '双'], [500, '把']]);
    expect(big.changes.filter((c) => c.needsReview).map((c) => c.why)).toEqual(['价格变动超过20%', '计价单位变更']);
    expect(big.touched).toEqual([]);
  });

  it('holds a new name, new categories, a new legal basis and a pin moved more than 50 m, publishing the rest', () => {
    const p = edit({ name: '老郑修鞋配钥匙', categories: ['repair', 'laundry'], legalBasis: { kind: 'licence', licenceNo: '91370102MA3C7Y6X5P' }, lat: fields.lat + 0.001, phone: '13900000000' });
    expect(p.pending?.fields).toEqual({ name: '老郑修鞋配钥匙', categories: ['repair', 'laundry'], legalBasis: { kind: 'licence', licenceNo: '91370102MA3C7Y6X5P' }, lat: fields.lat + 0.001, lng: fields.lng });
    expect(p.publishNow.fields).toMatchObject({ name: '老郑修鞋', categories: ['repair'], lat: fields.lat, phone: '13900000000' });
    expect(p.changes.find((c) => c.field === 'location')?.why).toMatch(/位置移动约1\d\d米/);
  });

  it('moves a pin by a few metres at once', () => {
    const p = edit({ lat: fields.lat + 0.0002 });
    expect(p.pending).toBeNull();
    expect(p.publishNow.fields.lat).toBe(fields.lat + 0.0002);
  });

  it('measures price moves on both ends of a range, and a price from nothing as a big move', () => {
    expect(priceChangeRatio({ priceFen: 500, priceMaxFen: 1500 }, { priceFen: 500, priceMaxFen: 2000 })).toBeCloseTo(1 / 3);
    expect(priceChangeRatio({ priceFen: 1000 }, { priceFen: 800 })).toBeCloseTo(0.2);
    expect(priceChangeRatio({ priceFen: null }, { priceFen: 800 })).toBe(Infinity);
    expect(priceChangeRatio({ priceFen: 1000 }, { priceFen: 1000 })).toBe(0);
  });

  it('changes nothing when nothing changed', () => {
    const p = edit();
    expect(p.changes).toEqual([]);
    expect(p.pending).toBeNull();
    expect(p.touched).toEqual([]);
  });
});

describe('key order', () => {
  it('sees no change when the stored hours and items come back with their keys in another order', () => {
    const reordered = planRevision(
      { fields: { ...fields, hours: { windows: [{ close: '18:00', open: '08:00', days: [1, 2, 3, 4, 5] }] } }, services: [{ unit: '双', bookable: false, priceFen: 1000, name: '钉鞋掌', id: 's1' }, services[1]] },
      { fields, services },
    );
    expect(reordered.changes).toEqual([]);
    expect(reordered.touched).toEqual([]);
  });
});
