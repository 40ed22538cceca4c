/*
 * amazon-cognito-identity-js, a Cognito client written independently of the emulator, sets up an
 * authenticator app (`associateSoftwareToken`, `verifySoftwareToken`), turns it on
 * (`setUserMfaPreference`) and signs in with a code (`totpRequired` → `sendMFACode`), in a pool
 * where MFA is optional and in one where it is required (`mfaSetup`).
 */
import {
  AuthenticationDetails,
  CognitoUser,
  CognitoUserPool,
  type CognitoUserSession,
} from 'amazon-cognito-identity-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInWithCognitoJs } from '../src/__tests__/cognito-js-sign-in.js';
import { TIME_STEP_MS, totpCode } from '../src/services/totp.js';
import { type Harness, startHarness } from './harness.js';

const PASSWORD = 'Second-Factor1';

function poolOf(h: Harness): CognitoUserPool {
  return new CognitoUserPool({
    UserPoolId: h.model.userPool.id,
    ClientId: h.model.userPoolClient.id,
    endpoint: h.emulator.endpoint,
  });
}

function associate(user: CognitoUser): Promise<string> {
  return new Promise((resolve, reject) =>
    user.associateSoftwareToken({ associateSecretCode: resolve, onFailure: reject }),
  );
}

function verify(user: CognitoUser, code: string): Promise<unknown> {
  return new Promise((resolve, reject) =>
    user.verifySoftwareToken(code, 'phone', { onSuccess: resolve, onFailure: reject }),
  );
}

/** Starts a sign-in and stops at the first MFA challenge, with its name. */
function signInToChallenge(
  pool: CognitoUserPool,
  email: string,
): Promise<{ user: CognitoUser; challenge: string }> {
  const user = new CognitoUser({ Username: email, Pool: pool });
  return new Promise((resolve, reject) =>
    user.authenticateUser(new AuthenticationDetails({ Username: email, Password: PASSWORD }), {
      onSuccess: () => reject(new Error('Signed in without a second factor')),
      onFailure: reject,
      totpRequired: (challenge) => resolve({ user, challenge }),
      mfaSetup: (challenge) => resolve({ user, challenge }),
    }),
  );
}

function sendCode(user: CognitoUser, code: string): Promise<CognitoUserSession> {
  return new Promise((resolve, reject) =>
    user.sendMFACode(code, { onSuccess: resolve, onFailure: reject }, 'SOFTWARE_TOKEN_MFA'),
  );
}

describe('amazon-cognito-identity-js, MFA optional', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());

  it('sets up an app, turns TOTP on, and signs in with a code after a wrong one', async () => {
    const pool = poolOf(h);
    await h.createUser('js@example.com', PASSWORD);
    const session = await signInWithCognitoJs(pool, 'js@example.com', PASSWORD);
    const user = new CognitoUser({ Username: 'js@example.com', Pool: pool });
    user.setSignInUserSession(session);
    const secret = await associate(user);
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    await expect(verify(user, '000000')).rejects.toMatchObject({ code: 'EnableSoftwareTokenMFAException' });
    await verify(user, totpCode(secret, h.clock.now()));
    await new Promise<void>((resolve, reject) =>
      user.setUserMfaPreference(null, { Enabled: true, PreferredMfa: true }, (error) =>
        error ? reject(error) : resolve(),
      ),
    );
    h.clock.advance(TIME_STEP_MS);

    const { user: signingIn, challenge } = await signInToChallenge(pool, 'js@example.com');
    expect(challenge).toBe('SOFTWARE_TOKEN_MFA');
    const right = totpCode(secret, h.clock.now());
    const wrong = String((Number(right) + 1) % 1_000_000).padStart(6, '0');
    await expect(sendCode(signingIn, wrong)).rejects.toMatchObject({ code: 'CodeMismatchException' });
    const signedIn = await sendCode(signingIn, right);
    expect(signedIn.isValid()).toBe(true);
    expect(signedIn.getIdToken().decodePayload().email).toBe('js@example.com');
  });
});

describe('amazon-cognito-identity-js, MFA required', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ userPool: { mfaConfiguration: 'ON' } });
  });
  afterAll(() => h.close());

  it('answers MFA_SETUP with associateSoftwareToken and verifySoftwareToken on the challenge session, then signs in with a code', async () => {
    const pool = poolOf(h);
    await h.createUser('setup@example.com', PASSWORD);
    const { user, challenge } = await signInToChallenge(pool, 'setup@example.com');
    expect(challenge).toBe('MFA_SETUP');
    const secret = await associate(user);
    // With a challenge session, verifySoftwareToken also answers MFA_SETUP and hands back tokens.
    const session = (await verify(user, totpCode(secret, h.clock.now()))) as CognitoUserSession;
    expect(session.isValid()).toBe(true);
    h.clock.advance(TIME_STEP_MS);

    const next = await signInToChallenge(pool, 'setup@example.com');
    expect(next.challenge).toBe('SOFTWARE_TOKEN_MFA');
    expect((await sendCode(next.user, totpCode(secret, h.clock.now()))).isValid()).toBe(true);
  });
});
