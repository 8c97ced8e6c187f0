import type { ReactNode } from 'react';
import { View, Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { ROLE_NAMES, type Role } from '@shared/api';
import { hasRole } from '@/services/roles';
import { TABS } from '@/services/routes';
import { useAppState } from '@/state/app-state';
import { ErrorState } from './StateView';

/** "请先登录，再…" with the way to the 我的 tab, where signing in happens. */
export function SignInFirst({ what }: { what: string }) {
  return (
    <View className="state">
      <Text className="state-text">请先登录，再{what}</Text>
      <Button className="big-button" type="primary" onClick={() => Taro.switchTab({ url: TABS.mine })}>
        去登录
      </Button>
    </View>
  );
}

/**
 * Shows its children to a signed-in user (holding `role`, when one is given); otherwise the invitation to sign
 * in, or `denied` (by default "只对<role>开放"). The server refuses anyway: this only spares a useless page.
 */
export function RoleGate({ role, what, denied, children }: { role?: Role; what: string; denied?: string; children: ReactNode }) {
  const { user } = useAppState();
  if (!user) return <SignInFirst what={what} />;
  if (role && !hasRole(user, role)) return <ErrorState message={denied ?? `只对${ROLE_NAMES[role]}开放`} />;
  return <>{children}</>;
}
