/**
 * Circle health (圈子体检) in the H5 app, with every request that is not to 127.0.0.1 blocked (and counted):
 * 陈社工 opens 圈子体检 from 我的 and reads the grade, the walking rule, the heat table at both paces and the
 * gap list, where 药店 is thin (one outlet) at 幸福里小区; exports the CSV and prints the page; on the compound's
 * page the server refuses impossible figures. A resident applies for a pharmacy at 幸福里小区 (through the API),
 * the worker approves it in 网点审核 and the cell turns met. A resident's own view says 东岭新村 has no 维修点
 * within 15 minutes; the report follows large-text mode. At the end the test pharmacy is closed for good, so
 * later files see the demo as before. Screenshots (and the print as PDF) go to artifacts/.
 */
import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { usePhone, openRoute, signInAsDemo, h5Url, ARTIFACTS, externalRequests, screenshots } from '../support/browser';
import { api, signInAs } from '../support/api';
import { useStackTable } from '../support/db';
import { goodApplication } from '../support/outlets';
import { snapshotAll } from '../../functions/health/report';
import type { CircleHealth } from '../../shared/health/types';

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
const PHARMACY = `测试便民药房${tag}`;
const XINGFULI = { lat: 36.6668, lng: 117.0528 };
const report = '.page.health-report';
const cell = (compound: string, type: string) => page.locator(`${report} .heat-cell[data-compound="${compound}"][data-type="${type}"]`);

const shot = screenshots(() => page, 'health', 8000);

let workerToken = '';
let outletId = '';
let closed = false;

/** The worker's decision that takes the test pharmacy off the map for good (or refuses it, if never approved). */
async function closeTestPharmacy() {
  if (!outletId || closed) return;
  const close = await api(`/worker/outlets/${outletId}/decisions`, { token: workerToken, body: { action: 'closePermanently', reason: 'closed', note: '测试网点，测试结束后关闭' } });
  if (close.status !== 200) await api(`/worker/outlets/${outletId}/decisions`, { token: workerToken, body: { action: 'reject', reason: 'other', note: '测试网点' } });
  closed = true;
}
afterAll(closeTestPharmacy);

beforeAll(async () => {
  workerToken = await signInAs('u_demo_worker');
  // Stands for last month's scheduled snapshot, so the report has a trend to show.
  await snapshotAll(new Date(Date.now() - 40 * 86_400_000));
  // The first call of each function loads it in serverless-offline; on a machine busy with other test runs
  // that has taken longer than the local 30 s timeout. Load the ones the pages call before the browser does.
  const c = '/worker/circles/c-hongfeng';
  await Promise.all(
    [`${c}/health`, `${c}/health/communities/cm-xingfuli`, `${c}/health.csv`, '/circles/c-hongfeng/communities/cm-dongling/health'].map((p) => api(p, { token: workerToken })),
  );
});

