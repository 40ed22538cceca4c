/*
 * The authenticator-app journey through the library over real HTTP, against the emulator
 * (`pnpm test`) or a deployed stack (`pnpm test:aws`; see `journey-target.ts`), with codes computed
 * in the test from the secret the library returns, as a phone computes them: set up (secret and
 * otpauth URI), verify, turn on, sign out, sign in with a code (a wrong one first, on the same
 * challenge), a spent code, bad input, setting up twice, turning off; on the emulator only, an
 * expired challenge (its manual clock) and the MFA_SETUP sign-in of a pool that requires MFA (a
 * changed stack model). Each test makes its own user, so it runs alone and in any order.
 */
import { TIME_STEP_MS, testStackModel, totpCode } from '@auth-s3/emulator/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RecordingLogger } from '../src/__tests__/fakes.js';
import { createAuthS3 } from '../src/create-auth-s3.js';
import {
  ChallengeExpiredError,
  CodeExpiredError,
  CodeMismatchError,
  InvalidParameterError,
  NotSignedInError,
} from '../src/errors.js';
import { memoryStorage } from '../src/token-storage.js';
import type { SignInResult } from '../src/types.js';
import { emulatorOnly, type JourneyTarget, startTarget, TARGET_KIND } from './journey-target.js';

const PASSWORD = 'Corr3ct-horse!';
/** On AWS a test waits for real 30-second steps to pass. */
const STEP_WAITS = TARGET_KIND === 'aws' ? { timeout: 180_000 } : {};
const movesClock = emulatorOnly('moves the emulator’s manual clock past the 3-minute challenge');

let target: JourneyTarget;
beforeAll(async () => {
  target = await startTarget();
});
afterAll(() => target?.stop());

/** The time the target's codes are computed for: its manual clock, or the real one on AWS. */
const now = (t = target) => t.clock?.now() ?? Date.now();

/** The next 30-second step, where a new code is due: the manual clock moves, or the test waits. */
async function nextTimeStep(t = target): Promise<void> {
  if (t.clock) {
    t.clock.advance(TIME_STEP_MS);
    return;
  }
  await new Promise((resolve) => setTimeout(resolve, TIME_STEP_MS - (Date.now() % TIME_STEP_MS) + 1_000));
}

function library(t = target) {
  const logger = new RecordingLogger();
  return {
    ...createAuthS3(t.config, { storage: memoryStorage(), clock: t.clock, logger, appName: 'Files' }),
    logger,
  };
}

/** A confirmed, signed-in user of a fresh library instance. */
async function signedInUser() {
  const email = await target.createUser('totp', PASSWORD);
  const lib = library();
  expect((await lib.auth.signIn(email, PASSWORD)).status).toBe('done');
  return { ...lib, email };
}

/** A signed-in user with a verified, enabled authenticator app; the time is past the spent code. */
async function enrolledUser() {
  const user = await signedInUser();
  const { secret } = await user.mfa.setUpTotp();
  await user.mfa.verifyTotp(totpCode(secret, now()), 'Phone');
  await user.mfa.enableTotp();
  await nextTimeStep();
  return { ...user, secret };
}

function expectStatus<S extends SignInResult['status']>(result: SignInResult, status: S) {
  expect(result.status).toBe(status);
  return result as Extract<SignInResult, { status: S }>;
}

const wrongCode = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');

