import { expireAll } from './account';

/** Daily (00:10 China time): writes off points past their expiry on every account, oldest first. */
export async function expire(): Promise<{ accounts: number; expired: number; failed: number }> {
  const started = Date.now();
  const result = await expireAll(new Date());
  console.log(JSON.stringify({ level: 'info', msg: 'points expiry', ...result, latencyMs: Date.now() - started }));
  return result;
}
