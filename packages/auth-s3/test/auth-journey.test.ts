/*
 * The Cognito half of the journey against the emulator over real HTTP, with the library's real
 * SDK clients: sign up, the code from the inbox, confirm with auto sign-in, wrong codes and
 * passwords, password reset and change, refresh after the clock passes expiry, and a global
 * sign-out that ends the session on every device.
 */
import {
  AdminCreateUserCommand,
  CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RecordingLogger } from '../src/__tests__/fakes.js';
import { createAuthS3 } from '../src/create-auth-s3.js';
import {
  CodeMismatchError,
  InvalidParameterError,
  InvalidPasswordError,
  NotAuthorizedError,
  SessionExpiredError,
  UserExistsError,
  UserNotConfirmedError,
} from '../src/errors.js';
import { memoryStorage } from '../src/token-storage.js';
import type { AuthEvent, TokenStorage } from '../src/types.js';
import { type Harness, startHarness } from './emulator-harness.js';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(() => harness?.stop());

const PASSWORD = 'Corr3ct-horse!';

function library(storage: TokenStorage = memoryStorage()) {
  const logger = new RecordingLogger();
  const events: AuthEvent['type'][] = [];
  const lib = createAuthS3(harness.config, { storage, clock: harness.clock, logger });
  lib.auth.onChange((event) => events.push(event.type));
  return { ...lib, logger, events, storage };
}

/** A second device's storage: a copy of the stored session, as a reload would read it. */
function copyOf(storage: TokenStorage): TokenStorage {
  const key = `auth-s3.${harness.config.userPoolClientId}.session`;
  const copy = memoryStorage();
  const value = storage.getItem(key) as string | null;
  if (value) copy.setItem(key, value);
  return copy;
}

