import { useEffect, useState } from 'react';
import { View, Text, Input, ScrollView } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { CATEGORIES, categoryName } from '@shared/categories';
import { Page } from '@/components/Page';
import { NearbyView } from '@/components/NearbyView';
import { ViewToggle } from '@/components/ViewToggle';
import { CommunityPicker } from '@/components/CommunityPicker';
import { usePlace } from '@/state/use-place';
import { useAppState } from '@/state/app-state';

const REACH = [5, 10, 15, 30];

export default function Browse() {
  const { place, circles } = usePlace();
  const { browseCategory, setBrowseCategory } = useAppState();
  const [category, setCategory] = useState<string>('');
  const [draft, setDraft] = useState('');
  const [text, setText] = useState('');
  const [openNow, setOpenNow] = useState(false);
  const [elderPace, setElderPace] = useState(false);
  const [maxMinutes, setMaxMinutes] = useState(15);
  const [picking, setPicking] = useState(false);
  // A tile tapped on the home page arrives here through app state.
  useEffect(() => {
    if (browseCategory !== null) {
      setCategory(browseCategory);
      setBrowseCategory(null);
    }
  }, [browseCategory, setBrowseCategory]);

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

      <NearbyView
        place={place}
        query={{ category, q: text, openNow, elderPace, maxMinutes, limit: 15 }}
        emptyText={`步行${maxMinutes}分钟内没有找到${title}。`}
        emptyAction={
          maxMinutes < 30 && (
            <Button className="big-button" onClick={() => setMaxMinutes(30)}>
              扩大到步行30分钟
            </Button>
          )
        }
        header={() => (
          <View className="list-head">
            <View className="section-title">
              <Text>{title}</Text>
              <Text className="section-count" onClick={() => setPicking(true)}>
                📍{place?.label ?? '…'} · 换
              </Text>
            </View>
            <ViewToggle />
          </View>
        )}
      />
      <CommunityPicker visible={picking} circles={circles} onClose={() => setPicking(false)} />
    </Page>
  );
}
