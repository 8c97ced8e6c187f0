import { describe, expect, it } from '@jest/globals';
import type { NeedView } from '@shared/needs-api';
import {
  actionProblem,
  figureText,
  formProblem,
  plan,
  recentMonths,
  similarNeeds,
  neighbouringCompounds,
  slaLine,
  timeline,
  titleSimilarity,
  workerChoices,
  WORKER_CHOICES,
} from './needs-view';

const need = (over: Partial<NeedView>): NeedView => ({
  id: 'n_1',
  circleId: 'c-hongfeng',
  compoundId: 'cm-dongling',
  compoundName: '东岭新村',
  kind: 'public_facility',
  title: '东岭新村3号楼前的路灯不亮',
  text: '晚上回家很黑，老人容易摔倒。',
  author: '张阿姨',
  state: 'submitted',
  stateName: '待受理',
  supports: 0,
  reopens: 0,
  escalated: false,
  inReview: false,
  createdAt: '2026-12-01T01:00:00.000Z',
  history: [],
  mine: false,
  supported: false,
  actions: [],
  ...over,
});

describe('the duplicate suggestion', () => {
  const lamp = need({});
  const shoes = need({ id: 'n_2', kind: 'missing_service', title: '东岭新村附近没有修鞋配钥匙的', supports: 2, state: 'accepted' });
  const closedLamp = need({ id: 'n_3', title: '东岭新村路灯坏了', state: 'resolved' });
  const elsewhere = need({ id: 'n_4', compoundId: 'cm-hongfeng', compoundName: '红枫社区', title: '北门路灯不亮' });
  const all = [lamp, shoes, closedLamp, elsewhere];
  const at = { compoundId: 'cm-dongling', compoundName: '东岭新村' };

  it('offers an open need of the same kind in the same compound with a similar title', () => {
    expect(similarNeeds('路灯坏了', all, { ...at, kind: 'public_facility' }).map((n) => n.id)).toEqual(['n_1']);
    expect(similarNeeds('想找个修鞋配钥匙的地方', all, { ...at, kind: 'missing_service' }).map((n) => n.id)).toEqual(['n_2']);
  });

  it('leaves out other kinds, other compounds, closed needs and unlike titles', () => {
    expect(similarNeeds('路灯坏了', all, { ...at, kind: 'missing_service' })).toEqual([]);
    expect(similarNeeds('路灯坏了', all, { compoundId: 'cm-xingfuli', compoundName: '幸福里小区', kind: 'public_facility' })).toEqual([]);
    expect(similarNeeds('想加两条长椅', all, { ...at, kind: 'public_facility' })).toEqual([]);
    expect(similarNeeds('灯', all, { ...at, kind: 'public_facility' })).toEqual([]);
  });

  it('offers a like need of a neighbouring compound, within a 10-minute walk, and not one farther off', () => {
    const communities = [
      { id: 'cm-hongfeng', lat: 36.6623, lng: 117.0565 },
      { id: 'cm-xingfuli', lat: 36.6668, lng: 117.0528 },
      { id: 'cm-dongling', lat: 36.6601, lng: 117.0795 },
    ];
    expect(neighbouringCompounds(communities, 'cm-xingfuli').sort()).toEqual(['cm-hongfeng', 'cm-xingfuli']);
    expect(neighbouringCompounds(communities, 'cm-dongling')).toEqual(['cm-dongling']);
    const from = { compoundId: 'cm-xingfuli', compoundName: '幸福里小区', kind: 'public_facility' as const };
    expect(similarNeeds('北门路灯坏了', all, { ...from, neighbours: neighbouringCompounds(communities, 'cm-xingfuli') }).map((n) => n.id)).toEqual(['n_4']);
    expect(similarNeeds('北门路灯坏了', all, from)).toEqual([]);
  });

  it("does not count the compound's own name or filler words as likeness", () => {
    expect(titleSimilarity('东岭新村想要一个菜店', '东岭新村没有修鞋的', ['东岭新村'])).toBe(0);
    expect(titleSimilarity('东岭新村想要一个菜店', '东岭新村没有修鞋的')).toBeGreaterThan(0);
    // Punctuation ends a run of characters: 灯不 is not a pair of the second title.
    expect(titleSimilarity('路灯不亮！', '3号楼路灯，不亮')).toBeCloseTo(2 / 3);
  });
});

