/**
 * The weapp map in the built package (npm run build:weapp): the home tab's 列表 / 地图 switch, the native
 * `map` with one marker per outlet (category icons that exist in the package, joinCluster), WeChat's
 * clustering switched on, and a marker tap opening the card whose buttons call and navigate. The icons
 * the package carries are the ones miniapp/scripts/icons.ts draws, and stay tiny.
 */
import fs from 'node:fs';
import path from 'node:path';
import { MARKER_STYLES, styleFileName } from '../../shared/map/style';
import { renderIcons, SRC } from '../../miniapp/scripts/icons';
import { WeappRuntime, hasClass, textsOf, waitFor, walk, type PageHandle, type TaroNode } from './runtime';
import { CIRCLES, NEARBY_MANY, OUTLET_DETAIL } from './fixtures';

const DIST = path.resolve(__dirname, '..', '..', 'miniapp', 'dist', 'weapp');

jest.setTimeout(30_000);

/** Which data key of a node the built template reads for each attribute of <map> (Taro shortens them). */
function mapAttributeKeys(): Record<string, string> {
  const tag = fs.readFileSync(path.join(DIST, 'base.wxml'), 'utf8').match(/<map\s[^>]*>/)?.[0] ?? '';
  return Object.fromEntries([...tag.matchAll(/([\w-]+)="\{\{(?:xs\.\w\()?i\.(\w+)/g)].map((m) => [m[1], m[2]]));
}

describe('the native map on the home tab', () => {
  let rt: WeappRuntime;
  let home: PageHandle;
  const clusterCalls: unknown[] = [];
  afterAll(() => rt?.dispose());

  const find = (pred: (n: TaroNode) => boolean) => [...walk(home.root())].find(pred);
  const text = () => textsOf(home.root()).join('');

  it('switches from the list to the map and remembers it', async () => {
    rt = new WeappRuntime(DIST, [
      { method: 'GET', path: /\/circles$/, respond: () => ({ data: CIRCLES }) },
      { method: 'GET', path: /\/outlets\/nearby$/, respond: () => ({ data: NEARBY_MANY }) },
      { method: 'GET', path: /\/outlets\/outlet-zhou$/, respond: () => ({ data: OUTLET_DETAIL }) },
    ]);
    Object.assign(rt.wx, {
      createMapContext: (id: string) => ({ initMarkerCluster: (o: unknown) => clusterCalls.push({ id, ...(o as object) }) }),
      openLocation: (o: Record<string, unknown>) => rt.calls.push({ api: 'openLocation', args: o }),
      makePhoneCall: (o: Record<string, unknown>) => rt.calls.push({ api: 'makePhoneCall', args: o }),
    });
    rt.launch('pages/index/index');
    home = rt.openPage('pages/index/index');
    await waitFor('the list with its 列表/地图 switch', () => text().includes(NEARBY_MANY.items[0].name) && find((n) => hasClass(n, 'view-toggle')), 5000, () => rt.explain(home));
    expect(find((n) => hasClass(n, 'native-map'))).toBeUndefined();

    const toMap = find((n) => hasClass(n, 'view-toggle-item') && textsOf(n).join('') === '地图')!;
    rt.tap(home, toMap);
    await waitFor('the native map', () => find((n) => hasClass(n, 'native-map')), 5000, () => rt.explain(home));
    expect(rt.storage.get('ykz.nearbyView')).toBe('map');
    expect(rt.errors).toEqual([]);
  });

  it('puts every outlet on it as a clustered marker with its category icon, inside the rings', async () => {
    const keys = mapAttributeKeys();
    const map = find((n) => hasClass(n, 'native-map'))!;
    const markers = map[keys.markers] as Array<Record<string, unknown>>;
    const outlets = markers.filter((m) => m.joinCluster);
    expect(outlets).toHaveLength(NEARBY_MANY.items.length);
    expect(outlets.map((m) => [m.latitude, m.longitude])).toEqual(NEARBY_MANY.items.map((o) => [o.lat, o.lng]));
    expect(outlets[0]).toMatchObject({ id: 1, iconPath: '/assets/map/repair.png', width: 36, height: 36 });
    for (const m of markers) expect(fs.existsSync(path.join(DIST, String(m.iconPath)))).toBe(true);
    // The user's place and six ring names ride along unclustered.
    expect(markers.filter((m) => !m.joinCluster).map((m) => (m.label as { content?: string } | undefined)?.content)).toEqual(
      [undefined, '5分钟', '10分钟', '15分钟', '老人5分钟', '老人10分钟', '老人15分钟'],
    );
    expect((map[keys.circles] as Array<{ radius: number }>).map((c) => c.radius)).toEqual([300, 600, 900]);
    expect(map[keys.polygons] as unknown[]).toHaveLength(3);
    await waitFor('initMarkerCluster', () => clusterCalls.length > 0, 3000, () => rt.explain(home));
    expect(clusterCalls[0]).toMatchObject({ id: 'nearby-map', enableDefaultStyle: true, zoomOnClick: true, gridSize: 60 });
  });

  it('opens the card on a marker tap; its buttons call and navigate', async () => {
    const map = find((n) => hasClass(n, 'native-map'))!;
    const eh = home.instance.eh as (e: unknown) => void;
    const target = { id: map.uid || map.sid, dataset: { sid: map.sid } };
    eh.call(home.instance, { type: 'markertap', detail: { markerId: 1 }, target, currentTarget: target, timeStamp: Date.now() });
    const card = await waitFor('the card', () => find((n) => hasClass(n, 'map-card')), 3000, () => rt.explain(home));
    const cardText = () => textsOf(find((n) => hasClass(n, 'map-card'))).join('');
    expect(cardText()).toContain(NEARBY_MANY.items[0].name);
    expect(cardText()).toMatch(/步行约3分钟 · 老人约5分钟/);
    expect(cardText()).toContain('营业中');
    expect(cardText()).toContain('钉鞋掌 10元');
    await waitFor('the phone number to arrive', () => cardText().includes('拨打电话'), 3000, () => rt.explain(home));

    const button = (label: string) => [...walk(card)].find((n) => hasClass(n, 'nut-button') && textsOf(n).join('').includes(label))!;
    rt.tap(home, button('到这里去'));
    rt.tap(home, button('拨打电话'));
    await waitFor('openLocation and makePhoneCall', () => rt.calledWith('openLocation').length && rt.calledWith('makePhoneCall').length, 3000, () => rt.explain(home));
    expect(rt.calledWith('openLocation')[0].args).toMatchObject({ latitude: NEARBY_MANY.items[0].lat, longitude: NEARBY_MANY.items[0].lng, name: NEARBY_MANY.items[0].name });
    expect(rt.calledWith('makePhoneCall')[0].args).toMatchObject({ phoneNumber: OUTLET_DETAIL.phone });
    expect(rt.errors).toEqual([]);
  });
});

describe('the icons in the package', () => {
  it('are the ones the icon script draws, byte for byte, each under 2 KB', () => {
    for (const icon of renderIcons()) {
      expect({ file: icon.file, same: fs.readFileSync(path.join(SRC, icon.file)).equals(icon.png) }).toEqual({ file: icon.file, same: true });
      expect(icon.png.length).toBeLessThan(2048);
    }
  });

  it('has a marker for every map style and every tab icon the app declares', () => {
    for (const s of MARKER_STYLES) expect(fs.existsSync(path.join(DIST, 'assets', 'map', `${styleFileName(s.key)}.png`))).toBe(true);
    const app = JSON.parse(fs.readFileSync(path.join(DIST, 'app.json'), 'utf8')) as { tabBar: { list: Array<{ iconPath?: string; selectedIconPath?: string }> } };
    for (const t of app.tabBar.list) {
      for (const p of [t.iconPath, t.selectedIconPath]) expect(p && fs.existsSync(path.join(DIST, p))).toBe(true);
    }
  });
});