it('陈社工 opens 圈子体检 from 我的: the grade, the walking rule and 药店 thin at 幸福里小区', async () => {
  await signInAsDemo(page, '陈社工');
  await page.locator('.page.mine [data-testid="health-report"]').click();
  await page.locator(`${report} [data-testid="grade-label"]`).waitFor();
  await expect(page.locator(`${report} [data-testid="grade-label"]`).innerText()).resolves.toMatch(/^(高品质|基本型|未达标)$/);
  await expect(page.locator(`${report} [data-testid="grade-points"]`).innerText()).resolves.toMatch(/^\d+(\.\d)?分$/);
  // The points line by line, each with what it counted.
  await expect(page.locator(`${report} .grade-line`).count()).resolves.toBeGreaterThanOrEqual(5);
  await expect(page.locator(`${report} .grade-line[data-line="six_ones"]`).innerText()).resolves.toContain('六个一');
  await expect(page.locator(`${report} [data-testid="walking-rule"]`).innerText()).resolves.toContain('10分钟约步行750米，国标十分钟生活圈为500米');
  // Types the notes could not read in the standard itself carry 假设.
  await expect(page.locator(`${report} .heat-row[data-type="fresh_grocery"] [data-testid="assumption-tag"]`).count()).resolves.toBe(1);
  await expect(page.locator(`${report} .heat-row[data-type="pharmacy"] [data-testid="assumption-tag"]`).count()).resolves.toBe(0);

  // At adult pace in its window: one pharmacy within 8 minutes; at an elder's pace, none.
  await expect(cell('cm-xingfuli', 'pharmacy').getAttribute('data-status')).resolves.toBe('thin');
  await expect(cell('cm-xingfuli', 'pharmacy').innerText()).resolves.toMatch(/8\s*1处/);
  await expect(cell('cm-dongling', 'repair').getAttribute('data-status')).resolves.toBe('missing');
  await shot('report', true);
  await page.locator(`${report} .chip[data-pace="elder"]`).click();
  await page.locator(`${report} [data-testid="heat-table"][data-pace="elder"]`).waitFor();
  await expect(cell('cm-xingfuli', 'pharmacy').getAttribute('data-status')).resolves.toBe('missing');
  await expect(cell('cm-xingfuli', 'pharmacy').innerText()).resolves.toContain('10');
  // Breakfast counts only if open at 07:00 on weekdays: any time can only count more.
  await page.locator(`${report} .chip[data-time="any"]`).click();
  await page.locator(`${report} [data-testid="heat-table"][data-time="any"]`).waitFor();
  await page.locator(`${report} [data-testid="heat-table"]`).scrollIntoViewIfNeeded();
  await shot('heat-elder-any');
  await page.locator(`${report} .chip[data-pace="adult"]`).click();
  await page.locator(`${report} .chip[data-time="window"]`).click();

  // 缺什么补什么: 药店 names 幸福里小区 as thin with its one pharmacy; the top gaps say where to add one.
  const gap = page.locator(`${report} .gap-card[data-gap="pharmacy"]`);
  await expect(gap.locator('.gap-compound[data-compound="cm-xingfuli"]').getAttribute('data-status')).resolves.toBe('thin');
  await expect(gap.locator('.gap-compound[data-compound="cm-xingfuli"]').innerText()).resolves.toMatch(/8分钟内只有1处：.+，步行8分钟/);
  await expect(gap.locator('.gap-compound[data-compound="cm-dongling"]').innerText()).resolves.toContain('8分钟内没有');
  const first = page.locator(`${report} .gap-card`).first();
  await expect(first.locator('[data-testid="siting"]').innerText()).resolves.toMatch(/^建议：在.+新设一处可覆盖\d+位居民（其中\d+位老人）/);
  await expect(page.locator(`${report} .gap-card [data-testid="siting"]`).count()).resolves.toBe(3);
  await first.scrollIntoViewIfNeeded();
  await shot('gaps');
  await expect(page.locator(`${report} [data-testid="trend"]`).innerText()).resolves.toMatch(/与\d{4}年\d{1,2}月存档相比[\s\S]*得分：[\d.]+分 → [\d.]+分[\s\S]*评级：/);

  // Another standard: GB 50180's distances.
  await page.locator(`${report} .chip[data-profile="gb50180"]`).click();
  await page.locator(`${report} [data-testid="profile-name"]`, { hasText: 'GB 50180' }).waitFor();
  await expect(page.locator(`${report} [data-testid="walking-rule"]`).innerText()).resolves.toContain('10分钟500米');
  await page.locator(`${report} .chip[data-profile="mofcom2021"]`).click();
  await page.locator(`${report} [data-testid="profile-name"]`, { hasText: '商务部' }).waitFor();
});

it('exports the matrix as CSV and prints the report for the street office', async () => {
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator(`${report} [data-testid="export-csv"]`).click()]);
  expect(download.suggestedFilename()).toMatch(/体检-mofcom2021-\d{4}-\d{2}-\d{2}\.csv$/);
  const file = path.join(ARTIFACTS, 'e2e-health-report.csv');
  await download.saveAs(file);
  const bytes = fs.readFileSync(file);
  // UTF-8 with a BOM, so Excel reads the Chinese.
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = bytes.toString('utf8').slice(1).trim().split(/\r?\n/);
  expect(lines[0]).toMatch(/^小区,户数,居民/);
  expect(lines.some((l) => l.startsWith('幸福里小区,') && l.includes(',药店,'))).toBe(true);

  await page.evaluate(() => {
    (window as unknown as { printed: number }).printed = 0;
    window.print = () => void ((window as unknown as { printed: number }).printed += 1);
  });
  await page.locator(`${report} [data-testid="print-report"]`).click();
  await expect(page.evaluate(() => (window as unknown as { printed: number }).printed)).resolves.toBe(1);
  // What the printer gets: every gap unfolded, no buttons.
  await page.emulateMedia({ media: 'print' });
  try {
    await expect(page.locator(`${report} .gap-extra.collapsed`).first().isVisible()).resolves.toBe(true);
    await expect(page.locator(`${report} [data-testid="export-csv"]`).isVisible()).resolves.toBe(false);
    await expect(page.locator(`${report} .print-title`).isVisible()).resolves.toBe(true);
    await shot('print', true);
    await page.pdf({ path: path.join(ARTIFACTS, 'e2e-health-print.pdf'), format: 'A4', printBackground: true });
  } finally {
    await page.emulateMedia({ media: 'screen' });
  }
});

