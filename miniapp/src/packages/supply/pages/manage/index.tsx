import { useState } from 'react';
import { View, Text, Input } from '@tarojs/components';
import { OUTLET_STATUS_NAMES, type OutletStatus } from '@shared/outlets';
import { Page } from '@/components/Page';
import { Async } from '@/components/Async';
import { RoleGate } from '@/components/RoleGate';
import { hasRole } from '@/services/roles';
import { useReloadOnShow } from '@/services/use-reload-on-show';
import { useRequest } from '@/services/use-request';
import { useAppState } from '@/state/app-state';
import { getReviewQueue } from '../../api';
import { ReviewCard } from '../../components/ReviewCard';
import '@/styles/points.scss';
import '../../supply.scss';

const MANAGED: OutletStatus[] = ['listed', 'suspended', 'closed_temporarily'];

/** 网点管理: the circle's outlets on (or paused off) the map: suspend, reinstate, close for a while or for good. */
export default function ManagePage() {
  const { user } = useAppState();
  const [status, setStatus] = useState<OutletStatus | null>(null);
  // A circle has dozens of outlets: the one a resident phoned about is found by a word of its name or address.
  const [q, setQ] = useState('');
  const list = useRequest(() => getReviewQueue(status ? [status] : MANAGED), [user?.id, status], hasRole(user, 'worker'));
  useReloadOnShow(list);
  return (
    <Page className="supply-manage">
      <RoleGate role="worker" what="管理网点" denied="网点管理只对社区工作者开放">
        <View className="filters">
          {[null, ...MANAGED].map((s) => (
            <View key={s ?? 'all'} className={`chip ${status === s ? 'active' : ''}`} data-status={s ?? 'all'} hoverClass="pressed" onClick={() => setStatus(s)}>
              <Text>{s ? OUTLET_STATUS_NAMES[s] : '全部'}</Text>
            </View>
          ))}
        </View>
        <View className="search-row">
          <Input className="search-input" data-testid="manage-search" value={q} placeholder="搜网点名称或地址" onInput={(e) => setQ(e.detail.value)} />
        </View>
        <Async request={list} empty="没有这类网点">
          {({ items }) => {
            const word = q.trim();
            const shown = word ? items.filter((i) => i.outlet.name.includes(word) || i.outlet.address.includes(word)) : items;
            return (
              <>
                <View className="section-title">
                  <Text>本社区的网点</Text>
                  <Text className="section-count">共{shown.length}个</Text>
                </View>
                {shown.map((item) => (
                  <ReviewCard key={item.outlet.id} item={item} onDecided={list.reload} />
                ))}
              </>
            );
          }}
        </Async>
      </RoleGate>
    </Page>
  );
}
