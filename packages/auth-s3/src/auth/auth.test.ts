/*
 * auth facade over a fake Cognito (a fake fetch behind the real JSON client): arguments checked
 * before any request, a bug not reported as an AWS error, SRP round trip shape, NEW_PASSWORD_REQUIRED,
 * and the session lifecycle (`session.ts`): refresh timing with an injected clock, single-flight under
 * concurrency, expiry (of a refresh and of a revoked access token), and sign-out that clears local
 * state even when the network call fails.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { ErrorAnswer, FakeCognito, networkFailure } from '../__tests__/fake-cognito.js';
import { fakeIdToken, RecordingLogger, TestClock } from '../__tests__/fakes.js';
import { TEST_CONFIG, VERIFIER_CHALLENGE } from '../__tests__/test-config.js';
import { USER_POOLS } from '../cognito/json-client.js';
import {
  type InitiateAuthInput,
  type RespondToAuthChallengeInput,
  type SignUpInput,
  userPoolApi,
} from '../cognito/user-pool-operations.js';
import {
  InvalidParameterError,
  NetworkError,
  NotAuthorizedError,
  NotSignedInError,
  ServiceError,
  SessionExpiredError,
  UnexpectedError,
  UnsupportedChallengeError,
  UserNotConfirmedError,
} from '../errors.js';
import { memoryStorage } from '../token-storage.js';
import type { Auth, AuthEvent, TokenStorage } from '../types.js';
import { createAuth } from './auth.js';
import { SessionStore } from './session-store.js';

const config = TEST_CONFIG;
let cognito: FakeCognito;
const tokens = (n: number, withRefresh = true) => ({
  AuthenticationResult: {
    IdToken: fakeIdToken(),
    AccessToken: `access-${n}`,
    RefreshToken: withRefresh ? `refresh-${n}` : undefined,
    ExpiresIn: 3600,
  },
});
const serviceError = (code: string) => new ErrorAnswer(code, `${code} from the fake`);

function setup(storage: TokenStorage = memoryStorage()) {
  const clock = new TestClock();
  const events: AuthEvent['type'][] = [];
  const auth = createAuth({
    config,
    api: userPoolApi(cognito.client(USER_POOLS, new RecordingLogger())),
    store: new SessionStore(storage, config.userPoolClientId),
    clock,
    logger: new RecordingLogger(),
  });
  auth.onChange((event) => events.push(event.type));
  return { auth, clock, events, storage };
}

async function signedIn() {
  cognito.on('InitiateAuth', VERIFIER_CHALLENGE, { AuthFlow: 'USER_SRP_AUTH' });
  cognito.on('RespondToAuthChallenge', tokens(1));
  const context = setup();
  await context.auth.signIn('ada@example.com', 'Passw0rd!');
  return context;
}

beforeEach(() => {
  cognito = new FakeCognito();
});

describe('auth.signIn', () => {
  it('sends SRP_A, answers PASSWORD_VERIFIER with a signature, and stores the tokens', async () => {
    const { auth, events } = await signedIn();
    const start = cognito.calls<InitiateAuthInput>('InitiateAuth')[0];
    expect(start?.AuthParameters?.USERNAME).toBe('ada@example.com');
    expect(start?.AuthParameters?.SRP_A).toMatch(/^[0-9a-f]{500,}$/);
    expect(JSON.stringify(start)).not.toContain('Passw0rd!');
    const answer = cognito.calls<RespondToAuthChallengeInput>('RespondToAuthChallenge')[0];
    expect(answer?.Session).toBe('srp-session');
    expect(answer?.ChallengeResponses?.USERNAME).toBe('sub-1');
    expect(answer?.ChallengeResponses?.PASSWORD_CLAIM_SIGNATURE).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    expect(auth.currentUser()?.email).toBe('ada@example.com');
    expect((await auth.getSession())?.accessToken).toBe('access-1');
    expect(events).toEqual(['signedIn']);
  });

  it('offers completeNewPassword for NEW_PASSWORD_REQUIRED', async () => {
    cognito.on('InitiateAuth', VERIFIER_CHALLENGE);
    cognito
      .on(
        'RespondToAuthChallenge',
        { ChallengeName: 'NEW_PASSWORD_REQUIRED', Session: 's2', ChallengeParameters: {} },
        { ChallengeName: 'PASSWORD_VERIFIER' },
      )
      .on('RespondToAuthChallenge', tokens(2), { ChallengeName: 'NEW_PASSWORD_REQUIRED' });
    const { auth, events } = setup();
    const result = await auth.signIn('ada@example.com', 'Temp0rary!');
    expect(result.status).toBe('newPasswordRequired');
    if (result.status !== 'newPasswordRequired') return;
    const done = await result.completeNewPassword('N3w-password!');
    expect(done.status === 'done' && done.user.sub).toBe('sub-1');
    const input = cognito.calls<RespondToAuthChallengeInput>('RespondToAuthChallenge')[1];
    expect(input?.ChallengeResponses).toEqual({ USERNAME: 'ada@example.com', NEW_PASSWORD: 'N3w-password!' });
    expect(events).toEqual(['signedIn']);
  });

  it('goes on from completeNewPassword to the SOFTWARE_TOKEN_MFA code step, on the session Cognito sent', async () => {
    cognito.on('InitiateAuth', VERIFIER_CHALLENGE);
    cognito
      .on(
        'RespondToAuthChallenge',
        { ChallengeName: 'NEW_PASSWORD_REQUIRED', Session: 's2', ChallengeParameters: {} },
        { ChallengeName: 'PASSWORD_VERIFIER' },
      )
      .on(
        'RespondToAuthChallenge',
        { ChallengeName: 'SOFTWARE_TOKEN_MFA', Session: 's3', ChallengeParameters: {} },
        { ChallengeName: 'NEW_PASSWORD_REQUIRED' },
      )
      .on('RespondToAuthChallenge', tokens(2), { ChallengeName: 'SOFTWARE_TOKEN_MFA' });
    const { auth, events } = setup();
    const result = await auth.signIn('ada@example.com', 'Temp0rary!');
    if (result.status !== 'newPasswordRequired') throw new Error(`got ${result.status}`);
    const next = await result.completeNewPassword('N3w-password!');
    expect(next.status).toBe('totpRequired');
    expect(events).toEqual([]);
    if (next.status !== 'totpRequired') return;
    expect((await next.submitCode('123 456')).sub).toBe('sub-1');
    const answer = cognito.calls<RespondToAuthChallengeInput>('RespondToAuthChallenge')[2];
    expect(answer?.Session).toBe('s3');
    expect(answer?.ChallengeResponses).toEqual({
      USERNAME: 'ada@example.com',
      SOFTWARE_TOKEN_MFA_CODE: '123456',
    });
    expect(events).toEqual(['signedIn']);
  });

  it('reports other challenges as UnsupportedChallengeError', async () => {
    cognito.on('InitiateAuth', VERIFIER_CHALLENGE);
    cognito.on('RespondToAuthChallenge', { ChallengeName: 'SMS_MFA', Session: 'x' });
    const error = await setup()
      .auth.signIn('ada@example.com', 'Passw0rd!')
      .catch((e) => e);
    expect(error).toBeInstanceOf(UnsupportedChallengeError);
    expect(error.message).toContain('SMS_MFA');
  });

  it('maps a wrong password to NotAuthorizedError', async () => {
    cognito.on('InitiateAuth', VERIFIER_CHALLENGE);
    cognito.on('RespondToAuthChallenge', serviceError('NotAuthorizedException'));
    await expect(setup().auth.signIn('ada@example.com', 'wrong')).rejects.toBeInstanceOf(NotAuthorizedError);
  });
});

describe('auth arguments and failures', () => {
  it.each([
    [
      'signIn',
      (auth: Omit<Auth, 'identityId'>) => auth.signIn(42 as never, 'Passw0rd!'),
      /^signIn\(\) needs the email address as a non-empty string \(got the number 42\)\.$/,
    ],
    [
      'signIn',
      (auth: Omit<Auth, 'identityId'>) => auth.signIn('ada@example.com', ''),
      /signIn\(\) needs the password .*\(got an empty string\)/,
    ],
    [
      'signUp',
      (auth: Omit<Auth, 'identityId'>) => auth.signUp('ada@example.com', 'Passw0rd!', { age: 36 } as never),
      /signUp\(\) needs the user attributes with string values \(age is not one\)/,
    ],
    [
      'confirmSignUp',
      (auth: Omit<Auth, 'identityId'>) => auth.confirmSignUp('ada@example.com', 123456 as never),
      /confirmSignUp\(\) needs the code from the email/,
    ],
    [
      'signOut',
      (auth: Omit<Auth, 'identityId'>) => auth.signOut('everywhere' as never),
      /signOut\(\) needs its options as an object/,
    ],
  ])(
    'refuses a bad argument to %s with InvalidParameterError before any request',
    async (_m, run, message) => {
      const error = await run(setup().auth).catch((e) => e);
      expect(error).toBeInstanceOf(InvalidParameterError);
      expect(error.message).toMatch(message);
      expect(cognito.requests).toHaveLength(0);
    },
  );

  it('does not report a bug (a TypeError that is no network failure) as an AWS error', async () => {
    const bug = new TypeError('undefined is not a function');
    cognito.on('InitiateAuth', () => {
      throw bug;
    });
    const error = await setup()
      .auth.signIn('ada@example.com', 'Passw0rd!')
      .catch((e) => e);
    expect(error).not.toBeInstanceOf(ServiceError);
    expect(error).toBeInstanceOf(UnexpectedError);
    expect(error.cause).toBe(bug);
  });
});

describe('auth.confirmSignUp', () => {
  it('signs in with the password from signUp when autoSignIn is on', async () => {
    cognito.on('SignUp', { UserConfirmed: false, UserSub: 'sub-1' });
    cognito.on('ConfirmSignUp', {});
    cognito.on('InitiateAuth', VERIFIER_CHALLENGE);
    cognito.on('RespondToAuthChallenge', tokens(1));
    const { auth, events } = setup();
    await auth.signUp('ada@example.com', 'Passw0rd!', { name: 'Ada' });
    expect(cognito.calls<SignUpInput>('SignUp')[0]?.UserAttributes).toEqual([
      { Name: 'email', Value: 'ada@example.com' },
      { Name: 'name', Value: 'Ada' },
    ]);
    const result = await auth.confirmSignUp('ada@example.com', '123456');
    expect(result.signedIn).toBe(true);
    expect(events).toEqual(['signedIn']);
    // The password is not kept after use: a second confirm cannot sign in again.
    expect((await auth.confirmSignUp('ada@example.com', '123456')).signedIn).toBe(false);
  });

  it('signs in with the password of a sign-in refused as unconfirmed', async () => {
    cognito.on('InitiateAuth', VERIFIER_CHALLENGE);
    cognito.on('RespondToAuthChallenge', serviceError('UserNotConfirmedException')).on('ConfirmSignUp', {});
    const { auth, events } = setup();
    await expect(auth.signIn('ada@example.com', 'Passw0rd!')).rejects.toBeInstanceOf(UserNotConfirmedError);
    cognito.on('RespondToAuthChallenge', tokens(1));
    expect(await auth.confirmSignUp('ada@example.com', '123456')).toMatchObject({ signedIn: true });
    expect(events).toEqual(['signedIn']);
    expect(cognito.calls('InitiateAuth')).toHaveLength(2);
  });

  it('reports the account confirmed but not signed in when the kept password is refused', async () => {
    cognito.on('InitiateAuth', VERIFIER_CHALLENGE);
    cognito.on('RespondToAuthChallenge', serviceError('UserNotConfirmedException')).on('ConfirmSignUp', {});
    const { auth, events } = setup();
    await expect(auth.signIn('ada@example.com', 'Wr0ng!')).rejects.toBeInstanceOf(UserNotConfirmedError);
    cognito.on('RespondToAuthChallenge', serviceError('NotAuthorizedException'));
    expect(await auth.confirmSignUp('ada@example.com', '123456')).toEqual({ signedIn: false });
    expect(cognito.calls('ConfirmSignUp')).toHaveLength(1);
    expect(events).toEqual([]);
  });

  it('does not sign in without the password at hand', async () => {
    cognito.on('ConfirmSignUp', {});
    expect(await setup().auth.confirmSignUp('ada@example.com', '123456')).toEqual({ signedIn: false });
    expect(cognito.calls('InitiateAuth')).toHaveLength(0);
  });
});

describe('auth.getSession', () => {
  it('returns stored tokens without a request until the refresh margin, then refreshes', async () => {
    const { auth, clock, events } = await signedIn();
    cognito.on('InitiateAuth', tokens(2, false), { AuthFlow: 'REFRESH_TOKEN_AUTH' });
    clock.advance(54 * 60_000);
    expect((await auth.getSession())?.accessToken).toBe('access-1');
    expect(cognito.calls('InitiateAuth')).toHaveLength(1);
    clock.advance(2 * 60_000);
    const refreshed = await auth.getSession();
    expect(refreshed?.accessToken).toBe('access-2');
    // Cognito does not rotate the refresh token: the old one is kept.
    expect(refreshed?.refreshToken).toBe('refresh-1');
    expect(refreshed?.expiresAt).toBe(clock.now() + 3600_000);
    expect(events).toEqual(['signedIn', 'refreshed']);
  });

  it('shares one refresh between concurrent callers', async () => {
    const { auth, clock } = await signedIn();
    let release: () => void = () => {};
    cognito.on('InitiateAuth', () => new Promise((resolve) => (release = () => resolve(tokens(2)))), {
      AuthFlow: 'REFRESH_TOKEN_AUTH',
    });
    clock.advance(61 * 60_000);
    const callers = Promise.all(Array.from({ length: 5 }, () => auth.getSession()));
    await new Promise((r) => setTimeout(r, 10));
    release();
    const results = await callers;
    expect(new Set(results.map((t) => t?.accessToken))).toEqual(new Set(['access-2']));
    expect(cognito.calls('InitiateAuth', { AuthFlow: 'REFRESH_TOKEN_AUTH' })).toHaveLength(1);
  });

  it('clears the session and emits expired when the refresh token is rejected', async () => {
    const { auth, clock, events } = await signedIn();
    cognito.on('InitiateAuth', serviceError('NotAuthorizedException'), { AuthFlow: 'REFRESH_TOKEN_AUTH' });
    clock.advance(61 * 60_000);
    const error = await auth.getSession().catch((e) => e);
    expect(error).toBeInstanceOf(SessionExpiredError);
    expect(error.cause).toBeInstanceOf(NotAuthorizedError);
    expect(events).toEqual(['signedIn', 'expired']);
    expect(await auth.getSession()).toBeNull();
    expect(auth.currentUser()).toBeNull();
  });

  it('keeps the session when the refresh fails for lack of network', async () => {
    const { auth, clock } = await signedIn();
    cognito.on(
      'InitiateAuth',
      () => {
        throw networkFailure('ECONNREFUSED');
      },
      { AuthFlow: 'REFRESH_TOKEN_AUTH' },
    );
    clock.advance(61 * 60_000);
    await expect(auth.getSession()).rejects.toBeInstanceOf(NetworkError);
    expect(auth.currentUser()?.sub).toBe('sub-1');
    // Standard retries: three attempts in all before giving up.
    expect(cognito.calls('InitiateAuth', { AuthFlow: 'REFRESH_TOKEN_AUTH' })).toHaveLength(3);
  });

  it('restores a session from storage written by an earlier instance', async () => {
    const first = await signedIn();
    const second = setup(first.storage);
    expect(second.auth.currentUser()?.sub).toBe('sub-1');
    expect((await second.auth.getSession())?.accessToken).toBe('access-1');
  });
});

describe('auth.changePassword', () => {
  it('ends the session with expired when Cognito says the access token was revoked', async () => {
    const { auth, events } = await signedIn();
    cognito.on('ChangePassword', new ErrorAnswer('NotAuthorizedException', 'Access Token has been revoked'));
    await expect(auth.changePassword('Passw0rd!', 'N3w-password!')).rejects.toBeInstanceOf(
      SessionExpiredError,
    );
    expect(events).toEqual(['signedIn', 'expired']);
    expect(auth.currentUser()).toBeNull();
  });

  it('keeps the session when only the current password is wrong', async () => {
    const { auth, events } = await signedIn();
    cognito.on(
      'ChangePassword',
      new ErrorAnswer('NotAuthorizedException', 'Incorrect username or password.'),
    );
    const error = await auth.changePassword('wrong', 'N3w-password!').catch((e) => e);
    expect(error).toBeInstanceOf(NotAuthorizedError);
    expect(error.message).toMatch(/current password/);
    expect(events).toEqual(['signedIn']);
    expect(auth.currentUser()?.sub).toBe('sub-1');
  });
});

describe('auth.signOut', () => {
  it('revokes the refresh token and clears local state', async () => {
    const { auth, events } = await signedIn();
    cognito.on('RevokeToken', {});
    await auth.signOut();
    expect(cognito.calls('RevokeToken')[0]).toEqual({
      ClientId: 'client1',
      Token: 'refresh-1',
    });
    expect(auth.currentUser()).toBeNull();
    expect(events).toEqual(['signedIn', 'signedOut']);
  });

  it('signs out globally with the access token', async () => {
    const { auth } = await signedIn();
    cognito.on('GlobalSignOut', {});
    await auth.signOut({ global: true });
    expect(cognito.calls('GlobalSignOut')[0]).toEqual({ AccessToken: 'access-1' });
    expect(await auth.getSession()).toBeNull();
  });

  it('deletes the user with the access token and ends the session', async () => {
    const { auth, events } = await signedIn();
    cognito.on('DeleteUser', {});
    await auth.deleteUser();
    expect(cognito.calls('DeleteUser')).toEqual([{ AccessToken: 'access-1' }]);
    expect(auth.currentUser()).toBeNull();
    expect(events).toEqual(['signedIn', 'signedOut']);
    await expect(auth.deleteUser()).rejects.toBeInstanceOf(NotSignedInError);
  });

  it('clears local state even when the network call fails, and still reports the failure', async () => {
    const { auth, events } = await signedIn();
    cognito.on('RevokeToken', () => {
      throw new TypeError('Failed to fetch');
    });
    await expect(auth.signOut()).rejects.toBeInstanceOf(NetworkError);
    expect(auth.currentUser()).toBeNull();
    expect(events).toEqual(['signedIn', 'signedOut']);
  });
});