describe('the timeline', () => {
  const history: NeedView['history'] = [
    { at: '2026-12-01T02:00:00.000Z', role: 'worker', action: 'accept', from: 'submitted', to: 'accepted', note: '已报物业', owner: '物业王经理', expectedDate: '2026-12-10' },
    { at: '2026-12-02T02:00:00.000Z', role: 'worker', action: 'resolve', from: 'accepted', to: 'resolved', note: '已换灯' },
    { at: '2026-12-02T05:00:00.000Z', role: 'author', action: 'reopen', from: 'resolved', to: 'in_progress', note: '还是不亮' },
    { at: '2026-12-03T02:00:00.000Z', role: 'worker', action: 'resolve', from: 'in_progress', to: 'resolved', note: '换了线路' },
    { at: '2026-12-03T04:00:00.000Z', role: 'author', action: 'confirm', from: 'resolved', to: 'confirmed', rating: 'mostly' },
  ];

  it('starts with the filing and says who moved it from which state to which, with its facts', () => {
    const steps = timeline(need({ history }));
    expect(steps.map((s) => s.title)).toEqual(['居民提交诉求', '社区已受理', '已办结', '居民申请重办', '已办结', '居民已确认']);
    expect(steps[1]).toMatchObject({ by: '社区工作者 · 待受理 → 已受理', facts: ['承办人：物业王经理', '预计办结：2026年12月10日'], note: '已报物业' });
    expect(steps[3]).toMatchObject({ by: '提交人 · 已办结 → 办理中', note: '还是不亮' });
    expect(steps[5].facts).toEqual(['评价：基本满意']);
  });

  it('knows the owner and the expected date from the latest step that named them', () => {
    expect(plan(need({ history }))).toEqual({ owner: '物业王经理', expectedDate: '2026-12-10' });
    expect(plan(need({}))).toBeNull();
  });
});

describe('the forms', () => {
  it('says what the need still lacks', () => {
    const ok = { compoundId: 'cm-dongling', kind: 'other' as const, title: '路灯不亮', text: '晚上很黑，老人容易摔倒' };
    expect(formProblem(ok)).toBeNull();
    expect(formProblem({ ...ok, compoundId: null })).toBe('请选择您住的小区');
    expect(formProblem({ ...ok, kind: null })).toBe('请选择诉求类型');
    expect(formProblem({ ...ok, title: ' 灯 ' })).toBe('标题至少2个字');
    expect(formProblem({ ...ok, title: '灯'.repeat(41) })).toBe('标题最多40个字');
    expect(formProblem({ ...ok, text: '很黑' })).toBe('内容至少5个字，说说具体情况');
    expect(formProblem({ ...ok, text: '黑'.repeat(501) })).toBe('内容最多500个字');
  });

  it("asks for an owner, a date from today on and a note before 受理", () => {
    const accept = WORKER_CHOICES.find((c) => c.action === 'accept')!;
    const f = { note: '已收到', owner: '陈社工', expectedDate: '2026-12-31', duplicateOf: '', responsible: '' };
    expect(actionProblem(accept, f, '2026-12-04')).toBeNull();
    expect(actionProblem(accept, { ...f, owner: ' ' }, '2026-12-04')).toBe('请填写承办人');
    expect(actionProblem(accept, { ...f, expectedDate: '12-31' }, '2026-12-04')).toMatch(/^请填写预计办结日期/);
    expect(actionProblem(accept, { ...f, expectedDate: '2026-12-01' }, '2026-12-04')).toBe('预计办结日期不能早于今天');
    expect(actionProblem(accept, { ...f, note: '' }, '2026-12-04')).toBe('请填写说明');
    const dup = WORKER_CHOICES.find((c) => c.action === 'markDuplicate')!;
    expect(actionProblem(dup, f, '2026-12-04')).toBe('请选择与哪条诉求重复');
  });

  it("offers the worker only what the need's actions allow, in the order of the work", () => {
    expect(workerChoices(['resolve', 'hide', 'withdraw', 'plan']).map((c) => c.label)).toEqual(['列入计划', '办结', '屏蔽']);
  });
});

describe('the SLA and the figures', () => {
  const sla = { signBy: '2026-12-02T01:00:00.000Z', replyBy: '2026-12-04T01:00:00.000Z', overdue: false, colour: 'yellow' as const };
  it('names the next deadline', () => {
    expect(slaLine(need({ sla }))).toBe('签收期限：12月2日 09:00');
    expect(slaLine(need({ sla: { ...sla, overdue: true }, history: [{ at: '2026-12-03T01:00:00.000Z', role: 'worker', action: 'accept', from: 'submitted', to: 'accepted', note: 'x' }] }))).toBe('签收或答复曾超时');
    expect(slaLine(need({}))).toBe('');
  });

  it('writes shares as percentages and days, with a dash when there is nothing to count', () => {
    expect(figureText('resolvedRate', 0.667)).toBe('66.7%');
    expect(figureText('satisfiedRate', 1)).toBe('100%');
    expect(figureText('reopenRate', null)).toBe('—');
    expect(figureText('medianDaysToResolve', 2.5)).toBe('2.5天');
    expect(figureText('medianDaysToResolve', 0)).toBe('不到0.1天');
  });

  it('lists this month and the ones before it, across a new year', () => {
    expect(recentMonths(3, Date.parse('2027-01-31T20:00:00+08:00'))).toEqual(['2027-01', '2026-12', '2026-11']);
    // 1 February 00:30 in Shanghai is still 31 January in UTC.
    expect(recentMonths(1, Date.parse('2027-02-01T00:30:00+08:00'))).toEqual(['2027-02']);
  });
});
