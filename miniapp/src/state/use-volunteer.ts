import { becomeVolunteer } from '@/services/api/volunteering';
import { hasRole } from '@/services/roles';
import { useMutation } from '@/services/use-mutation';
import { useAppState } from './app-state';

/** "成为志愿者": registers the role, then reads the user again so the session carries the new role. */
export function useBecomeVolunteer() {
  const { user, refreshUser } = useAppState();
  const join = useMutation(
    async () => {
      await becomeVolunteer();
      await refreshUser();
    },
    { done: '已成为志愿者' },
  );
  const become = async (): Promise<boolean> => (user ? join.run() : false);
  return { isVolunteer: hasRole(user, 'volunteer'), joining: join.busy, become };
}
