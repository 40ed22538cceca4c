/*
 * Temporary AWS credentials from the identity pool for the signed-in user: the identity id (from
 * `auth/identity-id.ts`: storage, else GetId) and GetCredentialsForIdentity, fetched on first use,
 * cached until 5 minutes before they expire, and refreshed single-flight.
 */
import type { IdentityIds } from '../auth/identity-id.js';
import type { AwsCredentials } from '../clients.js';
import {
  expirationDate,
  type GetCredentialsForIdentityOutput,
  type IdentityPoolApi,
} from '../cognito/identity-pool-operations.js';
import { toAuthS3Error } from '../error-mapping.js';
import { NotFoundError, ServiceError } from '../errors.js';
import type { Auth, Clock } from '../types.js';

/** Credentials are renewed this long before they expire. */
export const CREDENTIALS_MARGIN_MS = 5 * 60_000;

export interface CredentialsProvider {
  /** Valid credentials for the signed-in user (cached, single-flight). */
  (): Promise<AwsCredentials>;
  /** Drops the cache (on sign-out, or when S3 rejected the credentials). */
  reset(): void;
}

export function createCredentialsProvider(deps: {
  identity: IdentityPoolApi;
  identityIds: IdentityIds;
  auth: Auth;
  clock: Clock;
}): CredentialsProvider {
  const { identity, identityIds, auth, clock } = deps;
  let cached: { sub: string; credentials: AwsCredentials } | undefined;
  let inflight: Promise<AwsCredentials> | undefined;
  let generation = 0;

  auth.onChange((event) => {
    if (event.type !== 'refreshed') provider.reset();
  });

  async function fetchCredentials(): Promise<AwsCredentials> {
    const started = generation;
    try {
      const { sub, logins, identityId: first } = await identityIds.current();
      let identityId = first;
      let response: GetCredentialsForIdentityOutput;
      try {
        response = await identity.getCredentialsForIdentity({ IdentityId: identityId, Logins: logins });
      } catch (error) {
        // A stored identity id the pool no longer knows (pool recreated): forget it and ask again once.
        if (toAuthS3Error(error, { operation: 'getCredentials' }) instanceof NotFoundError) {
          await identityIds.forget(sub);
          ({ identityId } = await identityIds.current());
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
