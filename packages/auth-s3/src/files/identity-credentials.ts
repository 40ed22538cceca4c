/*
 * Temporary AWS credentials from the identity pool for the signed-in user: GetId (skipped when the
 * identity id for this user's sub is already in storage) and GetCredentialsForIdentity, fetched on
 * first use, cached until 5 minutes before they expire, and refreshed single-flight.
 */
import { userFromIdToken } from '../auth/id-token.js';
import type { SessionStore } from '../auth/session-store.js';
import type { AwsCredentials } from '../clients.js';
import {
  expirationDate,
  type GetCredentialsForIdentityOutput,
  type IdentityPoolApi,
} from '../cognito/identity-pool-operations.js';
import { toAuthS3Error } from '../error-mapping.js';
import { NotFoundError, NotSignedInError, ServiceError } from '../errors.js';
import type { Auth, AuthS3Config, Clock } from '../types.js';

/** Credentials are renewed this long before they expire. */
export const CREDENTIALS_MARGIN_MS = 5 * 60_000;

export interface CredentialsProvider {
  /** Valid credentials for the signed-in user (cached, single-flight). */
  (): Promise<AwsCredentials>;
  /** Drops the cache (on sign-out, or when S3 rejected the credentials). */
  reset(): void;
}

export function createCredentialsProvider(deps: {
  config: AuthS3Config;
  identity: IdentityPoolApi;
  auth: Auth;
  store: SessionStore;
  clock: Clock;
}): CredentialsProvider {
  const { config, identity, auth, store, clock } = deps;
  const providerName = `cognito-idp.${config.region}.amazonaws.com/${config.userPoolId}`;
  let cached: { sub: string; credentials: AwsCredentials } | undefined;
  let inflight: Promise<AwsCredentials> | undefined;
  let generation = 0;

  auth.onChange((event) => {
    if (event.type !== 'refreshed') provider.reset();
  });

  async function identityIdFor(sub: string, logins: Record<string, string>): Promise<string> {
    const stored = await store.getIdentityId(sub);
    if (stored) return stored;
    const { IdentityId } = await identity.getId({ IdentityPoolId: config.identityPoolId, Logins: logins });
    if (!IdentityId)
      throw new ServiceError('The identity pool answered GetId without an IdentityId. Try again.');
    await store.setIdentityId(sub, IdentityId);
    return IdentityId;
  }

  async function fetchCredentials(): Promise<AwsCredentials> {
    const started = generation;
    const session = await auth.getSession();
    if (!session) throw new NotSignedInError('Files need a signed-in user. Sign in first.');
    const { sub } = userFromIdToken(session.idToken);
    const logins = { [providerName]: session.idToken };
    try {
      let identityId = await identityIdFor(sub, logins);
      let response: GetCredentialsForIdentityOutput;
      try {
        response = await identity.getCredentialsForIdentity({ IdentityId: identityId, Logins: logins });
      } catch (error) {
        // A stored identity id the pool no longer knows (pool recreated): forget it and ask again once.
        if (toAuthS3Error(error, { operation: 'getCredentials' }) instanceof NotFoundError) {
          await store.forgetIdentityId(sub);
          identityId = await identityIdFor(sub, logins);
          response = await identity.getCredentialsForIdentity({ IdentityId: identityId, Logins: logins });
        } else {
          throw error;
        }
      }
      const c = response.Credentials;
      const expiration = expirationDate(c?.Expiration);
      if (!c?.AccessKeyId || !c.SecretKey || !c.SessionToken || !expiration) {
        throw new ServiceError('The identity pool answered without complete credentials. Try again.');
      }
      const credentials: AwsCredentials = {
        accessKeyId: c.AccessKeyId,
        secretAccessKey: c.SecretKey,
        sessionToken: c.SessionToken,
        expiration,
      };
      if (generation === started) cached = { sub, credentials };
      return credentials;
    } catch (error) {
      throw toAuthS3Error(error, { operation: 'getCredentials' });
    }
  }

  const provider = (async () => {
    const user = auth.currentUser();
    if (
      cached &&
      cached.sub === user?.sub &&
      cached.credentials.expiration.getTime() - clock.now() > CREDENTIALS_MARGIN_MS
    ) {
      return cached.credentials;
    }
    inflight ??= fetchCredentials().finally(() => {
      inflight = undefined;
    });
    return inflight;
  }) as CredentialsProvider;
  provider.reset = () => {
    generation++;
    cached = undefined;
  };
  return provider;
}
