/*
 * Unit tests for VerifySoftwareToken (API reference: API_VerifySoftwareToken.html): the code of
 * the app being set up within one step of drift either side (injected clock), spent once,
 * EnableSoftwareTokenMFAException for a wrong code, the UserCode constraints, and the Session path.
 */
import { describe, expect, it } from 'vitest';
import { CLIENT_ID, seedUser, testServices } from '../../__tests__/test-services.js';
import {
  EnableSoftwareTokenMfaError,
  ExpiredCodeError,
  InvalidParameterError,
  SoftwareTokenMfaNotFoundError,
} from '../../errors.js';
import { TIME_STEP_MS, timeStep, totpCode } from '../../services/totp.js';
import { sealMfaSession } from '../mfa.js';
import { answerSoftwareTokenMfa } from '../mfa-challenges.js';
import { associateSoftwareToken } from './associateSoftwareToken.js';
import { verifySoftwareToken } from './verifySoftwareToken.js';

async function settingUp(overrides = {}) {
  const services = await testServices(overrides);
  const user = seedUser(services, 'ada@example.com');
  const { AccessToken } = services.tokens.signIn(user, CLIENT_ID);
  const { SecretCode = '' } = await associateSoftwareToken(services)({ AccessToken });
  return { services, user, AccessToken, secret: SecretCode };
}

describe('verifySoftwareToken', () => {
  it('verifies with a code from one step ago (the last millisecond of the window), names the device, and leaves TOTP off', async () => {
    const { services, user, AccessToken, secret } = await settingUp();
    const code = totpCode(secret, services.clock.now());
    services.clock.set((timeStep(services.clock.now()) + 2) * TIME_STEP_MS - 1);
    const result = await verifySoftwareToken(services)({
      AccessToken,
      UserCode: code,
      FriendlyDeviceName: 'Phone',
    });
    expect(result).toEqual({ Status: 'SUCCESS' });
    expect(user.softwareToken).toMatchObject({ secret, deviceName: 'Phone', enabled: false });
    expect(user.softwareToken?.pendingSecret).toBeUndefined();
  });

  it('refuses a code two steps old (the first millisecond past the window) or two steps ahead', async () => {
    const { services, AccessToken, secret } = await settingUp();
    const now = services.clock.now();
    const code = totpCode(secret, now);
    services.clock.set((timeStep(now) + 2) * TIME_STEP_MS);
    await expect(verifySoftwareToken(services)({ AccessToken, UserCode: code })).rejects.toThrow(
      new EnableSoftwareTokenMfaError(),
    );
    services.clock.set(now);
    const ahead = totpCode(secret, now + 2 * TIME_STEP_MS);
    await expect(verifySoftwareToken(services)({ AccessToken, UserCode: ahead })).rejects.toThrow(
      EnableSoftwareTokenMfaError,
    );
    // One step ahead passes.
    await verifySoftwareToken(services)({ AccessToken, UserCode: totpCode(secret, now + TIME_STEP_MS) });
  });

  it('spends the verifying code: answering SOFTWARE_TOKEN_MFA with it is "already been used once"', async () => {
    const { services, user, AccessToken, secret } = await settingUp();
    const code = totpCode(secret, services.clock.now());
    await verifySoftwareToken(services)({ AccessToken, UserCode: code });
    const Session = sealMfaSession(
      services,
      'softwareTokenMfa',
      user,
      CLIENT_ID,
      services.clock.now() + 180_000,
    );
    const answer = {
      ClientId: CLIENT_ID,
      ChallengeName: 'SOFTWARE_TOKEN_MFA' as const,
      Session,
      ChallengeResponses: { USERNAME: user.username, SOFTWARE_TOKEN_MFA_CODE: code },
    };
    await expect(answerSoftwareTokenMfa(services, CLIENT_ID, answer)).rejects.toThrow(
      new ExpiredCodeError('Your software token has already been used once.'),
    );
  });

  it('verifies a new app in the step in which the old app’s code was just accepted (spent steps are per secret)', async () => {
    const { services, user, AccessToken, secret } = await settingUp();
    await verifySoftwareToken(services)({ AccessToken, UserCode: totpCode(secret, services.clock.now()) });
    expect(user.softwareToken?.lastUsedStep).toBe(timeStep(services.clock.now()));
    const { SecretCode: next = '' } = await associateSoftwareToken(services)({ AccessToken });
    await verifySoftwareToken(services)({ AccessToken, UserCode: totpCode(next, services.clock.now()) });
    expect(user.softwareToken?.secret).toBe(next);
  });

  it.each([
    ['12345', /length greater than or equal to 6/],
    ['1234567', /length less than or equal to 6/],
    ['12345a', /regular expression pattern: \[0-9\]\+/],
    // An empty string is held to both constraints, as AWS reports it (see request-shape.ts).
    ['', /2 validation errors.*length greater than or equal to 6.*regular expression pattern/],
  ])('refuses UserCode %j with InvalidParameterException', async (UserCode, message) => {
    const { services, AccessToken } = await settingUp();
    await expect(verifySoftwareToken(services)({ AccessToken, UserCode })).rejects.toThrow(
      InvalidParameterError,
    );
    await expect(verifySoftwareToken(services)({ AccessToken, UserCode })).rejects.toThrow(message);
  });

  it('answers SoftwareTokenMFANotFoundException when nothing is being set up', async () => {
    const services = await testServices();
    const { AccessToken } = services.tokens.signIn(seedUser(services, 'ada@example.com'), CLIENT_ID);
    await expect(verifySoftwareToken(services)({ AccessToken, UserCode: '123456' })).rejects.toThrow(
      SoftwareTokenMfaNotFoundError,
    );
  });

  it('with an MFA_SETUP session, turns TOTP on and preferred and returns the session that answers MFA_SETUP', async () => {
    const services = await testServices({ userPool: { mfaConfiguration: 'ON' } });
    const user = seedUser(services, 'ada@example.com');
    const setup = sealMfaSession(services, 'mfaSetup', user, CLIENT_ID, services.clock.now() + 180_000);
    const { SecretCode = '', Session } = await associateSoftwareToken(services)({ Session: setup });
    const result = await verifySoftwareToken(services)({
      Session,
      UserCode: totpCode(SecretCode, services.clock.now()),
    });
    expect(result.Status).toBe('SUCCESS');
    expect(services.sealed.open(result.Session ?? '')).toMatchObject({ kind: 'mfaSetupVerified' });
    expect(user.softwareToken).toMatchObject({ enabled: true, preferred: true });
  });
});
