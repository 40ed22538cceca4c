/*
 * The authenticator-app second factor over HTTP with the AWS SDK v3: set-up with an access token,
 * turning it on and off, the SOFTWARE_TOKEN_MFA challenge (a spent code, a wrong code retried on
 * the same Session, an expired Session), MFA_SETUP where the pool requires MFA, the pool without
 * MFA, bad codes, and the `/_emulator/totp` endpoint. Each case names the Cognito page it follows.
 */
import {
  AdminGetUserCommand,
  AdminSetUserMFAPreferenceCommand,
  AssociateSoftwareTokenCommand,
  GetUserCommand,
  RespondToAuthChallengeCommand,
  type RespondToAuthChallengeCommandOutput,
  SetUserMFAPreferenceCommand,
  VerifySoftwareTokenCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TIME_STEP_MS, totpCode } from '../src/cognito/services/totp.js';
import { expectAwsError } from './aws-error.js';
import { type Harness, startHarness } from './harness.js';

const PASSWORD = 'Second-Factor1';
const API = 'https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference';

let h: Harness;
let users = 0;

beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

/** A fresh confirmed user per test, so tests pass alone and in any order. */
async function newUser(harness = h): Promise<string> {
  users += 1;
  const email = `totp${users}@example.com`;
  await harness.createUser(email, PASSWORD);
  return email;
}

/** USER_SRP_AUTH and the PASSWORD_VERIFIER answer with the suite's password. */
function passwordSignIn(email: string, harness = h): Promise<RespondToAuthChallengeCommandOutput> {
  return harness.srpSignIn(email, PASSWORD);
}

async function accessToken(email: string, harness = h): Promise<string> {
  const result = await passwordSignIn(email, harness);
  expect(result.ChallengeName).toBeUndefined();
  return result.AuthenticationResult?.AccessToken ?? '';
}

/** Sets up and verifies an app with an access token, turns TOTP on; returns the secret. */
async function enrol(email: string, harness = h): Promise<{ secret: string; AccessToken: string }> {
  const AccessToken = await accessToken(email, harness);
  const { SecretCode } = await harness.idp.send(new AssociateSoftwareTokenCommand({ AccessToken }));
  const secret = SecretCode ?? '';
  await harness.idp.send(
    new VerifySoftwareTokenCommand({
      AccessToken,
      UserCode: totpCode(secret, harness.clock.now()),
      FriendlyDeviceName: 'phone',
    }),
  );
  await harness.idp.send(
    new SetUserMFAPreferenceCommand({
      AccessToken,
      SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true },
    }),
  );
  // The verifying code is spent: move to the next step, as a person waits for the next code.
  harness.clock.advance(TIME_STEP_MS);
  return { secret, AccessToken };
}

function answerCode(session: string | undefined, email: string, code: string, harness = h) {
  return harness.idp.send(
    new RespondToAuthChallengeCommand({
      ClientId: harness.model.userPoolClient.id,
      ChallengeName: 'SOFTWARE_TOKEN_MFA',
      Session: session,
      ChallengeResponses: { USERNAME: email, SOFTWARE_TOKEN_MFA_CODE: code },
    }),
  );
}

