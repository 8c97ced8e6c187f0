import { activityDraftProblem, activityDraftSchema } from './activity';

const draft = { title: '敲门问候', description: '', place: '红枫社区活动室', date: '2027-03-01', startTime: '09:00', endTime: '11:00', capacity: 10 };

describe('the activity draft schema (server and form alike)', () => {
  it('accepts a good draft and trims its text', () => {
    const r = activityDraftSchema.safeParse({ ...draft, title: '  敲门问候 ' });
    expect(r.success && r.data.title).toBe('敲门问候');
    expect(activityDraftProblem(draft)).toBeNull();
  });
  it.each([
    [{ title: '敲' }, '活动名称'],
    [{ date: '2027-02-31' }, '日期无效'],
    [{ startTime: '24:00', endTime: '24:00' }, '开始时间不能是24:00'],
    [{ endTime: '08:00' }, '结束时间要晚于开始时间'],
    [{ capacity: 0 }, '名额至少1人'],
    [{ capacity: 2.5 }, '名额请填整数'],
    [{ pointsPerHour: 1.5 }, '每小时积分须为整数'],
  ])('refuses %j with a reason in words', (patch, words) => {
    expect(activityDraftProblem({ ...draft, ...patch })).toContain(words);
  });
  it('refuses fields it does not know', () => {
    expect(activityDraftSchema.safeParse({ ...draft, circleId: 'c-other' }).success).toBe(false);
  });
});
