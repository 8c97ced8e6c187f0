import { describe, expect, it, jest } from '@jest/globals';
import { both, hasNoItems, requestView, type Request } from './request-view';

const list = { items: [1, 2] };
const none = { items: [] as number[] };

describe('what a request view shows (one rule for every page)', () => {
  it('shows loading while nothing has arrived, also before the request may start', () => {
    expect(requestView({ data: null, error: null, loading: true })).toEqual({ show: 'loading' });
    expect(requestView({ data: null, error: null, loading: false })).toEqual({ show: 'loading' });
  });

  it('shows the error (with its retry) when nothing has arrived and it failed', () => {
    expect(requestView({ data: null, error: '网络不太好', loading: false })).toEqual({ show: 'error', error: '网络不太好' });
  });

  it('keeps what is shown while it reloads', () => {
    expect(requestView({ data: list, error: null, loading: true })).toEqual({ show: 'data', data: list, staleError: null, refreshing: true });
  });

  it('keeps what is shown when a reload fails, and says so beside it', () => {
    expect(requestView({ data: list, error: '网络不太好', loading: false })).toEqual({ show: 'data', data: list, staleError: '网络不太好', refreshing: false });
  });

  it('tells empty from data only when asked to', () => {
    expect(requestView({ data: none, error: null, loading: false }, hasNoItems).show).toBe('empty');
    expect(requestView({ data: list, error: null, loading: false }, hasNoItems).show).toBe('data');
    expect(requestView({ data: none, error: null, loading: false }).show).toBe('data');
    // An empty list whose reload failed is still the empty list, with the error beside it.
    expect(requestView({ data: none, error: 'x', loading: false }, hasNoItems)).toMatchObject({ show: 'empty', staleError: 'x' });
  });

  it('counts an empty array or an answer with no items as empty', () => {
    expect(hasNoItems([])).toBe(true);
    expect(hasNoItems(none)).toBe(true);
    expect(hasNoItems(list)).toBe(false);
    expect(hasNoItems({ balance: 0 })).toBe(false);
  });
});

describe('two requests seen as one', () => {
  const req = <T,>(data: T | null, error: string | null = null, loading = false): Request<T> => ({ data, error, loading, reload: jest.fn() });

  it('has data only when both have answered', () => {
    expect(both(req(1), req(null, null, true)).data).toBeNull();
    expect(both(req(1), req('a')).data).toEqual([1, 'a']);
  });

  it('reports the first error and loading of either, and reloads both', () => {
    const a = req(null, null, true);
    const b = req(null, 'b failed');
    const ab = both(a, b);
    expect(ab).toMatchObject({ error: 'b failed', loading: true });
    ab.reload();
    expect(a.reload).toHaveBeenCalledTimes(1);
    expect(b.reload).toHaveBeenCalledTimes(1);
  });
});
