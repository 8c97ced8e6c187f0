/**
 * `npm run check:health`: against the running local stack (npm start), every circle-health report the cache
 * would serve now equals one computed afresh from the nearby index (functions/health/cache-check.ts).
 * Exits 1 on any difference. DYNAMODB_ENDPOINT / TABLE_NAME point it elsewhere.
 */
import { setLocalAwsEnv } from './stack';

async function main() {
  setLocalAwsEnv(process.env.DYNAMODB_ENDPOINT || 'http://127.0.0.1:8000', process.env.TABLE_NAME || 'yikezhong-local');
  const { checkHealthCache } = await import('../functions/health/cache-check');
  const started = Date.now();
  const report = await checkHealthCache();
  console.log(`circles: ${report.circles}`);
  console.log(`cached_reports: ${report.cachedReports}`);
  console.log(`health_problems: ${report.problems.length}`);
  console.log(`check_s: ${((Date.now() - started) / 1000).toFixed(1)}`);
  for (const p of report.problems.slice(0, 50)) console.log(`  ${p}`);
  process.exit(report.problems.length ? 1 : 0);
}

main().catch((e) => {
  console.error(`check:health could not read the table (is \`npm start\` running?): ${(e as Error).message}`);
  process.exit(2);
});
