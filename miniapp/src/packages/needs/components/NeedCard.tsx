import { View, Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { NEED_KINDS } from '@shared/needs';
import type { NeedView } from '@shared/needs-api';
import { ROUTES } from '@/services/routes';
import { shortTime } from '../view/needs-view';

export function StateTag({ need }: { need: Pick<NeedView, 'state' | 'stateName'> }) {
  return (
    <Text className={`need-state state-${need.state}`} data-testid="need-state" data-state={need.state}>
      {need.stateName}
    </Text>
  );
}

/** One line of a list: the title, its state, kind and compound, and how many residents want it too. */
export function NeedCard({ need, highlight }: { need: NeedView; highlight?: boolean }) {
  return (
    <View
      className={`card need-card ${highlight ? 'highlight' : ''}`}
      hoverClass="pressed"
      data-need-id={need.id}
      onClick={() => Taro.navigateTo({ url: ROUTES.need(need.id) })}
    >
      <View className="need-card-head">
        <Text className="need-title">{need.title}</Text>
        <StateTag need={need} />
      </View>
      <View className="need-meta">
        <Text>{NEED_KINDS[need.kind]}</Text>
        <Text>{need.compoundName}</Text>
        <Text>{shortTime(need.createdAt)}</Text>
        {need.mine && <Text className="tag-mine">我提交的</Text>}
        {need.inReview && <Text className="tag-escalated">内容待审核</Text>}
        {need.escalated && <Text className="tag-escalated">已提请督办</Text>}
      </View>
      <Text className="need-supports" data-testid="need-supports">
        {need.supports > 0 ? `${need.supports}位居民也需要` : '还没有人支持'}
        {need.supported ? ' · 我已支持' : ''} ›
      </Text>
    </View>
  );
}
