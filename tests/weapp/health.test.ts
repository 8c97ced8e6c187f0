/**
 * The circle-health subpackage in the built weapp package: 圈子体检 renders a report (computed by the real
 * rules over a small hand-built circle) for a signed-in worker, switches to an elder's pace, and exports the
 * CSV the WeChat way — wx.downloadFile with the session's token, then a tap that forwards the file to a chat
 * (wx.shareFileMessage), which the H5 e2e cannot reach; there is no print button in WeChat. A resident's
 * 我家附近有什么 renders their remembered compound. WeChat's compilers check these pages with the rest of the
 * package in weapp.test.ts.
 */
import fs from 'node:fs';
import path from 'node:path';
import { WeappRuntime, hasClass, textsOf, waitFor, walk, type PageHandle, type TaroNode } from './runtime';
import { CIRCLES } from './fixtures';
import { computeHealth } from '../../shared/health/report';
import { MOFCOM_PROFILE } from '../../shared/health/standards';
import type { CompoundView, HealthOutlet } from '../../shared/health/types';

const DIST = path.resolve(__dirname, '..', '..', 'miniapp', 'dist', 'weapp');
const circle = CIRCLES.items[0];
const [xingfu, heping] = circle.communities;

jest.setTimeout(30_000);

const allWeek = { windows: [{ days: [1, 2, 3, 4, 5, 6, 7], open: '07:00', close: '21:00' }] };
/** About `north` metres north of 幸福里小区. */
const at = (north: number) => ({ lat: xingfu.lat + north / 111_000, lng: xingfu.lng });
const OUTLETS: HealthOutlet[] = [
  { id: 'o-pharmacy', name: '惠民药店', categories: ['pharmacy'], ...at(150), hours: allWeek },
  { id: 'o-repair-1', name: '老周修鞋', categories: ['repair'], ...at(100), hours: allWeek },
  { id: 'o-repair-2', name: '巧手缝补', categories: ['repair'], ...at(-120), hours: allWeek },
];
const REPORT = {
  ...computeHealth({
    circleId: circle.id,
    circleName: circle.name,
    compounds: [
      { ...xingfu, households: 1800, residents: 4700, elderlyShare: 0.27 },
      { ...heping, households: 900, residents: 2300, elderlyShare: 0.4 },
    ],
    outlets: OUTLETS,
    profile: MOFCOM_PROFILE,
    now: new Date(),
  }),
  trend: null,
};
const SESSION = {
  token: 'token-worker',
  expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
  user: { id: 'u_worker', nickname: '陈社工', roles: ['resident', 'worker'], circleId: circle.id, outlets: [] },
};

