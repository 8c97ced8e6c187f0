import { useState } from 'react';
import { View, Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import type { Me, Redemption } from '@shared/api';
import { inShanghai } from '@shared/time';
import { Page } from '@/components/Page';
import { Async } from '@/components/Async';
import { CodeEntry } from '@/components/CodeEntry';
import { ErrorState } from '@/components/StateView';
import { SignInFirst } from '@/components/SignInFirst';
import { errorMessage } from '@/services/api';
import { formatPoints, stationsOf } from '@/services/points';
import { ROUTES } from '@/services/routes';
import { getStationRedemptions, handOver as handOverCode } from '@/packages/station/api';
import { useReloadOnShow } from '@/services/use-reload-on-show';
import { useRequest } from '@/services/use-request';
import { useAppState } from '@/state/app-state';
import '@/styles/points.scss';

type Result = { ok: true; r: Redemption } | { ok: false; message: string };

/** The exchange station's counter: type the resident's 8-digit code, hand over the goods, see recent ones. */
export default function HandoverPage() {
  const { user, refreshUser } = useAppState();
  // The stored session may predate a new station: read the user's outlets again, showing the stored ones meanwhile.
  const me = useRequest(refreshUser, [user?.id], !!user);
  const known: Me | null = me.data ?? (stationsOf(user).length ? user : null);

  if (!user) return <Page><SignInFirst what="核销兑换码" /></Page>;
  return (
    <Page className="station-handover">
      <Async request={{ ...me, data: known }}>
        {(u) => {
          const stations = stationsOf(u);
          return stations.length ? <Counter stations={stations} /> : <ErrorState message="您还没有管理的积分兑换点" />;
        }}
      </Async>
    </Page>
  );
}

function Counter({ stations }: { stations: Me['outlets'] }) {
  const [chosen, setChosen] = useState<string | null>(null);
  const station = stations.find((s) => s.id === chosen) ?? stations[0];
  const recent = useRequest(() => getStationRedemptions(station.id), [station.id]);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<Result | null>(null);
  useReloadOnShow(recent);

  const handOver = async (code: string): Promise<boolean> => {
    setBusy(true);
    setResult(null);
    try {
      const r = await handOverCode(station.id, code);
      setResult({ ok: true, r });
      Taro.showToast({ title: '已发放', icon: 'success' });
      recent.reload();
      return true;
    } catch (e) {
      setResult({ ok: false, message: errorMessage(e) });
      return false;
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      {stations.length > 1 && (
        <View className="filters">
          {stations.map((s) => (
            <View key={s.id} className={`chip ${s.id === station.id ? 'active' : ''}`} data-outlet-id={s.id} onClick={() => { setChosen(s.id); setResult(null); }}>
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
          busy={busy}
          inputTestId="handover-code-input"
          buttonTestId="handover"
          onTyping={() => setResult(null)}
          onSubmit={handOver}
        />
        {result?.ok && (
          <View className="handover-result ok" data-testid="handover-result" data-redemption-id={result.r.id}>
            <Text className="handover-title">✓ 请发放：{result.r.rewardName}</Text>
            <Text>兑换人：{result.r.userName} · {formatPoints(result.r.pricePoints)}分</Text>
          </View>
        )}
        {result && !result.ok && (
          <View className="handover-result fail" data-testid="handover-error" role="alert">
            <Text className="handover-title">✗ {result.message}</Text>
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
