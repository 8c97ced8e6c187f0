/** The endpoints of the exchange station's counter: hand over by code, and the station's own rewards. */
import type { ListResponse, Redemption, Reward, RewardChange, RewardDraft, Station } from '@shared/api';
import { api, path } from '@/services/api';

export const getStationRedemptions = (outletId: string) => api.get<ListResponse<Redemption>>(path`/station/outlets/${outletId}/redemptions`);

/** The resident's 8-digit code; it works once. */
export const handOver = (outletId: string, code: string) => api.post<Redemption>(path`/station/outlets/${outletId}/handover`, { code });

/** The station's rewards as its operator sees them (unlisted ones too). */
export const getStationRewards = (outletId: string) => api.get<Station>(path`/station/outlets/${outletId}/rewards`);

export const addReward = (outletId: string, body: RewardDraft) => api.post<Reward>(path`/station/outlets/${outletId}/rewards`, body);

export const changeReward = (outletId: string, rewardId: string, body: RewardChange) =>
  api.post<Reward>(path`/station/outlets/${outletId}/rewards/${rewardId}`, body);
