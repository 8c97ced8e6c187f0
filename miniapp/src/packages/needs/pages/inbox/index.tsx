import { useState } from 'react';
import { View, Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { NEED_KINDS, NEED_STATE_NAMES, type NeedState } from '@shared/needs';
import type { NeedView } from '@shared/needs-api';
import { Page } from '@/components/Page';
import { Async } from '@/components/Async';
import { RoleGate } from '@/components/RoleGate';
import { ErrorState } from '@/components/StateView';
import { ROUTES } from '@/services/routes';
import { useReloadOnShow } from '@/services/use-reload-on-show';
import { useRequest } from '@/services/use-request';
import { useAppState } from '@/state/app-state';
import { getInbox } from '../../api';
import { StateTag } from '../../components/NeedCard';
import { WorkerPanel } from '../../components/WorkerPanel';
import { INBOX_STATES, shortTime, SLA_COLOURS, slaLine, type SlaColour } from '../../view/needs-view';
import '@/styles/points.scss';
import '../../needs.scss';

/** 需求处理: the circle's open and just-resolved needs by state, 红 / 黄 / 蓝 by the SLA, each with its actions. */
export default function InboxPage() {
  const { user } = useAppState();
  const circleId = user?.circleId;
  const inbox = useRequest(() => getInbox(circleId!), [circleId], !!circleId);
  useReloadOnShow(inbox);
  return (
    <Page className="needs-inbox">
      <RoleGate role="worker" what="处理居民需求">
        {circleId ? (
          <Async request={inbox} empty="没有待处理的居民需求" loadingText="正在读取需求…">
            {({ items }) => <Inbox items={items} reload={inbox.reload} />}
          </Async>
        ) : (
          <ErrorState message="您的账号还没有分配到生活圈，请联系管理员" />
        )}
      </RoleGate>
    </Page>
  );
}

const COLOURS: SlaColour[] = ['red', 'yellow', 'blue'];

function Inbox({ items, reload }: { items: NeedView[]; reload(): void }) {
  const [state, setState] = useState<NeedState | 'all'>('all');
  const [open, setOpen] = useState<string | null>(null);
  const count = (s: NeedState) => items.filter((n) => n.state === s).length;
  const sections = INBOX_STATES.filter((s) => (state === 'all' || s === state) && count(s) > 0);
  return (
    <>
      <View className="card" data-testid="sla-summary">
        <Text className="card-title">办理时限</Text>
        <View className="sla-summary">
          {COLOURS.map((c) => (
            <View key={c} className="sla-count" data-colour={c}>
              <Text className={`sla-badge sla-${c}`}>{SLA_COLOURS[c].name}</Text>
              <Text className="sla-count-number" data-testid={`sla-count-${c}`}>
                {items.filter((n) => n.sla?.colour === c).length}
              </Text>
              <Text className="muted">{SLA_COLOURS[c].meaning}</Text>
            </View>
          ))}
        </View>
        <Text className="muted">1个工作日内签收，3个工作日内首次答复。</Text>
      </View>

      <View className="filters" role="tablist">
        <View className={`chip ${state === 'all' ? 'active' : ''}`} data-state="all" hoverClass="pressed" onClick={() => setState('all')}>
          <Text>全部 {items.length}</Text>
        </View>
        {INBOX_STATES.map((s) => (
          <View key={s} className={`chip ${state === s ? 'active' : ''}`} data-state={s} hoverClass="pressed" onClick={() => setState(s)}>
            <Text>
              {NEED_STATE_NAMES[s]} {count(s)}
            </Text>
          </View>
        ))}
      </View>

      {sections.length === 0 && (
        <View className="state state-empty">
          <Text className="state-text">这一类暂时没有</Text>
        </View>
      )}
      {sections.map((s) => (
        <View key={s} data-testid="inbox-section" data-state={s}>
          <View className="section-title inbox-section-title">
            <Text>{s === 'resolved' ? '已办结（等居民确认）' : NEED_STATE_NAMES[s]}</Text>
            <Text className="section-count">{count(s)}条</Text>
          </View>
          {items
            .filter((n) => n.state === s)
            .map((n) => (
              <InboxCard key={n.id} need={n} open={open === n.id} onToggle={() => setOpen(open === n.id ? null : n.id)} onChanged={() => { setOpen(null); reload(); }} />
            ))}
        </View>
      ))}
    </>
  );
}

function InboxCard({ need, open, onToggle, onChanged }: { need: NeedView; open: boolean; onToggle(): void; onChanged(): void }) {
  const colour = need.sla?.colour ?? null;
  return (
    <View className="card need-card" data-need-id={need.id} data-colour={colour ?? ''}>
      <View className="need-card-head">
        <Text className={`sla-badge sla-${colour ?? 'none'}`} data-testid="sla-badge" aria-label={colour ? SLA_COLOURS[colour].meaning : '等居民确认'}>
          {colour ? SLA_COLOURS[colour].name : '—'}
        </Text>
        <Text className="need-title">{need.title}</Text>
        <StateTag need={need} />
      </View>
      <View className="need-meta">
        <Text>{NEED_KINDS[need.kind]}</Text>
        <Text>{need.compoundName}</Text>
        <Text data-testid="need-author">{need.author}</Text>
        <Text>提交于{shortTime(need.createdAt)}</Text>
        <Text className="need-supports">{need.supports}人支持</Text>
        {need.escalated && <Text className="tag-escalated">重办{need.reopens}次，需督办</Text>}
        {need.inReview && <Text className="tag-escalated">内容待审核，处理后公开</Text>}
      </View>
      {slaLine(need) && <Text className={`sla-line ${need.sla?.overdue ? 'overdue' : ''}`}>{slaLine(need)}</Text>}
      <View className="action-row">
        <View className="chip-button" hoverClass="pressed" data-testid="open-need" onClick={() => Taro.navigateTo({ url: ROUTES.need(need.id) })}>
          <Text>看详情</Text>
        </View>
        {need.actions.length > 0 ? (
          <View className="chip-button" hoverClass="pressed" data-testid="handle" onClick={onToggle}>
            <Text>{open ? '收起' : '处理'}</Text>
          </View>
        ) : null}
      </View>
      {open && <WorkerPanel need={need} onChanged={onChanged} />}
    </View>
  );
}
