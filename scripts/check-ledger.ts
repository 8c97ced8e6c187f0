/**
 * `npm run check:ledger`: against the running local stack (npm start), checks every points account: its
 * entries chain without gaps, each entry's balance is the running sum, and the sum equals the stored balance.
 * Exits 1 when anything is off. DYNAMODB_ENDPOINT / TABLE_NAME point it elsewhere.
 */
import { setLocalAwsEnv } from './stack';

async function main() {
  setLocalAwsEnv(process.env.DYNAMODB_ENDPOINT || 'http://127.0.0.1:8000', process.env.TABLE_NAME || 'yikezhong-local');
  const { auditLedger } = await import('../functions/points/account');
  const { toPoints } = await import('../functions/points/ledger');
  const report = await auditLedger();
  console.log(`accounts: ${report.accounts}`);
  console.log(`entries: ${report.entries}`);
  console.log(`points_held: ${toPoints(report.units)}`);
  console.log(`problems: ${report.problems.length}`);
  for (const p of report.problems) console.log(`  ${p}`);
  process.exit(report.problems.length ? 1 : 0);
}

main().catch((e) => {
  console.error(`check:ledger could not read the ledger (is \`npm start\` running?): ${(e as Error).message}`);
  process.exit(2);
});
