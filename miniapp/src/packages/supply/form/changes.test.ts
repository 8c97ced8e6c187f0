import { describe, expect, it } from '@jest/globals';
import type { Service } from '@shared/api';
import { planRevision, type OutletFields } from '@shared/revisions';
import type { AuditEntry } from '../api';
import { changeLines } from './changes';
import { auditLine } from './audit';

const fields: OutletFields = {
  name: '安心家电上门维修站',
  categories: ['repair'],
  lat: 36.66,
  lng: 117.05,
  address: '山大南路45号',
  phone: '13800001234',
  hours: { windows: [{ days: [1, 2, 3, 4, 5], open: '09:00', close: '17:00' }] },
  legalBasis: { kind: 'skill_service' },
};
const services: Service[] = [
  { id: 's01', name: '空调清洗', priceFen: 8000, unit: '台', bookable: true },
  { id: 's02', name: '上门检测', priceFen: 3000, bookable: true },
];

describe('a revision in words', () => {
  it('splits what publishes at once from what waits, field by field', () => {
    const plan = planRevision(
      { fields, services },
      {
        fields: { ...fields, name: '安心家电维修', phone: '053188886666', hours: { windows: [{ days: [1, 2, 3, 4, 5, 6], open: '09:00', close: '18:00' }] }, legalBasis: { kind: 'licence', licenceNo: '91370102MA3C4X5Y6W' }, lat: 36.661 },
        services: [{ ...services[0], priceFen: 12000 }, { ...services[1], priceFen: 3300 }, { id: 's03', name: '材料费', priceFen: 0, priceMaxFen: 5000, bookable: false, materials: true }],
      },
    );
    const { now, waiting } = changeLines(plan.changes);
    expect(waiting.map((l) => [l.field, l.from, l.to, l.why])).toEqual([
      ['网点名称', '安心家电上门维修站', '安心家电维修', '网点名称变更'],
      ['经营依据', '便民劳务（依法无需办照）', '营业执照 91370102MA3C4X5Y6W', '经营依据变更'],
      ['位置', '原位置', '移动约111米', '位置移动约111米'],
      ['收费项目', '空调清洗 80元/台', '空调清洗 120元/台', '价格变动超过20%'],
    ]);
    expect(now.map((l) => [l.field, l.from, l.to])).toEqual([
      ['电话', '13800001234', '053188886666'],
      ['营业时间', '周一至周五 09:00–17:00', '周一至周六 09:00–18:00'],
      ['收费项目', '上门检测 30元', '上门检测 33元'],
      ['新增收费项目', '（无）', '材料费 0–50元'],
    ]);
  });

  it("shows an item's 内容 and marks a materials item, and leaves out what reads the same", () => {
    const plan = planRevision(
      { fields, services },
      { fields, services: [{ bookable: true, unit: '台', priceFen: 8000, name: '空调清洗', id: 's01' }, { ...services[1], note: '含上门费' }, { id: 's03', name: '配件', priceFen: 500, bookable: false, materials: true }] },
    );
    expect(changeLines(plan.changes).now.map((l) => [l.from, l.to])).toEqual([
      ['上门检测 30元', '上门检测（含上门费） 30元'],
      ['（无）', '配件［材料费］ 5元'],
    ]);
  });

  it('names removed items and a timetable', () => {
    const plan = planRevision(
      { fields, services },
      { fields: { ...fields, providers: [{ name: '李师傅', craft: '修鞋', days: [6, 7], open: '08:00', close: '12:00' }] }, services: [services[0]] },
    );
    const { now } = changeLines(plan.changes);
    expect(now.map((l) => [l.field, l.to])).toEqual([
      ['轮值安排', '李师傅（修鞋）周六、周日 08:00–12:00'],
      ['删除收费项目', '（无）'],
    ]);
    expect(now[1].from).toBe('上门检测 30元');
  });
});

describe('the audit trail in words', () => {
  const e = (over: Partial<AuditEntry>): AuditEntry => ({ id: 'a1', at: '2026-11-25T06:05:00.000Z', by: 'u', role: 'worker', action: 'approve', ...over });
  it('says who did what and why, in China time', () => {
    expect(auditLine(e({}))).toEqual({ id: 'a1', at: '2026年11月25日 14:05', who: '社区工作者', what: '审核通过，已进图', why: '' });
    expect(auditLine(e({ action: 'closeTemporarily', reason: 'renovation', until: '2026-12-01', note: '店面装修' })).why).toBe('装修或临时歇业；至2026-12-01；店面装修');
    expect(auditLine(e({ role: 'owner', action: 'editPartlyPending', note: 'name,prices,prices' }))).toMatchObject({ who: '网点负责人', what: '修改信息，部分待社区审核', why: '改了网点名称、收费项目' });
    expect(auditLine(e({ action: 'reports:closed' })).what).toBe('居民纠错：确认已关门');
    expect(auditLine(e({ action: 'somethingNew' })).what).toBe('somethingNew');
  });
});
