/**
 * What happens when a button writes to the API, without React or the platform (the hook in use-mutation.ts
 * wires it to state and toasts; this part is tested on its own).
 */
import { errorMessage } from './api-error';
import type { IntentKeys } from './idempotency';

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

/** Where a run reports to: the busy flag, the inline error, the toast. */
export interface MutationSink {
  busy(on: boolean): void;
  error(message: string | null): void;
  toast(title: string, ok: boolean): void;
}

/** Runs one write; resolves true when it went through. */
export async function runMutation<A extends unknown[], R>(
  fn: (...args: never) => Promise<R>,
  args: A,
  options: MutationOptions<A, R>,
  keys: IntentKeys,
  sink: MutationSink,
): Promise<boolean> {
  const intent = options.intent?.(...args);
  const callArgs = (intent === undefined ? args : [...args, keys.keyFor(intent)]) as never;
  sink.busy(true);
  sink.error(null);
  try {
    const result = await fn(...callArgs);
    if (intent !== undefined) keys.done(intent);
    const done = typeof options.done === 'function' ? options.done(result, ...args) : options.done;
    if (done) sink.toast(done, true);
    options.after?.(result, ...args);
    return true;
  } catch (e) {
    const message = errorMessage(e);
    if (options.errors === 'inline') sink.error(message);
    else sink.toast(message, false);
    options.failed?.(message);
    return false;
  } finally {
    sink.busy(false);
  }
}
