import { useState, type ReactNode } from 'react';
import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { OutletSummary } from '@shared/api';
import type { Query } from '@/services/api';
import { getNearby } from '@/services/api/places';
import { useMutation } from '@/services/use-mutation';
import { useRequest } from '@/services/use-request';
import { OutletCard } from './OutletCard';
import { Async } from './Async';
import { ErrorState } from './StateView';

/** Outlets around a place, sorted by walking time, with loading / error / empty states and "load more". */
export function NearbyList({ query, enabled, emptyText, emptyAction, header }: {
  query: Query;
  enabled: boolean;
  emptyText: string;
  emptyAction?: ReactNode;
  header?: (total: number | null) => ReactNode;
}) {
  const [more, setMore] = useState<{ items: OutletSummary[]; cursor: string | null }>({ items: [], cursor: null });
  const loadMore = useMutation(() => getNearby({ ...query, cursor: more.cursor }), {
    // Said under the list, where the resident was looking, with a retry.
    errors: 'inline',
    after: (res) => setMore((m) => ({ items: [...m.items, ...res.items], cursor: res.nextCursor })),
  });
  const first = useRequest(
    async () => {
      const res = await getNearby(query);
      setMore({ items: [], cursor: res.nextCursor });
      loadMore.reset();
      return res;
    },
    [JSON.stringify(query)],
    enabled,
  );

  return (
    <>
      {header?.(first.data?.total ?? null)}
      <Async request={first} empty={emptyText} emptyAction={emptyAction}>
        {(page) => (
          <View className="outlet-list">
            {[...page.items, ...more.items].map((o) => (
              <OutletCard key={o.id} outlet={o} />
            ))}
            {loadMore.error && <ErrorState message={loadMore.error} onRetry={() => loadMore.run()} />}
            {more.cursor && (
              <Button className="big-button more-button" loading={loadMore.busy} onClick={() => loadMore.run()}>
                加载更多
              </Button>
            )}
          </View>
        )}
      </Async>
    </>
  );
}
