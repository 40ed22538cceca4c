/*
 * Unit tests for SetUserMFAPreference (API reference: API_SetUserMFAPreference.html): TOTP on only
 * once verified, off keeps the app registered and un-prefers it, SMS refused.
 */
import { describe, expect, it } from 'vitest';
import { CLIENT_ID, seedUser, testServices } from '../../__tests__/test-services.js';
import { InvalidParameterError } from '../../errors.js';
import { setUserMFAPreference } from './setUserMFAPreference.js';

describe('setUserMFAPreference', () => {
  it('refuses to turn TOTP on without a verified app', async () => {
    const services = await testServices();
    const user = seedUser(services, 'ada@example.com');
    const { AccessToken } = services.tokens.signIn(user, CLIENT_ID);
    await expect(
      setUserMFAPreference(services)({ AccessToken, SoftwareTokenMfaSettings: { Enabled: true } }),
    ).rejects.toThrow(new InvalidParameterError('User has not verified software token mfa'));
    user.softwareToken = { pendingSecret: 'GEZDGNBV', enabled: false, preferred: false };
    await expect(
      setUserMFAPreference(services)({ AccessToken, SoftwareTokenMfaSettings: { PreferredMfa: true } }),
    ).rejects.toThrow('User has not verified software token mfa');
  });

  it('turns a verified app on and preferred, then off (un-preferred, still registered)', async () => {
    const services = await testServices();
    const user = seedUser(services, 'ada@example.com');
    user.softwareToken = { secret: 'GEZDGNBV', enabled: false, preferred: false };
    const { AccessToken } = services.tokens.signIn(user, CLIENT_ID);
    const set = (Enabled: boolean, PreferredMfa?: boolean) =>
      setUserMFAPreference(services)({ AccessToken, SoftwareTokenMfaSettings: { Enabled, PreferredMfa } });
    await set(true, true);
    expect(user.softwareToken).toMatchObject({ enabled: true, preferred: true });
    await set(false);
    expect(user.softwareToken).toMatchObject({ secret: 'GEZDGNBV', enabled: false, preferred: false });
  });

  it('refuses SMS and email MFA, which the pool does not offer', async () => {
    const services = await testServices();
    const { AccessToken } = services.tokens.signIn(seedUser(services, 'ada@example.com'), CLIENT_ID);
    await expect(
      setUserMFAPreference(services)({ AccessToken, SMSMfaSettings: { Enabled: true } }),
    ).rejects.toThrow(InvalidParameterError);
    await expect(
      setUserMFAPreference(services)({ AccessToken, EmailMfaSettings: { PreferredMfa: true } }),
    ).rejects.toThrow(InvalidParameterError);
  });
});
