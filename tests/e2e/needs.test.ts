/**
 * Residents' needs (社区需求) in the H5 app, with every request that is not to 127.0.0.1 blocked (and counted):
 * 张阿姨 opens 社区需求 from the home page, sees her own like need suggested while she types, and files a new one
 * anonymously for 东岭新村; 李女士 starts the same need and is offered 张阿姨's with 支持这条 instead; 王大哥
 * taps 我也需要 on its page, withdraws and supports again; 陈社工 signs for it in 需求处理 (owner, expected date,
 * note) and resolves it; 张阿姨 asks for it to be done again (重办), 陈社工 resolves it again and 张阿姨 rates it
 * 满意. The public figures page shows 受理率 and 办结率 up by the same step, 重办率 up, and 满意率 not down;
 * the need's page follows large-text mode. Screenshots go to artifacts/e2e-needs-*.png.
 */
import type { Page } from 'playwright-core';
import { usePhone, openRoute, signInAsDemo, externalRequests, screenshots } from '../support/browser';
import { api, signInAs } from '../support/api';
import { useStackTable } from '../support/db';
import { shanghaiDate } from '../../shared/time';
import type { NeedView } from '../../shared/needs-api';
import type { MonthFigures } from '../../functions/needs/figures';

useStackTable();

jest.setTimeout(240_000);

const phone = usePhone();
let page: Page;
let external: string[] = [];
beforeAll(() => {
  page = phone.page();
  external = externalRequests(page);
});

const TITLE = '3号楼前的路灯不亮';
const TEXT = '3号楼前面那盏路灯坏了快两周，晚上下楼倒垃圾看不见台阶，老人容易摔倒。';
const month = shanghaiDate(new Date()).slice(0, 7);
const RATES = ['acceptedRate', 'onTimeSignRate', 'resolvedRate', 'satisfiedRate', 'reopenRate'] as const;

const shot = screenshots(() => page, 'needs');

const open = (route: string) => openRoute(page, route);
const detail = '.page.needs-detail';
const inbox = '.page.needs-inbox';
const form = '.page.needs-new-page';

let workerToken = '';
let volunteerToken = '';
let needId = '';

const need = async (token?: string) => (await api<NeedView>(`/needs/${needId}`, { token })).body;
const figuresNow = async () => (await api<MonthFigures>(`/circles/c-hongfeng/needs/figures?month=${month}`)).body;

/** The figures as the public page shows them: each value's raw share (data-value) and its text. */
async function figuresOnPage(): Promise<Record<string, { value: number | null; text: string }>> {
  await open('/pages/index/index');
  await page.locator('.page.home [data-testid="home-needs"] .setting-row').click();
  await page.locator('.page.needs-list [data-testid="open-figures"]').click();
  const head = page.locator(`.page.needs-figures [data-testid="figures-head"][data-month="${month}"]`);
  await head.waitFor();
  await expect(head.innerText()).resolves.toContain('红枫');
  const out: Record<string, { value: number | null; text: string }> = {};
  for (const key of [...RATES, 'medianDaysToResolve']) {
    const el = page.locator(`.page.needs-figures [data-testid="figure-${key}"]`);
    const raw = await el.getAttribute('data-value');
    out[key] = { value: raw ? Number(raw) : null, text: await el.locator('.figure-value').innerText() };
  }
  return out;
}

/** What the page shows is the server's figures, written as percentages. */
function expectSame(shown: Awaited<ReturnType<typeof figuresOnPage>>, api: MonthFigures) {
  for (const key of RATES) {
    const v = api[key];
    expect({ key, value: shown[key].value, text: shown[key].text }).toEqual({ key, value: v, text: v === null ? '—' : `${Math.round(v * 1000) / 10}%` });
  }
  expect(shown.medianDaysToResolve.value).toBe(api.medianDaysToResolve);
}

/** The worker's action from the inbox card: 处理 → the action → its form → 确认. */
async function workerActs(action: 'accept' | 'resolve', note: string, fill?: () => Promise<void>) {
  const card = page.locator(`${inbox} .need-card[data-need-id="${needId}"]`);
  await card.locator('[data-testid="handle"]').click();
  await card.locator(`[data-testid="action-${action}"]`).click();
  const box = card.locator(`[data-testid="action-box"][data-action="${action}"]`);
  await box.waitFor();
  await fill?.();
  await box.locator('[data-testid="action-note"] textarea').fill(note);
  await box.locator(`[data-testid="confirm-${action}"]`).click();
  await box.waitFor({ state: 'detached' });
}

