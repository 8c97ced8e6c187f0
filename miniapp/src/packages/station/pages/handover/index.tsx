import { useState } from 'react';
import { View, Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import type { Me, Redemption } from '@shared/api';
import { inShanghai } from '@shared/time';
import { formatPoints } from '@shared/points';
import { Page } from '@/components/Page';
import { Async } from '@/components/Async';
import { CodeEntry } from '@/components/CodeEntry';
import { ErrorState } from '@/components/StateView';
import { RoleGate } from '@/components/RoleGate';
import { stationsOf } from '@/services/points';
import { ROUTES } from '@/services/routes';
import { getStationRedemptions, handOver as handOverCode } from '@/packages/station/api';
import { useReloadOnShow } from '@/services/use-reload-on-show';
import { useMutation } from '@/services/use-mutation';
import { useRequest } from '@/services/use-request';
import { useAppState } from '@/state/app-state';
import '@/styles/points.scss';

/** The exchange station's counter: type the resident's 8-digit code, hand over the goods, see recent ones. */
export default function HandoverPage() {
  const { user, refreshUser } = useAppState();
  // The stored session may predate a new station: read the user's outlets again, showing the stored ones meanwhile.
  const me = useRequest(refreshUser, [user?.id], !!user);
  const known: Me | null = me.data ?? (stationsOf(user).length ? user : null);

  return (
    <Page className="station-handover">
      <RoleGate what="核销兑换码">
        <Async request={{ ...me, data: known }}>
          {(u) => {
            const stations = stationsOf(u);
            return stations.length ? <Counter stations={stations} /> : <ErrorState message="您还没有管理的积分兑换点" />;
          }}
        </Async>
      </RoleGate>
    </Page>
  );
}

function Counter({ stations }: { stations: Me['outlets'] }) {
  const [chosen, setChosen] = useState<string | null>(null);
  const station = stations.find((s) => s.id === chosen) ?? stations[0];
  const recent = useRequest(() => getStationRedemptions(station.id), [station.id]);
  useReloadOnShow(recent);
  // What to hand over, or (inline, large) why not: a toast is too easy to miss at a busy counter.
  const [handed, setHanded] = useState<Redemption | null>(null);
  const handOver = useMutation((code: string) => handOverCode(station.id, code), {
    errors: 'inline',
    done: '已发放',
    after: (r) => {
      setHanded(r);
      recent.reload();
    },
  });
  const clear = () => {
    setHanded(null);
    handOver.reset();
  };

  return (
    <>
      {stations.length > 1 && (
        <View className="filters">
          {stations.map((s) => (
            <View key={s.id} className={`chip ${s.id === station.id ? 'active' : ''}`} data-outlet-id={s.id} onClick={() => { setChosen(s.id); clear(); }}>
              <Text>{s.name}</Text>
            </View>
          ))}
        </View>
      )}
      <View className="card" data-outlet-id={station.id}>
        <Text className="card-title">{station.name}</Text>
        <CodeEntry
          digits={8}
          placeholder="8位兑换码"
          label="确认发放"
          hint="请输入居民出示的8位兑换码"
          busy={handOver.busy}
          inputTestId="handover-code-input"
          buttonTestId="handover"
          onTyping={clear}
          onSubmit={(code) => {
            setHanded(null);
            return handOver.run(code);
          }}
        />
        {handed && (
          <View className="handover-result ok" data-testid="handover-result" data-redemption-id={handed.id}>
            <Text className="handover-title">✓ 请发放：{handed.rewardName}</Text>
            <Text>兑换人：{handed.userName} · {formatPoints(handed.pricePoints)}分</Text>
          </View>
        )}
        {handOver.error && (
          <View className="handover-result fail" data-testid="handover-error" role="alert">
            <Text className="handover-title">✗ {handOver.error}</Text>
            <Text>请核对兑换码，不要发放物品。</Text>
          </View>
        )}
      </View>
      <Button className="big-button wide-button" data-testid="station-rewards" onClick={() => Taro.navigateTo({ url: ROUTES.stationRewards(station.id) })}>
        管理兑换物品
      </Button>
      <View className="section-title">
        <Text>最近的兑换</Text>
        {recent.data && <Text className="section-count">共{recent.data.items.length}笔</Text>}
      </View>
      <Async request={recent} empty="还没有人在这里兑换过">
        {({ items }) =>
          [...items]
            .sort((a, b) => (b.handedOverAt ?? b.createdAt).localeCompare(a.handedOverAt ?? a.createdAt))
            .slice(0, 50)
            .map((r) => (
              <View key={r.id} className="card redemption-card" data-redemption-id={r.id} data-state={r.state}>
                <View className="activity-head">
                  <Text className="card-title">{r.rewardName}</Text>
                  <Text className={`activity-badge state-${r.state}`}>{r.stateName}</Text>
                </View>
                <Text>{r.userName} · {formatPoints(r.pricePoints)}分</Text>
                <Text className="muted">
                  {inShanghai(r.createdAt).format('MM-DD HH:mm')} 兑换
                  {r.handedOverAt ? ` · ${inShanghai(r.handedOverAt).format('MM-DD HH:mm')} 已发放` : ''}
                  {r.cancelledAt ? ` · ${inShanghai(r.cancelledAt).format('MM-DD HH:mm')} 已取消` : ''}
                </Text>
              </View>
            ))
        }
      </Async>
    </>
  );
}
