/**
 * The supply side in the H5 app, with every request that is not to 127.0.0.1 blocked (and counted): a new
 * resident applies through the form and submits; 陈社工 approves in 网点审核; the outlet is in the home list;
 * the new merchant changes a price on 我的网点 and a resident sees the new price and its 价格变动记录; three
 * residents report 已关门 (a fourth report by the same person is refused kindly); the worker confirms it in
 * 纠错任务 and the outlet is gone; then the supply pages in large-text mode. Screenshots go to artifacts/.
 */
import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { usePhone, openRoute, signInAsDemo, h5Url, externalRequests, screenshots } from '../support/browser';
import { api } from '../support/api';
import { useStackTable } from '../support/db';
import { QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { db, tableName } from '../../functions/db/client';
import { keys } from '../../functions/db/keys';

useStackTable();

jest.setTimeout(240_000);

const phone = usePhone();
let page: Page;
let external: string[] = [];
beforeAll(() => {
  page = phone.page();
  external = externalRequests(page);
});

const tag = randomUUID().slice(0, 6);
const OUTLET_NAME = `测试修伞摊${tag}`;
const SHUXIANGLI = { lat: 36.6642, lng: 117.0622, label: '书香里', source: 'community', communityId: 'cm-shuxiangli', circleId: 'c-hongfeng' };
const shot = screenshots(() => page, 'supply');
const open = (route: string) => openRoute(page, route);

/**
 * A brand-new resident: signed in through /auth/wechat (the fake WeChat gives each name its own openid),
 * living at 书香里. The H5 build has no wx.login, so the session goes where the app keeps it.
 */
async function freshResident(name: string): Promise<string> {
  const res = await api('/auth/wechat', { body: { code: `e2e-${randomUUID().slice(0, 8)}-${name}${tag}` } });
  expect(res.status).toBe(201);
  await page.goto(h5Url());
  await page.evaluate(
    ([session, place]) => {
      localStorage.clear();
      localStorage.setItem('ykz.session', JSON.stringify({ data: session }));
      localStorage.setItem('ykz.place', JSON.stringify({ data: place }));
    },
    [res.body, SHUXIANGLI] as const,
  );
  await page.reload();
  return res.body.token as string;
}

/** The session a resident signed in with earlier, put back (switching phones in one browser). */
async function resume(session: unknown) {
  await page.goto(h5Url());
  await page.evaluate((s) => localStorage.setItem('ykz.session', JSON.stringify({ data: s })), session);
}

/**
 * Stands for half a year passing without the merchant confirming the hours: the outlet record and its nearby
 * entries (which carry the same check dates) get an hours check date 200 days ago.
 */
async function hoursLastCheckedLongAgo(id: string) {
  const at = new Date(Date.now() - 200 * 86_400_000).toISOString();
  const { Items = [] } = await db().send(new QueryCommand({ TableName: tableName(), KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': keys.outletPartition(id) } }));
  for (const item of Items.filter((i) => i.SK === '#META' || String(i.SK).startsWith('NEAR#'))) {
    await db().send(new UpdateCommand({ TableName: tableName(), Key: { PK: item.PK, SK: item.SK }, UpdateExpression: 'SET checkedAt.#h = :at', ExpressionAttributeNames: { '#h': 'hours' }, ExpressionAttributeValues: { ':at': at } }));
  }
}

const input = (scope: string, testid: string) => page.locator(`${scope} [data-testid="${testid}"] input`);

let outletId = '';
let merchantSession: unknown;
let firstReporter: unknown;

it('a new resident applies through the form and submits it', async () => {
  await freshResident('zhou');
  merchantSession = await page.evaluate(() => JSON.parse(localStorage.getItem('ykz.session')!).data);
  await open('/pages/mine/index');
  await page.locator('.page.mine [data-testid="apply-outlet"]').click();
  const form = '.page.supply-apply';
  await input(form, 'apply-name').waitFor();

  // Sending too early says what is missing, before anything is sent.
  await page.locator(`${form} [data-testid="submit-application"]`).click();
  await expect(page.locator(`${form} [data-testid="apply-error"]`).innerText()).resolves.toContain('网点名称');

  await input(form, 'apply-name').fill(OUTLET_NAME);
  await page.locator(`${form} .chip[data-category="repair"]`).click();
  await page.locator(`${form} .chip[data-circle-id="c-hongfeng"]`).click();
  await page.locator(`${form} .chip[data-community-id="cm-shuxiangli"]`).click();
  await page.locator(`${form} [data-direction="east"]`).click();
  await expect(page.locator(`${form} [data-testid="pin-line"]`).innerText()).resolves.toContain('书香里以东约50米');
  await input(form, 'apply-address').fill('文化东路书香里东门南侧');
  await input(form, 'apply-phone').fill('13912345678');
  // A second window in the evening, past midnight on Friday and Saturday.
  await page.locator(`${form} [data-testid="add-window"]`).click();
  await input(form, 'window-open-1').fill('19:00');
  await input(form, 'window-close-1').fill('01:00');
  for (const d of [1, 2, 3, 4, 7]) await page.locator(`${form} [data-testid="window-1"] .day-chip[data-day="${d}"]`).click();
  await expect(page.locator(`${form} [data-testid="window-1"] .window-label`).innerText()).resolves.toContain('周五、周六 19:00–次日01:00');
  await input(form, 'window-close-0').fill('18:00');

  await input(form, 'price-name-0').fill('修伞');
  await input(form, 'price-note-0').fill('换伞骨、缝伞面');
  await input(form, 'price-value-0').fill('10');
  await input(form, 'price-unit-0').fill('把');
  await page.locator(`${form} [data-testid="add-materials"]`).click();
  await input(form, 'price-value-1').fill('2');
  await input(form, 'price-max-1').fill('30');
  await expect(page.locator(`${form} [data-testid="price-shown-1"]`).innerText()).resolves.toBe('2–30元');
  await page.locator(`${form} .choice-row[data-legal="skill_service"]`).click();
  // 定点不定人: two craftsmen share the stall, one by day and one by night, so one of them is always there.
  await page.locator(`${form} [data-testid="toggle-providers"]`).click();
  for (const [i, [name, craft, open, close]] of [['李师傅', '修伞', '06:00', '18:00'], ['王师傅', '修鞋', '18:00', '06:00']].entries()) {
    await page.locator(`${form} [data-testid="add-provider"]`).click();
    await input(form, `provider-name-${i}`).fill(name);
    await input(form, `provider-craft-${i}`).fill(craft);
    for (const d of [6, 7]) await page.locator(`${form} [data-testid="provider-${i}"] .day-chip[data-day="${d}"]`).click();
    await input(form, `provider-open-${i}`).fill(open);
    await input(form, `provider-close-${i}`).fill(close);
  }
  await shot('apply-form', true);

  await page.locator(`${form} [data-testid="submit-application"]`).click();
  const mine = '.page.supply-outlet';
  await page.locator(`${mine} .status-tag[data-status="submitted"]`).waitFor();
  await expect(page.locator(`${mine} .detail-name`).innerText()).resolves.toBe(OUTLET_NAME);
  outletId = new URL(page.url().replace('#', '')).searchParams.get('id') ?? '';
  expect(outletId).toMatch(/^o_/);
  await page.locator(`${mine} [data-testid="audit-trail"]`, { hasText: '提交审核' }).waitFor();
  await shot('submitted', true);
});

it('周师傅, who applied but is no merchant yet, follows his application from 我的', async () => {
  await signInAsDemo(page, '周师傅');
  const mine = '.page.mine';
  await expect(page.locator(`${mine} [data-testid="my-outlet-names"]`).innerText()).resolves.toContain('周师傅修伞补衣（待审核）');
  await page.locator(`${mine} [data-testid="my-outlets"]`, { hasText: '申请进度' }).click();
  const row = page.locator('.page.supply-outlets .outlet-row', { hasText: '周师傅修伞补衣' });
  await row.locator('.status-tag[data-status="submitted"]').waitFor();
  await shot('applicant-my-outlets');
  await row.click();
  await page.locator('.page.supply-outlet .status-tag[data-status="submitted"]').waitFor();
  await expect(page.locator('.page.supply-outlet .detail-name').innerText()).resolves.toBe('周师傅修伞补衣');
  // 我要入驻 says so too, before a second application is begun.
  await open('/pages/mine/index');
  await page.locator(`${mine} [data-testid="apply-outlet"]`).click();
  await expect(page.locator('.page.supply-apply [data-testid="existing-applications"]').innerText()).resolves.toContain('周师傅修伞补衣');
});

it('陈社工 sees the diff of a pending edit and approves the new application in 网点审核', async () => {
  await signInAsDemo(page, '陈社工');
  await page.locator('.page.mine [data-testid="outlet-review"]').click();
  const queue = '.page.supply-review';
  // The demo's pending revision of 安心家电, field by field.
  const revision = page.locator(`${queue} .review-card[data-outlet-id="o-anxin"][data-why="revision"]`);
  await revision.locator('[data-testid="review-toggle"]').click();
  await expect(revision.locator('[data-testid="revision-diff"]').innerText()).resolves.toMatch(/经营依据[\s\S]*收费项目/);
  await shot('review-revision', true);
  await revision.locator('[data-testid="review-toggle"]').click();
  // The demo's outlet nobody confirmed for over a year waits for a check.
  const stale = page.locator(`${queue} .review-card[data-outlet-id="o-laoma-bike"][data-why="stale"]`);
  await expect(stale.innerText()).resolves.toContain('一年多未确认');
  await stale.locator('[data-testid="review-toggle"]').click();
  await stale.locator('.notice', { hasText: '一年多没有人确认过信息' }).waitFor();
  // 上门核实: the worker says how it was checked, and it leaves the list.
  await stale.locator('[data-testid="action-confirm"]').click();
  await stale.locator('[data-testid="decision-note"] textarea').fill('电话核实，仍在原址营业');
  await stale.locator('[data-testid="confirm-confirm"]').click();
  await stale.waitFor({ state: 'detached' });

  const card = page.locator(`${queue} .review-card[data-outlet-id="${outletId}"]`);
  await card.locator('[data-testid="review-toggle"]').click();
  await expect(card.innerText()).resolves.toContain('周五、周六 19:00–次日01:00');
  await card.locator('[data-testid="action-approve"]').click();
  await card.locator('[data-testid="confirm-approve"]').waitFor();
  await shot('review-approve', true);
  await card.locator('[data-testid="confirm-approve"]').click();
  await card.waitFor({ state: 'detached' });
});

it('the outlet is in the home list at once; its merchant confirms the hours and changes a price that publishes at once', async () => {
  const residentToken = await freshResident('li');
  expect(residentToken).toBeTruthy();
  await page.locator('.page.home .outlet-card', { hasText: OUTLET_NAME }).waitFor();
  await shot('home-listed');

  // Half a year on, residents see its hours as 待确认 and the merchant is asked to confirm them.
  await hoursLastCheckedLongAgo(outletId);
  // On the home list's card too, in both text sizes, without pushing the card past the screen's edge.
  const size = (sel: string) => page.locator(sel).first().evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
  const listCard = (scope: string) => page.locator(`${scope} .outlet-card[data-outlet-id="${outletId}"]`);
  await open('/pages/index/index');
  await listCard('.page.home').locator('[data-testid="hours-unconfirmed"]', { hasText: '待确认' }).waitFor();
  const badgeBefore = await size(`.page.home .outlet-card[data-outlet-id="${outletId}"] [data-testid="hours-unconfirmed"]`);
  await shot('home-hours-unconfirmed');
  await open('/pages/mine/index');
  await page.locator('.page.mine .setting-row', { hasText: '大字模式' }).click();
  await page.locator('.page.mine .switch.on').waitFor();
  try {
    await open('/pages/index/index');
    const badge = listCard('.page.home.large').locator('[data-testid="hours-unconfirmed"]');
    await badge.waitFor();
    expect(await size(`.page.home.large .outlet-card[data-outlet-id="${outletId}"] [data-testid="hours-unconfirmed"]`)).toBeGreaterThanOrEqual(badgeBefore * 1.25);
    const [cardBox, badgeBox] = [await listCard('.page.home.large').boundingBox(), await badge.boundingBox()];
    expect(badgeBox!.x + badgeBox!.width).toBeLessThanOrEqual(cardBox!.x + cardBox!.width);
    expect(cardBox!.x + cardBox!.width).toBeLessThanOrEqual(375);
    await shot('home-hours-unconfirmed-large');
  } finally {
    await open('/pages/mine/index');
    await page.locator('.page.mine .setting-row', { hasText: '大字模式' }).click();
    await page.locator('.page.mine .switch:not(.on)').waitFor();
  }
  // Other outlets' cards (hours confirmed, or never dated) carry no badge.
  await open('/pages/index/index');
  await listCard('.page.home').waitFor();
  await expect(page.locator('.page.home .outlet-card:not([data-outlet-id="' + outletId + '"]) [data-testid="hours-unconfirmed"]').count()).resolves.toBe(0);
  await open(`/packages/outlet/pages/detail/index?id=${outletId}`);
  await page.locator('.page.detail [data-testid="hours-unconfirmed"]').waitFor();
  await shot('outlet-hours-unconfirmed', true);

  await resume(merchantSession);
  await open('/pages/mine/index');
  // The approval made them a merchant: 我的 reads the roles again and offers 我的网点.
  await page.locator('.page.mine [data-testid="my-outlets"]').click();
  const row = page.locator(`.page.supply-outlets .outlet-row[data-outlet-id="${outletId}"]`);
  await row.locator('.status-tag[data-status="listed"]').waitFor();
  await row.click();
  const mine = '.page.supply-outlet';
  await page.locator(`${mine} [data-testid="hours-prompt"]`).waitFor();
  await shot('hours-prompt', true);
  await page.locator(`${mine} [data-testid="confirm-unchanged"]`).click();
  await page.locator(`${mine} [data-testid="hours-prompt"]`).waitFor({ state: 'detached' });
  await page.locator(`${mine} [data-testid="audit-trail"]`, { hasText: '确认信息无变化' }).waitFor();
  await page.locator(`${mine} [data-testid="revise-outlet"]`).click();
  const form = '.page.supply-revise';
  await input(form, 'price-value-0').fill('12');
  await expect(page.locator(`${form} [data-testid="preview-now"]`).innerText()).resolves.toContain('修伞（换伞骨、缝伞面） 12元/把');
  await expect(page.locator(`${form} [data-testid="preview-waiting"]`).count()).resolves.toBe(0);
  await page.locator(`${form} [data-testid="send-revision"]`).click();
  await expect(page.locator(`${form} [data-testid="result-now"]`).innerText()).resolves.toContain('12元/把');
  await shot('revision-published', true);
});

it('郑师傅 sees his edit waiting on 我的网点, and the revision form says what would wait', async () => {
  await signInAsDemo(page, '郑师傅');
  await page.locator('.page.mine [data-testid="my-outlets"]').click();
  await page.locator('.page.supply-outlets .outlet-row[data-outlet-id="o-anxin"]').click();
  const mine = '.page.supply-outlet';
  const pending = page.locator(`${mine} [data-testid="pending-revision"]`);
  await pending.locator('.change-line', { hasText: '收费项目' }).waitFor();
  await expect(pending.innerText()).resolves.toMatch(/经营依据[\s\S]*收费项目/);
  await shot('pending-revision', true);
  await page.locator(`${mine} [data-testid="revise-outlet"]`).click();
  const form = '.page.supply-revise';
  await input(form, 'apply-name').fill('安心家电维修');
  await input(form, 'apply-phone').fill('053186666667');
  // A demo outlet from before legal bases: the form asks for one, and a new one waits for review too.
  await page.locator(`${form} .choice-row[data-legal="skill_service"]`).click();
  await expect(page.locator(`${form} [data-testid="preview-waiting"]`).innerText()).resolves.toContain('安心家电维修');
  await expect(page.locator(`${form} [data-testid="preview-now"]`).innerText()).resolves.toContain('053186666667');
  await page.locator(`${form} [data-testid="replaces-pending"]`).waitFor();
  await page.locator(`${form} [data-testid="revision-preview"]`).scrollIntoViewIfNeeded();
  await shot('revision-preview');

});

it('a resident sees the new price and the price history', async () => {
  await freshResident('wang');
  await open(`/packages/outlet/pages/detail/index?id=${outletId}`);
  const detail = '.page.detail';
  await page.locator(`${detail} .price-row`, { hasText: '12元/把' }).waitFor();
  // Confirmed by its merchant since: no 待确认 any more.
  await expect(page.locator(`${detail} [data-testid="hours-unconfirmed"]`).count()).resolves.toBe(0);
  await page.locator(`${detail} [data-testid="price-history"] .history-line`, { hasText: '10元/把 → 12元/把' }).waitFor();
  await expect(page.locator(`${detail} [data-testid="providers-now"]`).innerText()).resolves.toMatch(/现在：(李师傅（修伞）|王师傅（修鞋）)[\s\S]*下一位：/);
  await shot('outlet-price-history', true);
});

it('three residents report 已关门, the worker confirms it and the outlet leaves the list', async () => {
  const detail = '.page.detail';
  const report = async (note: string) => {
    await open(`/packages/outlet/pages/detail/index?id=${outletId}`);
    await page.locator(`${detail} [data-testid="open-report"]`).click();
    await page.locator('.report-sheet .chip[data-kind="closed"]').click();
    await page.locator('.report-sheet [data-testid="report-note"] textarea').fill(note);
    await page.locator('.report-sheet [data-testid="send-report"]').click();
  };
  for (const [i, who] of ['zhao', 'qian', 'sun'].entries()) {
    await freshResident(who);
    if (i === 0) firstReporter = await page.evaluate(() => JSON.parse(localStorage.getItem('ykz.session')!).data);
    await report(`路过看到卷帘门拉下了（${i + 1}）`);
    await page.locator('.report-sheet [data-testid="report-done"]').waitFor();
    if (i === 0) await shot('report-sent');
  }
  // The same person again within 30 days: told kindly, nothing counted twice.
  await report('又去看了一次');
  await expect(page.locator('.report-sheet [data-testid="report-error"]').innerText()).resolves.toContain('30天内已经反映过');
  await shot('report-again');

  await signInAsDemo(page, '陈社工');
  await page.locator('.page.mine [data-testid="report-tasks"]').click();
  const task = page.locator(`.page.supply-reports .report-task[data-outlet-id="${outletId}"]`);
  await expect(task.innerText()).resolves.toContain('已关门 ×3');
  await task.locator('.chip[data-outcome="closed"]').click();
  await shot('report-task', true);
  await task.locator('[data-testid="resolve-task"]').click();
  await task.waitFor({ state: 'detached' });

  await freshResident('zhou2');
  await page.locator('.page.home .outlet-card').first().waitFor();
  await expect(page.locator('.page.home .outlet-card', { hasText: OUTLET_NAME }).count()).resolves.toBe(0);
});

it('a reporter sees the outcome in 我的纠错', async () => {
  await resume(firstReporter);
  await open('/pages/mine/index');
  await page.locator('.page.mine [data-testid="my-reports"]').click();
  const line = page.locator(`.page.supply-myreports .my-report[data-outlet-id="${outletId}"]`);
  await expect(line.locator('[data-testid="report-outcome"]').innerText()).resolves.toBe('已确认关门');
  await shot('my-reports');
});

it('陈社工 closes an outlet for a week in 网点管理 and reopens it', async () => {
  await signInAsDemo(page, '陈社工');
  await page.locator('.page.mine [data-testid="outlet-manage"]').click();
  const manage = '.page.supply-manage';
  await input(manage, 'manage-search').fill('晨曦早餐亭');
  const card = page.locator(`${manage} .review-card`, { hasText: '晨曦早餐亭' });
  await card.waitFor();
  await expect(page.locator(`${manage} .review-card`).count()).resolves.toBe(1);
  await card.locator('[data-testid="review-toggle"]').click();
  await card.locator('[data-testid="action-closeTemporarily"]').click();
  // A "no" waits for its reason.
  await expect(card.locator('[data-testid="confirm-closeTemporarily"]').getAttribute('class')).resolves.toContain('disabled');
  await card.locator('.chip[data-reason="renovation"]').click();
  await card.locator('.chip', { hasText: '1周' }).click();
  await card.locator('[data-testid="decision-note"] textarea').fill('店面装修一周');
  await shot('manage-close');
  await card.locator('[data-testid="confirm-closeTemporarily"]').click();
  await card.locator('.status-tag[data-status="closed_temporarily"]').waitFor();
  await card.locator('[data-testid="action-reinstate"]').click();
  await card.locator('[data-testid="confirm-reinstate"]').click();
  await card.locator('.status-tag[data-status="listed"]').waitFor();
});

it('the supply pages follow large-text mode', async () => {
  const size = (sel: string) => page.locator(sel).first().evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
  await resume(merchantSession);
  await open(`/packages/supply/pages/outlet/index?id=${outletId}`);
  const before = await size('.page.supply-outlet .detail-name');
  await open('/pages/mine/index');
  await page.locator('.page.mine .setting-row', { hasText: '大字模式' }).click();
  await page.locator('.page.mine .switch.on').waitFor();
  try {
    await open(`/packages/supply/pages/outlet/index?id=${outletId}`);
    await page.locator('.page.supply-outlet.large .detail-name').waitFor();
    expect(await size('.page.supply-outlet .detail-name')).toBeGreaterThanOrEqual(before * 1.25);
    await shot('my-outlet-large', true);
    await open('/packages/supply/pages/apply/index');
    await page.locator('.page.supply-apply.large [data-testid="apply-name"]').waitFor();
    await shot('apply-large');
    await signInAsDemo(page, '陈社工');
    await open('/packages/supply/pages/manage/index');
    await page.locator('.page.supply-manage.large .review-card [data-testid="review-toggle"]').first().click();
    await page.locator('.page.supply-manage [data-testid="action-suspend"]').first().waitFor();
    await shot('manage-large');
  } finally {
    await open('/pages/mine/index');
    await page.locator('.page.mine .setting-row', { hasText: '大字模式' }).click();
  }
  expect(external).toEqual([]);
});
