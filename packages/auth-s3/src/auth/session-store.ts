/*
 * The signed-in session as kept in the TokenStorage: the tokens (one record per app client) and,
 * per user sub, the identity pool's identity id, which outlives sign-out so a returning user skips
 * GetId. Synchronous storages are read at construction so `currentUser()` works on the first render.
 */
import type { TokenStorage, Tokens } from '../types.js';

/** What is persisted: the public `Tokens` plus when they were issued (to pace refreshes). */
export interface StoredSession extends Tokens {
  issuedAt: number;
}

export class SessionStore {
  private session: StoredSession | null = null;
  /** Resolves once the storage has been read (immediately for synchronous storages). */
  readonly ready: Promise<void>;
  private readonly sessionKey: string;
  private readonly identityKeyPrefix: string;

  constructor(
    private readonly storage: TokenStorage,
    clientId: string,
  ) {
    this.sessionKey = `auth-s3.${clientId}.session`;
    this.identityKeyPrefix = `auth-s3.${clientId}.identity.`;
    const raw = storage.getItem(this.sessionKey);
    if (isPromise(raw)) {
      this.ready = raw.then((value) => {
        // A sign-in that finished before the storage answered wins over what was stored.
        this.session ??= parseSession(value);
      });
    } else {
      this.session = parseSession(raw);
      this.ready = Promise.resolve();
    }
  }

  get current(): StoredSession | null {
    return this.session;
  }

  async save(session: StoredSession): Promise<void> {
    this.session = session;
    await this.storage.setItem(this.sessionKey, JSON.stringify(session));
  }

  async clear(): Promise<void> {
    this.session = null;
    await this.storage.removeItem(this.sessionKey);
  }

  async getIdentityId(sub: string): Promise<string | null> {
    return await this.storage.getItem(this.identityKeyPrefix + sub);
  }

  async setIdentityId(sub: string, identityId: string): Promise<void> {
    await this.storage.setItem(this.identityKeyPrefix + sub, identityId);
  }

  async forgetIdentityId(sub: string): Promise<void> {
    await this.storage.removeItem(this.identityKeyPrefix + sub);
  }
}

function parseSession(raw: string | null): StoredSession | null {
  if (!raw) return null;
  try {
    const value = JSON.parse(raw) as Partial<StoredSession>;
    const fields = ['idToken', 'accessToken', 'refreshToken'] as const;
    if (fields.every((f) => typeof value[f] === 'string') && typeof value.expiresAt === 'number') {
      return { ...(value as StoredSession), issuedAt: value.issuedAt ?? value.expiresAt - 3600_000 };
    }
  } catch {
    // A corrupt record is the same as none: the user signs in again.
  }
  return null;
}

function isPromise<T>(value: T | Promise<T>): value is Promise<T> {
  return typeof (value as Promise<T> | null)?.then === 'function';
}