beforeAll(async () => {
  workerToken = await signInAs('u_demo_worker');
  volunteerToken = await signInAs('u_demo_volunteer');
  // The first call of each function loads it in serverless-offline, which on a busy machine has outlasted the
  // app's 10 s timeout: load the ones the pages call before the browser does (the refusals write nothing).
  await Promise.all([
    api('/circles/c-hongfeng/needs?sort=hot'),
    api(`/circles/c-hongfeng/needs/figures?month=${month}`),
    api('/needs/n_warmup'),
    api('/me/needs', { token: volunteerToken }),
    api('/worker/circles/c-hongfeng/needs', { token: workerToken }),
    api('/needs', { token: volunteerToken, body: {} }),
    api('/needs/n_warmup/support', { token: volunteerToken, method: 'POST' }),
    api('/needs/n_warmup/support/withdraw', { token: volunteerToken, method: 'POST' }),
    api('/needs/n_warmup/actions', { token: workerToken, body: {} }),
  ]);
});

it('张阿姨 opens 社区需求 from the home page, sees her own like need suggested, and files a new one anonymously', async () => {
  await signInAsDemo(page, '张阿姨');
  await open('/pages/index/index');
  await page.locator('.page.home [data-testid="home-needs"] .setting-row').click();
  const list = '.page.needs-list';
  await page.locator(`${list} [data-testid="need-list"]`).waitFor();
  await page.locator(`${list} .chip[data-community-id="cm-dongling"]`).click();
  await page.locator(`${list} .chip.active[data-community-id="cm-dongling"]`).waitFor();
  // The demo's 修鞋 need of 东岭新村 (accepted, with two supporters) is there; the others are not of this compound.
  await page.locator(`${list} .need-card`, { hasText: '东岭新村附近没有修鞋配钥匙的' }).waitFor();
  // (The whole circle's list stays on screen until the compound's has come: wait for it to go.)
  await page.locator(`${list} .need-card`, { hasText: '书香里想要一个四点半课堂' }).waitFor({ state: 'detached' });
  await expect(page.locator(`${list} .need-card`).count()).resolves.toBe(1);
  await shot('list');

  await page.locator(`${list} [data-testid="new-need"]`).click();
  await page.locator(`${form} .chip.active[data-community-id="cm-dongling"]`).waitFor();
  await page.locator(`${form} .chip[data-kind="missing_service"]`).click();
  await page.locator(`${form} [data-testid="need-title-input"] input`).fill('想找个修鞋配钥匙的地方');
  // Her own need of the same kind in the same compound: suggested, and marked as hers (no 支持这条).
  const similar = page.locator(`${form} [data-testid="similar"] .similar-row`, { hasText: '东岭新村附近没有修鞋配钥匙的' });
  await similar.waitFor();
  await expect(similar.locator('[data-testid="support-mine"]').count()).resolves.toBe(1);
  await shot('suggest-own', true);
  // Another kind: nothing like it.
  await page.locator(`${form} .chip[data-kind="public_facility"]`).click();
  await page.locator(`${form} [data-testid="similar"]`).waitFor({ state: 'detached' });

  await page.locator(`${form} [data-testid="need-title-input"] input`).fill(TITLE);
  await page.locator(`${form} [data-testid="need-text-input"] textarea`).fill('太黑了');
  await page.locator(`${form} [data-testid="submit-need"]`).click();
  await expect(page.locator(`${form} [data-testid="need-error"]`).innerText()).resolves.toBe('内容至少5个字，说说具体情况');
  await page.locator(`${form} [data-testid="need-text-input"] textarea`).fill(TEXT);
  await page.locator(`${form} [data-testid="need-anonymous"]`).click();
  await page.locator(`${form} [data-testid="need-anonymous"] .switch.on`).waitFor();
  await shot('form', true);
  await page.locator(`${form} [data-testid="submit-need"]`).click();

  const head = page.locator(`${detail} [data-testid="need-head"]`);
  await head.waitFor();
  needId = (await head.getAttribute('data-need-id'))!;
  expect(needId).toMatch(/^n_/);
  await expect(head.getAttribute('data-state')).resolves.toBe('submitted');
  await expect(page.locator(`${detail} [data-testid="need-title"]`).innerText()).resolves.toBe(TITLE);
  await expect(page.locator(`${detail} [data-testid="need-state"]`).innerText()).resolves.toBe('待受理');
  await expect(page.locator(`${detail} [data-testid="support-mine"]`).innerText()).resolves.toBe('这是您提交的诉求');
  await expect(page.locator(`${detail} .timeline-step`).count()).resolves.toBe(1);
  await expect(page.locator(`${detail} [data-testid="author-panel"] [data-testid="withdraw"]`).count()).resolves.toBe(1);
  await shot('submitted', true);
  expect(await need()).toMatchObject({ state: 'submitted', author: '匿名居民', compoundName: '东岭新村', kind: 'public_facility', supports: 0 });
});

