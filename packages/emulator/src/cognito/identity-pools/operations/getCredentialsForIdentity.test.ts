/* Unit tests for GetCredentialsForIdentity: credentials bound to the role and the identity. */
import { describe, expect, it } from 'vitest';
import {
  CLIENT_ID,
  identityIdFor,
  loginsFor,
  PROVIDER_NAME,
  seedUser,
  testServices,
} from '../../__tests__/test-services.js';
import { NotAuthorizedError } from '../../errors.js';
import { getCredentialsForIdentity } from './getCredentialsForIdentity.js';

describe('getCredentialsForIdentity', () => {
  it('issues credentials for the authenticated role that S3 can look up', async () => {
    const services = await testServices();
    const ada = seedUser(services, 'ada@example.com');
    const Logins = loginsFor(services, ada);
    const IdentityId = await identityIdFor(services, Logins);
    const { Credentials } = await getCredentialsForIdentity(services)({ IdentityId, Logins });
    const issued = services.identities.lookupCredentials(Credentials?.AccessKeyId ?? '');
    expect(issued).toMatchObject({
      identityId: IdentityId,
      roleArn: services.model.identityPool.authenticatedRoleArn,
      secretAccessKey: Credentials?.SecretKey,
      sessionToken: Credentials?.SessionToken,
      // S3 builds the `amr` condition list from it: authenticated, the provider, provider:CognitoSignIn:sub.
      login: `${PROVIDER_NAME}:${ada.sub}`,
    });
    expect(issued?.expiration).toBe(Credentials?.Expiration?.getTime());
    expect(Credentials?.Expiration?.getTime()).toBe(services.clock.now() + 3600_000);
  });

  it('refuses an authenticated identity without its login', async () => {
    const services = await testServices();
    const Logins = loginsFor(services, seedUser(services, 'ada@example.com'));
    const IdentityId = await identityIdFor(services, Logins);
    await expect(getCredentialsForIdentity(services)({ IdentityId })).rejects.toThrow(NotAuthorizedError);
  });

  it('refuses, with ServerSideTokenCheck, a revoked session and a disabled user', async () => {
    const services = await testServices();
    const ada = seedUser(services, 'ada@example.com');
    const signedIn = services.tokens.signIn(ada, CLIENT_ID);
    const Logins = { [PROVIDER_NAME]: signedIn.IdToken };
    const IdentityId = await identityIdFor(services, Logins);
    ada.enabled = false;
    await expect(getCredentialsForIdentity(services)({ IdentityId, Logins })).rejects.toThrow(
      'Invalid login token. User is disabled.',
    );
    ada.enabled = true;
    services.tokens.revoke(signedIn.RefreshToken ?? '', CLIENT_ID);
    await expect(getCredentialsForIdentity(services)({ IdentityId, Logins })).rejects.toThrow(
      'Invalid login token. Token has been revoked.',
    );
  });
});
