/* Unit tests for RevokeToken: one session ends; access tokens, other clients and disabled revocation refuse. */
import { describe, expect, it } from 'vitest';
import { CLIENT_ID, seedUser, testServices } from '../../__tests__/test-services.js';
import { CognitoUnsupportedOperationError, UnsupportedTokenTypeError } from '../../errors.js';
import { revokeToken } from './revokeToken.js';

const ClientId = CLIENT_ID;

describe('revokeToken', () => {
  it('ends the session of the refresh token only', async () => {
    const services = await testServices();
    const user = seedUser(services, 'ada@example.com');
    const revoked = services.tokens.signIn(user, ClientId);
    const kept = services.tokens.signIn(user, ClientId);
    await revokeToken(services)({ ClientId, Token: revoked.RefreshToken });
    expect(() => services.tokens.authenticate(revoked.AccessToken)).toThrow('Access Token has been revoked');
    expect(services.tokens.authenticate(kept.AccessToken).username).toBe(user.username);
  });

  it('accepts an unknown token silently, as RFC 7009 asks', async () => {
    const services = await testServices();
    await expect(revokeToken(services)({ ClientId, Token: 'unknown' })).resolves.toEqual({});
  });

  it('throws UnsupportedTokenTypeError for an access token', async () => {
    const services = await testServices();
    const { AccessToken } = services.tokens.signIn(seedUser(services, 'ada@example.com'), ClientId);
    await expect(revokeToken(services)({ ClientId, Token: AccessToken })).rejects.toThrow(
      UnsupportedTokenTypeError,
    );
  });

  it('refuses when the client has token revocation turned off', async () => {
    const services = await testServices({ userPoolClient: { enableTokenRevocation: false } });
    await expect(revokeToken(services)({ ClientId, Token: 'x' })).rejects.toThrow(
      CognitoUnsupportedOperationError,
    );
  });
});
