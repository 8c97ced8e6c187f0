/**
 * Residents' reports about an outlet (纠错) in DynamoDB: each person's 30-day gate, the outlet's open task (the
 * reports since the last resolution, versioned), and each resident's own copy where the outcome is written.
 */
import { getItem, queryAll, tableName } from '../db/client';
import { keys, withoutKeys } from '../db/keys';
import { transactWrite, TransactionFailed, type TransactItem } from '../db/transact';
import type { OutletReport, ReportTask } from '../../shared/api';
import type { ReportOutcome } from '../../shared/outlets';

export async function getReportTask(outletId: string): Promise<ReportTask | undefined> {
  return getItem<ReportTask>(keys.reportTask(outletId), { consistent: true });
}

function taskPut(task: ReportTask, readVersion: number): TransactItem {
  return {
    Put: {
      TableName: tableName(),
      Item: { ...keys.reportTask(task.outletId), ...(task.state === 'open' ? keys.reportTaskOfCircle(task.circleId, task.openedAt!, task.outletId) : {}), type: 'reportTask', ...task },
      ...(readVersion === 0 ? { ConditionExpression: 'attribute_not_exists(PK)' } : { ConditionExpression: '#v = :v', ExpressionAttributeNames: { '#v': 'version' }, ExpressionAttributeValues: { ':v': readVersion } }),
    },
  };
}

/**
 * Files one report: the reporter's gate (free again after 30 days), the task moved on from the version read,
 * and the reporter's own copy. 'tooSoon': they reported this outlet within the window; 'taskChanged': another
 * report got in first (read again and retry).
 */
export async function fileReport(task: ReportTask, readVersion: number, mine: OutletReport, userId: string, gateUntil: string, now: Date): Promise<'filed' | 'tooSoon' | 'taskChanged'> {
  try {
    await transactWrite({
      gate: {
        Put: {
          TableName: tableName(),
          Item: { ...keys.reportGate(task.outletId, userId), type: 'reportGate', until: gateUntil },
          ConditionExpression: 'attribute_not_exists(PK) OR #until < :now',
          ExpressionAttributeNames: { '#until': 'until' },
          ExpressionAttributeValues: { ':now': now.toISOString() },
        },
      },
      task: taskPut(task, readVersion),
      mine: { Put: { TableName: tableName(), Item: { ...keys.reportOfUser(userId, mine.at, mine.outletId), type: 'outletReport', ...mine } } },
    });
    return 'filed';
  } catch (e) {
    if (!(e instanceof TransactionFailed)) throw e;
    return e.has('gate') ? 'tooSoon' : 'taskChanged';
  }
}

/** The writes that close a task: it leaves the queue (as read), is kept as resolved, and each reporter hears the outcome. */
export function resolveItems(task: ReportTask, outcome: { outcome: ReportOutcome; note?: string; by: string; at: string }) {
  return {
    task: { Delete: { TableName: tableName(), Key: keys.reportTask(task.outletId), ConditionExpression: '#v = :v', ExpressionAttributeNames: { '#v': 'version' }, ExpressionAttributeValues: { ':v': task.version } } } as TransactItem,
    resolved: { Put: { TableName: tableName(), Item: { ...keys.resolvedReports(task.outletId, outcome.at), type: 'resolvedReports', ...task, ...outcome } } } as TransactItem,
    reporters: task.reports.map(
      (r): TransactItem => ({
        Update: {
          TableName: tableName(),
          Key: keys.reportOfUser(r.userId, r.at, task.outletId),
          UpdateExpression: `SET outcome = :o${outcome.note ? ', outcomeNote = :n' : ''}`,
          ExpressionAttributeValues: { ':o': outcome.outcome, ...(outcome.note ? { ':n': outcome.note } : {}) },
        },
      }),
    ),
  };
}

export async function writeResolution(items: ReturnType<typeof resolveItems>, audit: TransactItem): Promise<'resolved' | 'changedMeanwhile'> {
  try {
    await transactWrite({ ...items, audit });
    return 'resolved';
  } catch (e) {
    if (e instanceof TransactionFailed) return 'changedMeanwhile';
    throw e;
  }
}

export async function listReportTasks(circleId: string): Promise<ReportTask[]> {
  const items = await queryAll({ IndexName: 'GSI2', KeyConditionExpression: 'GSI2PK = :pk', ExpressionAttributeValues: { ':pk': keys.reportTasksOfCircle(circleId) } });
  return items.map((i) => withoutKeys<ReportTask>(i));
}

export async function listReportsOfUser(userId: string): Promise<OutletReport[]> {
  const items = await queryAll({
    KeyConditionExpression: 'PK = :pk AND begins_with(SK, :r)',
    ExpressionAttributeValues: { ':pk': keys.userPartition(userId), ':r': keys.reportOfUserPrefix },
    ScanIndexForward: false,
  });
  return items.map((i) => withoutKeys<OutletReport>(i));
}
