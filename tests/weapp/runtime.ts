/**
 * A tiny stand-in for the WeChat JS runtime, enough to run Taro's built output in Node: the built files are
 * evaluated in a `vm` context with `wx` (miniprogram-simulate's API mocks plus fixtures), App/Page/Component,
 * getApp/getCurrentPages and a CommonJS `require` over dist/weapp. Pages get `setData` that merges Taro's
 * path keys ('root.cn.[0].cn.[2].v') into a data object, which is what the WXML templates would render.
 *
 * Taro 4 internals relied on (see node_modules/@tarojs/runtime/dist): page config from createPageConfig
 * (onLoad mounts the React tree, then the root element calls page.setData), the single event entry `eh`
 * (looks the node up by currentTarget.dataset.sid || currentTarget.id), the node shortcuts nn (node name),
 * cn (child nodes), v (text), cl (class), sid/uid (ids), and weapp's 'click' → 'tap' event mapping.
 */
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';

export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

export interface TaroNode {
  nn?: string;
  v?: string;
  cl?: string;
  sid?: string;
  uid?: string;
  cn?: TaroNode[];
  [k: string]: unknown;
}

export interface WxCall {
  api: string;
  args: Record<string, unknown>;
}

type Options = Record<string, unknown> & { success?: (r: unknown) => void; fail?: (r: unknown) => void; complete?: (r: unknown) => void };
type AnyFn = (...args: unknown[]) => unknown;
type Config = Record<string, unknown>;

export interface Route {
  method: string;
  /** Matched against the URL's pathname (any host, any base path). */
  path: RegExp;
  respond(url: URL): { statusCode?: number; data: unknown };
}

export interface PageHandle {
  route: string;
  kind: 'Page' | 'Component';
  config: Config;
  instance: Config & { data: Record<string, unknown> };
  /** Every setData call, in order. */
  setDataCalls: Array<Record<string, unknown>>;
  root(): TaroNode;
}

/** Sets one setData key path ('a.b[0].c', 'a.b.[0].c') into obj, as WeChat does. */
export function setPath(obj: Record<string, unknown>, key: string, value: unknown): void {
  const parts: Array<string | number> = [];
  for (const m of key.matchAll(/\[(\d+)\]|[^.[\]]+/g)) parts.push(m[1] !== undefined ? Number(m[1]) : m[0]);
  if (parts.length === 0) throw new Error(`setData: empty key "${key}"`);
  let o = obj as Record<string | number, unknown>;
  for (let i = 0; i < parts.length - 1; i++) {
    const next = o[parts[i]];
    if (next === null || typeof next !== 'object') o[parts[i]] = typeof parts[i + 1] === 'number' ? [] : {};
    o = o[parts[i]] as Record<string | number, unknown>;
  }
  o[parts[parts.length - 1]] = value;
}

/** Depth-first over a rendered Taro tree. */
export function* walk(node: TaroNode | undefined): Generator<TaroNode> {
  if (!node || typeof node !== 'object') return;
  yield node;
  for (const c of node.cn ?? []) yield* walk(c);
}

/** All text of a subtree, in document order. */
export function textsOf(node: TaroNode | undefined): string[] {
  const out: string[] = [];
  for (const n of walk(node)) if (typeof n.v === 'string') out.push(n.v);
  return out;
}

export function hasClass(node: TaroNode, cls: string): boolean {
  return typeof node.cl === 'string' && node.cl.split(/\s+/).includes(cls);
}

export async function waitFor<T>(what: string, probe: () => T | undefined | null | false, timeoutMs: number, explain: () => string): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = probe();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}\n${explain()}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

export class WeappRuntime {
  readonly calls: WxCall[] = [];
  readonly errors: string[] = [];
  readonly storage = new Map<string, unknown>();
  appConfig: Config | null = null;
  readonly pages: PageHandle[] = [];
  private readonly registered: Array<{ kind: 'Page' | 'Component'; config: Config }> = [];
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly intervals = new Set<NodeJS.Timeout>();
  private readonly modules = new Map<string, { exports: unknown }>();
  private readonly context: vm.Context;
  private readonly onRejection = (reason: unknown) => this.errors.push(`unhandled rejection: ${show(reason)}`);
  readonly wx: Record<string, unknown>;

