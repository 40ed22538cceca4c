/*
 * Identity-pool credentials over a fake Cognito Identity (a fake fetch behind the real JSON client): lazy, cached until 5 minutes
 * before expiry, single-flight, the identity id cached per sub (GetId skipped for a returning
 * user), a stale stored identity id replaced, and the cache dropped on sign-out.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { ErrorAnswer, FakeCognito } from '../__tests__/fake-cognito.js';
import { fakeIdToken, RecordingLogger, TestClock } from '../__tests__/fakes.js';
import { createIdentityIds } from '../auth/identity-id.js';
import { SessionStore } from '../auth/session-store.js';
import { type GetIdInput, identityPoolApi } from '../cognito/identity-pool-operations.js';
import { IDENTITY_POOLS } from '../cognito/json-client.js';
import { NotSignedInError } from '../errors.js';
import { memoryStorage } from '../token-storage.js';
import type { Auth, AuthEvent, Tokens } from '../types.js';
import { createCredentialsProvider } from './identity-credentials.js';

let identity: FakeCognito;
const config = {
  region: 'us-east-1',
  userPoolId: 'us-east-1_Pool1',
  userPoolClientId: 'client1',
  identityPoolId: 'us-east-1:pool',
  bucket: 'bucket',
};

function fakeAuth(sub = 'sub-1') {
  const listeners = new Set<(event: AuthEvent) => void>();
  let tokens: Tokens | null = {
    idToken: fakeIdToken(sub),
    accessToken: 'a',
    refreshToken: 'r',
    expiresAt: 0,
  };
  const auth = {
    getSession: async () => tokens,
    currentUser: () => (tokens ? { sub, email: '', emailVerified: true, username: sub, claims: {} } : null),
    onChange: (listener: (event: AuthEvent) => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  } as unknown as Auth;
  const signOut = () => {
    tokens = null;
    for (const listener of listeners) listener({ type: 'signedOut' });
  };
  return { auth, signOut };
}

function setup(storage = memoryStorage()) {
  const clock = new TestClock();
  const { auth, signOut } = fakeAuth();
  const store = new SessionStore(storage, 'client1');
  const api = identityPoolApi(identity.client(IDENTITY_POOLS, new RecordingLogger()));
  const provider = createCredentialsProvider({
    identity: api,
    identityIds: createIdentityIds({ config, identity: api, auth, store }),
    auth,
    clock,
  });
  return { provider, clock, signOut, storage };
}

let issued = 0;
beforeEach(() => {
  identity = new FakeCognito();
  issued = 0;
  identity.on('GetId', { IdentityId: 'us-east-1:identity-1' });
  identity.on('GetCredentialsForIdentity', async () => {
    await new Promise((r) => setTimeout(r, 5));
    issued++;
    return {
      IdentityId: 'us-east-1:identity-1',
      Credentials: {
        AccessKeyId: `ASIA${issued}`,
        SecretKey: 's',
        SessionToken: 't',
        // JSON 1.1 timestamps are epoch seconds.
        Expiration: Date.UTC(2026, 10, 26, 11, 0, 0) / 1000,
      },
    };
  });
});

describe('identity credentials', () => {
  it('fetches once for concurrent callers, with the id token as the login', async () => {
    const { provider } = setup();
    const all = await Promise.all([provider(), provider(), provider()]);
    expect(all.map((c) => c.accessKeyId)).toEqual(['ASIA1', 'ASIA1', 'ASIA1']);
    expect(identity.calls('GetId')).toHaveLength(1);
    expect(identity.calls('GetCredentialsForIdentity')).toHaveLength(1);
    const input = identity.calls<GetIdInput>('GetId')[0];
    expect(input?.IdentityPoolId).toBe('us-east-1:pool');
    expect(Object.keys(input?.Logins ?? {})).toEqual(['cognito-idp.us-east-1.amazonaws.com/us-east-1_Pool1']);
  });

  it('serves the cache until 5 minutes before expiry, then fetches again without GetId', async () => {
    const { provider, clock } = setup();
    await provider();
    clock.advance(54 * 60_000); // 10:54, credentials expire 11:00
    expect((await provider()).accessKeyId).toBe('ASIA1');
    clock.advance(2 * 60_000);
    expect((await provider()).accessKeyId).toBe('ASIA2');
    expect(identity.calls('GetId')).toHaveLength(1);
  });

  it('skips GetId for a returning user whose identity id is in storage', async () => {
    const first = setup();
    await first.provider();
    const second = setup(first.storage);
    await second.provider();
    expect(identity.calls('GetId')).toHaveLength(1);
    expect(identity.calls('GetCredentialsForIdentity')).toHaveLength(2);
  });

  it('replaces a stored identity id the pool no longer knows', async () => {
    const storage = memoryStorage();
    storage.setItem('auth-s3.client1.identity.sub-1', 'us-east-1:stale');
    identity.on(
      'GetCredentialsForIdentity',
      new ErrorAnswer('ResourceNotFoundException', 'Identity not found'),
      {
        IdentityId: 'us-east-1:stale',
      },
    );
    const { provider } = setup(storage);
    expect((await provider()).accessKeyId).toBe('ASIA1');
    expect(storage.getItem('auth-s3.client1.identity.sub-1')).toBe('us-east-1:identity-1');
  });

  it('reads the expiration as epoch seconds', async () => {
    const { provider } = setup();
    expect((await provider()).expiration.toISOString()).toBe('2026-11-26T11:00:00.000Z');
  });

  it('drops the cache on sign-out and then refuses without a session', async () => {
    const { provider, signOut } = setup();
    await provider();
    signOut();
    await expect(provider()).rejects.toBeInstanceOf(NotSignedInError);
  });
});
