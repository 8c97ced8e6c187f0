/**
 * Redemption race: `npm run bench:redeem-race [-- --volunteers V --per-volunteer R --points B --price P --stock S]`.
 *
 * Starts the local stack and gives V volunteers B points each. One reward costs P points and has S in stock.
 * Every volunteer then fires R redemptions at the same moment (each with its own idempotency key; a request
 * that times out is re-sent with the same key, as the app does). With the defaults each volunteer can afford
 * 3 of their 5 and the stock covers fewer than all of those, so both limits bind. Prints successes, overdraft
 * (points spent beyond a balance plus stock handed beyond what existed; must be 0), the ledger audit,
 * latency and throughput, and, as a baseline from the same run, the latency of uncontended redemptions.
 */
import { performance } from 'node:perf_hooks';
import { randomUUID } from 'node:crypto';
import { call, handlerLatencies, intOption, mean, ms, out, percentile, progress, runBench } from './lib';

const VOLUNTEERS = intOption('--volunteers', 'BENCH_VOLUNTEERS', 100, 1);
const PER_VOLUNTEER = intOption('--per-volunteer', 'BENCH_PER_VOLUNTEER', 5, 1);
const POINTS = intOption('--points', 'BENCH_POINTS', 6, 1);
const PRICE = intOption('--price', 'BENCH_PRICE', 2, 1);
const STOCK = intOption('--stock', 'BENCH_STOCK', 200, 0);
const BASELINE = 20;

async function inBatches<T, R>(items: T[], size: number, fn: (t: T, i: number) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (let i = 0; i < items.length; i += size) results.push(...(await Promise.all(items.slice(i, i + size).map((t, j) => fn(t, i + j)))));
  return results;
}

