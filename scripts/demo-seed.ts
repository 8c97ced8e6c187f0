/**
 * The demo city in the local table: circles, outlets and users once (per seed version), then on every start
 * the next days' slots, the stations' rewards, today's activities and 王大哥's passbook, each written through
 * the same use cases the API runs where one exists.
 */
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';

const log = (msg: string) => (process.env.STACK_QUIET ? undefined : console.log(`[stack] ${msg}`));

/** Loads the demo city once; the marker item makes a second run a no-op. */
export async function seedDemoData(): Promise<boolean> {
  const { db, tableName } = await import('../functions/db/client');
  const { keys } = await import('../functions/db/keys');
  const demo = await import('./demo-data');
  const marker = keys.seedMarker(demo.DEMO_SEED_VERSION);
  const existing = await db().send(new GetCommand({ TableName: tableName(), Key: marker }));
  if (existing.Item) return false;
  const { outletItems, batchPut } = await import('../functions/outlets/store');
  const { circleItem } = await import('../functions/circles/store');
  const { userItem } = await import('../functions/users/store');
  const items = [
    ...demo.CIRCLES.map(circleItem),
    ...demo.DEMO_USERS.map(userItem),
    ...demo.demoOutlets().flatMap((o) => outletItems(o.outlet, o.services)),
  ];
  await batchPut(items);
  await db().send(new PutCommand({ TableName: tableName(), Item: { ...marker, loadedAt: new Date().toISOString(), items: items.length } }));
  log(`loaded demo data (${items.length} items)`);
  return true;
}

/** Publishes the demo merchants' slots for the next week; slots that exist are left as they are. */
export async function ensureDemoSlots(now = new Date(), days = 7): Promise<number> {
  // Runs on every start: only slots that do not exist yet are created.
  const { DEMO_SLOT_PLANS, DEMO_USERS } = await import('./demo-data');
  const { publishSlots } = await import('../functions/bookings/slots');
  const { dateRange } = await import('../shared/time');
  const { shanghaiDate } = await import('../shared/time');
  let created = 0;
  for (const plan of DEMO_SLOT_PLANS) {
    const merchant = DEMO_USERS.find((u) => u.id === plan.merchantId)!;
    // One publish per date and time, so each meal can carry that day's menu.
    const dates = dateRange(shanghaiDate(now), days);
    for (const [dayIndex, date] of dates.entries()) {
      for (const [start, end] of plan.times) {
        if (new Date(`${date}T${start}:00+08:00`).getTime() <= now.getTime() + 60_000) continue;
        const menus = plan.menus?.[start];
        const menu = menus ? menus[dayIndex % menus.length] : undefined;
        const res = await publishSlots({ id: merchant.id, roles: merchant.roles }, plan.outletId, { serviceId: plan.serviceId, modes: plan.modes, menu, slots: [{ date, start, end, capacity: plan.capacity }] }, now);
        created += res.created;
      }
    }
  }
  return created;
}

