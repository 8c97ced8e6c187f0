import { applicationProblem, outletApplicationSchema } from './outlet';
import { goodApplication } from '../../tests/support/outlets';

describe('the outlet application schema', () => {
  it('accepts a complete application', () => {
    const r = outletApplicationSchema.safeParse(goodApplication);
    expect(r.success).toBe(true);
    expect(r.success && r.data.services.map((s) => s.name)).toEqual(['钉鞋掌', '配钥匙', '材料费']);
  });
  it.each([
    [{ lat: 1.3, lng: 103.8 }, '位置不在国内'],
    [{ categories: [] }, '至少选择1个分类'],
    [{ categories: ['repair', 'laundry', 'haircut', 'pharmacy'] }, '最多选择3个分类'],
    [{ categories: ['repair', 'repair'] }, '分类重复'],
    [{ categories: ['spaceship'] }, '未知的分类'],
    [{ name: '李'.repeat(31) }, '最多30字'],
    [{ services: [] }, '至少填写1个收费项目'],
    [{ services: [{ name: '修伞', priceFen: -100 }] }, '价格不能为负'],
    [{ services: [{ name: '修伞', priceFen: 500, priceMaxFen: 300 }] }, '上限要高于下限'],
    [{ services: [{ name: '修伞', note: '另收材料费', priceFen: 500 }] }, '材料费请单独列一项'],
    [{ hours: { windows: [{ days: [1], open: '08:00', close: '12:00' }, { days: [1], open: '11:00', close: '13:00' }] } }, '重叠'],
    [{ phone: '12345' }, '电话'],
    [{ legalBasis: { kind: 'licence', licenceNo: '123' } }, '统一社会信用代码'],
    [{ legalBasis: { kind: 'designated_stall', place: '', hours: '' } }, '摊位地点'],
  ])('refuses %j', (patch, words) => {
    expect(applicationProblem({ ...goodApplication, ...patch })).toContain(words);
  });
  it('refuses fields it does not know (no approval or owner from the client)', () => {
    expect(outletApplicationSchema.safeParse({ ...goodApplication, approval: 'approved' }).success).toBe(false);
    expect(outletApplicationSchema.safeParse({ ...goodApplication, ownerId: 'u_x' }).success).toBe(false);
  });
});
