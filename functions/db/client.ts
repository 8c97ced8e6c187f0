import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { withoutKeys } from './keys';
import tableDefinition from './table.json';

let doc: DynamoDBDocumentClient | undefined;

/** The table name comes from the stage's configuration (TABLE_NAME); the endpoint only when running locally. */
export function tableName(): string {
  const name = process.env.TABLE_NAME;
  if (!name) throw new Error('TABLE_NAME is not set');
  return name;
}

export function rawClient(): DynamoDBClient {
  const endpoint = process.env.DYNAMODB_ENDPOINT;
  return new DynamoDBClient({
    region: process.env.AWS_REGION ?? 'ap-east-1',
    ...(endpoint ? { endpoint } : {}),
    maxAttempts: 3,
  });
}

export function db(): DynamoDBDocumentClient {
  doc ??= DynamoDBDocumentClient.from(rawClient(), {
    marshallOptions: { removeUndefinedValues: true },
  });
  return doc;
}

export { tableDefinition };

/** Every item of a Query, following LastEvaluatedKey through all pages. */
export async function queryAll(input: Omit<QueryCommandInput, 'TableName' | 'ExclusiveStartKey'>): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let ExclusiveStartKey: QueryCommandInput['ExclusiveStartKey'];
  do {
    const res = await db().send(new QueryCommand({ ...input, TableName: tableName(), ExclusiveStartKey }));
    items.push(...(res.Items ?? []));
    ExclusiveStartKey = res.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return items;
}

/** One item by key, without its key attributes; strongly consistent when it guards a write (capacity, state). */
export async function getItem<T>(key: Record<string, string>, opts: { consistent?: boolean } = {}): Promise<T | undefined> {
  const res = await db().send(new GetCommand({ TableName: tableName(), Key: key, ...(opts.consistent ? { ConsistentRead: true } : {}) }));
  return res.Item ? withoutKeys<T>(res.Item) : undefined;
}
