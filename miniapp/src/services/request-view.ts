/**
 * What a request's view shows, decided in one place for every page. The rule: nothing to show yet → a loading
 * note; nothing to show and it failed → the error with a retry; something already shown → it stays on
 * screen while a reload runs, and a failed reload adds a small error with a retry above it (a resident
 * reading a list should not lose it to a blip in the network).
 */

export interface RequestState<T> {
  data: T | null;
  error: string | null;
  loading: boolean;
}

/** What `useRequest` returns. */
export interface Request<T> extends RequestState<T> {
  reload(): void;
}

export type RequestView<T> =
  | { show: 'loading' }
  | { show: 'error'; error: string }
  | { show: 'empty' | 'data'; data: T; staleError: string | null; refreshing: boolean };

export function requestView<T>(r: RequestState<T>, isEmpty?: (data: T) => boolean): RequestView<T> {
  if (r.data === null || r.data === undefined) return r.error ? { show: 'error', error: r.error } : { show: 'loading' };
  return { show: isEmpty?.(r.data) ? 'empty' : 'data', data: r.data, staleError: r.error, refreshing: r.loading };
}

/** The usual emptiness: an empty array, or an answer whose `items` is one. */
export function hasNoItems(data: unknown): boolean {
  if (Array.isArray(data)) return data.length === 0;
  const items = (data as { items?: unknown } | null)?.items;
  return Array.isArray(items) && items.length === 0;
}

/** Two requests seen as one: data once both have answered, the first error, reload runs both again. */
export function both<A, B>(a: Request<A>, b: Request<B>): Request<[A, B]> {
  return {
    data: a.data !== null && b.data !== null ? [a.data, b.data] : null,
    error: a.error ?? b.error,
    loading: a.loading || b.loading,
    reload() {
      a.reload();
      b.reload();
    },
  };
}
