import { becomeVolunteer } from '@/services/api/volunteering';
import { useAction } from '@/services/use-action';
import { useAppState } from './app-state';

/** "成为志愿者": registers the role, then reads the user again so the session carries the new role. */
export function useBecomeVolunteer() {
  const { user, refreshUser } = useAppState();
  const { busy, run } = useAction();
  const become = async (): Promise<boolean> => {
    if (!user) return false;
    return run(async () => {
      await becomeVolunteer();
      await refreshUser();
    }, '已成为志愿者');
  };
  return { isVolunteer: !!user?.roles.includes('volunteer'), joining: busy, become };
}
