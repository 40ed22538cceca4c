/*
 * The identity id behind `auth.identityId()` and the private area's name, over a fake Cognito
 * Identity: one GetId for a new user, none for a user whose id is stored, `NotSignedInError` when
 * nobody is signed in, and `known()` only for the user signed in now.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { FakeCognito } from '../__tests__/fake-cognito.js';
import { fakeIdToken, RecordingLogger } from '../__tests__/fakes.js';
import { TEST_CONFIG } from '../__tests__/test-config.js';
import { identityPoolApi } from '../cognito/identity-pool-operations.js';
import { IDENTITY_POOLS } from '../cognito/json-client.js';
import { NotSignedInError } from '../errors.js';
import { memoryStorage } from '../token-storage.js';
import type { Auth } from '../types.js';
import { createIdentityIds } from './identity-id.js';
import { SessionStore } from './session-store.js';

const config = TEST_CONFIG;

let identity: FakeCognito;
beforeEach(() => {
  identity = new FakeCognito();
  identity.on('GetId', { IdentityId: 'us-east-1:identity-1' });
});

/** A user signed in as `sub` (or nobody, for `null`), switchable. */
function signedInAs(initial: string | null) {
  let sub = initial;
  const auth = {
    getSession: async () =>
      sub ? { idToken: fakeIdToken(sub), accessToken: 'a', refreshToken: 'r', expiresAt: 0 } : null,
    currentUser: () => (sub ? { sub, email: '', emailVerified: true, username: sub, claims: {} } : null),
  } as unknown as Auth;
  return { auth, switchTo: (next: string | null) => (sub = next) };
}

function ids(auth: Auth, store = new SessionStore(memoryStorage(), 'client1')) {
  const api = identityPoolApi(identity.client(IDENTITY_POOLS, new RecordingLogger()));
  return createIdentityIds({ config, identity: api, auth, store });
}

describe('identity ids', () => {
  it('asks GetId once for a new user, with the id token as the login, then answers from storage', async () => {
    const { auth } = signedInAs('sub-1');
    const store = new SessionStore(memoryStorage(), 'client1');
    expect((await ids(auth, store).current()).identityId).toBe('us-east-1:identity-1');
    expect(identity.calls('GetId')).toHaveLength(1);
    // A new page over the same storage: no GetId.
    const again = ids(auth, store);
    expect((await again.current()).identityId).toBe('us-east-1:identity-1');
    expect(identity.calls('GetId')).toHaveLength(1);
    expect(again.known()).toBe('us-east-1:identity-1');
  });

  it('asks GetId once for callers at the same moment', async () => {
    const { auth } = signedInAs('sub-1');
    const identityIds = ids(auth);
    const answers = await Promise.all([identityIds.current(), identityIds.current(), identityIds.current()]);
    expect(answers.map((answer) => answer.identityId)).toEqual(Array(3).fill('us-east-1:identity-1'));
    expect(identity.calls('GetId')).toHaveLength(1);
  });

  it('throws NotSignedInError with nobody signed in, and knows no id for another user', async () => {
    const { auth, switchTo } = signedInAs(null);
    const identityIds = ids(auth);
    await expect(identityIds.current()).rejects.toBeInstanceOf(NotSignedInError);
    expect(identity.calls('GetId')).toHaveLength(0);
    switchTo('sub-1');
    await identityIds.current();
    expect(identityIds.known()).toBe('us-east-1:identity-1');
    switchTo('sub-2');
    expect(identityIds.known()).toBeUndefined();
  });
});