describe('setting up an authenticator app', STEP_WAITS, () => {
  it('returns the secret and an otpauth URI naming the app and the user, verifies a first code, and turns TOTP on', async () => {
    const { mfa, email } = await signedInUser();
    const setup = await mfa.setUpTotp();
    expect(setup.secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(setup.uri).toBe(
      `otpauth://totp/Files:${encodeURIComponent(email)}?secret=${setup.secret}&issuer=Files`,
    );
    await mfa.verifyTotp(totpCode(setup.secret, now()), 'Phone');
    expect(await mfa.status()).toEqual({ totpEnabled: false, totpPreferred: false });
    await mfa.enableTotp();
    expect(await mfa.status()).toEqual({ totpEnabled: true, totpPreferred: true });
  });

  it('refuses 5- and 7-digit codes and letters with a clear InvalidParameterError, sends nothing, and the set-up still works', async () => {
    const { mfa, logger } = await signedInUser();
    const { secret } = await mfa.setUpTotp();
    const right = totpCode(secret, now());
    logger.clear();
    await expect(mfa.verifyTotp(right.slice(0, 5))).rejects.toThrow(
      new InvalidParameterError(
        'The code has 5 digits; an authenticator app shows 6. Type the code it shows now.',
      ),
    );
    await expect(mfa.verifyTotp(`${right}1`)).rejects.toThrow(/has 7 digits/);
    await expect(mfa.verifyTotp('12a456')).rejects.toThrow(/characters other than digits/);
    expect(logger.requests()).toEqual([]);
    // A pasted code with a space is fine.
    await mfa.verifyTotp(`${right.slice(0, 3)} ${right.slice(3)}`);
  });

  it('answers a wrong first code with CodeMismatchError and keeps the set-up open', async () => {
    const { mfa } = await signedInUser();
    const { secret } = await mfa.setUpTotp();
    const right = totpCode(secret, now());
    const error = await mfa.verifyTotp(wrongCode(right)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CodeMismatchError);
    expect((error as CodeMismatchError).code).toBe('EnableSoftwareTokenMFAException');
    expect((error as Error).message).toMatch(/code the authenticator app shows now/);
    await mfa.verifyTotp(right);
  });

  it('refuses to turn TOTP on before a code is verified', async () => {
    const { mfa } = await signedInUser();
    await expect(mfa.enableTotp()).rejects.toThrow(
      /verify a code from it \(verifyTotp\) before turning it on/,
    );
    await mfa.setUpTotp();
    await expect(mfa.enableTotp()).rejects.toBeInstanceOf(InvalidParameterError);
  });

  it('lets a user set up twice: the new app replaces the old one only once verified, and the account stays usable', async () => {
    const { mfa, auth, email, secret: first } = await enrolledUser();
    const { secret: second } = await mfa.setUpTotp();
    expect(second).not.toBe(first);
    // Not verified yet: sign-in still takes the first app's code.
    await auth.signOut();
    const challenge = expectStatus(await auth.signIn(email, PASSWORD), 'totpRequired');
    await challenge.submitCode(totpCode(first, now()));
    await nextTimeStep();
    await mfa.verifyTotp(totpCode(second, now()));
    await nextTimeStep();
    await auth.signOut();
    const next = expectStatus(await auth.signIn(email, PASSWORD), 'totpRequired');
    await expect(next.submitCode(totpCode(first, now()))).rejects.toBeInstanceOf(CodeMismatchError);
    expect((await next.submitCode(totpCode(second, now()))).email).toBe(email);
  });

  it('needs a signed-in user', async () => {
    await expect(library().mfa.setUpTotp()).rejects.toBeInstanceOf(NotSignedInError);
  });
});

describe('signing in with an authenticator app', STEP_WAITS, () => {
  it('asks for the code after the password; a wrong code, then the right one on the same challenge, signs in', async () => {
    const { auth, email, secret } = await enrolledUser();
    const events: string[] = [];
    await auth.signOut();
    auth.onChange((event) => events.push(event.type));
    const result = expectStatus(await auth.signIn(email, PASSWORD), 'totpRequired');
    expect(auth.currentUser()).toBeNull();
    const right = totpCode(secret, now());
    const wrong = await result.submitCode(wrongCode(right)).catch((e: unknown) => e);
    expect(wrong).toBeInstanceOf(CodeMismatchError);
    expect((wrong as Error).message).toBe(
      "That code is not right. Type the 6-digit code the authenticator app shows now, and check that the device's clock is set automatically.",
    );
    await expect(result.submitCode('abc123')).rejects.toBeInstanceOf(InvalidParameterError);
    const user = await result.submitCode(right);
    expect(user.email).toBe(email);
    expect(auth.currentUser()?.email).toBe(email);
    expect(events).toEqual(['signedIn']);
  });

  it('refuses a code that was already used with CodeExpiredError, and takes the next one', async () => {
    const { auth, email, secret } = await enrolledUser();
    const code = totpCode(secret, now());
    await auth.signOut();
    await expectStatus(await auth.signIn(email, PASSWORD), 'totpRequired').submitCode(code);
    await auth.signOut();
    const again = expectStatus(await auth.signIn(email, PASSWORD), 'totpRequired');
    const reused = await again.submitCode(code).catch((e: unknown) => e);
    expect(reused).toBeInstanceOf(CodeExpiredError);
    expect((reused as Error).message).toBe(
      'That code was already used. Wait for the authenticator app to show the next code and type that one.',
    );
    await nextTimeStep();
    expect((await again.submitCode(totpCode(secret, now()))).email).toBe(email);
  });

  movesClock(
    'throws ChallengeExpiredError, saying to sign in again, when the code comes after 3 minutes',
    async () => {
      const { auth, email, secret } = await enrolledUser();
      await auth.signOut();
      const late = expectStatus(await auth.signIn(email, PASSWORD), 'totpRequired');
      target.manualClock().advance(3 * 60_000);
      const error = await late.submitCode(totpCode(secret, now())).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ChallengeExpiredError);
      expect((error as Error).message).toMatch(/Sign in again\.$/);
      expect((error as Error).cause).toBeDefined();
      const fresh = expectStatus(await auth.signIn(email, PASSWORD), 'totpRequired');
      expect((await fresh.submitCode(totpCode(secret, now()))).email).toBe(email);
    },
  );

  it('signs in with the password alone once TOTP is turned off', async () => {
    const { auth, mfa, email } = await enrolledUser();
    await mfa.disableTotp();
    expect(await mfa.status()).toEqual({ totpEnabled: false, totpPreferred: false });
    await auth.signOut();
    expect((await auth.signIn(email, PASSWORD)).status).toBe('done');
  });
});

