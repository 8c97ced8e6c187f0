import { useState } from 'react';
import { View, Text } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { Page } from '@/components/Page';
import { Async } from '@/components/Async';
import { SignInFirst } from '@/components/RoleGate';
import { ErrorState, Loading } from '@/components/StateView';
import { hasRole } from '@/services/roles';
import { ROUTES } from '@/services/routes';
import { useReloadOnShow } from '@/services/use-reload-on-show';
import { useRequest } from '@/services/use-request';
import { useAppState } from '@/state/app-state';
import { usePlace } from '@/state/use-place';
import { getMyNeeds, getNeeds } from '../../api';
import { readChoice, saveChoice, type CompoundChoice } from '../../choice';
import { CompoundChips } from '../../components/CompoundChips';
import { NeedCard } from '../../components/NeedCard';
import '@/styles/points.scss';
import '../../needs.scss';

type Tab = 'hot' | 'new' | 'mine';
const TAB_NAMES: Record<Tab, string> = { hot: '热榜', new: '最新', mine: '我的' };

/** 社区需求: the needs of my compound (or the whole circle), by 热榜 or 最新, and mine. */
export default function NeedsListPage() {
  const { params } = useRouter();
  const { user } = useAppState();
  const { place, circle, circles, circlesError, reloadCircles } = usePlace();
  const [tab, setTab] = useState<Tab>(params.tab === 'new' || params.tab === 'mine' ? params.tab : 'hot');
  const [choice, setChoice] = useState<CompoundChoice | null>(readChoice);
  const circleId = choice?.circleId ?? circle?.id ?? circles[0]?.id ?? '';
  // Until the resident picks, the compound they chose as their place (when it is one of this circle's), else
  // the whole circle: a default place is only a guess.
  const compoundId = choice ? choice.compoundId : place?.source === 'community' && place.circleId === circleId && place.communityId ? place.communityId : null;
  const pick = (c: CompoundChoice) => {
    setChoice(c);
    saveChoice(c);
  };

  const list = useRequest(() => getNeeds(circleId, { compoundId: compoundId ?? undefined, sort: tab === 'new' ? 'new' : 'hot' }), [circleId, compoundId, tab], !!circleId && tab !== 'mine');
  const mine = useRequest(getMyNeeds, [user?.id, tab], !!user && tab === 'mine');
  useReloadOnShow(list, mine);
  const compoundName = circles.find((c) => c.id === circleId)?.communities.find((m) => m.id === compoundId)?.name;

  return (
    <Page className="needs-list">
      <View className="card">
        <View className="needs-head">
          <Text className="card-title">说说身边缺什么</Text>
        </View>
        <Text className="muted">提出来，邻居可以点“我也需要”，社区公开受理、办理和结果。</Text>
        {circlesError ? (
          <ErrorState message={circlesError} onRetry={reloadCircles} />
        ) : !circles.length ? (
          <Loading text="正在读取小区…" />
        ) : (
          <CompoundChips circles={circles} circleId={circleId} compoundId={compoundId} all onCircle={(id) => pick({ circleId: id, compoundId: null })} onCompound={(id) => pick({ circleId, compoundId: id })} />
        )}
        <View className="needs-links">
          <View className="chip-button" hoverClass="pressed" data-testid="open-figures" onClick={() => Taro.navigateTo({ url: ROUTES.needFigures(circleId || undefined) })}>
            <Text>本月公开数据 ›</Text>
          </View>
          {hasRole(user, 'worker') && (
            <View className="chip-button" hoverClass="pressed" data-testid="open-inbox" onClick={() => Taro.navigateTo({ url: ROUTES.needInbox })}>
              <Text>需求处理 ›</Text>
            </View>
          )}
        </View>
      </View>

      <Button className="big-button needs-new" type="primary" data-testid="new-need" onClick={() => Taro.navigateTo({ url: ROUTES.newNeed(compoundId ?? undefined) })}>
        我要提需求
      </Button>

      <View className="needs-tabs" role="tablist">
        {(Object.keys(TAB_NAMES) as Tab[]).map((t) => (
          <View key={t} className={`chip ${tab === t ? 'active' : ''}`} role="tab" aria-selected={tab === t} data-tab={t} hoverClass="pressed" onClick={() => setTab(t)}>
            <Text>{TAB_NAMES[t]}</Text>
          </View>
        ))}
      </View>

      {tab === 'mine' ? (
        user ? (
          <Async request={mine} empty="您还没有提过需求">
            {({ items }) => items.map((n) => <NeedCard key={n.id} need={n} />)}
          </Async>
        ) : (
          <SignInFirst what="查看我提的需求" />
        )
      ) : circleId ? (
        <Async request={list} empty={`${compoundName ?? '本生活圈'}还没有人提需求，来提第一条吧`} loadingText="正在读取需求…">
          {({ items }) => (
            <View data-testid="need-list" data-sort={tab}>
              {items.map((n) => (
                <NeedCard key={n.id} need={n} />
              ))}
            </View>
          )}
        </Async>
      ) : null}
    </Page>
  );
}
