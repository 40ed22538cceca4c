/*
 * The Cognito half of the journey over real HTTP, with the library's real SDK clients, against the
 * emulator (`pnpm test`) or a deployed stack (`pnpm test:aws`; see `journey-target.ts`): sign up,
 * the code from the inbox, confirm with auto sign-in, wrong codes and passwords, password reset and
 * change, a user an administrator created, refresh after the clock passes expiry, and sign-outs
 * that end sessions on other devices. Each test makes its own user, so it runs alone and in any
 * order; the cases that read the inbox or move the clock run on the emulator only.
 */
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
import { emulatorOnly, type JourneyTarget, startTarget } from './journey-target.js';

let target: JourneyTarget;
beforeAll(async () => {
  target = await startTarget();
});
afterAll(() => target?.stop());

const PASSWORD = 'Corr3ct-horse!';
const readsInbox = emulatorOnly('reads the emailed code from the emulator’s inbox');
const movesClock = emulatorOnly('moves the emulator’s manual clock past the tokens’ expiry');

function library(storage: TokenStorage = memoryStorage()) {
  const logger = new RecordingLogger();
  const events: AuthEvent['type'][] = [];
  const lib = createAuthS3(target.config, { storage, clock: target.clock, logger });
  lib.auth.onChange((event) => events.push(event.type));
  return { ...lib, logger, events, storage };
}

/** A second device's storage: a copy of the stored session, as a reload would read it. */
function copyOf(storage: TokenStorage): TokenStorage {
  const key = `auth-s3.${target.config.userPoolClientId}.session`;
  const copy = memoryStorage();
  const value = storage.getItem(key) as string | null;
  if (value) copy.setItem(key, value);
  return copy;
}

