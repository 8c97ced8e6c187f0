import { useState } from 'react';
import { View, Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import type { Reward, Station } from '@shared/api';
import { formatPoints } from '@shared/points';
import { Page } from '@/components/Page';
import { ConfirmLine, ConfirmPopup } from '@/components/ConfirmPopup';
import { Async } from '@/components/Async';
import { ApiError } from '@/services/api';
import { ROUTES, TABS } from '@/services/routes';
import { useReloadOnShow } from '@/services/use-reload-on-show';
import { useMutation } from '@/services/use-mutation';
import { useRequest } from '@/services/use-request';
import { useAppState } from '@/state/app-state';
import { usePlace } from '@/state/use-place';
import '@/styles/points.scss';
import { getNearby, getPassbook, getStation, redeem as redeemReward } from '@/packages/volunteer/api';

type NearbyStation = Station & { walkingMinutes: number; distanceMetres: number };

/** Exchange stations within a walk, each with the rewards it has in stock (a station that fails is left out). */
async function loadStations(lat: number, lng: number): Promise<NearbyStation[]> {
  const nearby = await getNearby({ lat, lng, category: 'points_exchange', limit: 10 });
  const stations = await Promise.all(
    nearby.items.map((o) =>
      getStation(o.id).then(
        (s) => ({ ...s, walkingMinutes: o.walkingMinutes, distanceMetres: o.distanceMetres }),
        () => null,
      ),
    ),
  );
  if (nearby.items.length > 0 && stations.every((s) => s === null)) throw new ApiError(0, 'STATIONS', '兑换点暂时打不开，请稍后再试');
  return stations.filter((s): s is NearbyStation => s !== null);
}

/** The rewards catalogue of nearby stations; redeeming asks first, then shows the redemption code. */
export default function RewardsPage() {
  const { user } = useAppState();
  const { place } = usePlace();
  const stations = useRequest(() => loadStations(place!.lat, place!.lng), [place?.lat, place?.lng], !!place);
  const book = useRequest(getPassbook, [user?.id], !!user);
  const [chosen, setChosen] = useState<{ station: NearbyStation; reward: Reward } | null>(null);
  useReloadOnShow(stations, book);
  const redeem = useMutation(redeemReward, {
    // Tapping again after a timeout sends the same key: points are spent once.
    intent: (body) => `${body.outletId}/${body.rewardId}`,
    errors: 'inline',
    done: '兑换成功',
    after: (r) => {
      setChosen(null);
      Taro.navigateTo({ url: ROUTES.redemption(r.id) });
    },
    // Stock or the balance may have moved: show them as they are now.
    failed: () => {
      stations.reload();
      book.reload();
    },
  });

  const balance = book.data?.balance;

  const rewardButton = (station: NearbyStation, r: Reward) => {
    if (!user)
      return (
        <Button className="big-button" onClick={() => Taro.switchTab({ url: TABS.mine })}>
          登录后兑换
        </Button>
      );
    const short = balance !== undefined && balance < r.pricePoints;
    return (
      <Button
        className="big-button"
        type="primary"
        disabled={r.stock <= 0 || short}
        data-testid={`redeem-${r.id}`}
        onClick={() => {
          redeem.reset();
          setChosen({ station, reward: r });
        }}
      >
        {r.stock <= 0 ? '已兑完' : short ? '积分不足' : '兑换'}
      </Button>
    );
  };

  const stationCard = (s: NearbyStation) => (
    <View key={s.id} className="card station-card" data-outlet-id={s.id}>
      <View className="activity-head">
        <Text className="card-title">{s.name}</Text>
        <Text className="activity-badge">步行{s.walkingMinutes}分钟</Text>
      </View>
      <Text className="muted">📍 {s.address}</Text>
      {s.rewards.length === 0 && <Text className="muted">暂时没有可兑换的物品</Text>}
      {s.rewards.map((r) => (
        <View key={r.id} className="reward-row" data-reward-id={r.id}>
          <View className="reward-main">
            <Text className="reward-name">{r.name}</Text>
            {r.description && <Text className="muted">{r.description}</Text>}
            <Text className="reward-meta">
              <Text className="reward-price">{formatPoints(r.pricePoints)}分</Text> · 剩{r.stock}件
            </Text>
          </View>
          {rewardButton(s, r)}
        </View>
      ))}
    </View>
  );

  return (
    <Page className="rewards">
      {user && (
        <View className="card">
          <View className="balance-strip">
            <Text>我的积分</Text>
            <Text className="balance-inline" data-testid="rewards-balance">{balance === undefined ? '…' : `${formatPoints(balance)}分`}</Text>
          </View>
          <View className="setting-row" hoverClass="pressed" data-testid="my-redemptions" onClick={() => Taro.navigateTo({ url: ROUTES.redemptions })}>
            <Text>我的兑换记录</Text>
            <Text className="muted">查看兑换码 ›</Text>
          </View>
        </View>
      )}
      <Async request={stations} empty="步行15分钟内还没有积分兑换点。">
        {(list) => list.map(stationCard)}
      </Async>
      <ConfirmPopup
        visible={!!chosen}
        title="确认兑换"
        confirmText="确认兑换"
        busy={redeem.busy}
        testId="confirm-redeem"
        onClose={() => setChosen(null)}
        onConfirm={() => chosen && redeem.run({ outletId: chosen.station.id, rewardId: chosen.reward.id })}
      >
        {chosen && (
          <>
            <ConfirmLine label="兑换物品" value={chosen.reward.name} />
            <ConfirmLine label="需要积分" value={`${formatPoints(chosen.reward.pricePoints)}分`} />
            {balance !== undefined && <ConfirmLine label="兑换后剩余" value={`${formatPoints(balance - chosen.reward.pricePoints)}分`} />}
            <ConfirmLine label="领取地点" value={`${chosen.station.name}（${chosen.station.address}）`} />
            {redeem.error && <View className="confirm-error" role="alert"><Text>{redeem.error}</Text></View>}
          </>
        )}
      </ConfirmPopup>
    </Page>
  );
}