let before: MonthFigures;
let shownBefore: Awaited<ReturnType<typeof figuresOnPage>>;

it('the public figures of the month, as they are with the new need waiting', async () => {
  before = await figuresNow();
  shownBefore = await figuresOnPage();
  expectSame(shownBefore, before);
  await shot('figures-before', true);
});

it('李女士 starts the same need and supports 张阿姨\'s instead; 王大哥 taps 我也需要, withdraws and supports again', async () => {
  await signInAsDemo(page, '李女士');
  await open('/packages/needs/pages/list/index');
  await page.locator('.page.needs-list .chip[data-community-id="cm-dongling"]').click();
  await page.locator('.page.needs-list [data-testid="new-need"]').click();
  await page.locator(`${form} .chip.active[data-community-id="cm-dongling"]`).waitFor();
  await page.locator(`${form} .chip[data-kind="public_facility"]`).click();
  await page.locator(`${form} [data-testid="need-title-input"] input`).fill('路灯坏了');
  const row = page.locator(`${form} [data-testid="similar"] .similar-row[data-need-id="${needId}"]`);
  await row.waitFor();
  await expect(row.locator('.need-supports').innerText()).resolves.toBe('还没有人支持');
  await expect(page.locator(`${form} [data-testid="submit-need"]`).innerText()).resolves.toBe('仍要提交新的诉求');
  await shot('suggest-support', true);
  await row.locator('[data-testid="support"]').click();
  await row.locator('[data-testid="support-done"]').waitFor();
  await expect(row.locator('.need-supports').innerText()).resolves.toBe('1位居民也需要');
  // To the public the author is anonymous.
  await row.locator('[data-testid="similar-open"]').click();
  await expect(page.locator(`${detail} [data-testid="need-author"]`).innerText()).resolves.toBe('匿名居民');

  await signInAsDemo(page, '王大哥');
  await open(`/packages/needs/pages/detail/index?id=${needId}`);
  const count = page.locator(`${detail} [data-testid="support-count"]`);
  await expect(count.innerText()).resolves.toBe('1');
  await page.locator(`${detail} [data-testid="support"]`).click();
  await page.locator(`${detail} [data-testid="support-withdraw"]`).waitFor();
  await expect(count.innerText()).resolves.toBe('2');
  await shot('supported');
  await page.locator(`${detail} [data-testid="support-withdraw"]`).click();
  await page.locator(`${detail} [data-testid="support"]`).waitFor();
  await expect(count.innerText()).resolves.toBe('1');
  await page.locator(`${detail} [data-testid="support"]`).click();
  await page.locator(`${detail} [data-testid="support-withdraw"]`).waitFor();
  await expect(count.innerText()).resolves.toBe('2');
  expect((await need(volunteerToken)).supported).toBe(true);
  expect((await need()).supports).toBe(2);
});