describe('setting up an authenticator app with an access token', () => {
  it(`returns a base32 secret, verifies a first code and leaves TOTP off until SetUserMFAPreference (${API}/API_VerifySoftwareToken.html)`, async () => {
    const email = await newUser();
    const AccessToken = await accessToken(email);
    const { SecretCode, Session } = await h.idp.send(new AssociateSoftwareTokenCommand({ AccessToken }));
    expect(SecretCode).toMatch(/^[A-Z2-7]{32}$/);
    expect(Session).toBeUndefined();
    const verified = await h.idp.send(
      new VerifySoftwareTokenCommand({
        AccessToken,
        UserCode: totpCode(SecretCode ?? '', h.clock.now()),
        FriendlyDeviceName: 'phone',
      }),
    );
    expect(verified.Status).toBe('SUCCESS');
    const user = await h.idp.send(new GetUserCommand({ AccessToken }));
    expect(user.UserMFASettingList).toBeUndefined();
    // Verified but not turned on: the password alone still signs in.
    expect((await passwordSignIn(email)).AuthenticationResult?.AccessToken).toBeDefined();
  });

  it(`shows TOTP in GetUser and AdminGetUser once on and preferred (${API}/API_GetUser.html, API_AdminGetUser.html)`, async () => {
    const email = await newUser();
    const { AccessToken } = await enrol(email);
    const user = await h.idp.send(new GetUserCommand({ AccessToken }));
    expect(user).toMatchObject({
      UserMFASettingList: ['SOFTWARE_TOKEN_MFA'],
      PreferredMfaSetting: 'SOFTWARE_TOKEN_MFA',
    });
    const admin = await h.idp.send(
      new AdminGetUserCommand({ UserPoolId: h.model.userPool.id, Username: email }),
    );
    expect(admin).toMatchObject({
      Username: user.Username,
      UserStatus: 'CONFIRMED',
      Enabled: true,
      UserMFASettingList: ['SOFTWARE_TOKEN_MFA'],
      PreferredMfaSetting: 'SOFTWARE_TOKEN_MFA',
    });
    expect(admin.UserAttributes).toContainEqual({ Name: 'email', Value: email });
  });

  it(`refuses to turn TOTP on before an app is verified: InvalidParameterException (${API}/API_SetUserMFAPreference.html)`, async () => {
    const email = await newUser();
    const AccessToken = await accessToken(email);
    const on = { AccessToken, SoftwareTokenMfaSettings: { Enabled: true } };
    await expectAwsError(
      h.idp.send(new SetUserMFAPreferenceCommand(on)),
      'InvalidParameterException',
      'User has not verified software token mfa',
    );
    await h.idp.send(new AssociateSoftwareTokenCommand({ AccessToken }));
    await expectAwsError(h.idp.send(new SetUserMFAPreferenceCommand(on)), 'InvalidParameterException');
  });

  it(`answers a wrong first code with EnableSoftwareTokenMFAException, and a right one still works (${API}/API_VerifySoftwareToken.html)`, async () => {
    const email = await newUser();
    const AccessToken = await accessToken(email);
    const { SecretCode = '' } = await h.idp.send(new AssociateSoftwareTokenCommand({ AccessToken }));
    const right = totpCode(SecretCode, h.clock.now());
    const wrong = String((Number(right) + 1) % 1_000_000).padStart(6, '0');
    await expectAwsError(
      h.idp.send(new VerifySoftwareTokenCommand({ AccessToken, UserCode: wrong })),
      'EnableSoftwareTokenMFAException',
      'Code mismatch and fail enable Software Token MFA',
    );
    const ok = await h.idp.send(new VerifySoftwareTokenCommand({ AccessToken, UserCode: right }));
    expect(ok.Status).toBe('SUCCESS');
  });

  it(`refuses 5- and 7-digit codes and letters with InvalidParameterException, and the set-up still works (${API}/API_VerifySoftwareToken.html: UserCode length 6, pattern [0-9]+)`, async () => {
    const email = await newUser();
    const AccessToken = await accessToken(email);
    const { SecretCode = '' } = await h.idp.send(new AssociateSoftwareTokenCommand({ AccessToken }));
    const right = totpCode(SecretCode, h.clock.now());
    for (const [UserCode, message] of [
      [right.slice(0, 5), /length greater than or equal to 6/],
      [`${right}1`, /length less than or equal to 6/],
      ['12a45b', /regular expression pattern: \[0-9\]\+/],
    ] as const) {
      const error = await expectAwsError(
        h.idp.send(new VerifySoftwareTokenCommand({ AccessToken, UserCode })),
        'InvalidParameterException',
        message,
      );
      expect(error.message).not.toContain(UserCode);
      expect(error.$metadata?.httpStatusCode).toBe(400);
    }
    const ok = await h.idp.send(new VerifySoftwareTokenCommand({ AccessToken, UserCode: right }));
    expect(ok.Status).toBe('SUCCESS');
  });

  it(`answers VerifySoftwareToken with nothing being set up with SoftwareTokenMFANotFoundException (${API}/API_VerifySoftwareToken.html)`, async () => {
    const email = await newUser();
    const AccessToken = await accessToken(email);
    await expectAwsError(
      h.idp.send(new VerifySoftwareTokenCommand({ AccessToken, UserCode: '123456' })),
      'SoftwareTokenMFANotFoundException',
    );
  });

  it(`lets a user set up twice: a new secret replaces the verified one only once verified (${API}/API_AssociateSoftwareToken.html)`, async () => {
    const email = await newUser();
    const { secret: first, AccessToken } = await enrol(email);
    const { SecretCode: second = '' } = await h.idp.send(new AssociateSoftwareTokenCommand({ AccessToken }));
    const { SecretCode: third = '' } = await h.idp.send(new AssociateSoftwareTokenCommand({ AccessToken }));
    expect(new Set([first, second, third]).size).toBe(3);
    // The unverified set-up does not lock the user out: the first app still signs in.
    const challenge = await passwordSignIn(email);
    expect(challenge.ChallengeName).toBe('SOFTWARE_TOKEN_MFA');
    const signedIn = await answerCode(challenge.Session, email, totpCode(first, h.clock.now()));
    expect(signedIn.AuthenticationResult?.AccessToken).toBeDefined();
    // Only the latest set-up can be verified.
    h.clock.advance(TIME_STEP_MS);
    await expectAwsError(
      h.idp.send(new VerifySoftwareTokenCommand({ AccessToken, UserCode: totpCode(second, h.clock.now()) })),
      'EnableSoftwareTokenMFAException',
    );
    await h.idp.send(
      new VerifySoftwareTokenCommand({ AccessToken, UserCode: totpCode(third, h.clock.now()) }),
    );
    h.clock.advance(TIME_STEP_MS);
    const next = await passwordSignIn(email);
    await expectAwsError(
      answerCode(next.Session, email, totpCode(first, h.clock.now())),
      'CodeMismatchException',
    );
    const done = await answerCode(next.Session, email, totpCode(third, h.clock.now()));
    expect(done.AuthenticationResult?.AccessToken).toBeDefined();
  });
});

