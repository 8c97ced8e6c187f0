/** The endpoints the outlet subpackage talks to. */
import type { OutletReport } from '@shared/api';
import type { ReportKind } from '@shared/outlets';
import { api, path } from '@/services/api';

export { getOutlet, getPriceHistory } from '@/services/api/outlets';

/** 信息纠错: one report per person per outlet per 30 days (a second one is refused, kindly). */
export const reportOutlet = (id: string, body: { kind: ReportKind; note?: string }) => api.post<OutletReport>(path`/outlets/${id}/reports`, body);
