/**
 * Static checks of a built weapp package, without WeChat DevTools: every page and custom component has its
 * files, every reference between files resolves, tab pages are in the main package, and the package sizes
 * are under WeChat's upload limits.
 */
import fs from 'node:fs';
import path from 'node:path';

export const KIB = 1024;
export const MIB = 1024 * KIB;

/** WeChat's limits: the main package (and each subpackage) at most 2 MiB, everything at most 20 MiB. */
export const LIMITS = {
  /** Our own budget for the main package, well under WeChat's 2 MiB so first open stays fast. */
  mainBudget: 600 * KIB,
  main: 2 * MIB,
  subPackage: 2 * MIB,
  total: 20 * MIB,
};

export interface AppJson {
  pages: string[];
  subPackages?: Array<{ root: string; pages: string[]; name?: string }>;
  subpackages?: Array<{ root: string; pages: string[]; name?: string }>;
  tabBar?: { list: Array<{ pagePath: string; text?: string }> };
  preloadRule?: Record<string, { network?: string; packages: string[] }>;
  usingComponents?: Record<string, string>;
}

export interface PackageSizes {
  mainBytes: number;
  subPackages: Array<{ root: string; bytes: number }>;
  totalBytes: number;
}

export interface PackageReport {
  app: AppJson;
  problems: string[];
  sizes: PackageSizes;
  /** Every page path (no extension) the package declares, main package first. */
  pages: string[];
}

/** All files under dir, as '/'-separated paths relative to it. */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (rel: string) => {
    for (const e of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(r);
      else if (e.isFile()) out.push(r);
    }
  };
  walk('');
  return out.sort();
}

/** Files not uploaded as code: licence notices split out by the minifier and source maps. */
function countsTowardsSize(rel: string): boolean {
  return !rel.endsWith('.LICENSE.txt') && !rel.endsWith('.map');
}

function stripSlashes(p: string): string {
  return p.replace(/^\/+|\/+$/g, '');
}

export function readAppJson(root: string): AppJson {
  return JSON.parse(fs.readFileSync(path.join(root, 'app.json'), 'utf8')) as AppJson;
}

export function subPackagesOf(app: AppJson) {
  return [...(app.subPackages ?? []), ...(app.subpackages ?? [])].map((s) => ({ ...s, root: stripSlashes(s.root) }));
}

