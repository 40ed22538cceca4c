/* Unit tests for GetId: id token checks and stable identities. */
import { describe, expect, it } from 'vitest';
import {
  CLIENT_ID,
  IDENTITY_POOL_ID,
  loginsFor,
  PROVIDER_NAME,
  seedUser,
  testServices,
} from '../../__tests__/test-services.js';
import { NotAuthorizedError, ResourceNotFoundError } from '../../errors.js';
import { getId } from './getId.js';

const IdentityPoolId = IDENTITY_POOL_ID;

describe('getId', () => {
  it('returns one identity per user', async () => {
    const services = await testServices();
    const ada = seedUser(services, 'ada@example.com');
    const a1 = await getId(services)({ IdentityPoolId, Logins: loginsFor(services, ada) });
    const a2 = await getId(services)({ IdentityPoolId, Logins: loginsFor(services, ada) });
    const grace = seedUser(services, 'grace@example.com');
    const g = await getId(services)({ IdentityPoolId, Logins: loginsFor(services, grace) });
    expect(a1.IdentityId).toBe(a2.IdentityId);
    expect(g.IdentityId).not.toBe(a1.IdentityId);
  });

  it('refuses access tokens, expired id tokens and tokens for another audience', async () => {
    const services = await testServices();
    const tokens = services.tokens.signIn(seedUser(services, 'ada@example.com'), CLIENT_ID);
    const get = (token: string) => getId(services)({ IdentityPoolId, Logins: { [PROVIDER_NAME]: token } });
    await expect(get(tokens.AccessToken)).rejects.toThrow(NotAuthorizedError);
    const otherClient = await testServices({ userPoolClient: { id: 'otherclient' } });
    const foreign = otherClient.tokens.signIn(
      seedUser(otherClient, 'ada@example.com'),
      'otherclient',
    ).IdToken;
    await expect(get(foreign)).rejects.toThrow('Incorrect token audience');
    services.clock.advance(3600_000);
    await expect(get(tokens.IdToken)).rejects.toThrow('Token expired');
  });

  it('throws ResourceNotFoundError for another identity pool', async () => {
    const services = await testServices();
    await expect(
      getId(services)({ IdentityPoolId: 'us-east-1:00000000-0000-0000-0000-000000000000' }),
    ).rejects.toThrow(ResourceNotFoundError);
  });
});