it('陈社工 signs for it in 需求处理 with an owner, an expected date and a note, and resolves it', async () => {
  await signInAsDemo(page, '陈社工');
  await page.locator('.page.mine [data-testid="need-inbox"]').click();
  const card = page.locator(`${inbox} [data-testid="inbox-section"][data-state="submitted"] .need-card[data-need-id="${needId}"]`);
  await card.waitFor();
  // The worker sees who asked; the colour is the server's SLA colour (new, so not overdue).
  await expect(card.locator('[data-testid="need-author"]').innerText()).resolves.toBe('张阿姨');
  const sla = (await need(workerToken)).sla!;
  expect(['yellow', 'blue']).toContain(sla.colour);
  await expect(card.getAttribute('data-colour')).resolves.toBe(sla.colour);
  await expect(card.locator('[data-testid="sla-badge"]').innerText()).resolves.toBe(sla.colour === 'yellow' ? '黄' : '蓝');
  await expect(card.innerText()).resolves.toContain('签收期限：');
  await expect(card.innerText()).resolves.toContain('2人支持');
  await shot('inbox', true);

  const expected = shanghaiDate(new Date(Date.now() + 7 * 86_400_000));
  await workerActs('accept', '已收到，已报物业更换灯具', async () => {
    const box = card.locator('[data-testid="action-box"]');
    await expect(box.locator('[data-testid="action-owner"] input').inputValue()).resolves.toBe('陈社工');
    await box.locator('[data-testid="action-owner"] input').fill('物业王经理');
    await box.locator('.chip[data-days="7"]').click();
    await expect(box.locator('[data-testid="action-date"] input').inputValue()).resolves.toBe(expected);
    // A note is required.
    await box.locator('[data-testid="confirm-accept"]').click();
    await expect(box.locator('[data-testid="action-error"]').innerText()).resolves.toBe('请填写说明');
    await shot('accept-form', true);
  });
  const accepted = page.locator(`${inbox} [data-testid="inbox-section"][data-state="accepted"] .need-card[data-need-id="${needId}"]`);
  await accepted.waitFor();
  expect(await need()).toMatchObject({ state: 'accepted', history: [{ action: 'accept', owner: '物业王经理', expectedDate: expected, note: '已收到，已报物业更换灯具' }] });

  await workerActs('resolve', '物业已更换3号楼前的灯具');
  await page.locator(`${inbox} [data-testid="inbox-section"][data-state="resolved"] .need-card[data-need-id="${needId}"]`).waitFor();
  await shot('inbox-resolved', true);
});

it('张阿姨 reads the timeline and asks for it to be done again (重办)', async () => {
  await signInAsDemo(page, '张阿姨');
  await page.locator('.page.mine [data-testid="my-needs"]').click();
  await page.locator(`.page.needs-list .chip.active[data-tab="mine"]`).waitFor();
  await page.locator(`.page.needs-list .need-card[data-need-id="${needId}"]`).click();
  await page.locator(`${detail} [data-testid="need-head"][data-state="resolved"]`).waitFor();
  await expect(page.locator(`${detail} [data-testid="need-plan"]`).innerText()).resolves.toMatch(/承办人：物业王经理\s*预计办结：\d{4}年\d{1,2}月\d{1,2}日/);
  const steps = page.locator(`${detail} .timeline-step`);
  await expect(steps.evaluateAll((els) => els.map((e) => e.getAttribute('data-action')))).resolves.toEqual(['submit', 'accept', 'resolve']);
  await expect(steps.nth(1).innerText()).resolves.toMatch(/社区已受理[\s\S]*社区工作者 · 待受理 → 已受理[\s\S]*承办人：物业王经理[\s\S]*已收到，已报物业更换灯具/);
  await expect(steps.nth(2).innerText()).resolves.toContain('物业已更换3号楼前的灯具');
  await shot('resolved', true);

  await page.locator(`${detail} [data-testid="reopen"]`).click();
  await page.locator(`${detail} [data-testid="reopen-note"] textarea`).fill('换了灯但晚上还是不亮，可能是线路问题');
  await page.locator(`${detail} [data-testid="confirm-reopen"]`).click();
  await page.locator(`${detail} [data-testid="need-head"][data-state="in_progress"]`).waitFor();
  await expect(page.locator(`${detail} [data-testid="need-reopens"]`).innerText()).resolves.toBe('已重办1次');
  await expect(page.locator(`${detail} [data-testid="need-state"]`).innerText()).resolves.toBe('办理中');
  await shot('reopened', true);
});

