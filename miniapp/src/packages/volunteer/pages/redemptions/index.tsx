import { View, Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import type { Redemption } from '@shared/api';
import { inShanghai } from '@shared/time';
import { formatPoints } from '@shared/points';
import { Page } from '@/components/Page';
import { Async } from '@/components/Async';
import { RoleGate } from '@/components/RoleGate';
import { groupDigits } from '@/services/points';
import { ROUTES } from '@/services/routes';
import { getMyRedemptions } from '@/packages/volunteer/api';
import { useReloadOnShow } from '@/services/use-reload-on-show';
import { useRequest } from '@/services/use-request';
import { useAppState } from '@/state/app-state';
import '@/styles/points.scss';

/** All my redemptions, those still to collect first; a tap opens the code. */
export default function RedemptionsPage() {
  const { user } = useAppState();
  const list = useRequest(getMyRedemptions, [user?.id], !!user);
  useReloadOnShow(list);

  // Those still to collect first, then the newest.
  const sorted = (items: Redemption[]) =>
    [...items].sort((a, b) => Number(b.state === 'issued') - Number(a.state === 'issued') || b.createdAt.localeCompare(a.createdAt));

  return (
    <Page className="redemptions">
      <RoleGate what="查看兑换记录">
        <Async
          request={list}
          empty="还没有兑换过物品"
          emptyAction={
            <Button className="big-button" type="primary" onClick={() => Taro.redirectTo({ url: ROUTES.rewards })}>
              去看看能换什么
            </Button>
          }
        >
          {(data) =>
            sorted(data.items).map((r) => (
              <View
                key={r.id}
                className="card redemption-card"
                hoverClass="pressed"
                data-redemption-id={r.id}
                data-state={r.state}
                onClick={() => Taro.navigateTo({ url: ROUTES.redemption(r.id) })}
              >
                <View className="activity-head">
                  <Text className="card-title">{r.rewardName}</Text>
                  <Text className={`activity-badge state-${r.state}`}>{r.stateName}</Text>
                </View>
                {r.state === 'issued' && (
                  <View className="pickup">
                    <Text className="pickup-label">兑换码</Text>
                    <Text className="pickup-code">{groupDigits(r.code, 4)}</Text>
                  </View>
                )}
                <Text>{r.outletName} · {formatPoints(r.pricePoints)}分</Text>
                <Text className="muted">{inShanghai(r.createdAt).format('YYYY-MM-DD HH:mm')} 兑换</Text>
              </View>
            ))
          }
        </Async>
      </RoleGate>
    </Page>
  );
}
