/**
 * Starts one local stack (in-memory DynamoDB Local, demo data, functions, fake WeChat, H5 server when the
 * H5 build exists) for the integration and e2e projects together; both projects' setups land here, so
 * the second call reuses the first stack.
 */
import fs from 'node:fs';
import path from 'node:path';
import { startStack, freePort, ROOT, type Stack } from '../../scripts/stack';

declare global {
  // eslint-disable-next-line no-var
  var __YKZ_STACK__: Promise<Stack> | undefined;
}

export default async function globalSetup(): Promise<void> {
  const hasH5 = fs.existsSync(path.join(ROOT, 'miniapp', 'dist', 'h5', 'index.html'));
  process.env.STACK_QUIET = '1';
  const functionLogFile = path.join(ROOT, 'artifacts', 'function-log.jsonl');
  globalThis.__YKZ_STACK__ ??= startStack({ fakeWechat: true, h5Port: hasH5 ? await freePort() : undefined, functionLogFile });
  const stack = await globalThis.__YKZ_STACK__;
  process.env.YKZ_API_URL = stack.apiUrl;
  process.env.YKZ_DYNAMO_ENDPOINT = stack.dynamoEndpoint;
  process.env.YKZ_H5_URL = stack.h5Url ?? '';
  // Tests read the functions' output (to check what gets logged) from this file.
  process.env.YKZ_FUNCTION_LOG = functionLogFile;
}
