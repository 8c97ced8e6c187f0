/**
 * `npm run check:index`: against the running local stack (npm start), checks the nearby index: every findable
 * outlet has exactly the entries its record calls for, with current list fields, in its pin's cell, and no
 * other outlet has any (functions/outlets/index-check.ts). Exits 1 on any problem. DYNAMODB_ENDPOINT /
 * TABLE_NAME point it elsewhere.
 */
import { setLocalAwsEnv } from './stack';

async function main() {
  setLocalAwsEnv(process.env.DYNAMODB_ENDPOINT || 'http://127.0.0.1:8000', process.env.TABLE_NAME || 'yikezhong-local');
  const { checkIndex } = await import('../functions/outlets/index-check');
  const started = Date.now();
  const report = await checkIndex();
  console.log(`circles: ${report.circles}`);
  console.log(`outlets: ${report.outlets}`);
  console.log(`findable: ${report.findable}`);
  console.log(`index_problems: ${report.problems.length}`);
  console.log(`check_s: ${((Date.now() - started) / 1000).toFixed(1)}`);
  for (const p of report.problems.slice(0, 50)) console.log(`  ${p}`);
  process.exit(report.problems.length ? 1 : 0);
}

main().catch((e) => {
  console.error(`check:index could not read the table (is \`npm start\` running?): ${(e as Error).message}`);
  process.exit(2);
});
