/**
 * The needs subpackage (社区需求) in the built weapp package: its pages are registered in their own
 * subpackage and its code stays out of the main package; the list renders a compound's needs for a resident;
 * a need's page shows the timeline with the owner and expected date, and a tap on 满意 sends the rating and
 * shows the need confirmed; 我也需要 on a neighbour's need sends the support; the worker's inbox shows the
 * 红/黄/蓝 colours. WeChat's compilers check these pages with the rest of the package in weapp.test.ts.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { NeedView } from '../../shared/needs-api';
import { WeappRuntime, hasClass, textsOf, waitFor, walk, type PageHandle, type TaroNode } from './runtime';
import { CIRCLES } from './fixtures';

const DIST = path.resolve(__dirname, '..', '..', 'miniapp', 'dist', 'weapp');
const circle = CIRCLES.items[0];
const [xingfu] = circle.communities;

jest.setTimeout(30_000);

const need = (over: Partial<NeedView>): NeedView => ({
  id: 'n_lamp',
  circleId: circle.id,
  compoundId: xingfu.id,
  compoundName: xingfu.name,
  kind: 'public_facility',
  title: '3号楼前的路灯不亮',
  text: '晚上回家很黑，老人容易摔倒。',
  author: '张阿姨',
  state: 'submitted',
  stateName: '待受理',
  supports: 0,
  reopens: 0,
  escalated: false,
  inReview: false,
  createdAt: '2026-12-01T01:00:00.000Z',
  history: [],
  mine: false,
  supported: false,
  actions: [],
  ...over,
});
const resolvedHistory: NeedView['history'] = [
  { at: '2026-12-01T02:00:00.000Z', role: 'worker', action: 'accept', from: 'submitted', to: 'accepted', note: '已报物业', owner: '陈社工', expectedDate: '2026-12-31' },
  { at: '2026-12-02T02:00:00.000Z', role: 'worker', action: 'resolve', from: 'accepted', to: 'resolved', note: '物业已更换两盏路灯' },
];
const MINE_RESOLVED = need({ state: 'resolved', stateName: '已办结', supports: 3, mine: true, history: resolvedHistory, actions: ['confirm', 'reopen'] });
const MINE_CONFIRMED = need({
  ...MINE_RESOLVED,
  state: 'confirmed',
  stateName: '已确认',
  actions: [],
  history: [...resolvedHistory, { at: '2026-12-03T02:00:00.000Z', role: 'author', action: 'confirm', from: 'resolved', to: 'confirmed', rating: 'satisfied' }],
});
const NEIGHBOURS = need({ id: 'n_shoes', kind: 'missing_service', title: '小区附近没有修鞋配钥匙的', author: '王大哥', supports: 2 });

const session = (roles: string[], extra: Record<string, unknown> = {}) => ({
  token: 'token-smoke',
  expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
  user: { id: 'u_smoke', nickname: roles.includes('worker') ? '陈社工' : '张阿姨', roles, outlets: [], ...extra },
});

describe('社区需求 in the weapp build', () => {
  let rt: WeappRuntime | undefined;
  afterEach(() => {
    rt?.dispose();
    rt = undefined;
  });

  const helpers = (page: PageHandle) => ({
    text: () => textsOf(page.root()).join(''),
    byText: (cls: string, t: string) => [...walk(page.root())].find((n: TaroNode) => hasClass(n, cls) && textsOf(n).join('').includes(t)),
  });

  it('registers the needs pages in their own subpackage, and keeps their code out of the main package', () => {
    const app = JSON.parse(fs.readFileSync(path.join(DIST, 'app.json'), 'utf8'));
    const needs = app.subPackages.find((s: { root: string }) => s.root === 'packages/needs');
    expect(needs.pages).toEqual(['pages/list/index', 'pages/detail/index', 'pages/new/index', 'pages/inbox/index', 'pages/figures/index']);
    for (const p of needs.pages) expect(fs.existsSync(path.join(DIST, 'packages/needs', `${p}.wxml`))).toBe(true);
    // Words only the subpackage uses are in its scripts and nowhere in the main package's (the minifier
    // writes them as \\u escapes).
    const escaped = (w: string) => w.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
    const scripts = (dir: string) => fs.readdirSync(dir).filter((f) => f.endsWith('.js')).map((f) => fs.readFileSync(path.join(dir, f), 'utf8')).join('\n');
    const mainJs = scripts(DIST);
    const needsJs = [path.join(DIST, 'packages/needs'), ...needs.pages.map((p: string) => path.dirname(path.join(DIST, 'packages/needs', p)))].map(scripts).join('\n');
    for (const word of ['支持这条', '按时签收率', '邻居已经提过类似的']) {
      expect([needsJs.includes(word), needsJs.includes(escaped(word))]).toContain(true);
      expect([mainJs.includes(word), mainJs.includes(escaped(word))]).toEqual([false, false]);
    }
  });

  it("lists the compound's needs for a resident, with how many want each", async () => {
    rt = new WeappRuntime(DIST, [
      { method: 'GET', path: /\/circles$/, respond: () => ({ data: CIRCLES }) },
      { method: 'GET', path: new RegExp(`/circles/${circle.id}/needs$`), respond: () => ({ data: { items: [MINE_RESOLVED, NEIGHBOURS] } }) },
    ]);
    rt.storage.set('ykz.session', session(['resident']));
    rt.storage.set('ykz.place', { lat: xingfu.lat, lng: xingfu.lng, label: xingfu.name, source: 'community', communityId: xingfu.id, circleId: circle.id });
    rt.launch('pages/index/index');
    const page = rt.openPage('packages/needs/pages/list/index');
    const { text, byText } = helpers(page);
    await waitFor('the list', () => text().includes(MINE_RESOLVED.title) && text().includes(NEIGHBOURS.title), 5000, () => rt!.explain(page));
    expect(text()).toContain('3位居民也需要');
    expect(text()).toContain('我提交的');
    expect(['热榜', '最新', '我的'].every((t) => text().includes(t))).toBe(true);
    const [list] = rt.calledWith('request').filter((c) => String(c.args.url).includes('/needs'));
    const url = new URL(String(list.args.url));
    expect(Object.fromEntries(url.searchParams)).toEqual({ compoundId: xingfu.id, sort: 'hot' });
    expect(hasClass(byText('chip', xingfu.name)!, 'active')).toBe(true);
    expect(rt.errors).toEqual([]);
  });

  it("shows a resolved need's timeline to its author, and 满意 confirms it", async () => {
    let current = MINE_RESOLVED;
    rt = new WeappRuntime(DIST, [
      { method: 'GET', path: /\/needs\/n_lamp$/, respond: () => ({ data: current }) },
      {
        method: 'POST',
        path: /\/needs\/n_lamp\/actions$/,
        respond: () => {
          current = MINE_CONFIRMED;
          return { data: current };
        },
      },
    ]);
    rt.storage.set('ykz.session', session(['resident']));
    rt.launch('pages/index/index');
    const page = rt.openPage('packages/needs/pages/detail/index', { id: 'n_lamp' });
    const { text, byText } = helpers(page);
    await waitFor('the need', () => text().includes('办理进度'), 5000, () => rt!.explain(page));
    for (const t of ['居民提交诉求', '社区已受理', '承办人：陈社工', '预计办结：2026年12月31日', '物业已更换两盏路灯', '社区说已办结，您满意吗？', '没解决，申请重办']) expect(text()).toContain(t);
    const satisfied = byText('nut-button', '基本满意') && [...walk(page.root())].find((n) => hasClass(n, 'nut-button') && textsOf(n).join('') === '满意');
    if (!satisfied) throw new Error(`no 满意 button\n${rt.explain(page)}`);
    rt.tap(page, satisfied);
    await waitFor('the rating sent', () => rt!.calledWith('request').some((c) => c.args.method === 'POST' && String(c.args.url).endsWith('/needs/n_lamp/actions')), 3000, () => rt!.explain(page));
    await waitFor('the need confirmed', () => text().includes('评价：满意') && text().includes('已确认'), 3000, () => rt!.explain(page));
    expect(text()).not.toContain('社区说已办结，您满意吗？');
    expect(rt.errors).toEqual([]);
  });

  it("sends 我也需要 on a neighbour's need", async () => {
    let current = NEIGHBOURS;
    rt = new WeappRuntime(DIST, [
      { method: 'GET', path: /\/needs\/n_shoes$/, respond: () => ({ data: current }) },
      {
        method: 'POST',
        path: /\/needs\/n_shoes\/support$/,
        respond: () => {
          current = { ...NEIGHBOURS, supports: 3, supported: true };
          return { data: current };
        },
      },
    ]);
    rt.storage.set('ykz.session', session(['resident']));
    rt.launch('pages/index/index');
    const page = rt.openPage('packages/needs/pages/detail/index', { id: 'n_shoes' });
    const { text, byText } = helpers(page);
    const button = await waitFor('我也需要', () => byText('nut-button', '我也需要'), 5000, () => rt!.explain(page));
    rt.tap(page, button);
    await waitFor('the support counted', () => text().includes('✓ 您已支持') && text().includes('撤回支持'), 3000, () => rt!.explain(page));
    expect(rt.calledWith('request').some((c) => c.args.method === 'POST' && String(c.args.url).endsWith('/needs/n_shoes/support'))).toBe(true);
    expect(rt.errors).toEqual([]);
  });

  it("shows the worker's inbox by state with 红 / 黄 / 蓝", async () => {
    const sla = (colour: 'red' | 'yellow' | 'blue', overdue = false) => ({ signBy: '2026-12-02T01:00:00.000Z', replyBy: '2026-12-04T01:00:00.000Z', overdue, colour });
    const items = [
      need({ id: 'n_red', title: '楼道堆物挡住消防通道', sla: sla('red', true), actions: ['accept', 'markDuplicate', 'outOfScope', 'decline', 'hide'] }),
      need({ id: 'n_blue', title: '想要一个四点半课堂', state: 'accepted', stateName: '已受理', history: resolvedHistory.slice(0, 1), sla: sla('blue'), actions: ['plan', 'start', 'resolve', 'hide'] }),
    ];
    rt = new WeappRuntime(DIST, [{ method: 'GET', path: new RegExp(`/worker/circles/${circle.id}/needs$`), respond: () => ({ data: { items } }) }]);
    rt.storage.set('ykz.session', session(['resident', 'worker'], { circleId: circle.id }));
    rt.launch('pages/mine/index');
    const page = rt.openPage('packages/needs/pages/inbox/index');
    const { text, byText } = helpers(page);
    await waitFor('the inbox', () => text().includes('楼道堆物挡住消防通道') && text().includes('想要一个四点半课堂'), 5000, () => rt!.explain(page));
    expect(text()).toContain('签收期限：12月2日 09:00');
    expect(text()).toContain('已按时签收、答复');
    const red = [...walk(page.root())].find((n) => hasClass(n, 'sla-badge') && hasClass(n, 'sla-red') && textsOf(n).join('') === '红');
    expect(red).toBeDefined();
    const handle = byText('chip-button', '处理');
    if (!handle) throw new Error(`no 处理 button\n${rt.explain(page)}`);
    rt.tap(page, handle);
    await waitFor('the actions', () => byText('nut-button', '非本社区职责'), 3000, () => rt!.explain(page));
    rt.tap(page, byText('nut-button', '受理')!);
    await waitFor('the 受理 form', () => text().includes('承办人') && text().includes('预计办结日期') && text().includes('确认受理'), 3000, () => rt!.explain(page));
    expect(rt.errors).toEqual([]);
  });
});
