/**
 * WeChat's own WXML and WXSS compilers (wcc, wcsc), as shipped for Linux in the `miniprogram-compiler`
 * package (a dependency of @tarojs/webpack5-runner). They are what DevTools runs on upload, so a package they
 * reject would not upload.
 *
 * API (miniprogram-compiler 0.2.x): `wxmlToJs(root)` throws `编译 .wxml 文件错误：<stderr>` when wcc exits
 * non-zero. `wxssToJs(root)` does NOT report wcsc's failure cleanly: the inner `src/wcsc` returns (not
 * throws) an Error and `wxssToJs` then crashes on it with a TypeError. So the WXSS check runs `src/wcsc`
 * itself first for the real message, then `wxssToJs` for the full output.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { listFiles } from './package-files';

interface CompilerModule {
  wxmlToJs(root: string, options?: Record<string, unknown>): string;
  wxssToJs(root: string, options?: Record<string, unknown>): string;
}
type WcscFn = (root: string, files: string[], options?: Record<string, unknown>) => Record<string, string> | Error;

export interface Compiler {
  dir: string;
  api: CompilerModule;
  wcsc: WcscFn;
}

const REPO = path.resolve(__dirname, '..', '..');

/** node_modules/miniprogram-compiler, or a copy nested under one of the @tarojs packages. */
export function findCompilerDir(): string {
  const candidates = [path.join(REPO, 'node_modules', 'miniprogram-compiler')];
  const tarojs = path.join(REPO, 'node_modules', '@tarojs');
  if (fs.existsSync(tarojs)) {
    for (const d of fs.readdirSync(tarojs)) candidates.push(path.join(tarojs, d, 'node_modules', 'miniprogram-compiler'));
  }
  const dir = candidates.find((c) => fs.existsSync(path.join(c, 'package.json')));
  if (!dir) throw new Error(`miniprogram-compiler is not installed (looked in ${candidates.slice(0, 2).join(', ')}, …); run npm install`);
  return dir;
}

function binDir(dir: string): string {
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new Error(`the WeChat compilers in miniprogram-compiler are only checked on linux-x64 here (this is ${process.platform}-${process.arch})`);
  }
  return path.join(dir, 'bin', 'linux');
}

function executable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Loads the compiler, making sure wcc/wcsc can run: npm sometimes drops the exec bit. Tries chmod in
 * place; if that is not allowed, copies the package to a temp dir (with links to its two dependencies) and
 * uses the copy. Returns a cleanup for the copy.
 */
export function loadCompiler(): { compiler: Compiler; cleanup(): void } {
  let dir = findCompilerDir();
  const bins = ['wcc', 'wcsc'].map((b) => path.join(binDir(dir), b));
  for (const b of bins) {
    if (!fs.existsSync(b)) throw new Error(`${b} is missing from miniprogram-compiler`);
    if (!executable(b)) {
      try {
        fs.chmodSync(b, 0o755);
      } catch {
        // handled below
      }
    }
  }
  let cleanup = () => {};
  if (!bins.every(executable)) ({ dir, cleanup } = copyCompiler(dir));
  const api = require(dir) as CompilerModule;
  const wcsc = require(path.join(dir, 'src', 'wcsc')) as WcscFn;
  if (typeof api.wxmlToJs !== 'function' || typeof api.wxssToJs !== 'function' || typeof wcsc !== 'function') {
    throw new Error(`miniprogram-compiler at ${dir} does not have the expected wxmlToJs/wxssToJs/src/wcsc API`);
  }
  return { compiler: { dir, api, wcsc }, cleanup };
}

/** A runnable copy of the package in a temp dir, for when the installed binaries cannot be made executable. */
export function copyCompiler(dir: string): { dir: string; cleanup(): void } {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'weapp-compiler-'));
  const copy = path.join(tmp, 'node_modules', 'miniprogram-compiler');
  // Its own node_modules stay behind; links to the real dependency folders keep their resolution intact.
  fs.cpSync(dir, copy, { recursive: true, filter: (src) => !path.relative(dir, src).split(path.sep).includes('node_modules') });
  const requireFromOriginal = createRequire(path.join(dir, 'package.json'));
  for (const dep of ['glob', 'unescape-js']) {
    const depDir = fs.realpathSync(path.dirname(requireFromOriginal.resolve(`${dep}/package.json`)));
    fs.symlinkSync(depDir, path.join(tmp, 'node_modules', dep), 'dir');
  }
  for (const b of ['wcc', 'wcsc']) fs.chmodSync(path.join(binDir(copy), b), 0o755);
  return { dir: copy, cleanup: () => fs.rmSync(tmp, { recursive: true, force: true }) };
}

/** wcc over every .wxml and .wxs of the package. Throws with wcc's own message on error. */
export function compileWxml(compiler: Compiler, root: string): string {
  // An absolute root matters: the compiler require()s each page's .json to find its usingComponents.
  return compiler.api.wxmlToJs(path.resolve(root), { maxBuffer: 64 * 1024 * 1024 });
}

/** wcsc over every .wxss of the package. Throws with wcsc's own message on error. */
export function compileWxss(compiler: Compiler, root: string): string {
  const abs = path.resolve(root);
  const files = listFiles(abs)
    .filter((f) => f.endsWith('.wxss'))
    .map((f) => f.slice(0, -'.wxss'.length));
  const raw = compiler.wcsc(abs, files, { maxBuffer: 64 * 1024 * 1024 });
  if (raw instanceof Error) throw raw;
  return compiler.api.wxssToJs(abs, { maxBuffer: 64 * 1024 * 1024 });
}
