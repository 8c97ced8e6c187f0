import { useEffect, useState } from 'react';
import { View, Text, Input, ScrollView } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { CATEGORIES, categoryName } from '@shared/categories';
import type { NearbyResponse, OutletSummary } from '@shared/api';
import { Page } from '../../components/Page';
import { OutletCard } from '../../components/OutletCard';
import { CommunityPicker } from '../../components/CommunityPicker';
import { Empty, ErrorState, Loading } from '../../components/StateView';
import { api, errorMessage } from '../../services/api';
import { useRequest } from '../../services/use-request';
import { usePlace } from '../../state/use-place';
import { useAppState } from '../../state/app-state';

const REACH = [5, 10, 15, 30];

export default function Browse() {
  const { place, circles, setPlace } = usePlace();
  const { browseCategory, setBrowseCategory } = useAppState();
  const [category, setCategory] = useState<string>('');
  const [draft, setDraft] = useState('');
  const [text, setText] = useState('');
  const [openNow, setOpenNow] = useState(false);
  const [elderPace, setElderPace] = useState(false);
  const [maxMinutes, setMaxMinutes] = useState(15);
  const [picking, setPicking] = useState(false);
  const [extra, setExtra] = useState<{ items: OutletSummary[]; cursor: string | null; loading: boolean; error: string | null }>({
    items: [], cursor: null, loading: false, error: null,
  });

  // A tile tapped on the home page arrives here through app state.
  useDidShow(() => {
    if (browseCategory !== null) {
      setCategory(browseCategory);
      setBrowseCategory(null);
    }
  });
  useEffect(() => {
    if (browseCategory !== null) {
      setCategory(browseCategory);
      setBrowseCategory(null);
    }
  }, [browseCategory, setBrowseCategory]);

  const query = () => ({ lat: place!.lat, lng: place!.lng, category, q: text, openNow, elderPace, maxMinutes, limit: 15 });
  const result = useRequest(
    async () => {
      const res = await api.get<NearbyResponse>('/outlets/nearby', query());
      setExtra({ items: [], cursor: res.nextCursor, loading: false, error: null });
      return res;
    },
    [place?.lat, place?.lng, category, text, openNow, elderPace, maxMinutes],
    !!place,
  );

  const loadMore = async () => {
    if (!extra.cursor) return;
    setExtra((x) => ({ ...x, loading: true, error: null }));
    try {
      const res = await api.get<NearbyResponse>('/outlets/nearby', { ...query(), cursor: extra.cursor });
      setExtra((x) => ({ items: [...x.items, ...res.items], cursor: res.nextCursor, loading: false, error: null }));
    } catch (e) {
      setExtra((x) => ({ ...x, loading: false, error: errorMessage(e) }));
    }
  };

  const items = [...(result.data?.items ?? []), ...extra.items];
  const title = text ? `“${text}”` : category ? categoryName(category) : '全部服务';

  return (
    <Page className="browse">
      <View className="search-row">
        <Input
          className="search-input"
          value={draft}
          placeholder="搜：修鞋、配钥匙、早餐…"
          confirmType="search"
          maxlength={20}
          onInput={(e) => setDraft(e.detail.value)}
          onConfirm={() => setText(draft.trim())}
        />
        <View className="chip-button" hoverClass="pressed" onClick={() => setText(draft.trim())}>
          <Text>搜索</Text>
        </View>
      </View>

      <ScrollView scrollX className="chips" enhanced showScrollbar={false}>
        <View className={`chip ${category === '' ? 'active' : ''}`} onClick={() => setCategory('')}>
          <Text>全部</Text>
        </View>
        {CATEGORIES.map((c) => (
          <View key={c.key} className={`chip ${category === c.key ? 'active' : ''}`} onClick={() => setCategory(c.key)} data-category={c.key}>
            <Text>
              {c.icon} {c.name}
            </Text>
          </View>
        ))}
      </ScrollView>

      <View className="filters">
        <View className={`chip ${openNow ? 'active' : ''}`} onClick={() => setOpenNow(!openNow)} role="switch" aria-checked={openNow}>
          <Text>只看营业中</Text>
        </View>
        <View className={`chip ${elderPace ? 'active' : ''}`} onClick={() => setElderPace(!elderPace)} role="switch" aria-checked={elderPace}>
          <Text>按老人步速</Text>
        </View>
        {REACH.map((m) => (
          <View key={m} className={`chip ${maxMinutes === m ? 'active' : ''}`} onClick={() => setMaxMinutes(m)}>
            <Text>{m}分钟</Text>
          </View>
        ))}
      </View>

      <View className="section-title">
        <Text>{title}</Text>
        <Text className="section-count" onClick={() => setPicking(true)}>
          📍{place?.label ?? '…'} · 换
        </Text>
      </View>

      {!place || (result.loading && !result.data) ? (
        <Loading />
      ) : result.error ? (
        <ErrorState message={result.error} onRetry={result.reload} />
      ) : items.length === 0 ? (
        <Empty text={`步行${maxMinutes}分钟内没有找到${title}。`}>
          {maxMinutes < 30 && (
            <Button className="big-button" onClick={() => setMaxMinutes(30)}>
              扩大到步行30分钟
            </Button>
          )}
        </Empty>
      ) : (
        <View className="outlet-list">
          {items.map((o) => (
            <OutletCard key={o.id} outlet={o} />
          ))}
          {extra.error && <ErrorState message={extra.error} onRetry={loadMore} />}
          {extra.cursor && (
            <Button className="big-button more-button" loading={extra.loading} onClick={loadMore}>
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
