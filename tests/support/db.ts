/**
 * Direct access to the test stack's DynamoDB Local, for what HTTP cannot do: auditing the whole ledger, and
 * fixtures that stand for time having passed (a check-in made hours ago).
 */
import { setLocalAwsEnv } from '../../scripts/stack';

export function useStackTable(): void {
  const endpoint = process.env.YKZ_DYNAMO_ENDPOINT;
  if (!endpoint) throw new Error('YKZ_DYNAMO_ENDPOINT not set: run through jest projects with the global setup');
  setLocalAwsEnv(endpoint, 'yikezhong-local');
}
