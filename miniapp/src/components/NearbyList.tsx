import { useState, type ReactNode } from 'react';
import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { OutletSummary } from '@shared/api';
import { errorMessage } from '@/services/api';
import { getNearby } from '@/services/api/places';
import { useRequest } from '@/services/use-request';
import { OutletCard } from './OutletCard';
import { Async } from './Async';
import { ErrorState } from './StateView';

type NearbyQuery = Record<string, string | number | boolean | undefined>;

/** Outlets around a place, sorted by walking time, with loading / error / empty states and "load more". */
export function NearbyList({ query, enabled, emptyText, emptyAction, header }: {
  query: NearbyQuery;
  enabled: boolean;
  emptyText: string;
  emptyAction?: ReactNode;
  header?: (total: number | null) => ReactNode;
}) {
  const [more, setMore] = useState<{ items: OutletSummary[]; cursor: string | null; loading: boolean; error: string | null }>({
    items: [], cursor: null, loading: false, error: null,
  });
  const first = useRequest(
    async () => {
      const res = await getNearby(query);
      setMore({ items: [], cursor: res.nextCursor, loading: false, error: null });
      return res;
    },
    [JSON.stringify(query)],
    enabled,
  );

  const loadMore = async () => {
    if (!more.cursor) return;
    setMore((m) => ({ ...m, loading: true, error: null }));
    try {
      const res = await getNearby({ ...query, cursor: more.cursor });
      setMore((m) => ({ items: [...m.items, ...res.items], cursor: res.nextCursor, loading: false, error: null }));
    } catch (e) {
      setMore((m) => ({ ...m, loading: false, error: errorMessage(e) }));
    }
  };

  return (
    <>
      {header?.(first.data?.total ?? null)}
      <Async request={first} empty={emptyText} emptyAction={emptyAction}>
        {(page) => (
          <View className="outlet-list">
            {[...page.items, ...more.items].map((o) => (
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
      </Async>
    </>
  );
}
