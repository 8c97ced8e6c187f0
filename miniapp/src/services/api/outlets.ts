/** One outlet, its bookable slots and its price history: read by several subpackages alike. */
import type { ListResponse, OutletDetail, PriceChange, Slot } from '@shared/api';
import { api, path } from '@/services/api';

export const getOutlet = (id: string) => api.get<OutletDetail>(path`/outlets/${id}`);

export const getSlots = (outletId: string, query: { serviceId: string; days: number }) =>
  api.get<ListResponse<Slot>>(path`/outlets/${outletId}/slots`, query);

/** 价格变动记录 (public): the outlet page and 我的网点. */
export const getPriceHistory = (id: string) => api.get<ListResponse<PriceChange>>(path`/outlets/${id}/prices`);
