/**
 * `npm start`: the whole local stack with demo data — DynamoDB Local (data kept in .data/dynamodb),
 * the functions under serverless-offline, and the H5 build of the mini-program on http://127.0.0.1:10086.
 * Ctrl-C stops everything it started.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, portIsFree, freePort, startStack } from './stack';

async function port(preferred: number, what: string): Promise<number> {
  if (await portIsFree(preferred)) return preferred;
  const other = await freePort();
  console.log(`[start] port ${preferred} is busy; ${what} uses ${other}`);
  return other;
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
}

function buildH5IfStale() {
  const index = path.join(ROOT, 'miniapp', 'dist', 'h5', 'index.html');
  const sources = Math.max(newestMtime(path.join(ROOT, 'miniapp', 'src')), newestMtime(path.join(ROOT, 'shared')));
  if (fs.existsSync(index) && fs.statSync(index).mtimeMs > sources) return;
  console.log('[start] building the H5 app (about 30 s on first run)…');
  const res = spawnSync(path.join(ROOT, 'node_modules', '.bin', 'taro'), ['build', '--type', 'h5'], {
    cwd: path.join(ROOT, 'miniapp'),
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 64 * 1024 * 1024,
  });
  if (res.status !== 0) {
    process.stderr.write(res.stderr?.toString().slice(-4000) ?? '');
    throw new Error('H5 build failed: run `npm run build:h5` to see why');
  }
}

async function main() {
  const t0 = Date.now();
  const sys = spawnSync('bash', [path.join(ROOT, 'scripts', 'ensure-system.sh')], { stdio: 'inherit', env: { ...process.env, SKIP_BROWSER: '1' } });
  if (sys.status !== 0) throw new Error('could not install the system packages the stack needs (Java)');
  buildH5IfStale();
  const stack = await startStack({
    dataDir: path.join(ROOT, '.data', 'dynamodb'),
    dynamoPort: await port(8000, 'DynamoDB Local'),
    apiPort: await port(3000, 'the functions'),
    lambdaPort: await port(3002, 'the Lambda invoke endpoint'),
    h5Port: await port(10086, 'the H5 app'),
    echoFunctions: process.env.ECHO_FUNCTIONS === '1',
    functionLogFile: path.join(ROOT, '.data', 'functions.log'),
    // WeChat's server API (sign-in, the content check) is the local fake: nothing leaves the machine.
    fakeWechat: true,
  });
  const seconds = ((Date.now() - t0) / 1000).toFixed(1);
  console.log(`
  一刻钟 is running (ready in ${seconds} s)

    App (H5, open on a phone-sized window):  ${stack.h5Url}
    API (serverless-offline):                ${stack.apiUrl}
    DynamoDB Local:                          ${stack.dynamoEndpoint}  (data in .data/dynamodb)
    Function logs:                           .data/functions.log

  Sign in on the 我的 tab as a demo resident, merchant, volunteer or community worker.
  Press Ctrl-C to stop.
`);
  let stopping = false;
  const shutdown = async () => {
    if (stopping) return;
    stopping = true;
    console.log('\n[start] stopping…');
    await stack.stop();
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
  process.on('SIGHUP', shutdown);
}

main().catch((e) => {
  console.error(`[start] ${(e as Error).message}`);
  process.exit(1);
});