describe('圈子体检 in the weapp build', () => {
  let rt: WeappRuntime;
  let page: PageHandle;
  afterAll(() => rt?.dispose());

  const text = () => textsOf(page.root()).join('');
  const find = (pred: (n: TaroNode) => boolean) => [...walk(page.root())].find(pred);
  const byText = (cls: string, t: string) => find((n) => hasClass(n, cls) && textsOf(n).join('').includes(t));

  it('registers the health pages in their own subpackage', () => {
    const app = JSON.parse(fs.readFileSync(path.join(DIST, 'app.json'), 'utf8'));
    const health = app.subPackages.find((s: { root: string }) => s.root === 'packages/health');
    expect(health.pages).toEqual(['pages/report/index', 'pages/compound/index', 'pages/around/index']);
    for (const p of health.pages) expect(fs.existsSync(path.join(DIST, 'packages/health', `${p}.wxml`))).toBe(true);
  });

  it('renders the grade, the heat table and the gaps, and switches to an elder pace', async () => {
    rt = new WeappRuntime(DIST, [
      { method: 'GET', path: /\/circles$/, respond: () => ({ data: CIRCLES }) },
      { method: 'GET', path: new RegExp(`/worker/circles/${circle.id}/health$`), respond: () => ({ data: REPORT }) },
    ]);
    rt.storage.set('ykz.session', SESSION);
    rt.launch('pages/mine/index');
    page = rt.openPage('packages/health/pages/report/index');
    await waitFor('the report', () => text().includes('缺什么补什么') && text().includes(REPORT.grade.label), 5000, () => rt.explain(page));
    expect(text()).toContain(`${REPORT.grade.points}分`);
    expect(text()).toContain(MOFCOM_PROFILE.rule);
    expect(text()).toContain('假设');
    // 药店: one within 8 minutes of 幸福里小区, so thin; the top gap says where one new outlet would reach most.
    expect(REPORT.compounds[0].cells[REPORT.types.findIndex((t) => t.type === 'pharmacy')].adult.window.status).toBe('thin');
    expect(text()).toMatch(/8分钟内只有1处：惠民药店/);
    expect(text()).toMatch(/建议：在.+新设一处可覆盖\d+位居民（其中\d+位老人）/);

    const elder = byText('chip', '长者步速');
    if (!elder) throw new Error(`no 长者步速 chip\n${rt.explain(page)}`);
    rt.tap(page, elder);
    await waitFor('the elder pace chosen', () => hasClass(byText('chip', '长者步速')!, 'active'), 3000, () => rt.explain(page));
    expect(text()).toContain('长者步速 · 时段内营业');
    expect(rt.errors).toEqual([]);
  });

  it('downloads the CSV with the token and forwards it to a chat on a tap; no print button', async () => {
    Object.assign(rt.wx, {
      downloadFile: (o: Record<string, unknown> & { success?(r: unknown): void; complete?(r: unknown): void }) => {
        rt.calls.push({ api: 'downloadFile', args: o });
        setTimeout(() => {
          const res = { statusCode: 200, tempFilePath: 'http://tmp/health.csv', errMsg: 'downloadFile:ok' };
          o.success?.(res);
          o.complete?.(res);
        }, 1);
        return { abort() {}, onProgressUpdate() {}, offProgressUpdate() {}, onHeadersReceived() {}, offHeadersReceived() {} };
      },
      shareFileMessage: (o: Record<string, unknown> & { success?(r: unknown): void; complete?(r: unknown): void }) => {
        rt.calls.push({ api: 'shareFileMessage', args: o });
        setTimeout(() => {
          o.success?.({ errMsg: 'shareFileMessage:ok' });
          o.complete?.({ errMsg: 'shareFileMessage:ok' });
        }, 1);
      },
    });
    expect(byText('nut-button', '打印报告')).toBeUndefined();
    expect(text()).toContain('小程序里不能直接打印');
    const exportButton = byText('nut-button', '导出表格（CSV）');
    if (!exportButton) throw new Error(`no 导出表格 button\n${rt.explain(page)}`);
    rt.tap(page, exportButton);
    const [download] = await waitFor('wx.downloadFile', () => rt.calledWith('downloadFile'), 3000, () => rt.explain(page));
    const url = new URL(String(download.args.url));
    expect(url.pathname).toBe(`/worker/circles/${circle.id}/health.csv`);
    expect(url.searchParams.get('profile')).toBe('mofcom2021');
    expect(download.args.header).toEqual({ authorization: 'Bearer token-worker' });

    const share = await waitFor('the 转发 button', () => byText('nut-button', '转发到微信聊天'), 3000, () => rt.explain(page));
    rt.tap(page, share);
    const [call] = await waitFor('wx.shareFileMessage', () => rt.calledWith('shareFileMessage'), 3000, () => rt.explain(page));
    expect(call.args.filePath).toBe('http://tmp/health.csv');
    expect(String(call.args.fileName)).toMatch(/^测试街道一刻钟生活圈体检-mofcom2021-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(rt.errors).toEqual([]);
  });
});

describe('我家附近有什么 in the weapp build', () => {
  let rt: WeappRuntime;
  afterAll(() => rt?.dispose());

  it("shows the remembered compound's services within 15 minutes and those beyond", async () => {
    const view: CompoundView = {
      circleId: circle.id,
      compound: { id: heping.id, name: heping.name },
      within: [{ type: 'repair', name: '维修点', nearest: { id: 'o-repair-1', name: '老周修鞋', minutes: 6, elderMinutes: 8, unverified: false, closed: false } }],
      missing: [{ type: 'elder_care', name: '养老服务站（日间照料）', nearest: null }],
    };
    rt = new WeappRuntime(DIST, [
      { method: 'GET', path: /\/circles$/, respond: () => ({ data: CIRCLES }) },
      { method: 'GET', path: new RegExp(`/circles/${circle.id}/communities/${heping.id}/health$`), respond: () => ({ data: view }) },
    ]);
    rt.storage.set('ykz.healthCompound', { circleId: circle.id, compoundId: heping.id });
    rt.launch('pages/mine/index');
    const page = rt.openPage('packages/health/pages/around/index');
    const text = () => textsOf(page.root()).join('');
    await waitFor('the resident view', () => text().includes('步行15分钟内还没有') && text().includes('老周修鞋'), 5000, () => rt.explain(page));
    expect(text()).toContain(`${heping.name} · 步行15分钟内有`);
    expect(text()).toContain('养老服务站（日间照料）');
    expect(text()).toContain('步行30分钟内也没有');
    expect(rt.errors).toEqual([]);
  });
});
