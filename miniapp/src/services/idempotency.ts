function newIdempotencyKey(): string {
  const rand = () => Math.random().toString(36).slice(2, 10);
  return `${Date.now().toString(36)}${rand()}${rand()}`.slice(0, 32);
}

export interface IntentKeys {
  keyFor(intent: string): string;
  done(intent: string): void;
}

/**
 * Idempotency keys by intent (the request a user means to make, as text). The same intent keeps its key, so
 * tapping again after a timeout never books or spends twice; once it went through (`done`), the same choice
 * made again is a new request with a new key.
 */
export function intentKeys(newKey: () => string = newIdempotencyKey): IntentKeys {
  const keys = new Map<string, string>();
  return {
    keyFor(intent) {
      let key = keys.get(intent);
      if (!key) keys.set(intent, (key = newKey()));
      return key;
    },
    done(intent) {
      keys.delete(intent);
    },
  };
}
