import { describe, expect, it } from '@jest/globals';
import type { Outlet, Service } from '@shared/api';
import { applicationProblem } from '@shared/schemas/outlet';
import { checkForm, emptyForm, formOf, materialsRow, type ApplicationForm } from './application-form';

/** A form a stall keeper would finish: every section filled in. */
function filled(): ApplicationForm {
  return {
    ...emptyForm('c-hongfeng'),
    name: '周师傅修伞配钥匙',
    categories: ['repair'],
    pin: { lat: 36.6642, lng: 117.063 },
    address: '文化东路书香里东门',
    phone: '13800001234',
    prices: [
      { name: '配钥匙', note: '普通十字钥匙', unit: '把', price: '5', priceMax: '', materials: false },
      { name: '修伞', note: '换伞骨', unit: '把', price: '10', priceMax: '20', materials: false },
      { ...materialsRow(), price: '2', priceMax: '30' },
    ],
    legal: { kind: 'skill_service', licenceNo: '', place: '', hours: '', organiser: '' },
  };
}

describe('the application form', () => {
  it('becomes the application the server accepts, prices in fen', () => {
    const r = checkForm(filled());
    expect(r.problem).toBeNull();
    expect(applicationProblem(r.application)).toBeNull();
    expect(r.application!.services).toEqual([
      { name: '配钥匙', note: '普通十字钥匙', unit: '把', priceFen: 500 },
      { name: '修伞', note: '换伞骨', unit: '把', priceFen: 1000, priceMaxFen: 2000 },
      { name: '材料费', note: '按实际用料收取', priceFen: 200, priceMaxFen: 3000, materials: true },
    ]);
    expect(r.application!.legalBasis).toEqual({ kind: 'skill_service' });
    expect(r.application!.hours).toEqual({ windows: [{ days: [1, 2, 3, 4, 5, 6, 7], open: '08:00', close: '18:00' }] });
    expect(r.application).not.toHaveProperty('providers');
  });

  it('says the first problem in the order of the form', () => {
    expect(checkForm(emptyForm('c-hongfeng')).problem).toBe('请填写网点名称（至少2个字）');
    expect(checkForm({ ...filled(), categories: [] }).problem).toBe('请至少选择1个分类');
    expect(checkForm({ ...filled(), categories: ['repair', 'laundry', 'haircut', 'express'] }).problem).toBe('最多选择3个分类');
    expect(checkForm({ ...filled(), pin: null }).problem).toBe('请选择网点的位置');
    expect(checkForm({ ...filled(), phone: '12345' }).problem).toBe('电话请填手机号或带区号的座机');
    expect(checkForm({ ...filled(), legal: { ...filled().legal, kind: null } }).problem).toBe('请选择经营依据');
  });

  it('names the price row that is not an amount', () => {
    const f = filled();
    f.prices[1] = { ...f.prices[1], price: '十元' };
    expect(checkForm(f).problem).toBe('「修伞」的价格请填数字，如 12 或 12.5（元）');
    f.prices[1] = { ...f.prices[1], price: '10', priceMax: '二十' };
    expect(checkForm(f).problem).toBe('「修伞」的最高价请填数字，不是价格区间就空着');
    f.prices[1] = { ...f.prices[1], priceMax: '8' };
    expect(checkForm(f).problem).toBe('价格区间的上限要高于下限');
  });

  it('keeps materials as their own item, and asks for each legal basis its own fields', () => {
    const f = filled();
    f.prices[0] = { ...f.prices[0], note: '材料费另收' };
    expect(checkForm(f).problem).toBe('材料费请单独列一项，不要写在其他项目里');
    expect(checkForm({ ...filled(), legal: { ...filled().legal, kind: 'licence', licenceNo: '123' } }).problem).toBe('营业执照号应为18位统一社会信用代码');
    expect(checkForm({ ...filled(), legal: { ...filled().legal, kind: 'licence', licenceNo: '91370102ma3c4x5y6w' } }).application?.legalBasis).toEqual({ kind: 'licence', licenceNo: '91370102MA3C4X5Y6W' });
    expect(checkForm({ ...filled(), legal: { ...filled().legal, kind: 'designated_stall', place: '书香里东门广场' } }).problem).toBe('请填写摊位时段（至少2个字）');
  });

  it('refuses overlapping windows and keeps overnight ones and a timetable', () => {
    const f = filled();
    f.windows = [{ days: [1], open: '08:00', close: '12:00' }, { days: [1], open: '11:00', close: '14:00' }];
    expect(checkForm(f).problem).toBe('营业时段有重叠');
    f.windows = [{ days: [5, 6], open: '18:00', close: '02:00' }];
    f.providers = [{ name: '李师傅', craft: '修鞋', days: [5], open: '18:00', close: '22:00' }];
    expect(checkForm(f).application?.providers).toHaveLength(1);
  });

  it('is filled back from an outlet, keeping item ids for a revision', () => {
    const outlet = { id: 'o1', circleId: 'c-hongfeng', name: '老郑修鞋', categories: ['repair'], lat: 36.66, lng: 117.05, address: '和平路1号', phone: '13800001234', hours: { windows: [{ days: [1, 2], open: '08:00', close: '18:00' }], note: '雨天休息' }, approval: 'approved', legalBasis: { kind: 'community', organiser: '红枫社区居委会' } } as Outlet;
    const services: Service[] = [{ id: 's01', name: '钉鞋掌', priceFen: 1050, unit: '双', bookable: true }];
    const f = formOf(outlet, services);
    expect(f.prices).toEqual([{ id: 's01', name: '钉鞋掌', note: '', unit: '双', price: '10.5', priceMax: '', materials: false }]);
    expect(f.legal.organiser).toBe('红枫社区居委会');
    const back = checkForm(f).application!;
    expect(back.services[0]).toEqual({ id: 's01', name: '钉鞋掌', unit: '双', priceFen: 1050 });
    expect(back.hours.note).toBe('雨天休息');
  });
});
