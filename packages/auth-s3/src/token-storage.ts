/*
 * Where the session lives between page loads: adapters for memory, localStorage and
 * sessionStorage, and the rule for the default (localStorage when the runtime has it, else
 * memory). Asking for a browser store the runtime lacks fails with a message saying what to pass.
 */
import { ConfigError } from './errors.js';
import type { TokenStorage } from './types.js';

/** Keeps values in this process only: nothing survives a reload. The default in Node. */
export function memoryStorage(): TokenStorage {
  const values = new Map<string, string>();
  return {
    getItem: (key) => values.get(key) ?? null,
    setItem: (key, value) => {
      values.set(key, value);
    },
    removeItem: (key) => {
      values.delete(key);
    },
  };
}

/** `localStorage` (kept across tabs and restarts) or `sessionStorage` (this tab only). */
export function webStorage(kind: 'local' | 'session'): TokenStorage {
  const store = findWebStorage(kind);
  if (!store) {
    const name = `${kind}Storage`;
    throw new ConfigError(
      `${name} is not available in this runtime (Node, a worker, or blocked by the browser). ` +
        "Pass `storage: 'memory'` or your own TokenStorage to createAuthS3.",
    );
  }
  return {
    getItem: (key) => store.getItem(key),
    setItem: (key, value) => store.setItem(key, value),
    removeItem: (key) => store.removeItem(key),
  };
}

/** Turns the `storage` option into an adapter. */
export function resolveStorage(
  option: TokenStorage | 'memory' | 'local' | 'session' | undefined,
): TokenStorage {
  if (option === undefined) return findWebStorage('local') ? webStorage('local') : memoryStorage();
  if (option === 'memory') return memoryStorage();
  if (option === 'local' || option === 'session') return webStorage(option);
  for (const method of ['getItem', 'setItem', 'removeItem'] as const) {
    if (typeof option[method] !== 'function') {
      throw new ConfigError(`The storage passed to createAuthS3 has no ${method}(); implement TokenStorage.`);
    }
  }
  return option;
}

function findWebStorage(kind: 'local' | 'session'): Storage | undefined {
  try {
    // Reading the property throws in sandboxed iframes and with cookies blocked.
    const store = (globalThis as { localStorage?: Storage; sessionStorage?: Storage })[`${kind}Storage`];
    return store && typeof store.getItem === 'function' ? store : undefined;
  } catch {
    return undefined;
  }
}