describe('signing in with an authenticator app', () => {
  it(`asks for SOFTWARE_TOKEN_MFA after the password, and the right code gives tokens (${API}/API_RespondToAuthChallenge.html)`, async () => {
    const email = await newUser();
    const { secret } = await enrol(email);
    const challenge = await passwordSignIn(email);
    expect(challenge.ChallengeName).toBe('SOFTWARE_TOKEN_MFA');
    expect(challenge.Session).toEqual(expect.any(String));
    expect(challenge.AuthenticationResult).toBeUndefined();
    expect(challenge.ChallengeParameters).toMatchObject({ FRIENDLY_DEVICE_NAME: 'phone' });
    const done = await answerCode(challenge.Session, email, totpCode(secret, h.clock.now()));
    expect(done.AuthenticationResult?.AccessToken).toBeDefined();
    expect(done.AuthenticationResult?.RefreshToken).toBeDefined();
  });

  it('takes a wrong code, then the right one, on the same Session (CodeMismatchException leaves it usable)', async () => {
    const email = await newUser();
    const { secret } = await enrol(email);
    const { Session } = await passwordSignIn(email);
    const right = totpCode(secret, h.clock.now());
    const wrong = String((Number(right) + 1) % 1_000_000).padStart(6, '0');
    for (const code of [wrong, '12345', '1234567', 'abcdef']) {
      await expectAwsError(
        answerCode(Session, email, code),
        'CodeMismatchException',
        'Invalid code received for user',
      );
    }
    const done = await answerCode(Session, email, right);
    expect(done.AuthenticationResult?.AccessToken).toBeDefined();
    await expectAwsError(
      answerCode(Session, email, right),
      'NotAuthorizedException',
      'Invalid session for the user, session can only be used once.',
    );
  });

  it('refuses a code that was already accepted: ExpiredCodeException "Your software token has already been used once."', async () => {
    const email = await newUser();
    const { secret } = await enrol(email);
    const code = totpCode(secret, h.clock.now());
    const first = await passwordSignIn(email);
    await answerCode(first.Session, email, code);
    const second = await passwordSignIn(email);
    await expectAwsError(
      answerCode(second.Session, email, code),
      'ExpiredCodeException',
      'Your software token has already been used once.',
    );
    h.clock.advance(TIME_STEP_MS);
    const done = await answerCode(second.Session, email, totpCode(secret, h.clock.now()));
    expect(done.AuthenticationResult?.AccessToken).toBeDefined();
  });

  it('accepts a code one step old or one step ahead, and refuses one two steps old', async () => {
    const email = await newUser();
    const { secret } = await enrol(email);
    // Past the step the verifying code spent, so the step before now is unused.
    h.clock.advance(TIME_STEP_MS);
    const { Session } = await passwordSignIn(email);
    await expectAwsError(
      answerCode(Session, email, totpCode(secret, h.clock.now() - 2 * TIME_STEP_MS)),
      'CodeMismatchException',
    );
    await answerCode(Session, email, totpCode(secret, h.clock.now() - TIME_STEP_MS));
    const again = await passwordSignIn(email);
    const done = await answerCode(again.Session, email, totpCode(secret, h.clock.now() + TIME_STEP_MS));
    expect(done.AuthenticationResult?.AccessToken).toBeDefined();
    h.clock.advance(2 * TIME_STEP_MS);
  });

  it('expires the challenge after 3 minutes: NotAuthorizedException "Invalid session for the user, session is expired."', async () => {
    const email = await newUser();
    const { secret } = await enrol(email);
    const { Session } = await passwordSignIn(email);
    h.clock.advance(3 * 60_000);
    await expectAwsError(
      answerCode(Session, email, totpCode(secret, h.clock.now())),
      'NotAuthorizedException',
      'Invalid session for the user, session is expired.',
    );
    // The account is fine: a new sign-in works.
    const again = await passwordSignIn(email);
    const done = await answerCode(again.Session, email, totpCode(secret, h.clock.now()));
    expect(done.AuthenticationResult?.AccessToken).toBeDefined();
  });

  it('refuses a forged or missing Session', async () => {
    const email = await newUser();
    const { secret } = await enrol(email);
    const code = totpCode(secret, h.clock.now());
    await expectAwsError(
      answerCode('bm90IGEgc2Vzc2lvbiBhdCBhbGwgYnV0IGxvbmcgZW5vdWdo', email, code),
      'NotAuthorizedException',
      'Invalid session for the user.',
    );
    await expectAwsError(answerCode(undefined, email, code), 'InvalidParameterException');
  });

  it(`signs in with the password alone once TOTP is turned off, by the user or an administrator (${API}/API_AdminSetUserMFAPreference.html)`, async () => {
    const email = await newUser();
    const { AccessToken } = await enrol(email);
    await h.idp.send(
      new SetUserMFAPreferenceCommand({ AccessToken, SoftwareTokenMfaSettings: { Enabled: false } }),
    );
    const user = await h.idp.send(new GetUserCommand({ AccessToken }));
    expect(user.UserMFASettingList).toBeUndefined();
    expect(user.PreferredMfaSetting).toBeUndefined();
    expect((await passwordSignIn(email)).AuthenticationResult).toBeDefined();
    // The verified app stays registered: an administrator can turn it back on, and off.
    const UserPoolId = h.model.userPool.id;
    await h.idp.send(
      new AdminSetUserMFAPreferenceCommand({
        UserPoolId,
        Username: email,
        SoftwareTokenMfaSettings: { Enabled: true },
      }),
    );
    expect((await passwordSignIn(email)).ChallengeName).toBe('SOFTWARE_TOKEN_MFA');
    await h.idp.send(
      new AdminSetUserMFAPreferenceCommand({
        UserPoolId,
        Username: email,
        SoftwareTokenMfaSettings: { Enabled: false },
      }),
    );
    expect((await passwordSignIn(email)).AuthenticationResult).toBeDefined();
  });

  it('refuses SMS MFA in a pool that offers only authenticator apps', async () => {
    const email = await newUser();
    const AccessToken = await accessToken(email);
    await expectAwsError(
      h.idp.send(new SetUserMFAPreferenceCommand({ AccessToken, SMSMfaSettings: { Enabled: true } })),
      'InvalidParameterException',
    );
  });
});