export function checkPackage(root: string): PackageReport {
  const problems: string[] = [];
  const files = listFiles(root);
  const fileSet = new Set(files);
  const has = (rel: string) => fileSet.has(rel);
  const app = readAppJson(root);
  const subs = subPackagesOf(app);

  // 1. Pages: main package and subpackages.
  if (!Array.isArray(app.pages) || app.pages.length === 0) problems.push('app.json: "pages" is empty');
  const pages: string[] = [...(app.pages ?? []).map(stripSlashes)];
  for (const s of subs) {
    if (!s.root) problems.push('app.json: a subpackage has an empty root');
    for (const p of s.pages ?? []) pages.push(`${s.root}/${stripSlashes(p)}`);
  }
  for (const p of pages) {
    for (const ext of ['js', 'json', 'wxml']) {
      if (!has(`${p}.${ext}`)) problems.push(`page ${p}: missing ${p}.${ext}`);
    }
  }
  const dupes = pages.filter((p, i) => pages.indexOf(p) !== i);
  if (dupes.length) problems.push(`app.json: pages declared twice: ${dupes.join(', ')}`);

  // 2. Tab pages must be main-package pages.
  for (const item of app.tabBar?.list ?? []) {
    const p = stripSlashes(item.pagePath);
    if (!(app.pages ?? []).map(stripSlashes).includes(p)) problems.push(`tabBar page ${p} is not in the main package "pages"`);
    const sub = subs.find((s) => p === s.root || p.startsWith(`${s.root}/`));
    if (sub) problems.push(`tabBar page ${p} is inside subpackage ${sub.root}`);
  }
  for (const [page, rule] of Object.entries(app.preloadRule ?? {})) {
    if (!pages.includes(stripSlashes(page))) problems.push(`preloadRule: page ${page} is not declared`);
    for (const pkg of rule.packages ?? []) {
      if (!subs.some((s) => s.root === stripSlashes(pkg) || s.name === pkg)) problems.push(`preloadRule of ${page}: no subpackage "${pkg}"`);
    }
  }

  // 3. usingComponents in every .json (app.json's global components included) resolve to a component.
  const resolveRef = (fromRel: string, ref: string): string =>
    ref.startsWith('/') ? stripSlashes(path.posix.normalize(ref)) : path.posix.normalize(path.posix.join(path.posix.dirname(fromRel), ref));
  for (const rel of files.filter((f) => f.endsWith('.json'))) {
    let json: { usingComponents?: Record<string, string>; componentGenerics?: Record<string, unknown> };
    try {
      json = JSON.parse(fs.readFileSync(path.join(root, rel), 'utf8'));
    } catch (e) {
      problems.push(`${rel}: not valid JSON (${(e as Error).message})`);
      continue;
    }
    if (!json || typeof json !== 'object' || !json.usingComponents) continue;
    for (const [tag, ref] of Object.entries(json.usingComponents)) {
      if (typeof ref !== 'string' || ref.startsWith('plugin://') || ref.startsWith('plugin-private://')) continue;
      const candidates = [resolveRef(rel, ref)];
      if (!ref.startsWith('.') && !ref.startsWith('/')) candidates.push(`miniprogram_npm/${ref}`, `miniprogram_npm/${ref}/index`);
      const base = candidates.find((c) => has(`${c}.js`) || has(`${c}.json`) || has(`${c}.wxml`)) ?? candidates[0];
      const missing = ['js', 'json', 'wxml'].filter((ext) => !has(`${base}.${ext}`));
      if (missing.length) problems.push(`${rel}: component <${tag}> → "${ref}" (${base}) is missing .${missing.join(', .')}`);
    }
  }

  // 4. <import>, <include> and <wxs src> in every .wxml; @import in every .wxss.
  for (const rel of files.filter((f) => f.endsWith('.wxml'))) {
    const text = fs.readFileSync(path.join(root, rel), 'utf8');
    for (const m of text.matchAll(/<(import|include|wxs)\b[^>]*?\bsrc\s*=\s*(["'])(.*?)\2/g)) {
      const [, tag, , src] = m;
      if (src.includes('{{')) continue;
      const ext = tag === 'wxs' ? '.wxs' : '.wxml';
      const target = resolveRef(rel, src.endsWith(ext) ? src : src + ext);
      if (!has(target)) problems.push(`${rel}: <${tag} src="${src}"> → ${target} does not exist`);
    }
  }
  for (const rel of files.filter((f) => f.endsWith('.wxss'))) {
    const text = fs.readFileSync(path.join(root, rel), 'utf8');
    for (const m of text.matchAll(/@import\s+(["'])(.*?)\1/g)) {
      const src = m[2];
      const target = resolveRef(rel, src.endsWith('.wxss') ? src : src + '.wxss');
      if (!has(target)) problems.push(`${rel}: @import "${src}" → ${target} does not exist`);
    }
  }

  // 5. Sizes.
  const sizeOf = (rel: string) => fs.statSync(path.join(root, rel)).size;
  const counted = files.filter(countsTowardsSize);
  const inSub = (rel: string) => subs.find((s) => rel.startsWith(`${s.root}/`));
  const sizes: PackageSizes = {
    mainBytes: counted.filter((f) => !inSub(f)).reduce((n, f) => n + sizeOf(f), 0),
    subPackages: subs.map((s) => ({ root: s.root, bytes: counted.filter((f) => f.startsWith(`${s.root}/`)).reduce((n, f) => n + sizeOf(f), 0) })),
    totalBytes: counted.reduce((n, f) => n + sizeOf(f), 0),
  };
  return { app, problems, sizes, pages };
}

export function sizeLines(sizes: PackageSizes): string[] {
  const kib = (b: number) => (b / KIB).toFixed(1);
  return [
    `weapp_main_package_kib: ${kib(sizes.mainBytes)}`,
    ...sizes.subPackages.map((s) => `weapp_subpackage_kib[${s.root}]: ${kib(s.bytes)}`),
    `weapp_total_kib: ${kib(sizes.totalBytes)}`,
    `weapp_main_package_budget_kib: ${kib(LIMITS.mainBudget)}`,
  ];
}
