/**
 * Booking race: `npm run bench:booking-race [-- --requests N --capacity C]`.
 *
 * Starts the local stack, signs in N residents, publishes one slot of capacity C, then fires N booking
 * requests at it at the same moment (each with its own idempotency key; a request that times out is
 * re-sent with the same key, as the app does). Prints confirmed bookings, oversold places (must be 0),
 * latency and throughput; verifies the slot counter against the live bookings.
 */
import { performance } from 'node:perf_hooks';
import { randomUUID } from 'node:crypto';
import { shanghaiDate } from '../shared/time';
import { call, intOption, mean, ms, out, percentile, progress, runBench } from './lib';

const REQUESTS = intOption('--requests', 'BENCH_REQUESTS', 500, 1);
const CAPACITY = intOption('--capacity', 'BENCH_CAPACITY', 10, 1);

runBench({ fakeWechat: true }, async (stack) => {
  const api = stack.apiUrl;
  progress(`stack up at ${api}; signing in ${REQUESTS} residents`);
  const tokens: string[] = [];
  for (let i = 0; i < REQUESTS; i += 25) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(25, REQUESTS - i) }, (_, j) => call(`${api}/auth/wechat`, { body: { code: `bench-race-${i + j}-r${i + j}` } })),
    );
    tokens.push(...batch.map((r) => r.body.token as string));
  }
  const merchant = (await call(`${api}/auth/dev`, { body: { userId: 'u_demo_merchant' } })).body.token as string;
  const date = shanghaiDate(Date.now() + 2 * 24 * 3600_000);
  const published = await call(`${api}/merchant/outlets/o-laozheng/slots`, {
    token: merchant,
    body: { serviceId: 's01', modes: ['in_store'], slots: [{ date, start: '22:00', end: '23:00', capacity: CAPACITY }] },
  });
  const slotId = published.body.slotIds[0] as string;
  progress(`slot ${slotId} (capacity ${CAPACITY}); firing ${REQUESTS} requests at once`);

  const latencies: number[] = [];
  let retries = 0;
  const statuses = new Map<number, number>();
  const confirmed = new Set<string>();
  const t0 = performance.now();
  await Promise.all(
    tokens.map(async (token) => {
      const key = randomUUID().replace(/-/g, '');
      for (let attempt = 1; attempt <= 5; attempt++) {
        const s = performance.now();
        const res = await call(`${api}/bookings`, { token, key, body: { slotId, mode: 'in_store' } });
        latencies.push(performance.now() - s);
        const timedOut = res.status === 0 || res.status >= 500;
        if (timedOut && attempt < 5) {
          retries++;
          continue;
        }
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        if ((res.status === 200 || res.status === 201) && res.body.id) confirmed.add(res.body.id);
        return;
      }
    }),
  );
  const wall = (performance.now() - t0) / 1000;

  const slots = await (await fetch(`${api}/outlets/o-laozheng/slots?serviceId=s01&from=${date}&days=1`)).json();
  const slot = (slots as any).items.find((s: any) => s.id === slotId);
  const inbox = await (await fetch(`${api}/merchant/bookings?date=${date}`, { headers: { authorization: `Bearer ${merchant}` } })).json();
  const live = (inbox as any).items.filter((b: any) => b.slotId === slotId && (b.state === 'requested' || b.state === 'accepted'));

  out('requests', REQUESTS);
  out('capacity', CAPACITY);
  out('confirmed', confirmed.size);
  out('oversold', Math.max(0, confirmed.size - CAPACITY, live.length - CAPACITY, slot.booked - CAPACITY));
  out('counter_mismatch', Math.abs(slot.booked - live.length));
  out('rejected_full', statuses.get(409) ?? 0);
  out('timeouts_retried', retries);
  out('p50_ms', ms(percentile(latencies, 50)));
  out('p99_ms', ms(percentile(latencies, 99)));
  out('mean_ms', ms(mean(latencies)));
  out('requests_per_s', (REQUESTS / wall).toFixed(1));
  out('wall_s', wall.toFixed(2));
});
