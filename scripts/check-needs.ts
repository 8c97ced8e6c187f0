/**
 * `npm run check:needs`: against the running local stack (npm start), every need's support count equals its
 * support items (functions/needs/support-check.ts). Exits 1 on any difference.
 */
import { setLocalAwsEnv } from './stack';

async function main() {
  setLocalAwsEnv(process.env.DYNAMODB_ENDPOINT || 'http://127.0.0.1:8000', process.env.TABLE_NAME || 'yikezhong-local');
  const { checkSupports } = await import('../functions/needs/support-check');
  const report = await checkSupports();
  console.log(`needs: ${report.needs}`);
  console.log(`supports: ${report.supports}`);
  console.log(`support_problems: ${report.problems.length}`);
  for (const p of report.problems.slice(0, 50)) console.log(`  ${p}`);
  process.exit(report.problems.length ? 1 : 0);
}

main().catch((e) => {
  console.error(`check:needs could not read the table (is \`npm start\` running?): ${(e as Error).message}`);
  process.exit(2);
});
