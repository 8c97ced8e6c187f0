import { useMemo, useRef } from 'react';

function newIdempotencyKey(): string {
  const rand = () => Math.random().toString(36).slice(2, 10);
  return `${Date.now().toString(36)}${rand()}${rand()}`.slice(0, 32);
}

/**
 * Idempotency keys by intent (the request a user means to make, as text). The same intent keeps its key, so
 * tapping again after a timeout never books or spends twice; once it went through (`done`), the same choice
 * made again is a new request with a new key.
 */
export function useIdempotencyKeys() {
  const keys = useRef(new Map<string, string>());
  return useMemo(
    () => ({
      keyFor(intent: string): string {
        let key = keys.current.get(intent);
        if (!key) keys.current.set(intent, (key = newIdempotencyKey()));
        return key;
      },
      done(intent: string): void {
        keys.current.delete(intent);
      },
    }),
    [],
  );
}
