import { useState } from 'react';
import { View, Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { CATEGORIES, FOCUS_CATEGORIES } from '@shared/categories';
import { Page } from '@/components/Page';
import { NearbyView } from '@/components/NearbyView';
import { ViewToggle } from '@/components/ViewToggle';
import { CommunityPicker } from '@/components/CommunityPicker';
import { PlaceBar } from '@/components/PlaceBar';
import { ErrorState } from '@/components/StateView';
import { usePlace } from '@/state/use-place';
import { useAppState } from '@/state/app-state';
import { ROUTES, TABS } from '@/services/routes';

export default function Home() {
  const { place, circle, circles, circlesError, reloadCircles } = usePlace();
  const { setBrowseCategory } = useAppState();
  const [picking, setPicking] = useState(false);
  const browse = (key: string) => {
    setBrowseCategory(key);
    Taro.switchTab({ url: TABS.browse });
  };

  return (
    <Page className="home">
      <PlaceBar place={place} circle={circle} onPick={() => setPicking(true)} />

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

      <View className="card" data-testid="home-needs">
        <View className="setting-row" hoverClass="pressed" onClick={() => Taro.navigateTo({ url: ROUTES.needs() })}>
          <Text>社区需求</Text>
          <Text className="muted">身边缺什么，说给社区听 ›</Text>
        </View>
      </View>

      <NearbyView
        place={place}
        query={{ limit: 10 }}
        emptyText="步行15分钟内还没有收录的便民网点。"
        header={(total) => (
          <View className="list-head">
            <View className="section-title">
              <Text>步行15分钟内</Text>
              {total !== null && <Text className="section-count">共{total}家</Text>}
            </View>
            <ViewToggle />
          </View>
        )}
      />

      <CommunityPicker visible={picking} circles={circles} onClose={() => setPicking(false)} />
    </Page>
  );
}
