/** Signing in (WeChat, or a demo user in the H5 build) and who the signed-in user is. */
import type { DemoUser, ListResponse, Me, SessionResponse } from '@shared/api';
import { api } from '@/services/api';

/** Exchanges wx.login's one-time code for a session. */
export const signInWithWechat = (code: string) => api.post<SessionResponse>('/auth/wechat', { code });

export const getDemoUsers = () => api.get<ListResponse<DemoUser>>('/auth/dev/users');

export const signInAsDemo = (userId: string) => api.post<SessionResponse>('/auth/dev', { userId });

export const getMe = () => api.get<Me>('/me');

/** 退出登录 on the server: every token of this user stops working, on this phone and any other. */
export const revokeSession = () => api.post<{ signedOut: true }>('/auth/sign-out');
