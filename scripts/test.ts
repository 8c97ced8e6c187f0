/**
 * `npm test`: type-check both sides, build the weapp and H5 packages, then run every jest project
 * (unit, HTTP integration against DynamoDB Local, weapp checks, H5 end-to-end in Chromium).
 * Extra arguments go to jest, e.g. `npm test -- --selectProjects unit`.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..');
const bin = (name: string) => path.join(ROOT, 'node_modules', '.bin', name);

function step(title: string, cmd: string, args: string[], cwd = ROOT) {
  const t0 = Date.now();
  console.log(`\n▶ ${title}`);
  const res = spawnSync(cmd, args, { cwd, stdio: 'inherit', env: { ...process.env, FORCE_COLOR: '0' } });
  if (res.status !== 0) {
    console.error(`✖ ${title} failed (exit ${res.status ?? res.signal})`);
    process.exit(res.status ?? 1);
  }
  console.log(`✔ ${title} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
}

const jestArgs = process.argv.slice(2);
const onlyUnit = jestArgs.join(' ').match(/--selectProjects\s+unit\s*$/);

step('system packages', 'bash', [path.join(ROOT, 'scripts', 'ensure-system.sh')]);
step('type-check functions and shared', bin('tsc'), ['--noEmit', '-p', 'tsconfig.json']);
step('type-check mini-program', bin('tsc'), ['--noEmit', '-p', 'miniapp/tsconfig.json']);
if (!onlyUnit) {
  step('build weapp (production)', bin('taro'), ['build', '--type', 'weapp'], path.join(ROOT, 'miniapp'));
  step('build H5', bin('taro'), ['build', '--type', 'h5'], path.join(ROOT, 'miniapp'));
}
if (jestArgs.length) {
  step('jest', bin('jest'), ['--ci', '--maxWorkers=2', ...jestArgs]);
} else {
  // The browser tests run after the rest, so the 200-request race does not starve Chromium of CPU.
  // One file at a time: the race tests (bookings, points) each load the 2-core machine on their own; run
  // together they starved each other's cold Lambda workers into timeouts.
  step('jest: unit, integration, weapp, miniapp', bin('jest'), ['--ci', '--maxWorkers=1', '--selectProjects', 'unit', 'integration', 'weapp', 'miniapp']);
  step('jest: e2e in Chromium', bin('jest'), ['--ci', '--maxWorkers=1', '--selectProjects', 'e2e']);
}
