/**
 * The H5 map with every request that is not to 127.0.0.1 blocked and counted: a resident switches the home
 * tab to 地图, sees the walking rings and the outlets around their community, taps a marker for its card,
 * opens a cluster, pans and zooms; the choice is remembered on 找服务 too; then the same in large-text
 * mode. No external request may even be attempted (no tiles, no map SDK). Screenshots go to artifacts/.
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { usePhone, h5Url, openRoute, ARTIFACTS, externalRequests } from '../support/browser';

jest.setTimeout(120_000);

const phone = usePhone();
let page: Page;
let external: string[] = [];
beforeAll(() => {
  page = phone.page();
  external = externalRequests(page);
});

const home = '.page.home';

/** A single marker that is on top at its own centre (so a tap lands on it), with its outlet's name. */
async function tappableMarker(scope: string): Promise<{ id: string; name: string; x: number; y: number }> {
  const found = await page.locator(`${scope} .map-marker.single`).evaluateAll((els) => {
    for (const el of els) {
      const r = el.getBoundingClientRect();
      const x = r.left + r.width / 2;
      const y = r.top + r.height / 2;
      if (document.elementFromPoint(x, y)?.closest('.map-marker') === el && y < window.innerHeight * 0.55) {
        return { id: el.getAttribute('data-outlet-id')!, name: el.getAttribute('aria-label')!, x, y };
      }
    }
    return null;
  });
  if (!found) throw new Error('no tappable single marker on the map');
  return found;
}

