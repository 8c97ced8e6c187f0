import { View, Text } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { NEED_KINDS } from '@shared/needs';
import type { NeedView } from '@shared/needs-api';
import { Page } from '@/components/Page';
import { Async } from '@/components/Async';
import { ErrorState } from '@/components/StateView';
import { recordTime } from '@/services/dates';
import { ROUTES } from '@/services/routes';
import { useReloadOnShow } from '@/services/use-reload-on-show';
import { useRequest } from '@/services/use-request';
import { useAppState } from '@/state/app-state';
import { getNeed } from '../../api';
import { AuthorPanel } from '../../components/AuthorPanel';
import { StateTag } from '../../components/NeedCard';
import { SupportButton } from '../../components/SupportButton';
import { Timeline } from '../../components/Timeline';
import { WorkerPanel } from '../../components/WorkerPanel';
import { longDay, plan, SLA_COLOURS, slaLine } from '../../view/needs-view';
import '@/styles/points.scss';
import '../../needs.scss';

/** One need: what was asked, how many want it too, who handles it by when, the timeline, and what I may do now. */
export default function NeedPage() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const { user } = useAppState();
  // Read again when someone signs in or out: 我也需要, 我提交的 and the actions are the caller's.
  const need = useRequest(() => getNeed(id), [id, user?.id], !!id);
  useReloadOnShow(need);
  if (!id) return <Page className="needs-detail"><ErrorState message="没有指定诉求" /></Page>;
  return (
    <Page className="needs-detail">
      <Async request={need} loadingText="正在读取诉求…">
        {(n) => <Need need={n} onChanged={need.reload} />}
      </Async>
    </Page>
  );
}

function Need({ need, onChanged }: { need: NeedView; onChanged(): void }) {
  const p = plan(need);
  const colour = need.sla?.colour;
  return (
    <>
      <View className="card" data-testid="need-head" data-need-id={need.id} data-state={need.state}>
        <View className="need-card-head">
          <Text className="need-title" data-testid="need-title">
            {need.title}
          </Text>
          <StateTag need={need} />
        </View>
        <View className="need-meta">
          <Text>{NEED_KINDS[need.kind]}</Text>
          <Text>{need.compoundName}</Text>
          <Text data-testid="need-author">{need.author}</Text>
          <Text>{recordTime(need.createdAt)}</Text>
          {need.mine && <Text className="tag-mine">我提交的</Text>}
        </View>
        <Text className="need-text">{need.text}</Text>
        {need.inReview && (
          <View className="notice" data-testid="need-in-review">
            <Text>内容待审核：社区工作者看过之前，其他居民暂时看不到这条诉求。</Text>
          </View>
        )}
        {need.reopens > 0 && (
          <Text className={need.escalated ? 'tag-escalated' : 'muted'} data-testid="need-reopens">
            已重办{need.reopens}次{need.escalated ? '，已提请上级督办' : ''}
          </Text>
        )}
        {p && (
          <View className="plan-box" data-testid="need-plan">
            {p.owner && <Text>承办人：{p.owner}</Text>}
            {p.expectedDate && <Text>预计办结：{longDay(p.expectedDate)}</Text>}
          </View>
        )}
      </View>

      <View className="card support-box" data-testid="support-box">
        <View className="support-count">
          <Text className="support-number" data-testid="support-count">
            {need.supports}
          </Text>
          <Text className="muted">位居民也需要</Text>
        </View>
        <View className="support-count">
          <SupportButton need={need} onChanged={onChanged} />
        </View>
      </View>

      {need.mine && <AuthorPanel need={need} onChanged={onChanged} />}

      {need.sla && (
        <View className="card" data-testid="worker-box">
          <View className="need-card-head">
            <Text className="card-title">社区处理</Text>
            <Text className={`sla-badge sla-${colour ?? 'none'}`} data-testid="sla-badge" data-colour={colour ?? ''}>
              {colour ? `${SLA_COLOURS[colour].name} · ${SLA_COLOURS[colour].meaning}` : '已结束'}
            </Text>
          </View>
          <Text className={`sla-line ${need.sla.overdue ? 'overdue' : ''}`}>{slaLine(need)}</Text>
          <WorkerPanel need={need} onChanged={onChanged} />
        </View>
      )}

      <Timeline need={need} />

      <View className="chip-button" hoverClass="pressed" data-testid="open-figures" onClick={() => Taro.navigateTo({ url: ROUTES.needFigures(need.circleId) })}>
        <Text>本生活圈本月公开数据 ›</Text>
      </View>
    </>
  );
}