  constructor(
    readonly root: string,
    routes: Route[],
  ) {
    const simulate = require('miniprogram-simulate/src/api') as Record<string, unknown>;
    this.wx = { ...simulate, ...this.fixtureApis(routes) };
    const guard = (fn: AnyFn, args: unknown[]) => {
      try {
        fn(...args);
      } catch (e) {
        this.errors.push(`uncaught in timer: ${show(e)}`);
      }
    };
    const quiet = (level: string) => (...args: unknown[]) => {
      if (level === 'error') this.errors.push(`console.error: ${args.map(show).join(' ')}`);
    };
    const sandbox: Record<string, unknown> = {
      wx: this.wx,
      console: { log: quiet('log'), info: quiet('info'), debug: quiet('debug'), warn: quiet('warn'), error: quiet('error') },
      setTimeout: (fn: AnyFn, ms?: number, ...args: unknown[]) => {
        const h = setTimeout(() => {
          this.timers.delete(h);
          guard(fn, args);
        }, ms);
        this.timers.add(h);
        return h;
      },
      clearTimeout: (h: NodeJS.Timeout) => {
        this.timers.delete(h);
        clearTimeout(h);
      },
      setInterval: (fn: AnyFn, ms?: number, ...args: unknown[]) => {
        const h = setInterval(() => guard(fn, args), ms);
        this.intervals.add(h);
        return h;
      },
      clearInterval: (h: NodeJS.Timeout) => {
        this.intervals.delete(h);
        clearInterval(h);
      },
      App: (config: Config) => {
        if (this.appConfig) this.errors.push('App() called twice');
        this.appConfig = config;
      },
      Page: (config: Config) => this.registered.push({ kind: 'Page', config }),
      Component: (config: Config) => this.registered.push({ kind: 'Component', config }),
      getApp: () => this.appConfig,
      getCurrentPages: () => this.pages.map((p) => p.instance),
    };
    this.context = vm.createContext(sandbox);
    process.on('unhandledRejection', this.onRejection);
  }

  /** The wx APIs the app uses, answered from fixtures and recorded. */
  private fixtureApis(routes: Route[]): Record<string, unknown> {
    const record = (api: string, args: Record<string, unknown>) => this.calls.push({ api, args });
    const later = (o: Options | undefined, ok: boolean, res: Record<string, unknown>) => {
      this.later(() => {
        if (ok) o?.success?.(res);
        else o?.fail?.(res);
        o?.complete?.(res);
      });
    };
    const nav = (api: string) => (o: Options = {}) => {
      record(api, { url: o.url });
      later(o, true, { errMsg: `${api}:ok` });
    };
    const selectorQuery = () => {
      const q: Record<string, unknown> = {};
      for (const m of ['in', 'select', 'selectAll', 'selectViewport', 'boundingClientRect', 'scrollOffset', 'fields', 'node', 'context']) q[m] = () => q;
      q.exec = (cb?: (r: unknown[]) => void) => this.later(() => cb?.([]));
      return q;
    };
    return {
      request: (o: Options) => {
        const method = String(o.method ?? 'GET').toUpperCase();
        record('request', { method, url: o.url });
        const url = new URL(String(o.url), 'https://weapp.invalid');
        const route = routes.find((r) => r.method === method && r.path.test(url.pathname));
        const answer = route ? route.respond(url) : { statusCode: 404, data: { error: { code: 'NOT_FOUND', message: `no fixture for ${method} ${url.pathname}` } } };
        // Data crosses into the vm's realm as WeChat would deliver it: freshly parsed JSON.
        const data = vm.runInContext(`JSON.parse(${JSON.stringify(JSON.stringify(answer.data))})`, this.context);
        later(o, true, { data, statusCode: answer.statusCode ?? 200, header: { 'content-type': 'application/json' }, cookies: [], errMsg: 'request:ok' });
        return { abort() {}, onHeadersReceived() {}, offHeadersReceived() {}, onChunkReceived() {}, offChunkReceived() {} };
      },
      // The resident refused the location permission.
      getLocation: (o: Options = {}) => {
        record('getLocation', { type: o.type });
        later(o, false, { errMsg: 'getLocation:fail auth deny', errno: 103 });
      },
      getStorageSync: (key: string) => (this.storage.has(key) ? this.storage.get(key) : ''),
      setStorageSync: (key: string, value: unknown) => void this.storage.set(key, value),
      removeStorageSync: (key: string) => void this.storage.delete(key),
      clearStorageSync: () => this.storage.clear(),
      getSystemInfoSync: () => ({ ...(SYSTEM_INFO as object) }),
      getWindowInfo: () => ({ pixelRatio: 3, screenWidth: 390, screenHeight: 844, windowWidth: 390, windowHeight: 763, statusBarHeight: 47, safeArea: { left: 0, right: 390, top: 47, bottom: 810, width: 390, height: 763 }, screenTop: 0 }),
      getAppBaseInfo: () => ({ SDKVersion: '3.4.0', version: '8.0.50', language: 'zh_CN', theme: 'light', fontSizeSetting: 16, enableDebug: false, host: { env: 'WeChat' } }),
      createSelectorQuery: selectorQuery,
      switchTab: nav('switchTab'),
      navigateTo: nav('navigateTo'),
      redirectTo: nav('redirectTo'),
      reLaunch: nav('reLaunch'),
      navigateBack: (o: Options = {}) => {
        record('navigateBack', { delta: o.delta });
        later(o, true, { errMsg: 'navigateBack:ok' });
      },
      stopPullDownRefresh: (o: Options = {}) => later(o, true, { errMsg: 'stopPullDownRefresh:ok' }),
      showToast: (o: Options = {}) => {
        record('showToast', { title: o.title });
        later(o, true, { errMsg: 'showToast:ok' });
      },
    };
  }

