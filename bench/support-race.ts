/**
 * Support race: `npm run bench:support-race [-- --residents N]`.
 *
 * Starts the local stack, signs in N residents (accounts older than a day, as support requires), files one
 * need, then has every resident press 我也需要 at the same moment (a request that times out is sent again,
 * as the app does; a second press is answered without counting twice). Prints `supports` (2xx answers),
 * `count` (the need's counter), `support_items`, `duplicates` (count beyond the distinct supporters; must be
 * 0), `lost` (acknowledged supports missing from the count; must be 0), latency and throughput.
 */
import { performance } from 'node:perf_hooks';
import { randomUUID } from 'node:crypto';
import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { db, tableName } from '../functions/db/client';
import { keys } from '../functions/db/keys';
import { getNeed, supportersOf } from '../functions/needs/store';
import { call, intOption, mean, ms, out, percentile, progress, runBench } from './lib';

const RESIDENTS = intOption('--residents', 'BENCH_RESIDENTS', 500, 1);

runBench({}, async (stack) => {
  const api = stack.apiUrl;
  const started = performance.now();
  const ids = Array.from({ length: RESIDENTS + 1 }, (_, i) => `u_bench_sup_${i}`);
  for (let i = 0; i < ids.length; i += 25) {
    const items = ids.slice(i, i + 25).map((id) => ({ PutRequest: { Item: { ...keys.user(id), type: 'user', id, nickname: `居民${id.slice(-3)}`, roles: ['resident'], demo: true, createdAt: '2026-01-01T00:00:00.000Z' } } }));
    await db().send(new BatchWriteCommand({ RequestItems: { [tableName()]: items } }));
  }
  const tokens: string[] = [];
  for (let i = 0; i < ids.length; i += 25) {
    const batch = await Promise.all(ids.slice(i, i + 25).map((userId) => call(`${api}/auth/dev`, { body: { userId } })));
    tokens.push(...batch.map((r) => r.body.token as string));
  }
  const [author, ...supporters] = tokens;
  const filed = await call(`${api}/needs`, {
    token: author,
    key: randomUUID().replace(/-/g, ''),
    body: { circleId: 'c-hongfeng', compoundId: 'cm-dongling', kind: 'missing_service', title: '东岭新村缺一个修鞋摊', text: '基准测试：大家一起按我也需要。' },
  });
  if (filed.status !== 201) throw new Error(`filing the need failed: ${filed.status} ${JSON.stringify(filed.body)}`);
  const needId = filed.body.id as string;
  progress(`need ${needId}; ${supporters.length} residents press 我也需要 at once`);

  const latencies: number[] = [];
  const acknowledged = new Set<number>();
  let retries = 0;
  const t0 = performance.now();
  await Promise.all(
    supporters.map(async (token, i) => {
      for (let attempt = 1; attempt <= 5; attempt++) {
        const s = performance.now();
        const res = await call(`${api}/needs/${needId}/support`, { method: 'POST', token });
        latencies.push(performance.now() - s);
        if ((res.status === 0 || res.status >= 500) && attempt < 5) {
          retries++;
          continue;
        }
        if (res.status === 200) acknowledged.add(i);
        return;
      }
    }),
  );
  const wall = (performance.now() - t0) / 1000;
  const count = (await getNeed(needId, { consistent: true }))!.supports;
  const items = (await supportersOf(needId)).length;
  out('residents', supporters.length);
  out('supports', acknowledged.size);
  out('count', count);
  out('support_items', items);
  out('duplicates', Math.max(0, count - items));
  out('lost', Math.max(0, acknowledged.size - count));
  out('retried', retries);
  out('p50_ms', ms(percentile(latencies, 50)));
  out('p99_ms', ms(percentile(latencies, 99)));
  out('mean_ms', ms(mean(latencies)));
  out('requests_per_s', (latencies.length / wall).toFixed(1));
  out('wall_s', ((performance.now() - started) / 1000).toFixed(1));
});
