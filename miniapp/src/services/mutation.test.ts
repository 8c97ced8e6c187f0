import { describe, expect, it, jest } from '@jest/globals';
import { ApiError } from './api-error';
import { intentKeys } from './idempotency';
import { runMutation, type MutationSink } from './mutation';

function sink() {
  const events: string[] = [];
  const s: MutationSink = {
    busy: (on) => events.push(`busy:${on}`),
    error: (m) => events.push(`error:${m}`),
    toast: (title, ok) => events.push(`toast:${ok ? 'ok' : 'fail'}:${title}`),
  };
  return { s, events };
}

let n = 0;
const keys = () => intentKeys(() => `k${++n}`);

describe('a button that writes', () => {
  it('is busy while it runs, then toasts and refreshes on success', async () => {
    const { s, events } = sink();
    const after = jest.fn();
    const ok = await runMutation((code: string) => Promise.resolve(`handed ${code}`), ['12345678'], { done: '已发放', after }, keys(), s);
    expect(ok).toBe(true);
    expect(events).toEqual(['busy:true', 'error:null', 'toast:ok:已发放', 'busy:false']);
    expect(after).toHaveBeenCalledWith('handed 12345678', '12345678');
  });

  it('words the toast from the answer and the arguments', async () => {
    const { s, events } = sink();
    await runMutation((n: number) => Promise.resolve({ waitPosition: n }), [3], { done: (r, n) => `已候补，第${r.waitPosition}位（${n}）` }, keys(), s);
    expect(events).toContain('toast:ok:已候补，第3位（3）');
  });

  it('toasts the server message on failure by default, and calls `failed`', async () => {
    const { s, events } = sink();
    const failed = jest.fn();
    const after = jest.fn();
    const ok = await runMutation(() => Promise.reject(new ApiError(409, 'FULL', '名额已满')), [], { done: '报名成功', after, failed }, keys(), s);
    expect(ok).toBe(false);
    expect(events).toEqual(['busy:true', 'error:null', 'toast:fail:名额已满', 'busy:false']);
    expect(failed).toHaveBeenCalledWith('名额已满');
    expect(after).not.toHaveBeenCalled();
  });

  it('keeps the failure for the page in inline mode, without a toast', async () => {
    const { s, events } = sink();
    await runMutation(() => Promise.reject(new Error('not an API answer')), [], { errors: 'inline' }, keys(), s);
    expect(events).toEqual(['busy:true', 'error:null', 'error:出了点问题，请稍后再试', 'busy:false']);
  });

  it('sends the same idempotency key for the same intent until it goes through', async () => {
    const { s } = sink();
    const k = keys();
    const sent: string[] = [];
    let fail = true;
    const redeem = (body: { rewardId: string }, key: string) => {
      sent.push(`${body.rewardId}:${key}`);
      return fail ? Promise.reject(new ApiError(0, 'NETWORK', '网络不太好')) : Promise.resolve(body);
    };
    const options = { intent: (body: { rewardId: string }) => body.rewardId };
    await runMutation(redeem, [{ rewardId: 'r1' }], options, k, s);
    await runMutation(redeem, [{ rewardId: 'r1' }], options, k, s);
    await runMutation(redeem, [{ rewardId: 'r2' }], options, k, s);
    fail = false;
    await runMutation(redeem, [{ rewardId: 'r1' }], options, k, s);
    // Done: choosing the same reward again is a new redemption with a new key.
    await runMutation(redeem, [{ rewardId: 'r1' }], options, k, s);
    const [a, b, c, d, e] = sent;
    expect(a).toBe(b);
    expect(a).toBe(d);
    expect(c.startsWith('r2:')).toBe(true);
    expect(c.split(':')[1]).not.toBe(a.split(':')[1]);
    expect(e.startsWith('r1:')).toBe(true);
    expect(e).not.toBe(a);
  });

  it('passes no key when there is no intent', async () => {
    const { s } = sink();
    const fn = jest.fn((..._args: unknown[]) => Promise.resolve(null));
    await runMutation(fn, ['a', 1], {}, keys(), s);
    expect(fn).toHaveBeenCalledWith('a', 1);
  });
});
