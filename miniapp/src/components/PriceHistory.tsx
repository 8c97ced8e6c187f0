import { useState } from 'react';
import { View, Text } from '@tarojs/components';
import type { ListResponse, PriceChange } from '@shared/api';
import { Async } from '@/components/Async';
import type { Request } from '@/services/request-view';
import { recordTime } from '@/services/dates';

/** Enough to see the trend; the rest on request, so the card never buries the page under it. */
const SHOWN = 5;

/** 价格变动记录: what each listed price was changed from and to, newest first (the outlet page and 我的网点). */
export function PriceHistory({ request }: { request: Request<ListResponse<PriceChange>> }) {
  const [all, setAll] = useState(false);
  return (
    <View className="card" data-testid="price-history">
      <Text className="card-title">价格变动记录</Text>
      <Async request={request}>
        {({ items }) => (
          <>
            {items.length === 0 && <Text className="muted">价格没有变动过</Text>}
            {(all ? items : items.slice(0, SHOWN)).map((c) => (
              <View key={`${c.at}-${c.serviceId}`} className="history-line" data-service-id={c.serviceId}>
                <Text className="history-name">{c.name}</Text>
                <Text>
                  {c.from ?? '新增'} → {c.to ?? '不再提供'}
                </Text>
                <Text className="muted">{recordTime(c.at)}</Text>
              </View>
            ))}
            {!all && items.length > SHOWN && (
              <View className="chip-button small history-more" hoverClass="pressed" onClick={() => setAll(true)}>
                <Text>查看全部{items.length}条</Text>
              </View>
            )}
          </>
        )}
      </Async>
    </View>
  );
}