it("a compound's page: which types are met at both paces, and its figures, checked by the server", async () => {
  await page.locator(`${report} .compound-row[data-compound="cm-xingfuli"]`).click();
  const compound = '.page.health-compound';
  await page.locator(`${compound} [data-testid="compound-head"][data-compound="cm-xingfuli"]`).waitFor();
  const pharmacy = page.locator(`${compound} [data-testid="types-thin"] .type-row[data-type="pharmacy"]`);
  await expect(pharmacy.getAttribute('data-elder')).resolves.toBe('missing');
  await expect(pharmacy.innerText()).resolves.toMatch(/成人薄弱[\s\S]*长者缺失[\s\S]*最近：.+ · 步行8分钟 · 长者约10分钟/);
  await expect(page.locator(`${compound} [data-testid="types-met"] .type-row`).count()).resolves.toBeGreaterThan(0);
  await shot('compound', true);

  const input = (id: string) => page.locator(`${compound} [data-testid="${id}"] input`);
  await page.locator(`${compound} [data-testid="edit-figures"]`).click();
  const households = await input('figures-households').inputValue();
  const error = page.locator(`${compound} [data-testid="figures-error"]`);
  await input('figures-households').fill('99999');
  await page.locator(`${compound} [data-testid="save-figures"]`).click();
  await expect(error.innerText()).resolves.toBe('户数应为 0–50000 的整数');
  await input('figures-households').fill('5000');
  await input('figures-residents').fill('4000');
  await page.locator(`${compound} [data-testid="save-figures"]`).click();
  await expect(error.innerText()).resolves.toBe('户数不能多于居民人数');
  await input('figures-elder').fill('130');
  await page.locator(`${compound} [data-testid="save-figures"]`).click();
  await expect(error.innerText()).resolves.toBe('60岁以上占比应为 0–100 之间的百分数');
  await shot('figures-error');
  // The figures as they were, saved again: accepted.
  await input('figures-households').fill(households);
  await input('figures-residents').fill('4700');
  await input('figures-elder').fill('27');
  await page.locator(`${compound} [data-testid="save-figures"]`).click();
  // The form closes once saved, and the figures are the worker's now (the demo's were written by the seed).
  await page.locator(`${compound} [data-testid="figures-form"]`).waitFor({ state: 'detached' });
  const saved = await api('/worker/circles/c-hongfeng/health/communities/cm-xingfuli', { token: workerToken });
  expect(saved.body.compound).toMatchObject({ households: Number(households), residents: 4700, elderlyShare: 0.27, updatedBy: 'u_demo_worker' });
});

it('a resident applies for a pharmacy at 幸福里小区, 陈社工 approves it in 网点审核, and the cell turns met', async () => {
  const resident = await api('/auth/wechat', { body: { code: `e2e-${randomUUID().slice(0, 8)}-pharmacy${tag}` } });
  expect(resident.status).toBe(201);
  const token = resident.body.token as string;
  const body = {
    ...goodApplication,
    name: PHARMACY,
    categories: ['pharmacy'],
    // About 70 m south-east of the compound's centre: well within 8 minutes even at an elder's pace.
    lat: XINGFULI.lat - 0.0004,
    lng: XINGFULI.lng + 0.0006,
    address: '幸福路8号幸福里小区南门东侧',
    hours: { windows: [{ days: [1, 2, 3, 4, 5, 6, 7], open: '08:00', close: '21:00' }] },
    services: [{ name: '测血压', unit: '次', priceFen: 0 }],
    legalBasis: { kind: 'licence', licenceNo: '91370102MA3C1234XY' },
  };
  const created = await api('/merchant/applications', { token, body, headers: { 'idempotency-key': randomUUID().replace(/-/g, '') } });
  expect(created.status).toBe(201);
  outletId = created.body.outlet.id;
  expect((await api(`/merchant/applications/${outletId}/submit`, { token, method: 'POST' })).status).toBe(200);

  // Not on the map yet: the report is unchanged.
  await openRoute(page, '/packages/health/pages/report/index');
  await expect(cell('cm-xingfuli', 'pharmacy').getAttribute('data-status')).resolves.toBe('thin');

  await openRoute(page, '/pages/mine/index');
  await page.locator('.page.mine [data-testid="outlet-review"]').click();
  const card = page.locator(`.page.supply-review .review-card[data-outlet-id="${outletId}"]`);
  await card.locator('[data-testid="review-toggle"]').click();
  await expect(card.innerText()).resolves.toContain(PHARMACY);
  await card.locator('[data-testid="action-approve"]').click();
  await card.locator('[data-testid="confirm-approve"]').click();
  await card.waitFor({ state: 'detached' });

  await openRoute(page, '/pages/mine/index');
  await page.locator('.page.mine [data-testid="health-report"]').click();
  await cell('cm-xingfuli', 'pharmacy').waitFor();
  await expect(cell('cm-xingfuli', 'pharmacy').getAttribute('data-status')).resolves.toBe('met');
  await expect(cell('cm-xingfuli', 'pharmacy').innerText()).resolves.toMatch(/^2\s*2处$/);
  // 药店 is no longer thin at 幸福里小区 in the gap list.
  await expect(page.locator(`${report} .gap-card[data-gap="pharmacy"] .gap-compound[data-compound="cm-xingfuli"]`).count()).resolves.toBe(0);
  await cell('cm-xingfuli', 'pharmacy').scrollIntoViewIfNeeded();
  await shot('pharmacy-met');
});