  private later(fn: () => void, ms = 1) {
    const h = setTimeout(() => {
      this.timers.delete(h);
      try {
        fn();
      } catch (e) {
        this.errors.push(`uncaught in wx callback: ${show(e)}`);
      }
    }, ms);
    this.timers.add(h);
  }

  /** CommonJS over dist/weapp: relative ids from the requiring file, '.js' optional, one instance each. */
  require(id: string, from = ''): unknown {
    const base = id.startsWith('/') ? id.slice(1) : path.posix.join(path.posix.dirname(from), id);
    const rel = path.posix.normalize(base);
    const candidates = [rel, `${rel}.js`, `${rel}/index.js`];
    const file = candidates.find((c) => !c.startsWith('..') && fs.existsSync(path.join(this.root, c)) && fs.statSync(path.join(this.root, c)).isFile());
    if (!file) throw new Error(`require('${id}') from ${from || '<root>'}: no ${candidates.join(' / ')} in ${this.root}`);
    const cached = this.modules.get(file);
    if (cached) return cached.exports;
    const module = { exports: {} as unknown };
    this.modules.set(file, module);
    const source = fs.readFileSync(path.join(this.root, file), 'utf8');
    const fn = vm.runInContext(`(function (require, module, exports, __filename, __dirname) {${source}\n})`, this.context, {
      filename: path.join(this.root, file),
    }) as AnyFn;
    fn.call(module.exports, (dep: string) => this.require(dep, file), module, module.exports, file, path.posix.dirname(file));
    return module.exports;
  }

  /** Loads app.js and runs App's onLaunch and onShow, as WeChat does on a cold start. */
  launch(entry: string): Config {
    this.require('app.js');
    const app = this.appConfig;
    if (!app) throw new Error('app.js did not call App(...)');
    const options = { path: entry, query: {}, scene: 1001, referrerInfo: {}, apiCategory: 'default' };
    for (const hook of ['onLaunch', 'onShow']) {
      const fn = app[hook];
      if (typeof fn !== 'function') throw new Error(`App config has no ${hook}() (keys: ${Object.keys(app).join(', ')})`);
      (fn as AnyFn).call(app, options);
    }
    return app;
  }

