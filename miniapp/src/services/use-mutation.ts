import { useRef, useState } from 'react';
import Taro from '@tarojs/taro';
import { errorMessage } from './api';
import { intentKeys } from './idempotency';

export interface MutationOptions<A extends unknown[], R> {
  /** The success toast (it may depend on the answer and the arguments); none when left out. */
  done?: string | ((result: R, ...args: A) => string);
  /**
   * Where a failure is told: 'toast' (the default) or 'inline', where the message is kept in `error` for the
   * page to show beside the form, because a toast is gone before an elderly user has read it.
   */
  errors?: 'toast' | 'inline';
  /** After a success: refresh what it changed, move on. */
  after?: (result: R, ...args: A) => void;
  /** After a failure: refresh what may have changed meanwhile (a slot filled, stock ran out). */
  failed?: (message: string) => void;
  /**
   * For writes that must not happen twice: the intent of the arguments as text. The same intent sends the same
   * idempotency key (passed to `fn` as its last argument) until it succeeds.
   */
  intent?: (...args: A) => string;
}

export interface Mutation<A extends unknown[]> {
  busy: boolean;
  /** The last failure's message in 'inline' mode, until the next run or `reset`. */
  error: string | null;
  /** Resolves true when it went through. */
  run(...args: A): Promise<boolean>;
  reset(): void;
}

/** A button's write to the API: busy while it runs, then a toast or an inline error, then an optional refresh. */
export function useMutation<A extends unknown[], R>(fn: (...args: A) => Promise<R>, options?: MutationOptions<A, R> & { intent?: undefined }): Mutation<A>;
export function useMutation<A extends unknown[], R>(fn: (...args: [...A, string]) => Promise<R>, options: MutationOptions<A, R> & { intent(...args: A): string }): Mutation<A>;
export function useMutation<A extends unknown[], R>(fn: (...args: never) => Promise<R>, options: MutationOptions<A, R> = {}): Mutation<A> {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const keys = useRef(intentKeys());

  const run = async (...args: A): Promise<boolean> => {
    const intent = options.intent?.(...args);
    const callArgs = (intent === undefined ? args : [...args, keys.current.keyFor(intent)]) as never;
    setBusy(true);
    setError(null);
    try {
      const result = await fn(...callArgs);
      if (intent !== undefined) keys.current.done(intent);
      const done = typeof options.done === 'function' ? options.done(result, ...args) : options.done;
      if (done) Taro.showToast({ title: done, icon: 'success' });
      options.after?.(result, ...args);
      return true;
    } catch (e) {
      const message = errorMessage(e);
      if (options.errors === 'inline') setError(message);
      else Taro.showToast({ title: message, icon: 'none' });
      options.failed?.(message);
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, run, reset: () => setError(null) };
}
