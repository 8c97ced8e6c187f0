/** A parent adds a child and books a half-day childcare session for them in the H5 app. */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { usePhone, openRoute, ARTIFACTS } from '../support/browser';
import { shanghaiDate } from '../../shared/time';

jest.setTimeout(120_000);

const phone = usePhone();
let page: Page;
beforeAll(() => {
  page = phone.page();
});

it('parent adds a child and books a session for them', async () => {
  await openRoute(page, '/pages/mine/index');
  await page.locator('.page.mine .demo-user', { hasText: '李女士' }).click();
  await page.locator('.page.mine .profile-name', { hasText: '李女士' }).waitFor();

  await openRoute(page, '/packages/booking/pages/book/index?outletId=o-xiaohemiao&serviceId=s03');
  await page.locator('.page.book .chip[data-date]').nth(1).click();
  await page.locator('.page.book .slot').first().click();
  await page.locator('.page.book .card-title', { hasText: '为哪个孩子预约' }).waitFor();
  const birth = shanghaiDate(Date.now() - 600 * 24 * 3600_000); // about 20 months old
  const inputs = page.locator('.page.book .card', { hasText: '为哪个孩子预约' }).locator('input');
  await inputs.nth(0).fill('小米');
  await inputs.nth(1).fill(birth);
  await page.locator('.page.book .nut-button', { hasText: '添加孩子' }).click();
  await page.locator('.page.book .chip.active[data-child-id]', { hasText: '小米' }).waitFor();
  await page.screenshot({ path: path.join(ARTIFACTS, 'e2e-childcare-book.png'), fullPage: true });
  await page.locator('.page.book .confirm-button').click();

  const card = page.locator('.page.my-bookings .booking-card.highlight');
  await card.waitFor();
  await expect(card.innerText()).resolves.toContain('孩子：小米');
  await expect(card.innerText()).resolves.toContain('临时托');
});
