import { useState } from 'react';
import { View, Text } from '@tarojs/components';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { CATEGORIES, FOCUS_CATEGORIES } from '@shared/categories';
import type { NearbyResponse, OutletSummary } from '@shared/api';
import { Page } from '../../components/Page';
import { OutletCard } from '../../components/OutletCard';
import { CommunityPicker } from '../../components/CommunityPicker';
import { LargeTextToggle } from '../../components/LargeTextToggle';
import { Empty, ErrorState, Loading } from '../../components/StateView';
import { api, errorMessage } from '../../services/api';
import { useRequest } from '../../services/use-request';
import { usePlace } from '../../state/use-place';
import { useAppState } from '../../state/app-state';

export default function Home() {
  const { place, circle, circles, circlesError, reloadCircles, setPlace } = usePlace();
  const { setBrowseCategory } = useAppState();
  const [picking, setPicking] = useState(false);
  const [more, setMore] = useState<{ items: OutletSummary[]; cursor: string | null; loading: boolean; error: string | null }>({
    items: [],
    cursor: null,
    loading: false,
    error: null,
  });

  const nearby = useRequest(
    async () => {
      const res = await api.get<NearbyResponse>('/outlets/nearby', { lat: place!.lat, lng: place!.lng, limit: 10 });
      setMore({ items: [], cursor: res.nextCursor, loading: false, error: null });
      return res;
    },
    [place?.lat, place?.lng],
    !!place,
  );

  usePullDownRefresh(() => {
    nearby.reload();
    Taro.stopPullDownRefresh();
  });

  const loadMore = async () => {
    if (!place || !more.cursor) return;
    setMore((m) => ({ ...m, loading: true, error: null }));
    try {
      const res = await api.get<NearbyResponse>('/outlets/nearby', { lat: place.lat, lng: place.lng, limit: 10, cursor: more.cursor });
      setMore((m) => ({ items: [...m.items, ...res.items], cursor: res.nextCursor, loading: false, error: null }));
    } catch (e) {
      setMore((m) => ({ ...m, loading: false, error: errorMessage(e) }));
    }
  };

  const browse = (key: string) => {
    setBrowseCategory(key);
    Taro.switchTab({ url: '/pages/category/index' });
  };

  const items = [...(nearby.data?.items ?? []), ...more.items];

  return (
    <Page className="home">
      <View className="place-bar">
        <View className="place-text">
          <Text className="place-label">📍 {place ? place.label : '正在确定位置…'}</Text>
          {circle && <Text className="circle-name">{circle.name}</Text>}
        </View>
        <View className="place-actions">
          <View className="chip-button" hoverClass="pressed" onClick={() => setPicking(true)} data-testid="pick-community">
            <Text>换小区</Text>
          </View>
          <LargeTextToggle />
        </View>
      </View>

      {place?.source === 'default' && (
        <View className="notice" onClick={() => setPicking(true)}>
          <Text>没有获取到您的位置，先按“{place.label}”显示。点这里选择您住的小区。</Text>
        </View>
      )}
      {circlesError && <ErrorState message={circlesError} onRetry={reloadCircles} />}

      <View className="focus-grid">
        {FOCUS_CATEGORIES.map((c) => (
          <View key={c.key} className="focus-tile" hoverClass="pressed" onClick={() => browse(c.key)} data-category={c.key}>
            <Text className="focus-icon">{c.icon}</Text>
            <Text className="focus-name">{c.name}</Text>
          </View>
        ))}
      </View>
      <View className="category-grid">
        {CATEGORIES.filter((c) => !c.focus).slice(0, 11).map((c) => (
          <View key={c.key} className="category-tile" hoverClass="pressed" onClick={() => browse(c.key)} data-category={c.key}>
            <Text className="category-icon">{c.icon}</Text>
            <Text className="category-name">{c.name}</Text>
          </View>
        ))}
        <View className="category-tile" hoverClass="pressed" onClick={() => browse('')}>
          <Text className="category-icon">⋯</Text>
          <Text className="category-name">全部</Text>
        </View>
      </View>

      <View className="section-title">
        <Text>步行15分钟内</Text>
        {nearby.data && <Text className="section-count">共{nearby.data.total}家</Text>}
      </View>
      {!place || (nearby.loading && !nearby.data) ? (
        <Loading />
      ) : nearby.error ? (
        <ErrorState message={nearby.error} onRetry={nearby.reload} />
      ) : items.length === 0 ? (
        <Empty text="步行15分钟内还没有收录的便民网点。" />
      ) : (
        <View className="outlet-list">
          {items.map((o) => (
            <OutletCard key={o.id} outlet={o} />
          ))}
          {more.error && <ErrorState message={more.error} onRetry={loadMore} />}
          {more.cursor && (
            <Button className="big-button more-button" loading={more.loading} onClick={loadMore}>
              加载更多
            </Button>
          )}
        </View>
      )}

      <CommunityPicker
        visible={picking}
        circles={circles}
        onClose={() => setPicking(false)}
        onPick={(p) => {
          setPicking(false);
          setPlace(p);
        }}
      />
    </Page>
  );
}
