/**
 * A resident books a repair slot in the H5 app; the merchant accepts it in the merchant workspace; the
 * resident sees it accepted. Screenshots go to artifacts/.
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { usePhone, openRoute, signInAsDemo, ARTIFACTS } from '../support/browser';

jest.setTimeout(150_000);

const phone = usePhone();
let page: Page;
beforeAll(() => {
  page = phone.page();
});

const open = (route: string) => openRoute(page, route);

const signInAs = (nickname: string) => signInAsDemo(page, nickname);

it('resident books, merchant accepts, resident sees it accepted', async () => {
  await signInAs('张阿姨');
  await open('/packages/outlet/pages/detail/index?id=o-laozheng');
  await page.locator('.page.detail .book-button[data-service-id="s02"]').click();

  await page.locator('.page.book .slot').first().waitFor();
  // The second date chip is at least tomorrow, so it has open slots whatever the time of day.
  await page.locator('.page.book .chip[data-date]').nth(1).click();
  const slot = page.locator('.page.book .slot:not(.full)').first();
  const slotTime = (await slot.locator('.slot-time').innerText()).split('–')[0];
  await slot.click();
  await page.screenshot({ path: path.join(ARTIFACTS, 'e2e-book-slot.png') });
  await page.locator('.page.book .confirm-button').click();

  const card = page.locator('.page.my-bookings .booking-card.highlight');
  await card.waitFor();
  await expect(card.innerText()).resolves.toContain('待确认');
  await expect(card.innerText()).resolves.toContain(slotTime);
  const bookingId = await card.getAttribute('data-booking-id');
  expect(bookingId).toMatch(/^b_/);

  await signInAs('郑师傅');
  await page.locator('.page.mine [data-testid="merchant-inbox"]').click();
  const inboxCard = page.locator(`.page.merchant-inbox .booking-card[data-booking-id="${bookingId}"]`);
  await inboxCard.waitFor();
  await expect(inboxCard.innerText()).resolves.toContain('张阿姨');
  await page.screenshot({ path: path.join(ARTIFACTS, 'e2e-merchant-inbox.png') });
  await inboxCard.locator('.accept-button').click();
  await inboxCard.waitFor({ state: 'detached' }); // leaves the 待确认 list

  await signInAs('张阿姨');
  await open('/packages/booking/pages/mine/index');
  const accepted = page.locator(`.page.my-bookings .booking-card[data-booking-id="${bookingId}"]`);
  await accepted.waitFor();
  await expect(accepted.locator('.booking-state').innerText()).resolves.toBe('已接单');
  await page.screenshot({ path: path.join(ARTIFACTS, 'e2e-my-bookings-accepted.png') });
});