describe('a pool that requires MFA (emulator only: a changed stack model)', () => {
  let required: JourneyTarget;
  beforeAll(async () => {
    required = await startTarget({ model: testStackModel({ userPool: { mfaConfiguration: 'ON' } }) });
  });
  afterAll(() => required?.stop());

  it('sets up the app during sign-in (totpSetupRequired), retries a wrong code, then asks for codes', async () => {
    const email = required.newEmail('totp-required');
    const { auth } = library(required);
    await auth.signUp(email, PASSWORD);
    await auth.confirmSignUp(email, await required.latestCode(email));
    // confirmSignUp's automatic sign-in stops at the set-up step.
    expect(auth.currentUser()).toBeNull();
    const setup = expectStatus(await auth.signIn(email, PASSWORD), 'totpSetupRequired');
    expect(setup.uri).toBe(
      `otpauth://totp/Files:${encodeURIComponent(email)}?secret=${setup.secret}&issuer=Files`,
    );
    const right = totpCode(setup.secret, now(required));
    await expect(setup.verify(wrongCode(right))).rejects.toBeInstanceOf(CodeMismatchError);
    await expect(setup.verify('12345')).rejects.toBeInstanceOf(InvalidParameterError);
    expect((await setup.verify(right, 'Phone')).email).toBe(email);
    expect(auth.currentUser()?.email).toBe(email);

    await nextTimeStep(required);
    await auth.signOut();
    const next = expectStatus(await auth.signIn(email, PASSWORD), 'totpRequired');
    expect((await next.submitCode(totpCode(setup.secret, now(required)))).email).toBe(email);
  });

  it('goes on from a new password (a user an administrator created) to setting up the app', async () => {
    const email = await required.adminCreateUser('totp-new-password', 'Temp-0rary!');
    const { auth } = library(required);
    const first = expectStatus(await auth.signIn(email, 'Temp-0rary!'), 'newPasswordRequired');
    const setup = expectStatus(await first.completeNewPassword(PASSWORD), 'totpSetupRequired');
    expect(auth.currentUser()).toBeNull();
    expect((await setup.verify(totpCode(setup.secret, now(required)), 'Phone')).email).toBe(email);
    expect(auth.currentUser()?.email).toBe(email);
  });
});
