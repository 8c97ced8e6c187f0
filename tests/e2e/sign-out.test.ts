/**
 * 退出登录 on the 我的 tab, in the H5 app: a big button (bigger still in large-text mode) that ends the session on
 * the server, so the token the phone held is refused from then on, and forgets it on the phone. The resident is
 * someone of their own: signing out ends every session of an account.
 */
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { usePhone, openRoute, h5Url, ARTIFACTS } from '../support/browser';
import { api, expectError } from '../support/api';

jest.setTimeout(120_000);

const phone = usePhone();
let page: Page;
beforeAll(() => {
  page = phone.page();
});

/** A new resident signed in through /auth/wechat, with the session put where the app keeps it. */
async function signedInResident(largeText: boolean): Promise<string> {
  const res = await api('/auth/wechat', { body: { code: `e2e-${randomUUID().slice(0, 8)}-signout${randomUUID().slice(0, 6)}` } });
  expect(res.status).toBe(201);
  await page.goto(h5Url());
  await page.evaluate(
    ([session, large]) => {
      localStorage.clear();
      localStorage.setItem('ykz.session', JSON.stringify({ data: session }));
      localStorage.setItem('ykz.largeText', JSON.stringify({ data: large }));
    },
    [res.body, largeText] as const,
  );
  await openRoute(page, '/pages/mine/index');
  return res.body.token as string;
}

const button = () => page.locator('.page.mine [data-testid="sign-out"]');

it('ends the session on the server and on the phone', async () => {
  const token = await signedInResident(false);
  await page.locator('.page.mine .profile-name').waitFor();
  expect((await api('/me', { token })).status).toBe(200);
  await button().click();
  // Signed out here: the demo sign-in list is back, and the phone keeps no session.
  await page.locator('.page.mine .demo-user').first().waitFor();
  await expect(page.evaluate(() => localStorage.getItem('ykz.session'))).resolves.toBeNull();
  // And on the server: the token the phone held is refused.
  expectError(await api('/me', { token }), 401, 'UNAUTHENTICATED');
  expectError(await api('/bookings/mine', { token }), 401, 'UNAUTHENTICATED');
});

it('is a bigger button in large-text mode, the whole width of the card', async () => {
  await signedInResident(false);
  await button().waitFor();
  const normal = (await button().boundingBox())!;
  const normalFont = await button().evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
  const token = await signedInResident(true);
  await page.locator('.page.large [data-testid="sign-out"]').waitFor();
  const large = (await button().boundingBox())!;
  const largeFont = await button().evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
  expect(large.height).toBeGreaterThan(normal.height);
  expect(large.height).toBeGreaterThanOrEqual(44); // a tap target an elderly thumb finds
  expect(largeFont).toBeGreaterThanOrEqual(normalFont * 1.2);
  expect(large.width).toBeGreaterThan(300); // the whole width of the card
  await page.screenshot({ path: path.join(ARTIFACTS, 'e2e-sign-out-large.png') });
  await button().click();
  await page.locator('.page.mine .demo-user').first().waitFor();
  expectError(await api('/me', { token }), 401, 'UNAUTHENTICATED');
});
