/** Builds a ProjectionExpression with every name aliased, so DynamoDB's reserved words never bite. */
export function projection(attributes: readonly string[]) {
  return {
    ProjectionExpression: attributes.map((_, i) => `#p${i}`).join(', '),
    ExpressionAttributeNames: Object.fromEntries(attributes.map((a, i) => [`#p${i}`, a])),
  };
}

/**
 * The Update of a compare-and-swap: sets `set` only while the item's `state` is one of `from`. Every name is
 * aliased. Used inside transactions, where the failed condition tells the caller someone moved it first.
 */
export function compareAndSet(tableName: string, key: Record<string, string>, from: readonly string[], set: Record<string, unknown>) {
  const names: Record<string, string> = { '#state': 'state' };
  const values: Record<string, unknown> = {};
  const assignments = Object.entries(set).map(([k, v], i) => {
    names[`#s${i}`] = k;
    values[`:s${i}`] = v;
    return `#s${i} = :s${i}`;
  });
  from.forEach((f, i) => (values[`:f${i}`] = f));
  return {
    Update: {
      TableName: tableName,
      Key: key,
      UpdateExpression: `SET ${assignments.join(', ')}`,
      ConditionExpression: `#state IN (${from.map((_, i) => `:f${i}`).join(', ')})`,
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
    },
  };
}

/**
 * The Update of a counter that never passes `max`: +1 while below it (absent counts as 0). Used for the day's
 * subsidised meals (tries at short codes are counted per window by db/limits.ts).
 */
export function boundedIncrement(tableName: string, key: Record<string, string>, counter: { attribute: string; max: number }) {
  const { attribute, max } = counter;
  return {
    TableName: tableName,
    Key: key,
    UpdateExpression: 'SET #n = if_not_exists(#n, :zero) + :one',
    ConditionExpression: 'attribute_not_exists(#n) OR #n < :max',
    ExpressionAttributeNames: { '#n': attribute },
    ExpressionAttributeValues: { ':zero': 0, ':one': 1, ':max': max },
  };
}
