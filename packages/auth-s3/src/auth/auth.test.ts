/*
 * auth facade over a mocked Cognito client: SRP round trip shape, NEW_PASSWORD_REQUIRED, refresh
 * timing with an injected clock, single-flight under concurrency, expiry, and sign-out that clears
 * local state even when the network call fails.
 */
import {
  CognitoIdentityProviderClient,
  CognitoIdentityProviderServiceException,
  ConfirmSignUpCommand,
  GlobalSignOutCommand,
  InitiateAuthCommand,
  RespondToAuthChallengeCommand,
  RevokeTokenCommand,
  SignUpCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeIdToken, RecordingLogger, TestClock } from '../__tests__/fakes.js';
import {
  NetworkError,
  NotAuthorizedError,
  SessionExpiredError,
  UnsupportedChallengeError,
} from '../errors.js';
import { memoryStorage } from '../token-storage.js';
import type { AuthEvent, TokenStorage } from '../types.js';
import { createAuth } from './auth.js';
import { SessionStore } from './session-store.js';
import { createUserPoolApi } from './user-pool-api.js';

const config = {
  region: 'us-east-1',
  userPoolId: 'us-east-1_Pool1',
  userPoolClientId: 'client1',
  identityPoolId: 'us-east-1:abc',
  bucket: 'bucket',
};
const cognito = mockClient(CognitoIdentityProviderClient);
const verifierChallenge = {
  ChallengeName: 'PASSWORD_VERIFIER' as const,
  Session: 'srp-session',
  ChallengeParameters: {
    SRP_B: 'abcdef0123456789'.repeat(20),
    SALT: '0a1b2c3d',
    SECRET_BLOCK: 'c2VjcmV0',
    USER_ID_FOR_SRP: 'sub-1',
    USERNAME: 'sub-1',
  },
};
const tokens = (n: number, withRefresh = true) => ({
  AuthenticationResult: {
    IdToken: fakeIdToken(),
    AccessToken: `access-${n}`,
    RefreshToken: withRefresh ? `refresh-${n}` : undefined,
    ExpiresIn: 3600,
  },
});
const serviceError = (name: string) =>
  new CognitoIdentityProviderServiceException({ name, message: name, $fault: 'client', $metadata: {} });

function setup(storage: TokenStorage = memoryStorage()) {
  const clock = new TestClock();
  const events: AuthEvent['type'][] = [];
  const auth = createAuth({
    config,
    loadApi: () => createUserPoolApi(config, new RecordingLogger()),
    store: new SessionStore(storage, config.userPoolClientId),
    clock,
    logger: new RecordingLogger(),
  });
  auth.onChange((event) => events.push(event.type));
  return { auth, clock, events, storage };
}

async function signedIn() {
  cognito.on(InitiateAuthCommand, { AuthFlow: 'USER_SRP_AUTH' }).resolves(verifierChallenge);
  cognito.on(RespondToAuthChallengeCommand).resolves(tokens(1));
  const context = setup();
  await context.auth.signIn('ada@example.com', 'Passw0rd!');
  return context;
}

beforeEach(() => cognito.reset());

describe('auth.signIn', () => {
  it('sends SRP_A, answers PASSWORD_VERIFIER with a signature, and stores the tokens', async () => {
    const { auth, events } = await signedIn();
    const start = cognito.commandCalls(InitiateAuthCommand)[0]?.args[0].input;
    expect(start?.AuthParameters?.USERNAME).toBe('ada@example.com');
    expect(start?.AuthParameters?.SRP_A).toMatch(/^[0-9a-f]{500,}$/);
    expect(JSON.stringify(start)).not.toContain('Passw0rd!');
    const answer = cognito.commandCalls(RespondToAuthChallengeCommand)[0]?.args[0].input;
    expect(answer?.Session).toBe('srp-session');
    expect(answer?.ChallengeResponses?.USERNAME).toBe('sub-1');
    expect(answer?.ChallengeResponses?.PASSWORD_CLAIM_SIGNATURE).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    expect(auth.currentUser()?.email).toBe('ada@example.com');
    expect((await auth.getSession())?.accessToken).toBe('access-1');
    expect(events).toEqual(['signedIn']);
  });

  it('offers completeNewPassword for NEW_PASSWORD_REQUIRED', async () => {
    cognito.on(InitiateAuthCommand).resolves(verifierChallenge);
    cognito
      .on(RespondToAuthChallengeCommand, { ChallengeName: 'PASSWORD_VERIFIER' })
      .resolves({ ChallengeName: 'NEW_PASSWORD_REQUIRED', Session: 's2', ChallengeParameters: {} })
      .on(RespondToAuthChallengeCommand, { ChallengeName: 'NEW_PASSWORD_REQUIRED' })
      .resolves(tokens(2));
    const { auth, events } = setup();
    const result = await auth.signIn('ada@example.com', 'Temp0rary!');
    expect(result.status).toBe('newPasswordRequired');
    if (result.status !== 'newPasswordRequired') return;
    const user = await result.completeNewPassword('N3w-password!');
    expect(user.sub).toBe('sub-1');
    const input = cognito.commandCalls(RespondToAuthChallengeCommand)[1]?.args[0].input;
    expect(input?.ChallengeResponses).toEqual({ USERNAME: 'ada@example.com', NEW_PASSWORD: 'N3w-password!' });
    expect(events).toEqual(['signedIn']);
  });

  it('reports other challenges as UnsupportedChallengeError', async () => {
    cognito.on(InitiateAuthCommand).resolves(verifierChallenge);
    cognito.on(RespondToAuthChallengeCommand).resolves({ ChallengeName: 'SOFTWARE_TOKEN_MFA', Session: 'x' });
    const error = await setup()
      .auth.signIn('ada@example.com', 'Passw0rd!')
      .catch((e) => e);
    expect(error).toBeInstanceOf(UnsupportedChallengeError);
    expect(error.message).toContain('SOFTWARE_TOKEN_MFA');
  });

  it('maps a wrong password to NotAuthorizedError', async () => {
    cognito.on(InitiateAuthCommand).resolves(verifierChallenge);
    cognito.on(RespondToAuthChallengeCommand).rejects(serviceError('NotAuthorizedException'));
    await expect(setup().auth.signIn('ada@example.com', 'wrong')).rejects.toBeInstanceOf(NotAuthorizedError);
  });
});

