/** One outlet and its bookable slots: read by the outlet, booking and merchant subpackages alike. */
import type { ListResponse, OutletDetail, Slot } from '@shared/api';
import { api, path } from '@/services/api';

export const getOutlet = (id: string) => api.get<OutletDetail>(path`/outlets/${id}`);

export const getSlots = (outletId: string, query: { serviceId: string; days: number }) =>
  api.get<ListResponse<Slot>>(path`/outlets/${outletId}/slots`, query);
