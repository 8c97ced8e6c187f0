import { useRef } from 'react';
import { useDidShow } from '@tarojs/taro';

/**
 * Coming back to a page (after acting elsewhere) shows fresh data. Only what has loaded is reloaded: on the
 * page's first show its own first load is still under way, and a request that is not enabled stays idle.
 */
export function useReloadOnShow(...requests: Array<{ data: unknown; reload(): void }>) {
  const latest = useRef(requests);
  latest.current = requests;
  useDidShow(() => {
    for (const r of latest.current) if (r.data !== null) r.reload();
  });
}
