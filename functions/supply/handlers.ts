import * as z from 'zod/mini';
import { created, route } from '../http/handler';
import { dateParam, idParam, idempotencyKeyOf, text } from '../http/validate';
import { outletApplicationSchema } from '../../shared/schemas/outlet';
import { DECISION_REASONS, OUTLET_STATUSES, REPORT_KINDS, REPORT_OUTCOMES, type DecisionReason, type OutletStatus, type ReportKind, type ReportOutcome } from '../../shared/outlets';
import { myReports, reportOutlet, reportTasks, resolveReports } from './corrections';
import { apply, myApplication, myOutlets, submitApplication, updateApplication } from './onboarding';
import { decideOutlet, outletAudit, reviewQueue } from './review';
import { confirmUnchanged, decideRevision, editOutlet, pendingRevision, priceHistory, workerConfirm } from './edits';

const idPath = z.object({ id: idParam });

// ---- the applicant (商户入驻) ----

export const applyRoute = route(
  { route: 'POST /merchant/applications', fn: 'outletApply', role: 'OutletsRole', auth: 'required', body: outletApplicationSchema },
  async ({ user, body, headers, now }) => {
    const { application, replayed } = await apply(user, body, idempotencyKeyOf(headers), now);
    return replayed ? application : created(application);
  },
);

export const mine = route({ route: 'GET /merchant/applications', fn: 'outletApplications', role: 'PublicReadRole', auth: 'required' }, async ({ user }) => myOutlets(user));

export const application = route({ route: 'GET /merchant/applications/{id}', fn: 'outletApplication', role: 'PublicReadRole', auth: 'required', path: idPath }, async ({ user, path }) =>
  myApplication(user, path.id),
);

export const update = route(
  { route: 'POST /merchant/applications/{id}', fn: 'outletApplicationUpdate', role: 'OutletsRole', auth: 'required', path: idPath, body: outletApplicationSchema },
  async ({ user, path, body }) => updateApplication(user, path.id, body),
);

export const submit = route({ route: 'POST /merchant/applications/{id}/submit', fn: 'outletSubmit', role: 'OutletsRole', auth: 'required', path: idPath }, async ({ user, path, now }) =>
  submitApplication(user, path.id, now),
);

// ---- the circle's worker (进图) ----

const statusList = z.pipe(
  z.string().check(z.maxLength(200)),
  z.transform((s) => s.split(',').filter(Boolean)),
);

export const queue = route(
  { route: 'GET /worker/outlets', fn: 'outletReviewQueue', role: 'PublicReadRole', auth: 'required', query: z.object({ status: z.optional(z.pipe(statusList, z.array(z.enum(OUTLET_STATUSES)))) }) },
  async ({ user, query, now }) => reviewQueue(user, query.status?.length ? (query.status as OutletStatus[]) : undefined, now),
);

export const decision = route(
  {
    route: 'POST /worker/outlets/{id}/decisions',
    fn: 'outletDecision',
    role: 'OutletsRole',
    auth: 'required',
    path: idPath,
    body: z.strictObject({
      action: z.enum(['approve', 'reject', 'askChanges', 'suspend', 'reinstate', 'closeTemporarily', 'closePermanently']),
      reason: z.optional(z.enum(Object.keys(DECISION_REASONS) as [DecisionReason, ...DecisionReason[]])),
      note: z.optional(text('说明', 200, 0)),
      until: z.optional(dateParam),
    }),
  },
  async ({ user, path, body, now }) => decideOutlet(user, path.id, body, now),
);

export const audit = route({ route: 'GET /outlets/{id}/audit', fn: 'outletAudit', role: 'PublicReadRole', auth: 'required', path: idPath }, async ({ user, path }) => outletAudit(user, path.id));

// ---- a listed outlet kept current ----

export const edit = route(
  { route: 'POST /merchant/outlets/{id}/revisions', fn: 'outletEdit', role: 'OutletsRole', auth: 'required', path: idPath, body: outletApplicationSchema },
  async ({ user, path, body, now }) => editOutlet(user, path.id, body, now),
);

export const workerConfirmRoute = route(
  { route: 'POST /worker/outlets/{id}/confirm', fn: 'outletWorkerConfirm', role: 'OutletsRole', auth: 'required', path: idPath, body: z.object({ note: text('核实说明', 200) }) },
  async ({ user, path, body, now }) => workerConfirm(user, path.id, body.note, now),
);

export const confirm = route({ route: 'POST /merchant/outlets/{id}/confirm', fn: 'outletConfirm', role: 'OutletsRole', auth: 'required', path: idPath }, async ({ user, path, now }) =>
  confirmUnchanged(user, path.id, now),
);

export const revision = route({ route: 'GET /outlets/{id}/revision', fn: 'outletRevision', role: 'PublicReadRole', auth: 'required', path: idPath }, async ({ user, path }) => pendingRevision(user, path.id));

export const revisionDecision = route(
  {
    route: 'POST /worker/outlets/{id}/revision',
    fn: 'outletRevisionDecision',
    role: 'OutletsRole',
    auth: 'required',
    path: idPath,
    body: z.strictObject({
      revisionId: idParam,
      action: z.enum(['approve', 'reject']),
      reason: z.optional(z.enum(Object.keys(DECISION_REASONS) as [DecisionReason, ...DecisionReason[]])),
      note: z.optional(text('说明', 200, 0)),
    }),
  },
  async ({ user, path, body, now }) => decideRevision(user, path.id, body, now),
);

export const prices = route({ route: 'GET /outlets/{id}/prices', fn: 'outletPriceHistory', role: 'PublicReadRole', auth: 'none', path: idPath }, async ({ path }) => priceHistory(path.id));

// ---- residents' corrections (纠错) ----

export const report = route(
  {
    route: 'POST /outlets/{id}/reports',
    fn: 'outletReport',
    role: 'OutletsRole',
    auth: 'required',
    path: idPath,
    body: z.strictObject({ kind: z.enum(Object.keys(REPORT_KINDS) as [ReportKind, ...ReportKind[]]), note: z.optional(text('说明', 200, 0)) }),
  },
  async ({ user, path, body, now }) => created(await reportOutlet(user, path.id, body, now)),
);

export const myReportsRoute = route({ route: 'GET /me/reports', fn: 'myOutletReports', role: 'PublicReadRole', auth: 'required' }, async ({ user }) => myReports(user));

export const tasks = route({ route: 'GET /worker/reports', fn: 'outletReportTasks', role: 'PublicReadRole', auth: 'required' }, async ({ user }) => reportTasks(user));

export const resolve = route(
  {
    route: 'POST /worker/reports/{id}/resolve',
    fn: 'outletReportResolve',
    role: 'OutletsRole',
    auth: 'required',
    path: idPath,
    body: z.strictObject({
      outcome: z.enum(Object.keys(REPORT_OUTCOMES) as [ReportOutcome, ...ReportOutcome[]]),
      reason: z.optional(z.enum(Object.keys(DECISION_REASONS) as [DecisionReason, ...DecisionReason[]])),
      note: z.optional(text('说明', 200, 0)),
    }),
  },
  async ({ user, path, body, now }) => resolveReports(user, path.id, body, now),
);