/** Waits until `probe` answers something `ok` accepts (jest has no expect.poll). */
async function until<T>(what: string, probe: () => Promise<T>, ok: (v: T) => boolean, ms = 5000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (ok(v)) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what} (last: ${JSON.stringify(v)})`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const markerCount = () => page.locator(`${home} .map-marker`).count();
const outletsOnMap = () => page.locator(`${home} .map-marker`).evaluateAll((els) => els.reduce((s, e) => s + Number(e.getAttribute('data-count')), 0));

it('shows the circle on the map, with a card for a tapped outlet, and no request leaves the machine', async () => {
  await page.goto(h5Url());
  await page.locator('[data-testid="pick-community"]').click();
  await page.locator('.picker-community', { hasText: '书香里' }).click();
  await page.locator(`${home} .place-label`, { hasText: '书香里' }).waitFor();
  await page.locator(`${home} .outlet-card`).first().waitFor();
  // Tab bar icons are real images now, not empty boxes.
  const icons = await page.locator('.taro-tabbar__icon, .weui-tabbar__icon').evaluateAll((els) => els.map((e) => (e as HTMLImageElement).naturalWidth ?? e.getBoundingClientRect().width));
  expect(icons.length).toBe(4);
  expect(icons.every((w) => w > 0)).toBe(true);

  await page.locator(`${home} .view-toggle-item[data-view="map"]`).click();
  await page.locator(`${home} .schematic-map svg`).waitFor();
  await page.locator(`${home} .list-head`).evaluate((e) => e.scrollIntoView({ block: 'start' }));
  await expect(page.locator(`${home} .outlet-card`).count()).resolves.toBe(0);

  // The six rings (adult solid, elder dashed), labelled.
  const rings = await page.locator(`${home} .map-ring-label`).evaluateAll((els) => els.map((e) => e.textContent));
  expect(rings).toEqual(['5分钟', '10分钟', '15分钟', '老人5分钟', '老人10分钟', '老人15分钟']);
  await expect(page.locator(`${home} .map-ring.elder circle`).first().getAttribute('stroke-dasharray')).resolves.toBeTruthy();
  await expect(page.locator(`${home} .map-you`).count()).resolves.toBe(1);
  const total = Number((await page.locator(`${home} .section-count`).innerText()).replace(/\D/g, ''));
  expect(total).toBeGreaterThan(20);
  expect(await markerCount()).toBeGreaterThanOrEqual(8);
  // Every outlet of the answer is on the map, alone or in a cluster.
  expect(await outletsOnMap()).toBe(total);
  await expect(page.locator(`${home} .map-legend`).innerText()).resolves.toContain('小修小补');
  await page.screenshot({ path: path.join(ARTIFACTS, 'e2e-map.png') });

  const marker = await tappableMarker(home);
  const started = Date.now();
  await page.touchscreen.tap(marker.x, marker.y);
  const card = page.locator(`${home} .map-card[data-outlet-id="${marker.id}"]`);
  await card.waitFor();
  const tapToCardMs = Date.now() - started;
  await expect(card.locator('.map-card-name').innerText()).resolves.toBe(marker.name);
  await expect(card.innerText()).resolves.toMatch(/步行约\d+分钟 · 老人约\d+分钟/);
  await expect(card.innerText()).resolves.toMatch(/营业中|休息中/);
  await card.locator('.nut-button', { hasText: '拨打电话' }).waitFor();
  await page.screenshot({ path: path.join(ARTIFACTS, 'e2e-map-card.png') });
  console.log(`tap_to_card_ms: ${tapToCardMs}`);
  await card.locator('.map-card-close').click();
  await card.waitFor({ state: 'detached' });

  // A cluster opens up when tapped: the map zooms in and shows more, smaller groups.
  const cluster = page.locator(`${home} .map-marker.cluster`).first();
  if (await cluster.count()) {
    const scaleNote = () => page.locator(`${home} .map-scale`).evaluate((e) => e.textContent);
    const before = await scaleNote();
    await cluster.click();
    await until('the map to zoom in', scaleNote, (t) => t !== before);
  }

  // Pan by dragging, zoom with the buttons.
  await page.locator(`${home} .map-controls [aria-label="回到我的位置"]`).click();
  const you = () => page.locator(`${home} .map-you circle`).first().evaluate((c) => [Number(c.getAttribute('cx')), Number(c.getAttribute('cy'))]);
  const [x0, y0] = await you();
  const box = (await page.locator(`${home} .schematic-map`).boundingBox())!;
  await page.mouse.move(box.x + 60, box.y + 200);
  await page.mouse.down();
  await page.mouse.move(box.x + 110, box.y + 170, { steps: 5 });
  await page.mouse.up();
  const [x1, y1] = await you();
  expect([Math.round(x1 - x0), Math.round(y1 - y0)]).toEqual([50, -30]);
  const ring15 = () => page.locator(`${home} .map-ring.adult[data-minutes="15"] circle`).getAttribute('r').then(Number);
  const r0 = await ring15();
  await page.locator(`${home} .map-controls [aria-label="放大"]`).click();
  expect(await ring15()).toBeCloseTo(r0 * 2, 3);

  // Remembered: after a reload, and on 找服务 as well.
  await openRoute(page, '/pages/index/index');
  await page.locator(`${home} .schematic-map svg`).waitFor();
  await openRoute(page, '/pages/category/index');
  await page.locator('.page.browse .schematic-map .map-marker').first().waitFor();
  await page.locator('.page.browse .chip[data-category="repair"]').click();
  await until('the repair stalls on the map', () => page.locator('.page.browse .map-legend').innerText(), (t) => t.includes('小修小补') && !t.includes('早餐'));

  expect(external).toEqual([]);
});

it('large-text mode: markers of at least 44 px and at most 20 labels', async () => {
  await openRoute(page, '/pages/mine/index');
  await page.locator('.page.mine .setting-row', { hasText: '大字模式' }).click();
  await page.locator('.page.mine .switch.on').waitFor();
  await openRoute(page, '/pages/index/index');
  await page.locator('.page.home.large .schematic-map .map-marker').first().waitFor();
  await page.locator(`${home} .list-head`).evaluate((e) => e.scrollIntoView({ block: 'start' }));
  await page.screenshot({ path: path.join(ARTIFACTS, 'e2e-map-large.png') });
  // Zoomed in far enough that some outlets stand alone.
  for (let i = 0; i < 3 && !(await page.locator(`${home} .map-marker.single`).count()); i++) await page.locator(`${home} [aria-label="放大"]`).click();
  // Each marker spans at least 44 px, whatever its shape (a triangle is wider than it is tall).
  const sizes = await page.locator(`${home} .map-marker.single path`).evaluateAll((els) => els.map((e) => Math.max(e.getBoundingClientRect().width, e.getBoundingClientRect().height)));
  expect(sizes.length).toBeGreaterThan(0);
  expect(Math.min(...sizes)).toBeGreaterThanOrEqual(44);
  const hits = await page.locator(`${home} .map-marker > circle:first-child`).evaluateAll((els) => els.map((e) => e.getBoundingClientRect().width));
  expect(Math.min(...hits)).toBeGreaterThanOrEqual(44);
  const labels = await page.locator(`${home} .map-label`).count();
  expect(labels).toBeGreaterThan(0);
  expect(labels).toBeLessThanOrEqual(20);
  await page.screenshot({ path: path.join(ARTIFACTS, 'e2e-map-large-zoomed.png') });

  const marker = await tappableMarker(home);
  await page.touchscreen.tap(marker.x, marker.y);
  await page.locator(`${home} .map-card[data-outlet-id="${marker.id}"] .nut-button`, { hasText: '拨打电话' }).waitFor();
  await page.screenshot({ path: path.join(ARTIFACTS, 'e2e-map-card-large.png') });
  expect(external).toEqual([]);
});
