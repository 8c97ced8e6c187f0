import { useState } from 'react';
import Taro from '@tarojs/taro';
import { intentKeys } from './idempotency';
import { runMutation, type MutationOptions } from './mutation';

export type { MutationOptions } from './mutation';

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
  const [keys] = useState(intentKeys);
  const run = (...args: A) =>
    runMutation(fn, args, options, keys, {
      busy: setBusy,
      error: setError,
      toast: (title, ok) => Taro.showToast({ title, icon: ok ? 'success' : 'none' }),
    });
  return { busy, error, run, reset: () => setError(null) };
}
