/*
 * What the unit tests of `files` (the facade) and of its S3 half build them from: a signed-in `Auth`
 * with a fake id token for `sub-1`, a fake identity pool that gives identity `us-east-1:identity-1`
 * temporary credentials, and the other dependencies (memory session store, manual clock, recording
 * logger) around `TEST_CONFIG`.
 */
import { SessionStore } from '../auth/session-store.js';
import type { FilesClientDeps } from '../files/files-client.js';
import { memoryStorage } from '../token-storage.js';
import type { Auth } from '../types.js';
import { FakeCognito } from './fake-cognito.js';
import { fakeIdToken, RecordingLogger, TestClock } from './fakes.js';
import { TEST_CONFIG } from './test-config.js';

/** A signed-in user `sub-1`, as far as the files code asks `Auth`. */
export const SIGNED_IN = {
  getSession: async () => ({ idToken: fakeIdToken(), accessToken: 'a', refreshToken: 'r', expiresAt: 0 }),
  currentUser: () => ({ sub: 'sub-1', email: '', emailVerified: true, username: 'sub-1', claims: {} }),
  onChange: () => () => {},
} as unknown as Auth;

/** A fake identity pool: GetId gives `us-east-1:identity-1`, GetCredentialsForIdentity its credentials. */
export function fakeIdentityPool(): FakeCognito {
  const identity = new FakeCognito();
  identity.on('GetId', { IdentityId: 'us-east-1:identity-1' });
  identity.on('GetCredentialsForIdentity', {
    IdentityId: 'us-east-1:identity-1',
    Credentials: {
      AccessKeyId: 'ASIA',
      SecretKey: 's',
      SessionToken: 't',
      Expiration: Date.UTC(2026, 10, 26, 11) / 1000,
    },
  });
  return identity;
}

/** The dependencies of `createFilesClient` (and, with the areas, `createFileAreas`) over `identity`. */
export function filesDeps(identity: FakeCognito, logger = new RecordingLogger()): FilesClientDeps {
  return {
    config: TEST_CONFIG,
    auth: SIGNED_IN,
    store: new SessionStore(memoryStorage(), TEST_CONFIG.userPoolClientId),
    clock: new TestClock(),
    logger,
    fetch: identity.fetch,
  };
}