it('陈社工 resolves it again, and 张阿姨 rates it 满意', async () => {
  await signInAsDemo(page, '陈社工');
  await page.locator('.page.mine [data-testid="need-inbox"]').click();
  await page.locator(`${inbox} [data-testid="inbox-section"][data-state="in_progress"] .need-card[data-need-id="${needId}"]`).waitFor();
  await workerActs('resolve', '供电所检修了线路，晚上已亮');
  await page.locator(`${inbox} [data-testid="inbox-section"][data-state="resolved"] .need-card[data-need-id="${needId}"]`).waitFor();

  await signInAsDemo(page, '张阿姨');
  await open(`/packages/needs/pages/detail/index?id=${needId}`);
  await page.locator(`${detail} [data-testid="need-head"][data-state="resolved"]`).waitFor();
  await page.locator(`${detail} [data-testid="rate-satisfied"]`).click();
  await page.locator(`${detail} [data-testid="need-head"][data-state="confirmed"]`).waitFor();
  await expect(page.locator(`${detail} [data-testid="author-panel"]`).count()).resolves.toBe(0);
  const steps = page.locator(`${detail} .timeline-step`);
  await expect(steps.evaluateAll((els) => els.map((e) => e.getAttribute('data-action')))).resolves.toEqual(['submit', 'accept', 'resolve', 'reopen', 'resolve', 'confirm']);
  await expect(steps.nth(5).innerText()).resolves.toMatch(/居民已确认[\s\S]*评价：满意/);
  await expect(page.locator(`${detail} [data-testid="support-mine"]`).innerText()).resolves.toBe('这是您提交的诉求');
  await shot('confirmed', true);
  expect(await need()).toMatchObject({ state: 'confirmed', reopens: 1, supports: 2 });
});

it('the public figures change accordingly: 受理率 and 办结率 up by one need, 重办率 up, 满意率 not down', async () => {
  const after = await figuresNow();
  const shown = await figuresOnPage();
  expectSame(shown, after);
  await shot('figures-after', true);
  // The new need was already in the base (waiting); now it is accepted and resolved: both rise by 1/base.
  expect(after.submitted).toBe(before.submitted);
  const step = after.acceptedRate! - before.acceptedRate!;
  expect(step).toBeGreaterThan(0);
  expect(Math.abs(after.resolvedRate! - before.resolvedRate! - step)).toBeLessThanOrEqual(0.0015);
  expect(shown.resolvedRate.text).not.toBe(shownBefore.resolvedRate.text);
  // One more resolved need, and it was reopened.
  expect(after.reopenRate!).toBeGreaterThan(before.reopenRate ?? 0);
  // One more rating, 满意.
  expect(after.satisfiedRate!).toBeGreaterThanOrEqual(before.satisfiedRate ?? 0);
  expect(after.medianDaysToResolve).not.toBeNull();
});

it("the need's page follows large-text mode", async () => {
  await open(`/packages/needs/pages/detail/index?id=${needId}`);
  const size = (sel: string) => page.locator(sel).first().evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
  await page.locator(`${detail} [data-testid="need-title"]`).waitFor();
  const title = await size(`${detail} [data-testid="need-title"]`);
  const step = await size(`${detail} .timeline-title`);
  const note = await size(`${detail} .timeline-note`);
  await open('/pages/mine/index');
  await page.locator('.page.mine .setting-row', { hasText: '大字模式' }).click();
  await page.locator('.page.mine .switch.on').waitFor();
  try {
    await open(`/packages/needs/pages/detail/index?id=${needId}`);
    await page.locator('.page.needs-detail.large [data-testid="need-title"]').waitFor();
    expect(await size(`${detail} [data-testid="need-title"]`)).toBeGreaterThanOrEqual(title * 1.25);
    expect(await size(`${detail} .timeline-title`)).toBeGreaterThanOrEqual(step * 1.25);
    expect(await size(`${detail} .timeline-note`)).toBeGreaterThanOrEqual(note * 1.25);
    // Large tap targets: the link at the foot keeps the app's 88 design px (the H5 build's rem is 16 CSS px
    // per 40 design px, so 35.2 CSS px here; 44 px in WeChat).
    const box = (await page.locator(`${detail} [data-testid="open-figures"]`).boundingBox())!;
    expect(box.height).toBeGreaterThanOrEqual(35);
    await shot('need-large', true);
    await page.locator(`${detail} [data-testid="open-figures"]`).click();
    await page.locator('.page.needs-figures.large [data-testid="figures-head"]').waitFor();
    await shot('figures-large', true);
  } finally {
    await open('/pages/mine/index');
    await page.locator('.page.mine .setting-row', { hasText: '大字模式' }).click();
    await page.locator('.page.mine .switch:not(.on)').waitFor();
  }
  expect(external).toEqual([]);
});
