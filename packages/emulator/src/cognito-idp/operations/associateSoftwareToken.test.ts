/*
 * Unit tests for AssociateSoftwareToken (API reference: API_AssociateSoftwareToken.html): a new
 * secret per call by access token or MFA_SETUP session, "not both", and the pool without TOTP.
 */
import { describe, expect, it } from 'vitest';
import { CLIENT_ID, seedUser, testServices } from '../../__tests__/test-services.js';
import { InvalidParameterError, NotAuthorizedError, SoftwareTokenMfaNotFoundError } from '../../errors.js';
import { sealMfaSession } from '../mfa.js';
import { associateSoftwareToken } from './associateSoftwareToken.js';

describe('associateSoftwareToken', () => {
  it('gives a new base32 secret on every call, pending until verified, and no Session for an access token', async () => {
    const services = await testServices();
    const user = seedUser(services, 'ada@example.com');
    const { AccessToken } = services.tokens.signIn(user, CLIENT_ID);
    const first = await associateSoftwareToken(services)({ AccessToken });
    const second = await associateSoftwareToken(services)({ AccessToken });
    expect(first.SecretCode).toMatch(/^[A-Z2-7]{32}$/);
    expect(second.SecretCode).not.toBe(first.SecretCode);
    expect(first.Session).toBeUndefined();
    expect(user.softwareToken).toMatchObject({ pendingSecret: second.SecretCode, enabled: false });
    expect(user.softwareToken?.secret).toBeUndefined();
  });

  it('takes an MFA_SETUP session and hands back one that ends when the challenge does', async () => {
    const services = await testServices({ userPool: { mfaConfiguration: 'ON' } });
    const user = seedUser(services, 'ada@example.com');
    const expiresAt = services.clock.now() + 180_000;
    const Session = sealMfaSession(services, 'mfaSetup', user, CLIENT_ID, expiresAt);
    const result = await associateSoftwareToken(services)({ Session });
    expect(services.sealed.open(result.Session ?? '')).toMatchObject({ kind: 'mfaSetup', expiresAt });
    services.clock.advance(180_000);
    await expect(associateSoftwareToken(services)({ Session })).rejects.toThrow(
      new NotAuthorizedError('Invalid session for the user, session is expired.'),
    );
  });

  it('refuses a SOFTWARE_TOKEN_MFA session, both credentials at once, and neither', async () => {
    const services = await testServices();
    const user = seedUser(services, 'ada@example.com');
    const Session = sealMfaSession(
      services,
      'softwareTokenMfa',
      user,
      CLIENT_ID,
      services.clock.now() + 1000,
    );
    await expect(associateSoftwareToken(services)({ Session })).rejects.toThrow(
      'Invalid session for the user.',
    );
    const { AccessToken } = services.tokens.signIn(user, CLIENT_ID);
    await expect(associateSoftwareToken(services)({ AccessToken, Session })).rejects.toThrow(
      InvalidParameterError,
    );
    await expect(associateSoftwareToken(services)({})).rejects.toThrow(InvalidParameterError);
  });

  it('answers SoftwareTokenMFANotFoundException where the pool has MFA off', async () => {
    const services = await testServices({ userPool: { mfaConfiguration: 'OFF' } });
    const { AccessToken } = services.tokens.signIn(seedUser(services, 'ada@example.com'), CLIENT_ID);
    await expect(associateSoftwareToken(services)({ AccessToken })).rejects.toThrow(
      SoftwareTokenMfaNotFoundError,
    );
  });
});
