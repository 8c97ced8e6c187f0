/**
 * The endpoints of the supply side: 商户入驻 and 我的网点 (the applicant and merchant), 网点审核 / 纠错任务 /
 * 网点管理 (the circle's worker), and 我的纠错 (a resident's reports).
 */
import type { AuditEntry, ListResponse, Outlet, OutletReport, PendingRevision, ReportTask, Service } from '@shared/api';

export type { AuditEntry };
import type { DecisionReason, OutletStatus, ReportOutcome } from '@shared/outlets';
import type { Change } from '@shared/revisions';
import type { OutletApplication } from '@shared/schemas/outlet';
import { api, idempotent, path } from '@/services/api';

export { loadCircles } from '@/state/use-place';
export { getPriceHistory } from '@/services/api/outlets';

/** An outlet with its price list, as its applicant and worker see it (drafts included). */
export interface Application {
  outlet: Outlet;
  services: Service[];
}

/** One of the caller's outlets, in any status. */
export interface MyOutletRow {
  id: string;
  name: string;
  categories: string[];
  status: OutletStatus;
}


/** A line of the worker's queue, and why it is there. */
export interface ReviewItem {
  outlet: Outlet;
  status: OutletStatus;
  why: 'application' | 'revision' | 'stale' | 'status';
  /** The price list, when the server sends it with the queue (a worker cannot read a draft's otherwise). */
  services?: Service[];
}

export type WorkerAction = 'approve' | 'reject' | 'askChanges' | 'suspend' | 'reinstate' | 'closeTemporarily' | 'closePermanently';
export interface DecisionBody {
  action: WorkerAction;
  reason?: DecisionReason;
  note?: string;
  until?: string;
}

export interface RevisionResult extends Application {
  pending: PendingRevision | null;
  changes: Change[];
}

// ---- the applicant ----

/** A new draft; the key makes a retried tap (after a timeout) answer with the same draft instead of a second one. */
export const createApplication = (body: OutletApplication, key: string) => api.post<Application>('/merchant/applications', body, idempotent(key));

export const getMyOutlets = () => api.get<ListResponse<MyOutletRow>>('/merchant/applications');

export const getApplication = (id: string) => api.get<Application>(path`/merchant/applications/${id}`);

export const updateApplication = (id: string, body: OutletApplication) => api.post<Application>(path`/merchant/applications/${id}`, body);

export const submitApplication = (id: string) => api.post<Application>(path`/merchant/applications/${id}/submit`, {});

// ---- the merchant of a listed outlet ----

export const reviseOutlet = (id: string, body: OutletApplication) => api.post<RevisionResult>(path`/merchant/outlets/${id}/revisions`, body);

/** 信息无变化: every field confirmed today. */
export const confirmUnchanged = (id: string) => api.post<Outlet>(path`/merchant/outlets/${id}/confirm`, {});

export const getPendingRevision = (id: string) => api.get<{ revision: PendingRevision | null }>(path`/outlets/${id}/revision`);

export const getAudit = (id: string) => api.get<ListResponse<AuditEntry>>(path`/outlets/${id}/audit`);

// ---- the circle's worker ----

/** Without statuses: the review queue; with them: the circle's outlets in those statuses (网点管理). */
export const getReviewQueue = (statuses?: OutletStatus[]) => api.get<ListResponse<ReviewItem>>('/worker/outlets', { status: statuses?.join(',') });

/** 上门核实: the circle's worker confirms an outlet as recorded (the note says how). */
export const confirmAsWorker = (id: string, note: string) => api.post<Outlet>(path`/worker/outlets/${id}/confirm`, { note });

export const decideOutlet = (id: string, body: DecisionBody) => api.post<Outlet>(path`/worker/outlets/${id}/decisions`, body);

export const decideRevision = (id: string, body: { revisionId: string; action: 'approve' | 'reject'; reason?: DecisionReason; note?: string }) =>
  api.post<Outlet>(path`/worker/outlets/${id}/revision`, body);

export const getReportTasks = () => api.get<ListResponse<ReportTask>>('/worker/reports');

export const resolveReports = (outletId: string, body: { outcome: ReportOutcome; reason?: DecisionReason; note?: string }) =>
  api.post<ReportTask>(path`/worker/reports/${outletId}/resolve`, body);

// ---- a resident's reports ----

export const getMyReports = () => api.get<ListResponse<OutletReport>>('/me/reports');
