import { useCallback, useEffect, useRef, useState } from 'react';
import { errorMessage } from './api';
import type { Request } from './request-view';

/** Loading / error / data for one request, re-run when `deps` change; stale answers are dropped. */
export function useRequest<T>(fn: () => Promise<T>, deps: unknown[], enabled = true): Request<T> {
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
