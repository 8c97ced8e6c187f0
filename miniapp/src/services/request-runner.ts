/**
 * How one request's state moves, without React (use-request.ts keeps it in state). A new run keeps what was
 * shown and clears the last error; only the newest run may write its answer, so a slow reply to an old filter
 * never overwrites the list for the new one.
 */
import { errorMessage } from './api-error';
import type { RequestState } from './request-view';

export function requestRunner<T>(update: (patch: Partial<RequestState<T>>) => void) {
  let seq = 0;
  return {
    run(fn: () => Promise<T>): Promise<void> {
      const mine = ++seq;
      update({ loading: true, error: null });
      return fn().then(
        (data) => {
          if (mine === seq) update({ data, loading: false });
        },
        (e) => {
          if (mine === seq) update({ error: errorMessage(e), loading: false });
        },
      );
    },
  };
}
