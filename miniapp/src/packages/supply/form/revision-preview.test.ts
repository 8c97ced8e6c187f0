import { describe, expect, it } from '@jest/globals';
import type { Outlet, Service } from '@shared/api';
import { checkForm, emptyPriceRow, formOf } from './application-form';
import { previewRevision } from './revision-preview';

const outlet = {
  id: 'o-anxin', circleId: 'c-hongfeng', name: '安心家电', categories: ['repair'], lat: 36.66, lng: 117.05, address: '山大南路45号', phone: '13800001234',
  hours: { windows: [{ days: [1, 2, 3, 4, 5], open: '09:00', close: '17:00' }] }, approval: 'approved', status: 'listed', legalBasis: { kind: 'skill_service' },
} as Outlet;
const services: Service[] = [{ id: 's01', name: '空调清洗', priceFen: 8000, unit: '台', bookable: true, pricing: 'canteen' }];

describe('the revision preview', () => {
  it('sees nothing when nothing was changed', () => {
    const app = checkForm(formOf(outlet, services)).application!;
    expect(previewRevision({ outlet, services }, app)).toEqual({ now: [], waiting: [] });
  });

  it('tells a small price move and a new item (publish at once) from a big one (waits)', () => {
    const f = formOf(outlet, services);
    f.prices[0].price = '88';
    f.prices.push({ ...emptyPriceRow(), name: '上门费', price: '20' });
    expect(previewRevision({ outlet, services }, checkForm(f).application!)).toEqual({
      now: [
        expect.objectContaining({ field: '收费项目', from: '空调清洗 80元/台', to: '空调清洗 88元/台' }),
        expect.objectContaining({ field: '新增收费项目', to: '上门费 20元' }),
      ],
      waiting: [],
    });
    f.prices[0].price = '100';
    expect(previewRevision({ outlet, services }, checkForm(f).application!).waiting).toEqual([expect.objectContaining({ field: '收费项目', why: '价格变动超过20%' })]);
  });
});
