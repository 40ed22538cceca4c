/*
 * The authenticator-app journey through the library against the emulator over HTTP, with codes
 * computed in the test as a phone computes them: set up (secret and otpauth URI), verify, turn on,
 * sign out, sign in with a code (a wrong one first, on the same challenge), a spent code, an
 * expired challenge, bad input, setting up twice, turning off; and the MFA_SETUP sign-in of a pool
 * that requires MFA.
 */
import { TIME_STEP_MS, totpCode } from '@auth-s3/emulator/testing';
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
import { type Harness, startHarness } from './emulator-harness.js';

const PASSWORD = 'Corr3ct-horse!';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(() => harness?.stop());

let users = 0;

function library(h = harness) {
  const logger = new RecordingLogger();
  return {
    ...createAuthS3(h.config, { storage: memoryStorage(), clock: h.clock, logger, appName: 'Files' }),
    logger,
  };
}

/** A confirmed, signed-in user of a fresh library instance. */
async function signedUpUser(h = harness) {
  users += 1;
  const email = `totp${users}@example.com`;
  const lib = library(h);
  await lib.auth.signUp(email, PASSWORD);
  await lib.auth.confirmSignUp(email, await h.latestCode(email));
  return { ...lib, email };
}

/** A signed-in user with a verified, enabled authenticator app; the clock is past the spent code. */
async function enrolledUser() {
  const user = await signedUpUser();
  const { secret } = await user.mfa.setUpTotp();
  await user.mfa.verifyTotp(totpCode(secret, harness.clock.now()), 'Phone');
  await user.mfa.enableTotp();
  harness.clock.advance(TIME_STEP_MS);
  return { ...user, secret };
}

function expectStatus<S extends SignInResult['status']>(result: SignInResult, status: S) {
  expect(result.status).toBe(status);
  return result as Extract<SignInResult, { status: S }>;
}

const wrongCode = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');

