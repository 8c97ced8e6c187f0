/**
 * The endpoints of circle health (圈子体检): the worker's report of their circle, one compound of it, the
 * compound figures, the CSV of the matrix; and a resident's view of their own compound (no sign-in).
 */
import type { CircleHealth, Compound, CompoundFigures, CompoundHealth, CompoundView, TypeInfo } from '@shared/health/types';
import { api, downloadFile, path } from '@/services/api';

export { loadCircles } from '@/state/use-place';

/** One compound's row of the report, with the types its cells line up with. */
export interface CompoundReport {
  circleId: string;
  circleName: string;
  profile: CircleHealth['profile'];
  types: TypeInfo[];
  compound: CompoundHealth;
}

export type FiguresBody = Pick<CompoundFigures, 'households' | 'residents' | 'elderlyShare'>;

export const getCircleHealth = (circleId: string, profile: string) => api.get<CircleHealth>(path`/worker/circles/${circleId}/health`, { profile });

export const getCompoundHealth = (circleId: string, compoundId: string, profile: string) =>
  api.get<CompoundReport>(path`/worker/circles/${circleId}/health/communities/${compoundId}`, { profile });

/** Households, residents and the 60+ share of a compound (numbers may be null: the server says what is wanted). */
export const saveFigures = (circleId: string, compoundId: string, body: { [K in keyof FiguresBody]: FiguresBody[K] | null }) =>
  api.post<Compound>(path`/worker/circles/${circleId}/communities/${compoundId}`, body);

/** The matrix as CSV (UTF-8 with BOM, for Excel): the downloaded file's temporary path. */
export const downloadHealthCsv = (circleId: string, profile: string) => downloadFile(path`/worker/circles/${circleId}/health.csv`, { profile });

export const getCompoundView = (circleId: string, compoundId: string) => api.get<CompoundView>(path`/circles/${circleId}/communities/${compoundId}/health`);
