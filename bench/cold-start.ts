/**
 * `npm run bench:cold-start`: what each Lambda pays before its first request. Packages the service as for
 * production (`serverless package --stage prod`), then for every function: the minified bundle's size and the
 * time to `require` it in a fresh Node process (median of --runs, default 5), against a baseline measured in
 * the same run: a fresh process requiring only the DynamoDB SDK clients every handler loads. The SDK is left
 * out of the bundles (the runtime's copy is used); the same comparison is made for one function with the SDK
 * bundled and minified into it, which is AWS's other recommendation for cold starts.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { build } from 'esbuild';
import { intOption, out, percentile, progress } from './lib';

const ROOT = path.resolve(__dirname, '..');
const started = Date.now();
const runs = intOption('--runs', 'BENCH_RUNS', 5, 1);
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'ykz-cold-'));
const nodeModules = path.join(ROOT, 'node_modules');

/** Milliseconds to require `modules` in a fresh Node process, median of `runs`. */
function requireMs(modules: string[]): number {
  const script = `const t=process.hrtime.bigint();for(const m of ${JSON.stringify(modules)})require(m);process.stdout.write(String(Number(process.hrtime.bigint()-t)/1e6));`;
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    // NODE_PATH stands for the Lambda runtime's own node_modules, where the SDK lives.
    const res = spawnSync(process.execPath, ['-e', script], { env: { ...process.env, NODE_PATH: nodeModules, TABLE_NAME: 'bench' }, encoding: 'utf8' });
    if (res.status !== 0) throw new Error(`require failed: ${res.stderr}`);
    times.push(Number(res.stdout));
  }
  return percentile(times, 50);
}

async function main() {
  progress('packaging (serverless package --stage prod)');
  const pkg = path.join(work, 'package');
  const env: NodeJS.ProcessEnv = { ...process.env, SLS_TELEMETRY_DISABLED: '1', ESBUILD_WORK_FOLDER: `.esbuild/cold-${process.pid}` };
  for (const k of ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_PROFILE', 'DYNAMODB_ENDPOINT']) delete env[k];
  execFileSync(process.execPath, [path.join(nodeModules, 'serverless/bin/serverless.js'), 'package', '--stage', 'prod', '--package', pkg], { cwd: ROOT, env, stdio: 'pipe' });
  fs.rmSync(path.join(ROOT, env.ESBUILD_WORK_FOLDER!), { recursive: true, force: true });

  const zips = fs.readdirSync(pkg).filter((f) => f.endsWith('.zip') && f !== 'yikezhong.zip');
  const bundles: Array<{ fn: string; file: string; kb: number }> = [];
  for (const zipName of zips) {
    const zip = await JSZip.loadAsync(fs.readFileSync(path.join(pkg, zipName)));
    const entry = Object.values(zip.files).find((f) => f.name.endsWith('.js') && !f.dir);
    if (!entry) throw new Error(`${zipName}: no handler file`);
    const code = await entry.async('nodebuffer');
    const file = path.join(work, 'bundles', zipName.replace(/\.zip$/, ''), entry.name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, code);
    bundles.push({ fn: zipName.replace(/\.zip$/, ''), file, kb: code.length / 1024 });
  }
  progress(`${bundles.length} functions; timing require ×${runs} each`);

  const sdk = requireMs(['@aws-sdk/client-dynamodb', '@aws-sdk/lib-dynamodb']);
  const inits = bundles.map((b) => ({ ...b, ms: requireMs([b.file]) - sdk }));
  inits.sort((a, b) => b.ms - a.ms);
  for (const b of [...inits].sort((a, b) => b.kb - a.kb).slice(0, 5)) out(`bundle_kb.${b.fn}`, b.kb.toFixed(1));
  for (const b of inits.slice(0, 5)) out(`init_ms.${b.fn}`, b.ms.toFixed(1));

  // The other way: the SDK bundled and minified into one representative function.
  const bookings = bundles.find((b) => b.fn === 'createBooking')!;
  const bundledFile = path.join(work, 'sdk-bundled', 'handlers.js');
  await build({ entryPoints: [path.join(ROOT, 'functions/bookings/handlers.ts')], bundle: true, minify: true, platform: 'node', target: 'node20', outfile: bundledFile, logLevel: 'silent' });
  const bundledMs = requireMs([bundledFile]);
  const externalMs = requireMs([bookings.file]);

  out('functions', bundles.length);
  out('max_bundle_kb', Math.max(...bundles.map((b) => b.kb)).toFixed(1));
  out('sdk_baseline_ms', sdk.toFixed(1));
  out('p50_init_ms', percentile(inits.map((b) => b.ms), 50).toFixed(1));
  out('max_init_ms', inits[0].ms.toFixed(1));
  out('createBooking_sdk_external_ms', externalMs.toFixed(1));
  out('createBooking_sdk_bundled_ms', bundledMs.toFixed(1));
  out('createBooking_sdk_bundled_kb', (fs.statSync(bundledFile).size / 1024).toFixed(1));
  out('ratio_sdk_bundled_vs_external', (bundledMs / externalMs).toFixed(2));
  out('wall_s', ((Date.now() - started) / 1000).toFixed(1));
}

main()
  .catch((e) => {
    console.error(e);
    process.exitCode = 1;
  })
  .finally(() => fs.rmSync(work, { recursive: true, force: true }));