describe('auth.confirmSignUp', () => {
  it('signs in with the password from signUp when autoSignIn is on', async () => {
    cognito.on(SignUpCommand).resolves({ UserConfirmed: false, UserSub: 'sub-1' });
    cognito.on(ConfirmSignUpCommand).resolves({});
    cognito.on(InitiateAuthCommand).resolves(verifierChallenge);
    cognito.on(RespondToAuthChallengeCommand).resolves(tokens(1));
    const { auth, events } = setup();
    await auth.signUp('ada@example.com', 'Passw0rd!', { name: 'Ada' });
    expect(cognito.commandCalls(SignUpCommand)[0]?.args[0].input.UserAttributes).toEqual([
      { Name: 'email', Value: 'ada@example.com' },
      { Name: 'name', Value: 'Ada' },
    ]);
    const result = await auth.confirmSignUp('ada@example.com', '123456');
    expect(result.signedIn).toBe(true);
    expect(events).toEqual(['signedIn']);
    // The password is not kept after use: a second confirm cannot sign in again.
    expect((await auth.confirmSignUp('ada@example.com', '123456')).signedIn).toBe(false);
  });

  it('does not sign in without the password at hand', async () => {
    cognito.on(ConfirmSignUpCommand).resolves({});
    expect(await setup().auth.confirmSignUp('ada@example.com', '123456')).toEqual({ signedIn: false });
    expect(cognito.commandCalls(InitiateAuthCommand)).toHaveLength(0);
  });
});

describe('auth.getSession', () => {
  it('returns stored tokens without a request until the refresh margin, then refreshes', async () => {
    const { auth, clock, events } = await signedIn();
    cognito.on(InitiateAuthCommand, { AuthFlow: 'REFRESH_TOKEN_AUTH' }).resolves(tokens(2, false));
    clock.advance(54 * 60_000);
    expect((await auth.getSession())?.accessToken).toBe('access-1');
    expect(cognito.commandCalls(InitiateAuthCommand)).toHaveLength(1);
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
    cognito
      .on(InitiateAuthCommand, { AuthFlow: 'REFRESH_TOKEN_AUTH' })
      .callsFake(() => new Promise((resolve) => (release = () => resolve(tokens(2)))));
    clock.advance(61 * 60_000);
    const callers = Promise.all(Array.from({ length: 5 }, () => auth.getSession()));
    await new Promise((r) => setTimeout(r, 10));
    release();
    const results = await callers;
    expect(new Set(results.map((t) => t?.accessToken))).toEqual(new Set(['access-2']));
    expect(cognito.commandCalls(InitiateAuthCommand, { AuthFlow: 'REFRESH_TOKEN_AUTH' })).toHaveLength(1);
  });

  it('clears the session and emits expired when the refresh token is rejected', async () => {
    const { auth, clock, events } = await signedIn();
    cognito
      .on(InitiateAuthCommand, { AuthFlow: 'REFRESH_TOKEN_AUTH' })
      .rejects(serviceError('NotAuthorizedException'));
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
    cognito
      .on(InitiateAuthCommand, { AuthFlow: 'REFRESH_TOKEN_AUTH' })
      .rejects(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }));
    clock.advance(61 * 60_000);
    await expect(auth.getSession()).rejects.toBeInstanceOf(NetworkError);
    expect(auth.currentUser()?.sub).toBe('sub-1');
  });

  it('restores a session from storage written by an earlier instance', async () => {
    const first = await signedIn();
    const second = setup(first.storage);
    expect(second.auth.currentUser()?.sub).toBe('sub-1');
    expect((await second.auth.getSession())?.accessToken).toBe('access-1');
  });
});

describe('auth.signOut', () => {
  it('revokes the refresh token and clears local state', async () => {
    const { auth, events } = await signedIn();
    cognito.on(RevokeTokenCommand).resolves({});
    await auth.signOut();
    expect(cognito.commandCalls(RevokeTokenCommand)[0]?.args[0].input).toEqual({
      ClientId: 'client1',
      Token: 'refresh-1',
    });
    expect(auth.currentUser()).toBeNull();
    expect(events).toEqual(['signedIn', 'signedOut']);
  });

  it('signs out globally with the access token', async () => {
    const { auth } = await signedIn();
    cognito.on(GlobalSignOutCommand).resolves({});
    await auth.signOut({ global: true });
    expect(cognito.commandCalls(GlobalSignOutCommand)[0]?.args[0].input).toEqual({ AccessToken: 'access-1' });
    expect(await auth.getSession()).toBeNull();
  });

  it('clears local state even when the network call fails, and still reports the failure', async () => {
    const { auth, events } = await signedIn();
    cognito.on(RevokeTokenCommand).rejects(new TypeError('fetch failed'));
    await expect(auth.signOut()).rejects.toBeInstanceOf(NetworkError);
    expect(auth.currentUser()).toBeNull();
    expect(events).toEqual(['signedIn', 'signedOut']);
  });
});
