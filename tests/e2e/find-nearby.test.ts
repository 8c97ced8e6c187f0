/**
 * A resident on a phone: opens the H5 app, picks their community (no GPS), sees repair stalls sorted by
 * walking time, opens one and reads its prices; then the same in large-text mode. Screenshots go to artifacts/.
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { usePhone, h5Url as h5, openRoute, ARTIFACTS } from '../support/browser';

jest.setTimeout(120_000);

const phone = usePhone();
let page: Page;
beforeAll(() => {
  page = phone.page();
});

async function minutesShown(): Promise<number[]> {
  return page.locator('.page.browse .outlet-card .walk-minutes').evaluateAll((els) => els.map((e) => Number(e.textContent)));
}

it('finds repair stalls near a chosen community and shows their prices', async () => {
  await page.goto(h5());
  // Without location the list still shows (around a default community) and invites a choice.
  await page.locator('.notice').waitFor();
  await page.locator('.outlet-card').first().waitFor();

  await page.locator('[data-testid="pick-community"]').click();
  await page.locator('.picker-community', { hasText: '书香里' }).click();
  await page.locator('.place-label', { hasText: '书香里' }).waitFor();
  await page.locator('.notice').waitFor({ state: 'detached' });

  await page.locator('.focus-tile[data-category="repair"]').click();
  // Each Taro H5 page stays in the DOM when hidden; scope to the page on show.
  await page.locator('.page.browse .section-title', { hasText: '小修小补' }).waitFor();
  await page.locator('.page.browse .outlet-card').first().waitFor();
  const minutes = await minutesShown();
  expect(minutes.length).toBeGreaterThan(2);
  expect([...minutes].sort((a, b) => a - b)).toEqual(minutes);
  expect(minutes.every((m) => m <= 15)).toBe(true);
  await page.screenshot({ path: path.join(ARTIFACTS, 'e2e-repair-list.png') });

  await page.locator('.page.browse .outlet-card', { hasText: '老郑修鞋配钥匙' }).click();
  await page.locator('.detail-name', { hasText: '老郑修鞋配钥匙' }).waitFor();
  await page.locator('.card-title', { hasText: '明码标价' }).waitFor();
  const prices = await page.locator('.price-row').allInnerTexts();
  expect(prices.join('\n')).toContain('配普通钥匙');
  expect(prices.join('\n')).toContain('5元/把');
  expect(prices.join('\n')).toContain('3–5元');
  await expect(page.locator('.hours-line').first().innerText()).resolves.toContain('08:00');
  await page.screenshot({ path: path.join(ARTIFACTS, 'e2e-outlet-detail.png'), fullPage: true });
});

it('large-text mode enlarges the text on every page', async () => {
  const size = (sel: string) => page.locator(sel).first().evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
  const before = await size('.detail-name');
  await openRoute(page, '/pages/mine/index');
  await page.locator('.page.mine .setting-row', { hasText: '大字模式' }).click();
  await page.locator('.page.mine .switch.on').waitFor();
  await openRoute(page, '/pages/index/index');
  await page.locator('.page.home.large .outlet-card').first().waitFor();
  await page.screenshot({ path: path.join(ARTIFACTS, 'e2e-home-large.png') });
  await openRoute(page, '/packages/outlet/pages/detail/index?id=o-laozheng');
  await page.locator('.page.detail.large .detail-name').waitFor();
  const after = await size('.detail-name');
  expect(after).toBeGreaterThanOrEqual(before * 1.25);
  await page.screenshot({ path: path.join(ARTIFACTS, 'e2e-outlet-detail-large.png'), fullPage: true });
});
