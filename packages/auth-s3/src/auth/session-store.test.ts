/* session-store: sync and async storages, corrupt records, and identity ids kept per sub. */
import { describe, expect, it } from 'vitest';
import { memoryStorage } from '../token-storage.js';
import type { TokenStorage } from '../types.js';
import { SessionStore } from './session-store.js';

const session = { idToken: 'i', accessToken: 'a', refreshToken: 'r', issuedAt: 1, expiresAt: 3_600_001 };

function asyncStorage(inner = memoryStorage()): TokenStorage {
  const later = <T>(value: T) => new Promise<T>((resolve) => setTimeout(() => resolve(value), 5));
  return {
    getItem: (key) => later(inner.getItem(key) as string | null),
    setItem: async (key, value) => {
      await later(null);
      await inner.setItem(key, value);
    },
    removeItem: async (key) => {
      await later(null);
      await inner.removeItem(key);
    },
  };
}

describe('SessionStore', () => {
  it('reads a synchronous storage at construction', async () => {
    const storage = memoryStorage();
    await new SessionStore(storage, 'c').save(session);
    expect(new SessionStore(storage, 'c').current).toEqual(session);
    expect(new SessionStore(storage, 'other-client').current).toBeNull();
  });

  it('reads an asynchronous storage once ready', async () => {
    const inner = memoryStorage();
    await new SessionStore(inner, 'c').save(session);
    const store = new SessionStore(asyncStorage(inner), 'c');
    expect(store.current).toBeNull();
    await store.ready;
    expect(store.current).toEqual(session);
    await store.clear();
    expect(inner.getItem('auth-s3.c.session')).toBeNull();
  });

  it('treats a corrupt or incomplete record as no session', () => {
    const storage = memoryStorage();
    storage.setItem('auth-s3.c.session', '{not json');
    expect(new SessionStore(storage, 'c').current).toBeNull();
    storage.setItem('auth-s3.c.session', JSON.stringify({ idToken: 'i' }));
    expect(new SessionStore(storage, 'c').current).toBeNull();
  });

  it('keeps identity ids per sub, across sign-out', async () => {
    const store = new SessionStore(memoryStorage(), 'c');
    await store.save(session);
    await store.setIdentityId('sub-a', 'us-east-1:a');
    await store.clear();
    expect(await store.getIdentityId('sub-a')).toBe('us-east-1:a');
    expect(await store.getIdentityId('sub-b')).toBeNull();
    await store.forgetIdentityId('sub-a');
    expect(await store.getIdentityId('sub-a')).toBeNull();
  });
});