/** The demo stations' rewards, the circle's activities for today and the next days, and 王大哥's passbook. */
export async function ensureDemoPoints(now = new Date()): Promise<number> {
  const demo = await import('./demo-data');
  const { getAccount } = await import('../functions/points/store');
  const { getActivity, putActivity } = await import('../functions/volunteering/store');
  const { listRewards } = await import('../functions/stations/store');
  const { addReward } = await import('../functions/stations/rewards');
  const { adjustPoints } = await import('../functions/points/passbook');
  const { addHoursByHand } = await import('../functions/volunteering/review');
  const { dateRange, localToUtc } = await import('../shared/time');
  const { shanghaiDate } = await import('../shared/time');
  const { randomBytes } = await import('node:crypto');
  const as = (id: string) => {
    const u = demo.DEMO_USERS.find((x) => x.id === id)!;
    return { id: u.id, roles: u.roles, ...(u.circleId ? { circleId: u.circleId } : {}) };
  };
  let created = 0;
  for (const outletId of new Set(demo.DEMO_REWARDS.map((r) => r.outletId))) {
    if ((await listRewards(outletId)).length) continue;
    for (const r of demo.DEMO_REWARDS.filter((x) => x.outletId === outletId)) {
      await addReward(as(r.operatorId), outletId, { name: r.name, description: r.description, pricePoints: r.pricePoints, stock: r.stock });
      created++;
    }
  }
  const putOnce = async (id: string, date: string, a: { title: string; description: string; place: string; startTime: string; endTime: string; capacity: number }) => {
    const existing = await getActivity(id);
    if (existing) return existing;
    const record = {
      id, circleId: 'c-hongfeng', ...a, date, start: localToUtc(date, a.startTime), end: localToUtc(date, a.endTime),
      signedUp: 0, pointsPerHour: 1, state: 'published' as const, createdBy: 'u_demo_worker', createdAt: now.toISOString(), checkinSecret: randomBytes(20).toString('base64url'),
    };
    await putActivity(record);
    created++;
    return record;
  };
  const dates = dateRange(shanghaiDate(now), 3);
  for (const { key, dayOffset, ...a } of demo.DEMO_ACTIVITIES) await putOnce(`a-demo-${key}-${dates[dayOffset].replace(/-/g, '')}`, dates[dayOffset], a);
  if ((await getAccount('u_demo_volunteer')).seq === 0) {
    const yesterday = shanghaiDate(now.getTime() - 86_400_000);
    const past = await putOnce(`a-demo-paper-${yesterday.replace(/-/g, '')}`, yesterday, { title: '垃圾分类宣传', description: '在小区门口值守，讲解垃圾分类。', place: '红枫社区南门', startTime: '09:00', endTime: '13:00', capacity: 8 });
    await addHoursByHand(as('u_demo_worker'), past.id, { userId: 'u_demo_volunteer', halfHours: 8, reason: '纸质签到表补录' }, now);
    await adjustPoints(as('u_demo_worker'), { userId: 'u_demo_volunteer', points: 10, reason: '年度优秀志愿者奖励' }, 'demo-seed-award', now);
  }
  return created;
}


/**
 * The supply side, once per seed version: 周师傅's application waiting for review, and an edit of 安心家电上门维修站
 * (a licence added and a price raised by a third) waiting as a revision, so the worker's queue is never empty.
 */
export async function ensureDemoSupply(now = new Date()): Promise<boolean> {
  const { db, tableName } = await import('../functions/db/client');
  const { keys } = await import('../functions/db/keys');
  const demo = await import('./demo-data');
  const marker = keys.seedMarker(`${demo.DEMO_SEED_VERSION}-supply`);
  if ((await db().send(new GetCommand({ TableName: tableName(), Key: marker }))).Item) return false;
  const { apply, myOutlets, submitApplication } = await import('../functions/supply/onboarding');
  const { editOutlet, fieldsOf } = await import('../functions/supply/edits');
  const { getOutletWithServices } = await import('../functions/outlets/store');
  const as = (id: string) => {
    const u = demo.DEMO_USERS.find((x) => x.id === id)!;
    return { id: u.id, roles: u.roles };
  };
  // Once per stack, not per seed version: a newer version must not file 周师傅's application a second time.
  if (!(await myOutlets(as('u_demo_applicant'))).items.length) {
    const { application } = await apply(as('u_demo_applicant'), demo.DEMO_APPLICATION, `demo-seed-application-${demo.DEMO_SEED_VERSION}`, now);
    if (application.outlet.status === 'draft') await submitApplication(as('u_demo_applicant'), application.outlet.id, now);
  }
  const anxin = (await getOutletWithServices('o-anxin'))!;
  await editOutlet(
    as('u_demo_merchant'),
    'o-anxin',
    {
      ...fieldsOf(anxin.outlet),
      phone: anxin.outlet.phone ?? '',
      circleId: anxin.outlet.circleId,
      legalBasis: { kind: 'licence', licenceNo: '91370102MA3C7Y6X5P' },
      services: anxin.services.map((s, i) => ({ ...s, ...(i === 0 ? { priceFen: 4000, priceMaxFen: undefined } : { priceFen: s.priceFen ?? 0 }), materials: undefined })),
    },
    now,
  );
  await db().send(new PutCommand({ TableName: tableName(), Item: { ...marker, loadedAt: now.toISOString() } }));
  log('put 周师傅\'s application and an edit of 安心家电 in the review queue');
  return true;
}