describe('/_emulator/totp', () => {
  it('lists the current code of each enrolled user, and the page shows it', async () => {
    const email = await newUser();
    const { secret } = await enrol(email);
    const response = await fetch(`${h.emulator.endpoint}/_emulator/totp?email=${encodeURIComponent(email)}`);
    const codes = (await response.json()) as Array<Record<string, unknown>>;
    expect(codes).toEqual([
      expect.objectContaining({ email, code: totpCode(secret, h.clock.now()), used: false }),
    ]);
    expect((codes[0]?.validForSeconds as number) > 0).toBe(true);
    const page = await (await fetch(`${h.emulator.endpoint}/_emulator/`)).text();
    expect(page).toContain(totpCode(secret, h.clock.now()));
  });
});

describe('a pool that requires MFA (MfaConfiguration ON)', () => {
  let required: Harness;
  beforeAll(async () => {
    required = await startHarness({ userPool: { mfaConfiguration: 'ON' } });
  });
  afterAll(() => required.close());

  it(`asks a user without an app for MFA_SETUP, and the Session carries set-up through to tokens (${API}/API_AssociateSoftwareToken.html)`, async () => {
    const email = 'required@example.com';
    await required.createUser(email, PASSWORD);
    const challenge = await passwordSignIn(email, required);
    expect(challenge.ChallengeName).toBe('MFA_SETUP');
    expect(challenge.ChallengeParameters?.MFAS_CAN_SETUP).toBe('["SOFTWARE_TOKEN_MFA"]');
    const associated = await required.idp.send(
      new AssociateSoftwareTokenCommand({ Session: challenge.Session }),
    );
    expect(associated.Session).toEqual(expect.any(String));
    const secret = associated.SecretCode ?? '';
    const verified = await required.idp.send(
      new VerifySoftwareTokenCommand({
        Session: associated.Session,
        UserCode: totpCode(secret, required.clock.now()),
      }),
    );
    expect(verified).toMatchObject({ Status: 'SUCCESS', Session: expect.any(String) });
    // The MFA_SETUP challenge's own Session has not been verified: only the one VerifySoftwareToken returned answers it.
    const answer = (Session: string | undefined) =>
      required.idp.send(
        new RespondToAuthChallengeCommand({
          ClientId: required.model.userPoolClient.id,
          ChallengeName: 'MFA_SETUP',
          Session,
          ChallengeResponses: { USERNAME: email },
        }),
      );
    await expectAwsError(answer(challenge.Session), 'NotAuthorizedException');
    const done = await answer(verified.Session);
    expect(done.AuthenticationResult?.AccessToken).toBeDefined();
    const user = await required.idp.send(
      new GetUserCommand({ AccessToken: done.AuthenticationResult?.AccessToken }),
    );
    expect(user.UserMFASettingList).toEqual(['SOFTWARE_TOKEN_MFA']);
    // From now on, sign-in asks for the code.
    required.clock.advance(TIME_STEP_MS);
    const next = await passwordSignIn(email, required);
    expect(next.ChallengeName).toBe('SOFTWARE_TOKEN_MFA');
    const tokens = await answerCode(next.Session, email, totpCode(secret, required.clock.now()), required);
    expect(tokens.AuthenticationResult?.AccessToken).toBeDefined();
  });

  it('expires the MFA_SETUP Session after 3 minutes', async () => {
    const email = 'late@example.com';
    await required.createUser(email, PASSWORD);
    const challenge = await passwordSignIn(email, required);
    required.clock.advance(3 * 60_000);
    await expectAwsError(
      required.idp.send(new AssociateSoftwareTokenCommand({ Session: challenge.Session })),
      'NotAuthorizedException',
      'Invalid session for the user, session is expired.',
    );
  });
});

describe('a pool without MFA (MfaConfiguration OFF)', () => {
  let off: Harness;
  beforeAll(async () => {
    off = await startHarness({ userPool: { mfaConfiguration: 'OFF', softwareTokenMfa: false } });
  });
  afterAll(() => off.close());

  it('answers AssociateSoftwareToken with SoftwareTokenMFANotFoundException, as the developer guide says (user-pool-settings-mfa-totp.html)', async () => {
    await off.createUser('plain@example.com', PASSWORD);
    const AccessToken = await accessToken('plain@example.com', off);
    await expectAwsError(
      off.idp.send(new AssociateSoftwareTokenCommand({ AccessToken })),
      'SoftwareTokenMFANotFoundException',
      'Software Token MFA has not been enabled by the userPool.',
    );
  });
});
