import { scheduled } from '../http/handler';
import { expireAll } from './account';

/** Daily (00:10 China time): writes off points past their expiry on every account, oldest first. */
export const expire = scheduled(
  { fn: 'pointsExpiry', role: 'PointsRole', schedule: 'cron(10 16 * * ? *)', timeout: 300, why: '00:10 China time every day: points past their expiry are written off (oldest first).' },
  async (): Promise<{ accounts: number; expired: number; failed: number }> => {
  const started = Date.now();
  const result = await expireAll(new Date());
  console.log(JSON.stringify({ level: 'info', msg: 'points expiry', ...result, latencyMs: Date.now() - started }));
  return result;
  },
);