runBench({ fakeWechat: true }, async (stack) => {
  const api = stack.apiUrl;
  const worker = (await call(`${api}/auth/dev`, { body: { userId: 'u_demo_worker' } })).body.token as string;
  const station = (await call(`${api}/auth/dev`, { body: { userId: 'u_demo_station' } })).body.token as string;
  progress(`stack up at ${api}; preparing ${VOLUNTEERS} volunteers with ${POINTS} points each`);

  const prepare = async (i: number) => {
    const session = (await call(`${api}/auth/wechat`, { body: { code: `bench-redeem-${i}-v${i}` } })).body;
    const verified = await call(`${api}/worker/residents/${session.user.id}/verify`, { token: worker, body: { birthDate: '1970-01-01' } });
    const granted = await call(`${api}/worker/points/adjust`, { token: worker, key: randomUUID().replace(/-/g, ''), body: { userId: session.user.id, points: POINTS, reason: '压测发放' } });
    if (verified.status !== 200 || granted.status !== 200) throw new Error(`could not prepare volunteer ${i}: ${verified.status} ${granted.status}`);
    return session.token as string;
  };
  const tokens = await inBatches(Array.from({ length: VOLUNTEERS }, (_, i) => i), 10, (i) => prepare(i));
  const newReward = async (stock: number) => {
    const res = await call(`${api}/station/outlets/o-nuanxin/rewards`, { token: station, body: { name: `压测兑换品${randomUUID().slice(0, 6)}`, pricePoints: PRICE, stock } });
    if (res.status !== 201) throw new Error(`could not list the reward: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.id as string;
  };

  // Baseline: one volunteer redeeming one at a time, nobody else about.
  const soloToken = await prepare(VOLUNTEERS);
  await call(`${api}/worker/points/adjust`, { token: worker, key: randomUUID().replace(/-/g, ''), body: { userId: (await call(`${api}/me`, { token: soloToken })).body.id, points: BASELINE * PRICE, reason: '压测基线' } });
  const soloReward = await newReward(BASELINE);
  const solo: number[] = [];
  for (let i = 0; i < BASELINE; i++) {
    const s = performance.now();
    const res = await call(`${api}/redemptions`, { token: soloToken, key: randomUUID().replace(/-/g, ''), body: { outletId: 'o-nuanxin', rewardId: soloReward } });
    solo.push(performance.now() - s);
    if (res.status !== 201) throw new Error(`baseline redemption failed: ${res.status} ${JSON.stringify(res.body)}`);
  }

  const rewardId = await newReward(STOCK);
  const total = VOLUNTEERS * PER_VOLUNTEER;
  progress(`reward ${rewardId} (price ${PRICE}, stock ${STOCK}); firing ${total} redemptions at once`);
  const logMark = stack.functionLog.length;
  const latencies: number[] = [];
  const reasons = new Map<string, number>();
  const successes = new Map<number, Set<string>>();
  let retries = 0;
  const t0 = performance.now();
  await Promise.all(
    tokens.flatMap((token, v) =>
      Array.from({ length: PER_VOLUNTEER }, async () => {
        const key = randomUUID().replace(/-/g, '');
        for (let attempt = 1; attempt <= 5; attempt++) {
          const s = performance.now();
          const res = await call(`${api}/redemptions`, { token, key, body: { outletId: 'o-nuanxin', rewardId } });
          latencies.push(performance.now() - s);
          if ((res.status === 0 || res.status >= 500) && attempt < 5) {
            retries++;
            continue;
          }
          if (res.status === 200 || res.status === 201) {
            if (!successes.has(v)) successes.set(v, new Set());
            successes.get(v)!.add(res.body.id);
          } else {
            const reason = res.body?.error?.details?.reason ?? `HTTP_${res.status}`;
            reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
          }
          return;
        }
      }),
    ),
  );
  const wall = (performance.now() - t0) / 1000;
  const handlerMs = handlerLatencies(stack.functionLog.slice(logMark), 'POST /redemptions');

  const won = [...successes.values()].reduce((s, set) => s + set.size, 0);
  const affordable = Math.floor(POINTS / PRICE);
  const station_ = (await call(`${api}/stations/o-nuanxin`)).body;
  const stockLeft = station_.rewards.find((r: any) => r.id === rewardId).stock as number;
  const passbook = async (token: string) => {
    for (let attempt = 1; ; attempt++) {
      const res = await call(`${api}/points/passbook`, { token });
      if (res.status === 200 || attempt === 5) return res.body;
    }
  };
  const balances = await inBatches(tokens, 10, passbook);
  let pointsOverdraft = 0;
  balances.forEach((b, v) => {
    const n = successes.get(v)?.size ?? 0;
    pointsOverdraft += Math.max(0, n - affordable) + (b.balance < 0 ? 1 : 0) + (b.balance !== POINTS - n * PRICE ? 1 : 0);
  });
  const stockOverdraft = Math.max(0, won - STOCK) + (stockLeft < 0 ? 1 : 0) + Math.abs(STOCK - stockLeft - won);
  const { auditLedger } = await import('../functions/points/account');
  const audit = await auditLedger();

  out('requests', total);
  out('volunteers', VOLUNTEERS);
  out('stock', STOCK);
  out('max_possible', Math.min(STOCK, VOLUNTEERS * affordable));
  out('successes', won);
  out('overdraft', pointsOverdraft + stockOverdraft);
  out('overdraft_points', pointsOverdraft);
  out('overdraft_stock', stockOverdraft);
  out('rejected_insufficient', reasons.get('INSUFFICIENT_POINTS') ?? 0);
  out('rejected_out_of_stock', reasons.get('OUT_OF_STOCK') ?? 0);
  out('rejected_other', [...reasons.entries()].filter(([r]) => r !== 'INSUFFICIENT_POINTS' && r !== 'OUT_OF_STOCK').reduce((s, [, n]) => s + n, 0));
  out('timeouts_retried', retries);
  out('ledger_accounts', audit.accounts);
  out('ledger_problems', audit.problems.length);
  out('p50_ms', ms(percentile(latencies, 50)));
  out('p99_ms', ms(percentile(latencies, 99)));
  out('mean_ms', ms(mean(latencies)));
  out('handler_p50_ms', ms(percentile(handlerMs, 50)));
  out('handler_p99_ms', ms(percentile(handlerMs, 99)));
  out('requests_per_s', (total / wall).toFixed(1));
  out('wall_s', wall.toFixed(2));
  out('baseline_uncontended_p50_ms', ms(percentile(solo, 50)));
  out('ratio_p50_race_vs_uncontended', (percentile(latencies, 50) / percentile(solo, 50)).toFixed(1));
  for (const p of audit.problems.slice(0, 10)) progress(`ledger problem: ${p}`);
});