describe('auth journey', () => {
  readsInbox('signs up, reads the code from the inbox, and confirms straight into a session', async () => {
    const ada = target.newEmail('ada');
    const { auth, events, logger } = library();
    const result = await auth.signUp(ada, PASSWORD);
    expect(result.userConfirmed).toBe(false);
    await expect(auth.signIn(ada, PASSWORD)).rejects.toBeInstanceOf(UserNotConfirmedError);
    await expect(auth.confirmSignUp(ada, '000000')).rejects.toBeInstanceOf(CodeMismatchError);
    logger.clear();
    const confirmed = await auth.confirmSignUp(ada, await target.latestCode(ada));
    expect(confirmed.signedIn).toBe(true);
    expect(confirmed.user?.email).toBe(ada);
    expect(auth.currentUser()?.emailVerified).toBe(true);
    expect(events).toEqual(['signedIn']);
    expect(logger.requests()).toEqual([
      'cognito-idp:ConfirmSignUpCommand',
      'cognito-idp:InitiateAuthCommand',
      'cognito-idp:RespondToAuthChallengeCommand',
    ]);
  });

  readsInbox(
    'confirms straight into a session after a sign-in refused as unconfirmed, as after a reload',
    async () => {
      const cy = target.newEmail('cy');
      await library().auth.signUp(cy, PASSWORD);
      const { auth, events } = library();
      // The pool checks the password before it reports the account unconfirmed.
      await expect(auth.signIn(cy, 'Wr0ng-password!')).rejects.toBeInstanceOf(NotAuthorizedError);
      await expect(auth.signIn(cy, PASSWORD)).rejects.toBeInstanceOf(UserNotConfirmedError);
      await auth.resendCode(cy);
      const confirmed = await auth.confirmSignUp(cy, await target.latestCode(cy));
      expect(confirmed).toMatchObject({ signedIn: true, user: { email: cy } });
      expect(events).toEqual(['signedIn']);
    },
  );

  it('maps the pool’s refusals to typed errors', async () => {
    const ada = await target.createUser('ada', PASSWORD);
    const { auth } = library();
    await expect(auth.signUp(ada, PASSWORD)).rejects.toBeInstanceOf(UserExistsError);
    const weak = await auth.signUp(target.newEmail('bob'), 'Passw0rdNoSymbol').catch((e) => e);
    expect(weak).toBeInstanceOf(InvalidPasswordError);
    expect(weak.rule).toBe('symbols');
    const wrong = await auth.signIn(ada, 'Wr0ng-password!').catch((e) => e);
    expect(wrong).toBeInstanceOf(NotAuthorizedError);
    expect(wrong.message).toMatch(/Incorrect email or password/);
    await expect(auth.signIn(target.newEmail('nobody'), PASSWORD)).rejects.toBeInstanceOf(NotAuthorizedError);
    await expect(auth.signUp('not-an-email', PASSWORD)).rejects.toBeInstanceOf(InvalidParameterError);
  });

  readsInbox('resets a forgotten password with the emailed code', async () => {
    const ada = await target.createUser('ada', PASSWORD);
    const { auth } = library();
    await auth.forgotPassword(ada);
    const code = await target.latestCode(ada, 'forgotPassword');
    await auth.confirmForgotPassword(ada, code, 'N3w-password!');
    await expect(auth.signIn(ada, PASSWORD)).rejects.toBeInstanceOf(NotAuthorizedError);
    expect((await auth.signIn(ada, 'N3w-password!')).status).toBe('done');
  });

  it('changes the password while signed in, after checking the old one', async () => {
    const ada = await target.createUser('ada', PASSWORD);
    const { auth } = library();
    expect((await auth.signIn(ada, PASSWORD)).status).toBe('done');
    await expect(auth.changePassword('not-it-1A!', 'N3w-password!')).rejects.toBeInstanceOf(
      NotAuthorizedError,
    );
    await auth.changePassword(PASSWORD, 'N3w-password!');
    await auth.signOut();
    await expect(auth.signIn(ada, PASSWORD)).rejects.toBeInstanceOf(NotAuthorizedError);
    expect((await auth.signIn(ada, 'N3w-password!')).status).toBe('done');
  });

  it('deletes the signed-in user: signed out, and the email no longer signs in', async () => {
    const ada = await target.createUser('ada', PASSWORD);
    const { auth, events } = library();
    expect((await auth.signIn(ada, PASSWORD)).status).toBe('done');
    await auth.deleteUser();
    expect(auth.currentUser()).toBeNull();
    expect(events).toEqual(['signedIn', 'signedOut']);
    await expect(auth.signIn(ada, PASSWORD)).rejects.toBeInstanceOf(NotAuthorizedError);
  });

  it('completes NEW_PASSWORD_REQUIRED for a user an administrator created', async () => {
    const temp = await target.adminCreateUser('temp', 'Temp-0rary!');
    const { auth, events } = library();
    const result = await auth.signIn(temp, 'Temp-0rary!');
    expect(result.status).toBe('newPasswordRequired');
    expect(events).toEqual([]);
    if (result.status !== 'newPasswordRequired') return;
    await expect(result.completeNewPassword('short')).rejects.toBeInstanceOf(InvalidPasswordError);
    const done = await result.completeNewPassword('Chosen-Passw0rd!');
    expect(done.status === 'done' && done.user.email).toBe(temp);
    expect(events).toEqual(['signedIn']);
    await auth.signOut();
    expect((await auth.signIn(temp, 'Chosen-Passw0rd!')).status).toBe('done');
  });

  movesClock('refreshes the tokens once the clock passes the refresh point, single-flight', async () => {
    const ada = await target.createUser('ada', PASSWORD);
    const clock = target.manualClock();
    const { auth, events, logger } = library();
    await auth.signIn(ada, PASSWORD);
    const before = await auth.getSession();
    logger.clear();
    clock.advance(61 * 60_000);
    const sessions = await Promise.all([auth.getSession(), auth.getSession(), auth.getSession()]);
    expect(logger.requests()).toEqual(['cognito-idp:InitiateAuthCommand']);
    expect(sessions[0]?.accessToken).not.toBe(before?.accessToken);
    expect(sessions.every((s) => s?.accessToken === sessions[0]?.accessToken)).toBe(true);
    expect(sessions[0]?.expiresAt).toBe(clock.now() + 3600_000);
    expect(events).toEqual(['signedIn', 'refreshed']);
  });

  /** Two devices signed in on their own (own access and refresh tokens); the first signs out globally. */
  async function globalSignOutFromLaptop() {
    const ada = await target.createUser('ada', PASSWORD);
    const laptop = library();
    await laptop.auth.signIn(ada, PASSWORD);
    const phone = library();
    await phone.auth.signIn(ada, PASSWORD);
    const phoneTokens = copyOf(phone.storage);
    await laptop.auth.signOut({ global: true });
    return { laptop, phone, phoneTokens };
  }

  it('ends the session on every device with a global sign-out', async () => {
    const { laptop, phone } = await globalSignOutFromLaptop();
    expect(laptop.events).toEqual(['signedIn', 'signedOut']);
    expect(await laptop.auth.getSession()).toBeNull();
    // The phone's access token stops working at once, and ends its session there.
    const refused = await phone.auth.changePassword(PASSWORD, 'N3w-password!').catch((e) => e);
    expect(refused).toBeInstanceOf(SessionExpiredError);
    expect(refused.message).toMatch(/signed out, possibly on another device.*Sign in again/);
    expect(phone.events).toEqual(['signedIn', 'expired']);
    expect(phone.auth.currentUser()).toBeNull();
  });

  movesClock('refuses the other device’s refresh token after a global sign-out', async () => {
    const { phoneTokens } = await globalSignOutFromLaptop();
    const phoneReloaded = library(phoneTokens);
    target.manualClock().advance(61 * 60_000);
    await expect(phoneReloaded.auth.getSession()).rejects.toBeInstanceOf(SessionExpiredError);
    expect(phoneReloaded.events).toEqual(['expired']);
  });

  movesClock('revokes only this device’s refresh token on a local sign-out', async () => {
    const ada = await target.createUser('ada', PASSWORD);
    const clock = target.manualClock();
    const first = library();
    await first.auth.signIn(ada, PASSWORD);
    const reloaded = library(copyOf(first.storage));
    const other = library();
    await other.auth.signIn(ada, PASSWORD);
    await first.auth.signOut();
    clock.advance(61 * 60_000);
    await expect(reloaded.auth.getSession()).rejects.toBeInstanceOf(SessionExpiredError);
    expect((await other.auth.getSession())?.expiresAt).toBeGreaterThan(clock.now());
  });
});