describe('setting up an authenticator app', () => {
  it('returns the secret and an otpauth URI naming the app and the user, verifies a first code, and turns TOTP on', async () => {
    const { mfa, email } = await signedUpUser();
    const setup = await mfa.setUpTotp();
    expect(setup.secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(setup.uri).toBe(
      `otpauth://totp/Files:${encodeURIComponent(email)}?secret=${setup.secret}&issuer=Files`,
    );
    await mfa.verifyTotp(totpCode(setup.secret, harness.clock.now()), 'Phone');
    expect(await mfa.status()).toEqual({ totpEnabled: false, totpPreferred: false });
    await mfa.enableTotp();
    expect(await mfa.status()).toEqual({ totpEnabled: true, totpPreferred: true });
  });

  it('refuses 5- and 7-digit codes and letters with a clear InvalidParameterError, sends nothing, and the set-up still works', async () => {
    const { mfa, logger } = await signedUpUser();
    const { secret } = await mfa.setUpTotp();
    const right = totpCode(secret, harness.clock.now());
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
    const { mfa } = await signedUpUser();
    const { secret } = await mfa.setUpTotp();
    const right = totpCode(secret, harness.clock.now());
    const error = await mfa.verifyTotp(wrongCode(right)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CodeMismatchError);
    expect((error as CodeMismatchError).code).toBe('EnableSoftwareTokenMFAException');
    expect((error as Error).message).toMatch(/code the authenticator app shows now/);
    await mfa.verifyTotp(right);
  });

  it('refuses to turn TOTP on before a code is verified', async () => {
    const { mfa } = await signedUpUser();
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
    await challenge.submitCode(totpCode(first, harness.clock.now()));
    harness.clock.advance(TIME_STEP_MS);
    await mfa.verifyTotp(totpCode(second, harness.clock.now()));
    harness.clock.advance(TIME_STEP_MS);
    await auth.signOut();
    const next = expectStatus(await auth.signIn(email, PASSWORD), 'totpRequired');
    await expect(next.submitCode(totpCode(first, harness.clock.now()))).rejects.toBeInstanceOf(
      CodeMismatchError,
    );
    expect((await next.submitCode(totpCode(second, harness.clock.now()))).email).toBe(email);
  });

  it('needs a signed-in user', async () => {
    await expect(library().mfa.setUpTotp()).rejects.toBeInstanceOf(NotSignedInError);
  });
});

describe('signing in with an authenticator app', () => {
  it('asks for the code after the password; a wrong code, then the right one on the same challenge, signs in', async () => {
    const { auth, email, secret } = await enrolledUser();
    const events: string[] = [];
    await auth.signOut();
    auth.onChange((event) => events.push(event.type));
    const result = expectStatus(await auth.signIn(email, PASSWORD), 'totpRequired');
    expect(auth.currentUser()).toBeNull();
    const right = totpCode(secret, harness.clock.now());
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
    const code = totpCode(secret, harness.clock.now());
    await auth.signOut();
    await expectStatus(await auth.signIn(email, PASSWORD), 'totpRequired').submitCode(code);
    await auth.signOut();
    const again = expectStatus(await auth.signIn(email, PASSWORD), 'totpRequired');
    const reused = await again.submitCode(code).catch((e: unknown) => e);
    expect(reused).toBeInstanceOf(CodeExpiredError);
    expect((reused as Error).message).toBe(
      'That code was already used. Wait for the authenticator app to show the next code and type that one.',
    );
    harness.clock.advance(TIME_STEP_MS);
    expect((await again.submitCode(totpCode(secret, harness.clock.now()))).email).toBe(email);
  });

  it('throws ChallengeExpiredError, saying to sign in again, when the code comes after 3 minutes', async () => {
    const { auth, email, secret } = await enrolledUser();
    await auth.signOut();
    const late = expectStatus(await auth.signIn(email, PASSWORD), 'totpRequired');
    harness.clock.advance(3 * 60_000);
    const error = await late.submitCode(totpCode(secret, harness.clock.now())).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ChallengeExpiredError);
    expect((error as Error).message).toMatch(/Sign in again\.$/);
    expect((error as Error).cause).toBeDefined();
    const fresh = expectStatus(await auth.signIn(email, PASSWORD), 'totpRequired');
    expect((await fresh.submitCode(totpCode(secret, harness.clock.now()))).email).toBe(email);
  });

  it('signs in with the password alone once TOTP is turned off', async () => {
    const { auth, mfa, email } = await enrolledUser();
    await mfa.disableTotp();
    expect(await mfa.status()).toEqual({ totpEnabled: false, totpPreferred: false });
    await auth.signOut();
    expect((await auth.signIn(email, PASSWORD)).status).toBe('done');
  });
});

describe('a pool that requires MFA', () => {
  let required: Harness;
  beforeAll(async () => {
    required = await startHarness({ userPool: { mfaConfiguration: 'ON' } });
  });
  afterAll(() => required?.stop());

  it('sets up the app during sign-in (totpSetupRequired), retries a wrong code, then asks for codes', async () => {
    const { auth, email } = await signedUpUser(required);
    // confirmSignUp's automatic sign-in stops at the set-up step.
    expect(auth.currentUser()).toBeNull();
    const setup = expectStatus(await auth.signIn(email, PASSWORD), 'totpSetupRequired');
    expect(setup.uri).toBe(
      `otpauth://totp/Files:${encodeURIComponent(email)}?secret=${setup.secret}&issuer=Files`,
    );
    const right = totpCode(setup.secret, required.clock.now());
    await expect(setup.verify(wrongCode(right))).rejects.toBeInstanceOf(CodeMismatchError);
    await expect(setup.verify('12345')).rejects.toBeInstanceOf(InvalidParameterError);
    expect((await setup.verify(right, 'Phone')).email).toBe(email);
    expect(auth.currentUser()?.email).toBe(email);

    required.clock.advance(TIME_STEP_MS);
    await auth.signOut();
    const next = expectStatus(await auth.signIn(email, PASSWORD), 'totpRequired');
    expect((await next.submitCode(totpCode(setup.secret, required.clock.now()))).email).toBe(email);
  });
});
