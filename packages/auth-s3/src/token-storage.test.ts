/* token-storage: adapters and the default choice, in Node (no web storage) and with a fake one. */
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError } from './errors.js';
import { memoryStorage, resolveStorage, webStorage } from './token-storage.js';

class FakeStorage {
  readonly values = new Map<string, string>();
  getItem(key: string) {
    return this.values.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.values.set(key, value);
  }
  removeItem(key: string) {
    this.values.delete(key);
  }
}

const globals = globalThis as { localStorage?: unknown; sessionStorage?: unknown };

afterEach(() => {
  delete globals.localStorage;
  delete globals.sessionStorage;
});

describe('token storage', () => {
  it('memory storage sets, reads and removes', () => {
    const storage = memoryStorage();
    expect(storage.getItem('k')).toBeNull();
    storage.setItem('k', 'v');
    expect(storage.getItem('k')).toBe('v');
    storage.removeItem('k');
    expect(storage.getItem('k')).toBeNull();
  });

  it('defaults to memory when the runtime has no localStorage', () => {
    const storage = resolveStorage(undefined);
    storage.setItem('k', 'v');
    expect(storage.getItem('k')).toBe('v');
  });

  it('defaults to localStorage when present, and writes through to it', () => {
    const local = new FakeStorage();
    globals.localStorage = local;
    resolveStorage(undefined).setItem('k', 'v');
    expect(local.values.get('k')).toBe('v');
  });

  it("uses sessionStorage for 'session'", () => {
    const session = new FakeStorage();
    globals.sessionStorage = session;
    resolveStorage('session').setItem('a', 'b');
    expect(session.values.get('a')).toBe('b');
  });

  it('fails with a message naming the fix when the global is missing', () => {
    expect(() => webStorage('local')).toThrow(ConfigError);
    expect(() => resolveStorage('session')).toThrow(/sessionStorage is not available.*storage: 'memory'/);
  });

  it('accepts a custom storage and rejects an incomplete one', () => {
    const custom = new FakeStorage();
    expect(resolveStorage(custom)).toBe(custom);
    expect(() => resolveStorage({ getItem: () => null } as never)).toThrow(/no setItem\(\)/);
  });
});
