/*
 * The `mfa` facade and the TOTP sign-in step as `createAuthS3` wires them, over a fake Cognito (a
 * fake fetch behind the real JSON client): arguments checked before any request, and one session
 * shared with `auth`, so an access token Cognito calls revoked ends the session with `expired`
 * whichever facade sees it.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { ErrorAnswer, FakeCognito } from '../__tests__/fake-cognito.js';
import { fakeIdToken } from '../__tests__/fakes.js';
import { TEST_CONFIG, VERIFIER_CHALLENGE } from '../__tests__/test-config.js';
import { createAuthS3 } from '../create-auth-s3.js';
import { InvalidParameterError, SessionExpiredError } from '../errors.js';
import type { AuthEvent, AuthS3 } from '../types.js';

const config = TEST_CONFIG;
const signedInAnswer = {
  AuthenticationResult: {
    IdToken: fakeIdToken(),
    AccessToken: 'access-1',
    RefreshToken: 'refresh-1',
    ExpiresIn: 3600,
  },
};

let cognito: FakeCognito;
beforeEach(() => {
  cognito = new FakeCognito();
});

function library(): AuthS3 & { events: AuthEvent['type'][] } {
  const lib = createAuthS3(config, { storage: 'memory', fetch: cognito.fetch });
  const events: AuthEvent['type'][] = [];
  lib.auth.onChange((event) => events.push(event.type));
  return { ...lib, events };
}

async function signedIn() {
  cognito.on('InitiateAuth', VERIFIER_CHALLENGE);
  cognito.on('RespondToAuthChallenge', signedInAnswer, { ChallengeName: 'PASSWORD_VERIFIER' });
  const lib = library();
  expect((await lib.auth.signIn('ada@example.com', 'Passw0rd!')).status).toBe('done');
  return lib;
}

describe('mfa arguments', () => {
  it.each([
    [
      (lib: AuthS3) => lib.mfa.verifyTotp(123456 as never),
      /^verifyTotp\(\) needs the code from the authenticator app as a non-empty string \(got the number 123456\)\.$/,
    ],
    [
      (lib: AuthS3) => lib.mfa.verifyTotp('', 'Phone'),
      /verifyTotp\(\) needs the code .*\(got an empty string\)/,
    ],
    [
      (lib: AuthS3) => lib.mfa.verifyTotp('123456', 7 as never),
      /verifyTotp\(\) needs the device name as a string, or nothing \(got the number 7\)/,
    ],
  ])('refuses a bad argument with InvalidParameterError before any request (%#)', async (run, message) => {
    const lib = await signedIn();
    const sent = cognito.requests.length;
    const error = await run(lib).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidParameterError);
    expect((error as Error).message).toMatch(message);
    expect(cognito.requests).toHaveLength(sent);
  });

  it('refuses a code of the wrong type on the sign-in code step, before answering the challenge', async () => {
    cognito.on('InitiateAuth', VERIFIER_CHALLENGE);
    cognito.on(
      'RespondToAuthChallenge',
      { ChallengeName: 'SOFTWARE_TOKEN_MFA', Session: 'mfa-session', ChallengeParameters: {} },
      { ChallengeName: 'PASSWORD_VERIFIER' },
    );
    const result = await library().auth.signIn('ada@example.com', 'Passw0rd!');
    if (result.status !== 'totpRequired') throw new Error(`expected totpRequired, got ${result.status}`);
    await expect(result.submitCode(123456 as never)).rejects.toThrow(
      /^submitCode\(\) needs the code from the authenticator app as a non-empty string/,
    );
    expect(cognito.calls('RespondToAuthChallenge', { ChallengeName: 'SOFTWARE_TOKEN_MFA' })).toHaveLength(0);
  });

  it('refuses an appName that is not a string when the library is made', () => {
    expect(() => createAuthS3(config, { storage: 'memory', appName: 3 as never })).toThrow(
      /createAuthS3\(\) needs appName .*as a string, or nothing \(got the number 3\)/,
    );
  });
});

describe('mfa and the session', () => {
  it('ends the session with expired when Cognito says the access token was revoked', async () => {
    const lib = await signedIn();
    cognito.on(
      'AssociateSoftwareToken',
      new ErrorAnswer('NotAuthorizedException', 'Access Token has been revoked'),
    );
    await expect(lib.mfa.setUpTotp()).rejects.toBeInstanceOf(SessionExpiredError);
    expect(lib.events).toEqual(['signedIn', 'expired']);
    expect(lib.auth.currentUser()).toBeNull();
  });
});
