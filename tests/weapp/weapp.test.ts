/**
 * Checks of the built mini-program package (miniapp/dist/weapp, from `npm run build:weapp`) without
 * WeChat DevTools:
 *  1. static: pages, components and template/wxs references all resolve; tab pages in the main package;
 *     main package, subpackage and total sizes under the limits (figures printed and saved to artifacts/);
 *  2. WeChat's own compilers (wcc, wcsc) accept every WXML and WXSS file;
 *  3. runtime smoke: the built JS runs (App + home page) against a fake `wx`, renders the nearby list and
 *     the focus tiles, and a tap on a tile switches to the 找服务 tab; the 志愿 tab lists activities and
 *     opens one in the volunteer subpackage.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { checkPackage, LIMITS, sizeLines, type PackageReport } from './package-files';
import { compileWxml, compileWxss, loadCompiler, type Compiler } from './compilers';
import { WeappRuntime, hasClass, textsOf, waitFor, walk, type PageHandle, type TaroNode } from './runtime';
import { ACTIVITY, CIRCLES, FOCUS_NAMES, NEARBY, OUTLET_NAME } from './fixtures';

const REPO = path.resolve(__dirname, '..', '..');
const DIST = path.join(REPO, 'miniapp', 'dist', 'weapp');
const ARTIFACTS = path.join(REPO, 'artifacts');

jest.setTimeout(30_000);

const tmpDirs: string[] = [];
/** A throwaway copy of the package to break on purpose. */
function copyOfDist(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'weapp-broken-'));
  tmpDirs.push(dir);
  fs.cpSync(DIST, dir, { recursive: true });
  return dir;
}

beforeAll(() => {
  if (!fs.existsSync(path.join(DIST, 'app.json'))) {
    throw new Error(`no weapp build at ${DIST}: run \`npm run build:weapp\` before the weapp checks`);
  }
});
afterAll(() => {
  for (const d of tmpDirs) fs.rmSync(d, { recursive: true, force: true });
});

describe('static structure and size', () => {
  let report: PackageReport;
  beforeAll(() => {
    report = checkPackage(DIST);
  });

  it('declares pages, a subpackage and a main-package tab bar', () => {
    expect(report.app.pages).toContain('pages/index/index');
    expect(report.app.tabBar?.list.map((t) => t.pagePath)).toEqual(expect.arrayContaining(['pages/index/index']));
    expect(report.pages.length).toBeGreaterThan(report.app.pages.length);
  });

  it('every page, component, import, include and wxs reference resolves', () => {
    // One message listing every problem reads better than the first failure alone.
    expect(report.problems).toEqual([]);
  });

  it('is within the size limits', () => {
    const lines = sizeLines(report.sizes);
    for (const l of lines) console.log(l);
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    fs.writeFileSync(path.join(ARTIFACTS, 'weapp-size.txt'), lines.join('\n') + '\n');

    const { mainBytes, subPackages, totalBytes } = report.sizes;
    expect({ mainBytes, budget: LIMITS.mainBudget, ok: mainBytes <= LIMITS.mainBudget }).toMatchObject({ ok: true });
    expect(mainBytes).toBeLessThanOrEqual(LIMITS.main);
    for (const s of subPackages) expect({ root: s.root, bytes: s.bytes, ok: s.bytes <= LIMITS.subPackage }).toMatchObject({ ok: true });
    expect(totalBytes).toBeLessThanOrEqual(LIMITS.total);
    expect(mainBytes).toBeGreaterThan(0);
  });

  it('catches a broken package (so the check itself can fail)', () => {
    const dir = copyOfDist();
    const page = report.app.pages[0];
    fs.rmSync(path.join(dir, `${page}.wxml`));
    fs.rmSync(path.join(dir, 'comp.wxml'));
    fs.rmSync(path.join(dir, 'utils.wxs'));
    const app = JSON.parse(fs.readFileSync(path.join(dir, 'app.json'), 'utf8'));
    app.subPackages[0].pages.push('pages/ghost/index');
    const subPage = `${app.subPackages[0].root}/${app.subPackages[0].pages[0]}`;
    app.tabBar.list[0].pagePath = subPage;
    fs.writeFileSync(path.join(dir, 'app.json'), JSON.stringify(app));
    const problems = checkPackage(dir).problems.join('\n');
    expect(problems).toContain(`missing ${page}.wxml`);
    expect(problems).toMatch(/component <comp> .* missing \.wxml/);
    expect(problems).toMatch(/<wxs src="\.\/utils\.wxs"> → utils\.wxs does not exist/);
    expect(problems).toMatch(/page .*pages\/ghost\/index: missing/);
    expect(problems).toContain(`tabBar page ${subPage} is inside subpackage`);
  });
});

describe("WeChat's compilers (wcc, wcsc)", () => {
  let compiler: Compiler;
  let cleanup = () => {};
  beforeAll(() => {
    ({ compiler, cleanup } = loadCompiler());
  });
  afterAll(() => cleanup());

  it('compile every WXML (and WXS) file of the package', () => {
    const out = compileWxml(compiler, DIST);
    expect(out).toContain('$gwx');
    for (const p of checkPackage(DIST).pages) expect(out).toContain(`${p}.wxml`);
  });

  it('compile every WXSS file of the package', () => {
    const out = compileWxss(compiler, DIST);
    expect(out).toContain('setCssToHead');
    expect(out).toContain("'app.wxss'");
  });

  it('reject a broken WXML file', () => {
    const dir = copyOfDist();
    fs.appendFileSync(path.join(dir, 'pages', 'index', 'index.wxml'), '\n<view class="{{broken">\n<text>');
    expect(() => compileWxml(compiler, dir)).toThrow(/pages\/index\/index\.wxml/);
  });

  it('reject a broken WXSS file', () => {
    const dir = copyOfDist();
    fs.appendFileSync(path.join(dir, 'app.wxss'), '\n.broken { color: red;\n');
    expect(() => compileWxss(compiler, dir)).toThrow(/app\.wxss/);
  });
});

