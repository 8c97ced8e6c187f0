/**
 * The endpoints of residents' needs (微诉求 / 需求清单): the circle's list (热榜 / 最新), one need, mine, filing one
 * (idempotent), 我也需要 and its withdrawal, the author's and the worker's actions, the worker's inbox with the
 * SLA colours, and the month's public figures.
 */
import type { FamilyLinks, ListResponse } from '@shared/api';
import type { NeedAction, NeedKind, Satisfaction } from '@shared/needs';
import type { MonthFigures, NeedView } from '@shared/needs-api';
import { api, idempotent, path } from '@/services/api';

export { loadCircles } from '@/state/use-place';
export type { NeedView };

export type NeedSort = 'hot' | 'new';

/** POST /needs. */
export interface NewNeedBody {
  circleId: string;
  compoundId: string;
  kind: NeedKind;
  title: string;
  text: string;
  outletId?: string;
  anonymous?: boolean;
  /** A linked elder the need is filed for (家属代提). */
  forUserId?: string;
}

/** POST /needs/{id}/actions: the note is required for every worker action and for 重办. */
export interface ActionBody {
  action: NeedAction;
  note?: string;
  owner?: string;
  expectedDate?: string;
  duplicateOf?: string;
  responsible?: string;
  rating?: Satisfaction;
}

/** GET /circles/{id}/needs/figures: the month's figures, computed by the server from the needs' histories. */
/** The month's public figures, as the server computes them. */
export type NeedFigures = MonthFigures;

export const getNeeds = (circleId: string, query: { compoundId?: string; sort: NeedSort }) => api.get<ListResponse<NeedView>>(path`/circles/${circleId}/needs`, query);

export const getNeed = (id: string) => api.get<NeedView>(path`/needs/${id}`);

export const getMyNeeds = () => api.get<ListResponse<NeedView>>('/me/needs');

/** The same key for the same need: a retried tap after a timeout never files it twice. */
export const fileNeed = (body: NewNeedBody, key: string) => api.post<NeedView>('/needs', body, idempotent(key));

export const supportNeed = (id: string) => api.post<NeedView>(path`/needs/${id}/support`, {});

export const withdrawSupport = (id: string) => api.post<NeedView>(path`/needs/${id}/support/withdraw`, {});

export const actOnNeed = (id: string, body: ActionBody) => api.post<NeedView>(path`/needs/${id}/actions`, body);

export const getInbox = (circleId: string) => api.get<ListResponse<NeedView>>(path`/worker/circles/${circleId}/needs`);

export const getFigures = (circleId: string, month: string) => api.get<NeedFigures>(path`/circles/${circleId}/needs/figures`, { month });

/** The elders this resident may file for (confirmed 亲情码 links). */
export const getFamilyLinks = () => api.get<FamilyLinks>('/family/links');
