/** Debian's Chromium driven by playwright-core, as a phone; only 127.0.0.1 is reachable. */
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const ARTIFACTS = path.resolve(__dirname, '..', '..', 'artifacts');

export async function launchPhone(): Promise<{ browser: Browser; context: BrowserContext; page: Page; close(): Promise<void> }> {
  // launch() gives every run a fresh, throw-away profile directory of its own.
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
  });
  const context = await browser.newContext({
    viewport: { width: 375, height: 812 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
    // No geolocation permission: the app must fall back to choosing a community.
    permissions: [],
  });
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    return url.hostname === '127.0.0.1' || url.protocol === 'data:' ? route.continue() : route.abort();
  });
  const page = await context.newPage();
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  return {
    browser,
    context,
    page,
    close: () => browser.close(),
  };
}

/** The H5 app's URL from the test stack. */
export function h5Url(): string {
  if (!process.env.YKZ_H5_URL) throw new Error('H5 build missing: run `npm run build:h5` before the e2e tests');
  return process.env.YKZ_H5_URL;
}

/** One phone for the whole test file: launched before, closed after. */
export function usePhone(): { page(): Page } {
  let phone: Awaited<ReturnType<typeof launchPhone>> | undefined;
  beforeAll(async () => {
    phone = await launchPhone();
  });
  afterAll(async () => phone?.close());
  return { page: () => phone!.page };
}

/**
 * Opens a route of the H5 app in a fresh document. Hash navigations inside one document leave the H5
 * router's earlier (hidden) pages around, which made role switches and re-visits flaky.
 */
export async function openRoute(page: Page, route = '/pages/index/index'): Promise<void> {
  await page.goto(`${h5Url()}#${route}`);
  await page.reload();
}

/**
 * Signs in on the 我的 tab as the demo user with this nickname. Whoever was signed in is forgotten by the
 * phone rather than signed out: 退出登录 ends every session of that user, the tests' own API tokens included.
 */
export async function signInAsDemo(page: Page, nickname: string): Promise<void> {
  // Forgotten on the home tab: 我的 reads the user again on show and keeps the answer, which could put the
  // session back if it arrived after it was forgotten.
  await openRoute(page, '/pages/index/index');
  await page.evaluate(() => localStorage.removeItem('ykz.session'));
  await openRoute(page, '/pages/mine/index');
  await page.locator('.page.mine .demo-user', { hasText: nickname }).click();
  await page.locator('.page.mine .profile-name', { hasText: nickname }).waitFor();
}

/** Every request the page attempts to a host other than loopback (counted before any route handler aborts it). */
export function externalRequests(page: Page): string[] {
  const external: string[] = [];
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (!['data:', 'blob:'].includes(url.protocol) && url.hostname !== '127.0.0.1') external.push(r.url());
  });
  return external;
}

/**
 * Screenshots named `e2e-<prefix>-<name>.png` in artifacts/. `whole` grows the viewport to the page's height
 * first, because a Taro H5 page scrolls inside its own container and a full-page screenshot of the document
 * would show one screen.
 */
export function screenshots(page: () => Page, prefix: string, maxHeight = 6000) {
  return async function shot(name: string, whole = false): Promise<void> {
    const p = page();
    const file = path.join(ARTIFACTS, `e2e-${prefix}-${name}.png`);
    // The H5 router slides a page in; let it settle.
    await p.waitForTimeout(400);
    if (!whole) return void (await p.screenshot({ path: file }));
    const height = await p.evaluate(() => Math.max(812, ...Array.from(document.querySelectorAll('.page')).filter((e) => (e as HTMLElement).offsetParent).map((e) => e.scrollHeight)));
    await p.setViewportSize({ width: 375, height: Math.min(height + 60, maxHeight) });
    await p.screenshot({ path: file });
    await p.setViewportSize({ width: 375, height: 812 });
  };
}
