import { useState } from 'react';
import Taro from '@tarojs/taro';
import type { Me } from '@shared/api';
import { api, errorMessage } from '../services/api';
import { useAppState } from './app-state';

/** "成为志愿者": registers the role, then reads the user again so the session carries the new role. */
export function useBecomeVolunteer() {
  const { user, updateUser } = useAppState();
  const [joining, setJoining] = useState(false);
  const become = async (): Promise<boolean> => {
    if (!user) return false;
    setJoining(true);
    try {
      const res = await api.post<{ id: string; roles: Me['roles'] }>('/me/volunteer', {});
      const me = await api.get<Me>('/me').catch(() => ({ ...user, roles: res.roles }));
      updateUser(me);
      Taro.showToast({ title: '已成为志愿者', icon: 'success' });
      return true;
    } catch (e) {
      Taro.showToast({ title: errorMessage(e), icon: 'none' });
      return false;
    } finally {
      setJoining(false);
    }
  };
  return { isVolunteer: !!user?.roles.includes('volunteer'), joining, become };
}