describe('runtime smoke: the built JS runs the home page', () => {
  let rt: WeappRuntime;
  let home: PageHandle;
  afterAll(() => rt?.dispose());

  const text = () => textsOf(home.root()).join('');
  const findNode = (pred: (n: TaroNode) => boolean) => {
    for (const n of walk(home.root())) if (pred(n)) return n;
    return undefined;
  };

  it('launches the app and renders nearby outlets and the focus tiles (location refused)', async () => {
    rt = new WeappRuntime(DIST, [
      { method: 'GET', path: /\/circles$/, respond: () => ({ data: CIRCLES }) },
      { method: 'GET', path: /\/outlets\/nearby$/, respond: () => ({ data: NEARBY }) },
    ]);
    const app = rt.launch('pages/index/index');
    expect(typeof app.onLaunch).toBe('function');
    home = rt.openPage('pages/index/index');
    expect(home.kind).toBe('Page');

    await waitFor(
      `the home page to show "${OUTLET_NAME}" and ${FOCUS_NAMES.join('/')}`,
      () => [OUTLET_NAME, ...FOCUS_NAMES].every((t) => text().includes(t)),
      5000,
      () => rt.explain(home),
    );
    const all = text();
    expect(all).toContain('钉鞋掌');
    expect(all).toContain('营业中 · 18:00打烊');
    // GPS was refused, so the list is around the first community and the page says so.
    expect(all).toContain(CIRCLES.items[0].communities[0].name);
    expect(all).toContain('没有获取到您的位置');
    expect(rt.calledWith('getLocation').length).toBeGreaterThan(0);

    const requests = rt.calledWith('request').map((c) => `${c.args.method} ${new URL(String(c.args.url)).pathname}`);
    expect(requests).toEqual(expect.arrayContaining(['GET /circles', 'GET /outlets/nearby']));
    const nearbyUrl = new URL(String(rt.calledWith('request').find((c) => String(c.args.url).includes('/outlets/nearby'))?.args.url));
    expect(nearbyUrl.protocol).toBe('https:');
    expect(Number(nearbyUrl.searchParams.get('lat'))).toBeCloseTo(CIRCLES.items[0].communities[0].lat, 6);
    expect(rt.errors).toEqual([]);
  });

  it('a tap on a focus tile switches to the 找服务 tab', async () => {
    expect(home).toBeDefined();
    const tiles = [...walk(home.root())].filter((n) => hasClass(n, 'focus-tile'));
    expect(tiles.map((t) => textsOf(t).join(''))).toEqual(FOCUS_NAMES.map((name) => expect.stringContaining(name)));

    rt.tap(home, tiles[0]);
    const [call] = await waitFor('wx.switchTab after tapping a focus tile', () => rt.calledWith('switchTab'), 3000, () => rt.explain(home));
    expect(call.args.url).toBe('/pages/category/index');
    expect(rt.errors).toEqual([]);
  });

  it('a tap on an outlet card opens its detail page in the subpackage', async () => {
    const card = findNode((n) => hasClass(n, 'outlet-card') && textsOf(n).join('').includes(OUTLET_NAME));
    if (!card) throw new Error(`no .outlet-card for ${OUTLET_NAME}\n${rt.explain(home)}`);
    rt.tap(home, card);
    const [call] = await waitFor('wx.navigateTo after tapping an outlet card', () => rt.calledWith('navigateTo'), 3000, () => rt.explain(home));
    expect(call.args.url).toBe(`/packages/outlet/pages/detail/index?id=${NEARBY.items[0].id}`);
    expect(rt.errors).toEqual([]);
  });
});

describe('runtime smoke: the 志愿 tab and a subpackage page of the volunteer section', () => {
  let rt: WeappRuntime;
  afterAll(() => rt?.dispose());

  it('lists nearby activities on the 志愿 tab and opens one from its subpackage', async () => {
    rt = new WeappRuntime(DIST, [
      { method: 'GET', path: /\/circles$/, respond: () => ({ data: CIRCLES }) },
      { method: 'GET', path: /\/activities$/, respond: () => ({ data: { items: [ACTIVITY] } }) },
      { method: 'GET', path: /\/activities\/a_smoke1$/, respond: () => ({ data: ACTIVITY }) },
    ]);
    rt.launch('pages/volunteer/index');
    const tab = rt.openPage('pages/volunteer/index');
    const text = () => textsOf(tab.root()).join('');
    await waitFor(`the 志愿 tab to list "${ACTIVITY.title}"`, () => text().includes(ACTIVITY.title), 5000, () => rt.explain(tab));
    expect(text()).toContain('还剩7个名额');
    const card = [...walk(tab.root())].find((n) => hasClass(n, 'activity-card'));
    if (!card) throw new Error(`no .activity-card\n${rt.explain(tab)}`);
    rt.tap(tab, card);
    const [call] = await waitFor('wx.navigateTo after tapping an activity', () => rt.calledWith('navigateTo'), 3000, () => rt.explain(tab));
    expect(call.args.url).toBe(`/packages/volunteer/pages/activity/index?id=${ACTIVITY.id}`);

    const detail = rt.openPage('packages/volunteer/pages/activity/index', { id: ACTIVITY.id });
    await waitFor('the activity page to render', () => textsOf(detail.root()).join('').includes(ACTIVITY.place), 5000, () => rt.explain(detail));
    expect(rt.errors).toEqual([]);
  });
});
