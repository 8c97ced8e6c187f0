/** The items an outlet's edits add beside its record: the revision waiting for review and the price history. */
import { getItem, queryAll, tableName } from '../db/client';
import { keys, withoutKeys } from '../db/keys';
import type { TransactItem } from '../db/transact';
import type { OutletFields } from '../../shared/revisions';
import type { PendingRevision, PriceChange, Service } from '../../shared/api';

/** What the worker will apply if they agree: the reviewed fields' new values and the held price items. */
export type RevisionRecord = PendingRevision & { apply: { fields: Partial<OutletFields>; services: Service[] } };

export function revisionPut(r: RevisionRecord): TransactItem {
  return { Put: { TableName: tableName(), Item: { ...keys.outletRevision(r.outletId), type: 'outletRevision', ...r } } };
}

/** Removes the waiting revision, only if it is still the one that was read (a newer edit may have replaced it). */
export function revisionDelete(outletId: string, revisionId?: string): TransactItem {
  return {
    Delete: {
      TableName: tableName(),
      Key: keys.outletRevision(outletId),
      ...(revisionId ? { ConditionExpression: '#id = :id', ExpressionAttributeNames: { '#id': 'id' }, ExpressionAttributeValues: { ':id': revisionId } } : {}),
    },
  };
}

export async function getRevision(outletId: string): Promise<RevisionRecord | undefined> {
  return getItem<RevisionRecord>(keys.outletRevision(outletId), { consistent: true });
}

export function priceChangePut(outletId: string, c: PriceChange): TransactItem {
  return { Put: { TableName: tableName(), Item: { ...keys.priceChange(outletId, c.at, c.serviceId), type: 'priceChange', outletId, ...c } } };
}

export async function listPriceChanges(outletId: string): Promise<PriceChange[]> {
  const items = await queryAll({
    KeyConditionExpression: 'PK = :pk AND begins_with(SK, :p)',
    ExpressionAttributeValues: { ':pk': keys.outletPartition(outletId), ':p': keys.priceChangePrefix },
    ScanIndexForward: false,
  });
  return items.map((i) => {
    const { outletId: _o, ...c } = withoutKeys<PriceChange & { outletId: string }>(i);
    void _o;
    return c;
  });
}
