/* Unit tests for GetId: id token checks and stable identities. */
import { describe, expect, it } from 'vitest';
import {
  CLIENT_ID,
  identityIdFor,
  loginsFor,
  PROVIDER_NAME,
  seedUser,
  testServices,
} from '../../__tests__/test-services.js';
import { NotAuthorizedError, ResourceNotFoundError } from '../../errors.js';
import { getId } from './getId.js';

describe('getId', () => {
  it('returns one identity per user', async () => {
    const services = await testServices();
    const ada = seedUser(services, 'ada@example.com');
    const a1 = await identityIdFor(services, loginsFor(services, ada));
    const a2 = await identityIdFor(services, loginsFor(services, ada));
    const grace = seedUser(services, 'grace@example.com');
    const g = await identityIdFor(services, loginsFor(services, grace));
    expect(a1).toBe(a2);
    expect(g).not.toBe(a1);
  });

  it('refuses access tokens, expired id tokens and tokens for another audience', async () => {
    const services = await testServices();
    const tokens = services.tokens.signIn(seedUser(services, 'ada@example.com'), CLIENT_ID);
    const get = (token: string) => identityIdFor(services, { [PROVIDER_NAME]: token });
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