describe('auth journey against the emulator', () => {
  it('signs up, reads the code from the inbox, and confirms straight into a session', async () => {
    const { auth, events, logger } = library();
    const result = await auth.signUp('ada@example.com', PASSWORD);
    expect(result.userConfirmed).toBe(false);
    await expect(auth.signIn('ada@example.com', PASSWORD)).rejects.toBeInstanceOf(UserNotConfirmedError);
    await expect(auth.confirmSignUp('ada@example.com', '000000')).rejects.toBeInstanceOf(CodeMismatchError);
    logger.clear();
    const confirmed = await auth.confirmSignUp(
      'ada@example.com',
      await harness.latestCode('ada@example.com'),
    );
    expect(confirmed.signedIn).toBe(true);
    expect(confirmed.user?.email).toBe('ada@example.com');
    expect(auth.currentUser()?.emailVerified).toBe(true);
    expect(events).toEqual(['signedIn']);
    expect(logger.requests()).toEqual([
      'cognito-idp:ConfirmSignUpCommand',
      'cognito-idp:InitiateAuthCommand',
      'cognito-idp:RespondToAuthChallengeCommand',
    ]);
  });

  it('confirms straight into a session after a sign-in refused as unconfirmed, as after a reload', async () => {
    await library().auth.signUp('cy@example.com', PASSWORD);
    const { auth, events } = library();
    // The pool checks the password before it reports the account unconfirmed.
    await expect(auth.signIn('cy@example.com', 'Wr0ng-password!')).rejects.toBeInstanceOf(NotAuthorizedError);
    await expect(auth.signIn('cy@example.com', PASSWORD)).rejects.toBeInstanceOf(UserNotConfirmedError);
    await auth.resendCode('cy@example.com');
    const confirmed = await auth.confirmSignUp('cy@example.com', await harness.latestCode('cy@example.com'));
    expect(confirmed).toMatchObject({ signedIn: true, user: { email: 'cy@example.com' } });
    expect(events).toEqual(['signedIn']);
  });

  it('maps the pool’s refusals to typed errors', async () => {
    const { auth } = library();
    await expect(auth.signUp('ada@example.com', PASSWORD)).rejects.toBeInstanceOf(UserExistsError);
    const weak = await auth.signUp('bob@example.com', 'Passw0rdNoSymbol').catch((e) => e);
    expect(weak).toBeInstanceOf(InvalidPasswordError);
    expect(weak.rule).toBe('symbols');
    const wrong = await auth.signIn('ada@example.com', 'Wr0ng-password!').catch((e) => e);
    expect(wrong).toBeInstanceOf(NotAuthorizedError);
    expect(wrong.message).toMatch(/Incorrect email or password/);
    await expect(auth.signIn('nobody@example.com', PASSWORD)).rejects.toBeInstanceOf(NotAuthorizedError);
    await expect(auth.signUp('not-an-email', PASSWORD)).rejects.toBeInstanceOf(InvalidParameterError);
  });

  it('resets a forgotten password with the emailed code, then changes it while signed in', async () => {
    const { auth } = library();
    await auth.forgotPassword('ada@example.com');
    const code = await harness.latestCode('ada@example.com', 'forgotPassword');
    await auth.confirmForgotPassword('ada@example.com', code, 'N3w-password!');
    await expect(auth.signIn('ada@example.com', PASSWORD)).rejects.toBeInstanceOf(NotAuthorizedError);
    expect((await auth.signIn('ada@example.com', 'N3w-password!')).status).toBe('done');
    await expect(auth.changePassword('not-it-1A!', PASSWORD)).rejects.toBeInstanceOf(NotAuthorizedError);
    await auth.changePassword('N3w-password!', PASSWORD);
    await auth.signOut();
    expect((await auth.signIn('ada@example.com', PASSWORD)).status).toBe('done');
  });

  it('completes NEW_PASSWORD_REQUIRED for a user an administrator created', async () => {
    const admin = new CognitoIdentityProviderClient({
      region: harness.config.region,
      endpoint: harness.config.endpoint,
      credentials: { accessKeyId: 'AKIAADMIN', secretAccessKey: 'admin-secret' },
    });
    await admin.send(
      new AdminCreateUserCommand({
        UserPoolId: harness.config.userPoolId,
        Username: 'temp@example.com',
        TemporaryPassword: 'Temp-0rary!',
        UserAttributes: [
          { Name: 'email', Value: 'temp@example.com' },
          { Name: 'email_verified', Value: 'true' },
        ],
        MessageAction: 'SUPPRESS',
      }),
    );
    const { auth, events } = library();
    const result = await auth.signIn('temp@example.com', 'Temp-0rary!');
    expect(result.status).toBe('newPasswordRequired');
    expect(events).toEqual([]);
    if (result.status !== 'newPasswordRequired') return;
    await expect(result.completeNewPassword('short')).rejects.toBeInstanceOf(InvalidPasswordError);
    const user = await result.completeNewPassword('Chosen-Passw0rd!');
    expect(user.email).toBe('temp@example.com');
    expect(events).toEqual(['signedIn']);
    await auth.signOut();
    expect((await auth.signIn('temp@example.com', 'Chosen-Passw0rd!')).status).toBe('done');
  });

  it('refreshes the tokens once the clock passes the refresh point, single-flight', async () => {
    const { auth, events, logger } = library();
    await auth.signIn('ada@example.com', PASSWORD);
    const before = await auth.getSession();
    logger.clear();
    harness.clock.advance(61 * 60_000);
    const sessions = await Promise.all([auth.getSession(), auth.getSession(), auth.getSession()]);
    expect(logger.requests()).toEqual(['cognito-idp:InitiateAuthCommand']);
    expect(sessions[0]?.accessToken).not.toBe(before?.accessToken);
    expect(sessions.every((s) => s?.accessToken === sessions[0]?.accessToken)).toBe(true);
    expect(sessions[0]?.expiresAt).toBe(harness.clock.now() + 3600_000);
    expect(events).toEqual(['signedIn', 'refreshed']);
  });

  it('ends the session on every device with a global sign-out', async () => {
    const laptop = library();
    await laptop.auth.signIn('ada@example.com', PASSWORD);
    // Another device, signed in on its own: its own access and refresh tokens.
    const phone = library();
    await phone.auth.signIn('ada@example.com', PASSWORD);
    await laptop.auth.signOut({ global: true });
    expect(laptop.events).toEqual(['signedIn', 'signedOut']);
    expect(await laptop.auth.getSession()).toBeNull();
    // The phone's access token stops working at once, and its refresh token when it is next needed.
    // The phone's access token stops working at once (and ends its session there), and so does its
    // refresh token.
    const phoneTokens = copyOf(phone.storage);
    const refused = await phone.auth.changePassword(PASSWORD, 'N3w-password!').catch((e) => e);
    expect(refused).toBeInstanceOf(SessionExpiredError);
    expect(refused.message).toMatch(/signed out, possibly on another device.*Sign in again/);
    expect(phone.events).toEqual(['signedIn', 'expired']);
    expect(phone.auth.currentUser()).toBeNull();
    const phoneReloaded = library(phoneTokens);
    harness.clock.advance(61 * 60_000);
    await expect(phoneReloaded.auth.getSession()).rejects.toBeInstanceOf(SessionExpiredError);
    expect(phoneReloaded.events).toEqual(['expired']);
  });

  it('revokes only this device’s refresh token on a local sign-out', async () => {
    const first = library();
    await first.auth.signIn('ada@example.com', PASSWORD);
    const reloaded = library(copyOf(first.storage));
    const other = library();
    await other.auth.signIn('ada@example.com', PASSWORD);
    await first.auth.signOut();
    harness.clock.advance(61 * 60_000);
    await expect(reloaded.auth.getSession()).rejects.toBeInstanceOf(SessionExpiredError);
    expect((await other.auth.getSession())?.expiresAt).toBeGreaterThan(harness.clock.now());
  });
});