  /** Loads a page's JS and creates an instance of what it registered; runs onLoad, onReady, onShow. */
  openPage(route: string, query: Record<string, string> = {}): PageHandle {
    const before = this.registered.length;
    this.require(`${route}.js`);
    const reg = this.registered.slice(before).pop();
    if (!reg) throw new Error(`${route}.js registered neither Page(...) nor Component(...)`);
    const { kind, config } = reg;
    const methods = kind === 'Component' ? ((config.methods as Config) ?? {}) : config;
    const setDataCalls: Array<Record<string, unknown>> = [];
    const initial = JSON.parse(JSON.stringify(config.data ?? {})) as Record<string, unknown>;
    const instance = Object.assign({}, methods, {
      data: initial,
      route,
      __route__: route,
      __webviewId__: this.pages.length + 1,
      options: query,
      setData: (data: Record<string, unknown>, cb?: () => void) => {
        setDataCalls.push(data);
        for (const key of Object.keys(data)) setPath(instance.data, key, data[key]);
        if (cb) this.later(cb, 0);
      },
      selectComponent: () => null,
      selectAllComponents: () => [],
      createSelectorQuery: (this.wx.createSelectorQuery as AnyFn),
      getOpenerEventChannel: () => ({ on() {}, off() {}, emit() {}, once() {} }),
      getPageId: () => `page-${this.pages.length + 1}`,
    }) as Config & { data: Record<string, unknown> };
    const handle: PageHandle = { route, kind, config, instance, setDataCalls, root: () => (instance.data.root ?? {}) as TaroNode };
    this.pages.push(handle);
    const call = (name: string, ...args: unknown[]) => {
      const fn = instance[name];
      if (typeof fn !== 'function') throw new Error(`${kind} config of ${route} has no ${name}() (keys: ${Object.keys(config).join(', ')})`);
      (fn as AnyFn).apply(instance, args);
    };
    call('onLoad', query);
    call('onReady');
    call('onShow');
    return handle;
  }

  /** A tap on a rendered node, as WeChat delivers it to the template's bindtap="eh". */
  tap(page: PageHandle, node: TaroNode): void {
    const eh = page.instance.eh;
    if (typeof eh !== 'function') throw new Error(`page ${page.route} has no event handler "eh" (keys: ${Object.keys(page.config).join(', ')})`);
    const id = node.uid || node.sid;
    if (!id) throw new Error(`node has neither uid nor sid: ${JSON.stringify(node).slice(0, 200)}`);
    const dataset = { sid: node.sid };
    const event = {
      type: 'tap',
      timeStamp: Date.now(),
      detail: { x: 100, y: 200 },
      target: { id, offsetLeft: 0, offsetTop: 0, dataset },
      currentTarget: { id, offsetLeft: 0, offsetTop: 0, dataset },
      touches: [],
      changedTouches: [],
      mark: {},
    };
    (eh as AnyFn).call(page.instance, event);
  }

  calledWith(api: string): WxCall[] {
    return this.calls.filter((c) => c.api === api);
  }

  /** A readable summary for failure messages. */
  explain(page?: PageHandle): string {
    const lines = [
      `wx calls: ${this.calls.map((c) => `${c.api} ${JSON.stringify(c.args)}`).join('; ') || '(none)'}`,
      `errors: ${this.errors.join(' | ') || '(none)'}`,
    ];
    if (page) {
      lines.push(`setData calls: ${page.setDataCalls.length}`);
      lines.push(`rendered text: ${textsOf(page.root()).join('|').slice(0, 1500) || '(nothing)'}`);
    }
    return lines.join('\n');
  }

  dispose(): void {
    process.off('unhandledRejection', this.onRejection);
    for (const h of this.timers) clearTimeout(h);
    for (const h of this.intervals) clearInterval(h);
    this.timers.clear();
    this.intervals.clear();
  }
}

const SYSTEM_INFO: Json = {
  brand: 'iPhone',
  model: 'iPhone 14',
  pixelRatio: 3,
  screenWidth: 390,
  screenHeight: 844,
  windowWidth: 390,
  windowHeight: 763,
  statusBarHeight: 47,
  language: 'zh_CN',
  version: '8.0.50',
  system: 'iOS 17.0',
  platform: 'ios',
  fontSizeSetting: 16,
  SDKVersion: '3.4.0',
  benchmarkLevel: 1,
  safeArea: { left: 0, right: 390, top: 47, bottom: 810, width: 390, height: 763 },
  theme: 'light',
  enableDebug: false,
};

function show(v: unknown): string {
  if (v instanceof Error || (v && typeof v === 'object' && 'stack' in v && 'message' in v)) {
    const e = v as Error;
    return (e.stack ?? `${e.name}: ${e.message}`).split('\n').slice(0, 4).join(' ⏎ ');
  }
  if (typeof v === 'string') return v;
  try {
    return JSON.stringify(v);
  } catch {
    return String(v);
  }
}