it('the report follows large-text mode', async () => {
  const size = (sel: string) => page.locator(sel).first().evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
  const before = await size(`${report} .gap-name`);
  const cellBefore = await size(`${report} .heat-cell`);
  await openRoute(page, '/pages/mine/index');
  await page.locator('.page.mine .setting-row', { hasText: '大字模式' }).click();
  await page.locator('.page.mine .switch.on').waitFor();
  try {
    await openRoute(page, '/packages/health/pages/report/index');
    await page.locator(`.page.health-report.large [data-testid="grade-label"]`).waitFor();
    expect(await size(`${report} .gap-name`)).toBeGreaterThanOrEqual(before * 1.25);
    expect(await size(`${report} .heat-cell`)).toBeGreaterThanOrEqual(cellBefore * 1.25);
    await shot('report-large');
    await page.locator(`${report} [data-testid="heat-table"]`).scrollIntoViewIfNeeded();
    await shot('heat-large');
  } finally {
    await openRoute(page, '/pages/mine/index');
    await page.locator('.page.mine .setting-row', { hasText: '大字模式' }).click();
    await page.locator('.page.mine .switch:not(.on)').waitFor();
  }
});

it('a resident sees what is within 15 minutes of 东岭新村, and that a 维修点 is not', async () => {
  await page.goto(h5Url());
  await page.evaluate(() => localStorage.clear());
  await openRoute(page, '/pages/mine/index');
  await page.locator('.page.mine [data-testid="health-around"]').click();
  const around = '.page.health-around';
  await page.locator(`${around} .chip[data-community-id="cm-dongling"]`).click();
  await page.locator(`${around} [data-testid="around-missing"] .type-row[data-type="repair"]`).waitFor();
  await expect(page.locator(`${around} [data-testid="around-within"] .type-row[data-type="repair"]`).count()).resolves.toBe(0);
  await expect(page.locator(`${around} [data-testid="around-missing"] .type-row[data-type="repair"]`).innerText()).resolves.toContain('维修点');
  await shot('around-dongling', true);
  // Remembered: the next visit opens on 东岭新村.
  await openRoute(page, '/packages/health/pages/around/index');
  await page.locator(`${around} .chip.active[data-community-id="cm-dongling"]`).waitFor();
  await page.locator(`${around} [data-testid="around-missing"] .type-row[data-type="repair"]`).waitFor();
  // 书香里 has a 维修点 within 15 minutes.
  await page.locator(`${around} .chip[data-community-id="cm-shuxiangli"]`).click();
  await page.locator(`${around} [data-testid="around-within"] .type-row[data-type="repair"]`).waitFor();
  await shot('around-shuxiangli', true);
});

it('closing the test pharmacy for good leaves 药店 thin at 幸福里小区 again', async () => {
  await closeTestPharmacy();
  const res = await api<CircleHealth>('/worker/circles/c-hongfeng/health', { token: workerToken });
  expect(res.status).toBe(200);
  const i = res.body.types.findIndex((t) => t.type === 'pharmacy');
  expect(res.body.compounds.find((c) => c.id === 'cm-xingfuli')!.cells[i].adult.window.status).toBe('thin');
  expect(external).toEqual([]);
});
