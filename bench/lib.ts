/** Helpers shared by the benchmarks: the stack's lifetime, options, percentiles and the `name: value` output. */
import { startStack, type Stack, type StackOptions } from '../scripts/stack';
export const progress = (msg: string) => process.stderr.write(`[bench] ${msg}\n`);
export const out = (name: string, value: string | number) => process.stdout.write(`${name}: ${value}\n`);

export function intOption(flag: string, envName: string, fallback: number, min: number): number {
  const argv = process.argv.slice(2);
  let raw: string | undefined;
  const i = argv.indexOf(flag);
  if (i >= 0) raw = argv[i + 1];
  const eq = argv.find((a) => a.startsWith(`${flag}=`));
  if (eq) raw = eq.slice(flag.length + 1);
  raw ??= process.env[envName];
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min) throw new Error(`${flag} must be an integer >= ${min} (got ${raw})`);
  return n;
}

export function percentile(values: number[], p: number): number {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  // Nearest-rank.
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}
export const mean = (values: number[]) => values.reduce((s, v) => s + v, 0) / values.length;
export const ms = (v: number) => v.toFixed(1);


/** Handler-side latency of one route, from the one JSON log line the handler wrapper prints per request. */
export function handlerLatencies(functionLog: string[], route: string): number[] {
  const values: number[] = [];
  for (const line of functionLog) {
    const at = line.indexOf('{"level"');
    if (at < 0) continue;
    try {
      const entry = JSON.parse(line.slice(at)) as { msg?: string; route?: string; latencyMs?: number };
      if (entry.msg === 'request' && entry.route === route && typeof entry.latencyMs === 'number') values.push(entry.latencyMs);
    } catch {
      /* not a log line */
    }
  }
  return values;
}

/**
 * One HTTP call of a benchmark. A dropped connection answers status 0 and a serverless-offline Lambda timeout
 * (200 with errorType) answers 504, so callers can treat both as "timed out: send again with the same key".
 */
export async function call(url: string, opts: { method?: string; body?: unknown; token?: string; key?: string } = {}): Promise<{ status: number; body: any }> {
  try {
    const res = await fetch(url, {
      method: opts.method ?? (opts.body ? 'POST' : 'GET'),
      headers: {
        'content-type': 'application/json',
        ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
        ...(opts.key ? { 'idempotency-key': opts.key } : {}),
      },
      body: opts.body ? JSON.stringify(opts.body) : undefined,
    });
    const body = (await res.json().catch(() => ({}))) as any;
    return { status: body?.errorType ? 504 : res.status, body };
  } catch {
    return { status: 0, body: {} };
  }
}

/** Runs a benchmark against a local stack it starts, and stops that stack however the run ends (Ctrl-C too). */
export function runBench(options: StackOptions, body: (stack: Stack) => Promise<void>): void {
  let stack: Stack | undefined;
  process.env.STACK_QUIET ??= '1';
  // Stop what was started on Ctrl-C and on a kill too, so no database or function process is left behind.
  const onSignal = () => void (stack?.stop() ?? Promise.resolve()).finally(() => process.exit(130));
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  (async () => {
    try {
      stack = await startStack(options);
      await body(stack);
    } finally {
      await stack?.stop();
    }
  })().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
