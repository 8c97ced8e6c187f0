import { useCallback, useEffect, useRef, useState } from 'react';
import { useDidShow } from '@tarojs/taro';
import { errorMessage } from './api';

/** Loading / error / data for one request, re-run when `deps` change; stale answers are dropped. */
export function useRequest<T>(fn: () => Promise<T>, deps: unknown[], enabled = true) {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState<boolean>(enabled);
  const seq = useRef(0);
  const run = useCallback(() => {
    if (!enabled) return;
    const mine = ++seq.current;
    setLoading(true);
    setError(null);
    fn().then(
      (d) => {
        if (mine !== seq.current) return;
        setData(d);
        setLoading(false);
      },
      (e) => {
        if (mine !== seq.current) return;
        setError(errorMessage(e));
        setLoading(false);
      },
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [enabled, ...deps]);
  useEffect(run, [run]);
  return { data, error, loading, reload: run };
}

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
