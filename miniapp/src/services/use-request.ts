import { useCallback, useEffect, useState } from 'react';
import { requestRunner } from './request-runner';
import type { Request, RequestState } from './request-view';

/** Loading / error / data for one request, re-run when `deps` change; stale answers are dropped. */
export function useRequest<T>(fn: () => Promise<T>, deps: unknown[], enabled = true): Request<T> {
  const [state, setState] = useState<RequestState<T>>({ data: null, error: null, loading: enabled });
  const [runner] = useState(() => requestRunner<T>((patch) => setState((s) => ({ ...s, ...patch }))));
  const run = useCallback(() => {
    if (enabled) runner.run(fn);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [enabled, ...deps]);
  useEffect(run, [run]);
  return { ...state, reload: run };
}
