import * as z from 'zod/mini';
import { gzippedJson, HttpResult, route, scheduled } from '../http/handler';
import { idParam, int } from '../http/validate';
import { DEFAULT_PROFILE_ID, HEALTH_PROFILE_IDS } from '../../shared/health/standards';
import { compoundView, snapshotAll, updateFigures, workerCompoundHealth, workerHealth } from './report';
import { healthCsv } from './csv';

const circlePath = z.object({ id: idParam });
const compoundPath = z.object({ id: idParam, cid: idParam });
const profileQuery = z.object({ profile: z.optional(z.enum(HEALTH_PROFILE_IDS, '没有这个评价标准')) });

/** The figures the worker keeps for a compound; at most a large 小区 of 100,000 residents. */
const figuresBody = z.object({
  households: int(0, 50_000, '户数应为 0–50000 的整数'),
  residents: int(0, 100_000, '居民人数应为 0–100000 的整数'),
  elderlyShare: z.number('60岁以上占比应为 0–1 的小数').check(z.minimum(0, '60岁以上占比应为 0–1 的小数'), z.maximum(1, '60岁以上占比应为 0–1 的小数')),
});

export const health = route(
  { route: 'GET /worker/circles/{id}/health', fn: 'circleHealth', role: 'OutletsRole', auth: 'required', path: circlePath, query: profileQuery },
  async ({ user, path, query, headers, now }) => {
    const served = await workerHealth(user, path.id, query.profile ?? DEFAULT_PROFILE_ID, now);
    return gzippedJson(served.gz, headers, { 'x-health-cache': served.cached ? 'hit' : 'miss', 'x-items-read': String(served.itemsRead) });
  },
);

export const compoundHealth = route(
  { route: 'GET /worker/circles/{id}/health/communities/{cid}', fn: 'circleHealthCompound', role: 'OutletsRole', auth: 'required', path: compoundPath, query: profileQuery },
  async ({ user, path, query, now }) => workerCompoundHealth(user, path.id, path.cid, query.profile ?? DEFAULT_PROFILE_ID, now),
);

export const healthCsvRoute = route(
  { route: 'GET /worker/circles/{id}/health.csv', fn: 'circleHealthCsv', role: 'OutletsRole', auth: 'required', path: circlePath, query: profileQuery },
  async ({ user, path, query, now }) => {
    const report = (await workerHealth(user, path.id, query.profile ?? DEFAULT_PROFILE_ID, now)).report();
    return new HttpResult(200, healthCsv(report), {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="circle-health-${report.circleId}.csv"`,
    });
  },
);

export const figures = route(
  { route: 'POST /worker/circles/{id}/communities/{cid}', fn: 'compoundFigures', role: 'OutletsRole', auth: 'required', path: compoundPath, body: figuresBody },
  async ({ user, path, body, now }) => updateFigures(user, path.id, path.cid, body, now),
);

export const residentView = route(
  { route: 'GET /circles/{id}/communities/{cid}/health', fn: 'compoundView', role: 'OutletsRole', auth: 'none', path: compoundPath },
  async ({ path, now }) => compoundView(path.id, path.cid, now),
);

export const snapshot = scheduled(
  { fn: 'healthSnapshot', role: 'OutletsRole', schedule: 'cron(30 15 L * ? *)', timeout: 300, why: '23:30 China time on the last day of the month: each circle\'s health for that month, for the trend.' },
  async () => snapshotAll(new Date()),
);
