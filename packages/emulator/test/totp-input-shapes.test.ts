/*
 * The input shapes of the TOTP operations over HTTP, as the API reference's "Request Parameters"
 * give them: VerifySoftwareToken's UserCode (SoftwareTokenMFAUserCodeType: length 6, pattern
 * `[0-9]+`, never echoed) and FriendlyDeviceName (a string), the Session of AssociateSoftwareToken
 * and VerifySoftwareToken (length 20 to 2048), the MFA settings of (Admin)SetUserMFAPreference
 * (booleans), AdminGetUser's required Username. A member of the wrong JSON type is
 * SerializationException, a broken constraint InvalidParameterException, as for every operation.
 */
import {
  AdminGetUserCommand,
  AdminSetUserMFAPreferenceCommand,
  AssociateSoftwareTokenCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAwsError } from './aws-error.js';
import { type Harness, startHarness } from './harness.js';

const IDP = 'AWSCognitoIdentityProviderService';

let h: Harness;
// Well-formed but never issued: the shape is checked before the token is.
const AccessToken = 'eyJraWQiOiJ0ZXN0In0.e30.c2lnbmF0dXJl';
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

describe('VerifySoftwareToken (API reference: VerifySoftwareToken, "Request Parameters")', () => {
  it('holds UserCode to 6 characters of [0-9]+ without echoing it, and requires it', async () => {
    const short = await h.rawCall(`${IDP}.VerifySoftwareToken`, { AccessToken, UserCode: '12345' });
    expect(short).toEqual({
      status: 400,
      type: 'InvalidParameterException',
      message:
        "1 validation error detected: Value at 'userCode' failed to satisfy constraint: Member must have length greater than or equal to 6",
    });
    const letters = await h.rawCall(`${IDP}.VerifySoftwareToken`, { AccessToken, UserCode: '12a456' });
    expect(letters.message).toBe(
      "1 validation error detected: Value at 'userCode' failed to satisfy constraint: Member must satisfy regular expression pattern: [0-9]+",
    );
    const missing = await h.rawCall(`${IDP}.VerifySoftwareToken`, { AccessToken });
    expect(missing.message).toBe(
      "1 validation error detected: Value null at 'userCode' failed to satisfy constraint: Member must not be null",
    );
  });

  it('answers a number as UserCode or FriendlyDeviceName with SerializationException', async () => {
    const code = await h.rawCall(`${IDP}.VerifySoftwareToken`, { AccessToken, UserCode: 123456 });
    expect(code).toMatchObject({ status: 400, type: 'SerializationException' });
    expect(code.message).toContain("'userCode'");
    const device = await h.rawCall(`${IDP}.VerifySoftwareToken`, {
      AccessToken,
      UserCode: '123456',
      FriendlyDeviceName: 7,
    });
    expect(device).toMatchObject({ status: 400, type: 'SerializationException' });
    expect(device.message).toContain("'friendlyDeviceName'");
  });

  it('holds Session to 20 to 2048 characters', async () => {
    const answer = await h.rawCall(`${IDP}.VerifySoftwareToken`, { Session: 'short', UserCode: '123456' });
    expect(answer).toEqual({
      status: 400,
      type: 'InvalidParameterException',
      message:
        "1 validation error detected: Value at 'session' failed to satisfy constraint: Member must have length greater than or equal to 20",
    });
  });
});

describe('AssociateSoftwareToken (API reference: AssociateSoftwareToken, "Request Parameters")', () => {
  it('holds Session to 20 to 2048 characters and answers a number with SerializationException', async () => {
    await expectAwsError(
      h.idp.send(new AssociateSoftwareTokenCommand({ Session: 'x'.repeat(2049) })),
      'InvalidParameterException',
      /'session' failed to satisfy constraint: Member must have length less than or equal to 2048/,
    );
    const typed = await h.rawCall(`${IDP}.AssociateSoftwareToken`, { Session: ['a session in a list'] });
    expect(typed).toMatchObject({ status: 400, type: 'SerializationException' });
  });
});

describe('SetUserMFAPreference (API reference: SetUserMFAPreference, "Request Parameters")', () => {
  it('answers a setting that is not a boolean with SerializationException and requires AccessToken', async () => {
    const typed = await h.rawCall(`${IDP}.SetUserMFAPreference`, {
      AccessToken,
      SoftwareTokenMfaSettings: { Enabled: 'true' },
    });
    expect(typed).toMatchObject({ status: 400, type: 'SerializationException' });
    expect(typed.message).toContain("'softwareTokenMfaSettings.enabled'");
    const missing = await h.rawCall(`${IDP}.SetUserMFAPreference`, {
      SoftwareTokenMfaSettings: { Enabled: false },
    });
    expect(missing).toMatchObject({
      type: 'InvalidParameterException',
      message:
        "1 validation error detected: Value null at 'accessToken' failed to satisfy constraint: Member must not be null",
    });
  });
});

describe('AdminSetUserMFAPreference and AdminGetUser (API reference, "Request Parameters")', () => {
  it('require Username and hold UserPoolId to its pattern', async () => {
    const UserPoolId = h.model.userPool.id;
    await expectAwsError(
      h.idp.send(new AdminGetUserCommand({ UserPoolId, Username: undefined as unknown as string })),
      'InvalidParameterException',
      "1 validation error detected: Value null at 'username' failed to satisfy constraint: Member must not be null",
    );
    await expectAwsError(
      h.idp.send(
        new AdminSetUserMFAPreferenceCommand({
          UserPoolId: 'not a pool',
          Username: 'shapes@example.com',
          SoftwareTokenMfaSettings: { Enabled: false },
        }),
      ),
      'InvalidParameterException',
      /'userPoolId' failed to satisfy constraint: Member must satisfy regular expression pattern/,
    );
  });
});
