import { describe, expect, it } from '@jest/globals';
import { ApiError } from './api-error';
import { requestRunner } from './request-runner';
import type { RequestState } from './request-view';

/** A promise to settle by hand, to play answers in any order. */
function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

function harness<T>() {
  let state: RequestState<T> = { data: null, error: null, loading: true };
  const runner = requestRunner<T>((patch) => {
    state = { ...state, ...patch };
  });
  return { runner, state: () => state };
}

describe('one request over time', () => {
  it('keeps the last answer while reloading and clears the last error', async () => {
    const h = harness<string>();
    await h.runner.run(() => Promise.reject(new ApiError(503, 'DOWN', '服务暂时不可用')));
    expect(h.state()).toEqual({ data: null, error: '服务暂时不可用', loading: false });
    await h.runner.run(() => Promise.resolve('list'));
    const again = deferred<string>();
    const pending = h.runner.run(() => again.promise);
    expect(h.state()).toEqual({ data: 'list', error: null, loading: true });
    again.reject(new Error('boom'));
    await pending;
    expect(h.state()).toEqual({ data: 'list', error: '出了点问题，请稍后再试', loading: false });
  });

  it('drops the answer of an older run that arrives last', async () => {
    const h = harness<string>();
    const old = deferred<string>();
    const fresh = deferred<string>();
    const first = h.runner.run(() => old.promise);
    const second = h.runner.run(() => fresh.promise);
    fresh.resolve('today');
    await second;
    old.resolve('all days');
    await first;
    expect(h.state()).toEqual({ data: 'today', error: null, loading: false });
  });

  it('drops an older failure too', async () => {
    const h = harness<string>();
    const old = deferred<string>();
    const first = h.runner.run(() => old.promise);
    const second = h.runner.run(() => Promise.resolve('fresh'));
    await second;
    old.reject(new ApiError(500, 'X', 'old failure'));
    await first;
    expect(h.state().error).toBeNull();
  });
});
