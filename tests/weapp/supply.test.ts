/**
 * The supply subpackage in the built weapp package: 我要入驻 renders for a signed-in resident, and its pin
 * comes from WeChat's own map picker (wx.chooseLocation, which the H5 e2e cannot reach) — the position and
 * the picked address land in the form. The app declares chooseLocation as a private-info API, as WeChat
 * requires before it may be called.
 */
import fs from 'node:fs';
import path from 'node:path';
import { WeappRuntime, hasClass, textsOf, waitFor, walk, type PageHandle, type TaroNode } from './runtime';
import { CIRCLES } from './fixtures';

const DIST = path.resolve(__dirname, '..', '..', 'miniapp', 'dist', 'weapp');
const [community] = CIRCLES.items[0].communities;

jest.setTimeout(30_000);

describe('我要入驻 in the weapp build', () => {
  let rt: WeappRuntime;
  let apply: PageHandle;
  afterAll(() => rt?.dispose());

  const text = () => textsOf(apply.root()).join('');
  const find = (pred: (n: TaroNode) => boolean) => [...walk(apply.root())].find(pred);

  it('declares wx.chooseLocation and registers the supply pages', () => {
    const app = JSON.parse(fs.readFileSync(path.join(DIST, 'app.json'), 'utf8'));
    expect(app.requiredPrivateInfos).toEqual(expect.arrayContaining(['getLocation', 'chooseLocation']));
    const supply = app.subPackages.find((s: { root: string }) => s.root === 'packages/supply');
    expect(supply.pages).toEqual(expect.arrayContaining(['pages/apply/index', 'pages/outlet/index', 'pages/review/index', 'pages/reports/index', 'pages/manage/index']));
  });

  it('renders the form for a signed-in resident and takes the pin from the map picker', async () => {
    rt = new WeappRuntime(DIST, [
      { method: 'GET', path: /\/circles$/, respond: () => ({ data: CIRCLES }) },
      { method: 'GET', path: /\/merchant\/applications$/, respond: () => ({ data: { items: [] } }) },
    ]);
    rt.storage.set('ykz.session', {
      token: 'token-smoke',
      expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
      user: { id: 'u_smoke', nickname: '周师傅', roles: ['resident'], outlets: [] },
    });
    rt.storage.set('ykz.place', { lat: community.lat, lng: community.lng, label: community.name, source: 'community', communityId: community.id, circleId: CIRCLES.items[0].id });
    Object.assign(rt.wx, {
      chooseLocation: (o: Record<string, (r: unknown) => void>) => {
        rt.calls.push({ api: 'chooseLocation', args: o });
        // About 70 m east and 70 m north of the community, as a merchant would drop the pin on their door.
        setTimeout(() => o.success?.({ latitude: community.lat + 0.0006, longitude: community.lng + 0.0007, name: '老周修鞋', address: '幸福路12号门口', errMsg: 'chooseLocation:ok' }), 1);
      },
    });
    rt.launch('pages/mine/index');
    apply = rt.openPage('packages/supply/pages/apply/index');
    await waitFor('the application form', () => ['网点信息', '网点位置', '营业时间', '收费项目（明码标价）', '经营依据'].every((t) => text().includes(t)), 5000, () => rt.explain(apply));
    expect(text()).toContain('还没有选位置');

    const picker = find((n) => hasClass(n, 'nut-button') && textsOf(n).join('').includes('在地图上选位置'));
    if (!picker) throw new Error(`no 在地图上选位置 button\n${rt.explain(apply)}`);
    rt.tap(apply, picker);
    await waitFor('wx.chooseLocation', () => rt.calledWith('chooseLocation'), 3000, () => rt.explain(apply));
    await waitFor('the pin from the picker', () => text().includes(`📍 ${community.name}以东约70米、以北约70米`), 3000, () => rt.explain(apply));
    // The address box took the picked address (Taro shortens attribute names, so look at every value).
    const address = find((n) => Object.values(n).includes('幸福路12号门口'));
    expect(address).toBeDefined();
    expect(rt.errors).toEqual([]);
  });
});
