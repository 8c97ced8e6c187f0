/**
 * The demo circle's needs, once per stack: one waiting, one signed for with supporters, one resolved, one
 * confirmed 满意 and one declined, filed and moved through the same use cases as the app's.
 */
import { DeleteCommand, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { shanghaiDate } from '../shared/time';
import { db, tableName } from '../functions/db/client';
import { keys } from '../functions/db/keys';
import type { AuthUser } from '../functions/auth/authenticate';

const as = (id: string, roles: AuthUser['roles'] = ['resident'], circleId?: string): AuthUser => ({ id, roles, ...(circleId ? { circleId } : {}) });
const WORKER = as('u_demo_worker', ['resident', 'worker'], 'c-hongfeng');

export async function ensureDemoNeeds(now = new Date()): Promise<number> {
  const marker = keys.seedMarker('needs-v1');
  if ((await db().send(new GetCommand({ TableName: tableName(), Key: marker }))).Item) return 0;
  const { fileNeed, support, act } = await import('../functions/needs/needs');
  const circleId = 'c-hongfeng';
  const file = async (author: string, key: string, compoundId: string, kind: 'missing_service' | 'outlet_problem' | 'public_facility' | 'other', title: string, text: string) =>
    (await fileNeed(as(author), { circleId, compoundId, kind, title, text }, `demo-need-${key}`, now)).result.id;
  const note = (n: string) => ({ note: n });

  const repair = await file('u_demo_resident', 'repair', 'cm-dongling', 'missing_service', '东岭新村附近没有修鞋配钥匙的', '最近的修鞋摊在二环路西边，走过去要二十多分钟，老人腿脚不便。');
  await support(as('u_demo_volunteer'), repair, now);
  await support(as('u_demo_parent'), repair, now);
  await act(WORKER, repair, { action: 'accept', ...note('已联系周师傅，商量每周固定时间到东岭出摊'), owner: '陈社工', expectedDate: '2026-12-31' }, now);

  const care = await file('u_demo_parent', 'care', 'cm-shuxiangli', 'missing_service', '书香里想要一个四点半课堂', '双职工家庭下午四点半接不了孩子，希望小区附近有托管。');
  await support(as('u_demo_resident'), care, now);

  const lamp = await file('u_demo_volunteer', 'lamp', 'cm-hongfeng', 'public_facility', '红枫社区北门路灯不亮', '北门到公交站那段路灯坏了一个多星期，晚上很黑。');
  await act(WORKER, lamp, { action: 'accept', ...note('已报物业'), owner: '物业王经理', expectedDate: '2026-12-10' }, now);
  await act(WORKER, lamp, { action: 'resolve', ...note('物业已更换两盏路灯') }, now);

  const bench = await file('u_demo_resident', 'bench', 'cm-yinxing', 'public_facility', '银杏苑门口想加两条长椅', '买菜回来想坐下歇歇脚。');
  await act(WORKER, bench, { action: 'accept', ...note('列入本月小微更新'), owner: '陈社工', expectedDate: '2026-12-15' }, now);
  await act(WORKER, bench, { action: 'resolve', ...note('已安装两条长椅') }, now);
  await act(as('u_demo_resident'), bench, { action: 'confirm', rating: 'satisfied' }, now);

  const pool = await file('u_demo_parent', 'pool', 'cm-xingfuli', 'other', '希望小区里建游泳池', '孩子暑假想学游泳。');
  await act(WORKER, pool, { action: 'decline', ...note('小区内没有可用场地，已推荐附近的全民健身中心') }, now);

  // What the seed filed and supported is not the demo residents' own day: give them their full limits back.
  for (const u of ['u_demo_resident', 'u_demo_parent', 'u_demo_volunteer']) await db().send(new DeleteCommand({ TableName: tableName(), Key: keys.needDay(u, shanghaiDate(now)) }));
  await db().send(new PutCommand({ TableName: tableName(), Item: { ...marker, at: now.toISOString() } }));
  return 5;
}
