/* Unit tests for GetUser: live, expired, revoked and forged access tokens, and the MFA fields. */
import { describe, expect, it } from 'vitest';
import { CLIENT_ID, seedUser, testServices } from '../../__tests__/test-services.js';
import { NotAuthorizedError, UserNotFoundError } from '../../errors.js';
import { getUser } from './getUser.js';

const ClientId = CLIENT_ID;

describe('getUser', () => {
  it('returns the username and attributes for a live access token', async () => {
    const services = await testServices();
    const user = seedUser(services, 'ada@example.com');
    const { AccessToken } = services.tokens.signIn(user, ClientId);
    const result = await getUser(services)({ AccessToken });
    expect(result.Username).toBe(user.username);
    expect(result.UserAttributes).toContainEqual({ Name: 'email', Value: 'ada@example.com' });
  });

  it('adds UserMFASettingList and PreferredMfaSetting once TOTP is on and preferred (API_GetUser.html)', async () => {
    const services = await testServices();
    const user = seedUser(services, 'ada@example.com');
    const { AccessToken } = services.tokens.signIn(user, ClientId);
    user.softwareToken = { secret: 'GEZDGNBV', enabled: false, preferred: false };
    expect(await getUser(services)({ AccessToken })).not.toHaveProperty('UserMFASettingList');
    user.softwareToken = { secret: 'GEZDGNBV', enabled: true, preferred: true };
    expect(await getUser(services)({ AccessToken })).toMatchObject({
      UserMFASettingList: ['SOFTWARE_TOKEN_MFA'],
      PreferredMfaSetting: 'SOFTWARE_TOKEN_MFA',
    });
  });

  it('throws "Access Token has expired" an hour later', async () => {
    const services = await testServices();
    const { AccessToken } = services.tokens.signIn(seedUser(services, 'ada@example.com'), ClientId);
    services.clock.advance(3600_000);
    await expect(getUser(services)({ AccessToken })).rejects.toThrow(
      new NotAuthorizedError('Access Token has expired'),
    );
  });

  it('throws "Invalid Access Token" for an id token or a forged token', async () => {
    const services = await testServices();
    const { IdToken, AccessToken } = services.tokens.signIn(seedUser(services, 'ada@example.com'), ClientId);
    await expect(getUser(services)({ AccessToken: IdToken })).rejects.toThrow('Invalid Access Token');
    const [head, , signature] = AccessToken.split('.');
    const forged = Buffer.from(JSON.stringify({ token_use: 'access', username: 'x' })).toString('base64url');
    await expect(getUser(services)({ AccessToken: `${head}.${forged}.${signature}` })).rejects.toThrow(
      'Invalid Access Token',
    );
  });

  it('throws UserNotFoundError once the user is gone', async () => {
    const services = await testServices();
    const user = seedUser(services, 'ada@example.com');
    const { AccessToken } = services.tokens.signIn(user, ClientId);
    delete services.store.state.users[user.username];
    await expect(getUser(services)({ AccessToken })).rejects.toThrow(UserNotFoundError);
  });
});
