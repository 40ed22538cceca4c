/*
 * Sign-in, tokens and sign-out through the real SDK v3 client over HTTP, with a client that
 * allows USER_PASSWORD_AUTH: wrong passwords and lockout, refresh, RevokeToken, GlobalSignOut,
 * token expiry with the injected clock, password reset and change, and DeleteUser.
 */
import {
  ChangePasswordCommand,
  ConfirmForgotPasswordCommand,
  DeleteUserCommand,
  ForgotPasswordCommand,
  GetUserCommand,
  GlobalSignOutCommand,
  InitiateAuthCommand,
  RevokeTokenCommand,
  SignUpCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAwsError } from './aws-error.js';
import { type Harness, startHarness } from './harness.js';

let h: Harness;
let ClientId: string;
const password = 'Correct-Horse-1';

beforeAll(async () => {
  h = await startHarness({
    userPoolClient: {
      explicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
    },
  });
  ClientId = h.model.userPoolClient.id;
});
afterAll(() => h.close());

const signIn = (email: string, pass = password) => h.passwordSignIn(email, pass);
const refresh = (token: string) =>
  h.idp.send(
    new InitiateAuthCommand({
      ClientId,
      AuthFlow: 'REFRESH_TOKEN_AUTH',
      AuthParameters: { REFRESH_TOKEN: token },
    }),
  );
const getUser = (accessToken: string) => h.idp.send(new GetUserCommand({ AccessToken: accessToken }));

describe('InitiateAuth USER_PASSWORD_AUTH', () => {
  it('signs in a confirmed user and GetUser returns their attributes', async () => {
    await h.createUser('ada@example.com', password);
    const { AuthenticationResult: tokens } = await signIn('ada@example.com');
    expect(tokens).toMatchObject({ TokenType: 'Bearer', ExpiresIn: 3600 });
    expect(tokens?.RefreshToken?.split('.')).toHaveLength(1);
    const user = await getUser(tokens?.AccessToken ?? '');
    const attributes = Object.fromEntries((user.UserAttributes ?? []).map((a) => [a.Name, a.Value]));
    expect(attributes).toMatchObject({
      email: 'ada@example.com',
      email_verified: 'true',
      sub: user.Username,
    });
  });

  it('signs in with the email in any case', async () => {
    await expect(signIn('ADA@Example.com')).resolves.toHaveProperty('AuthenticationResult');
  });

  it('throws NotAuthorizedException for a wrong password and for an unknown user alike', async () => {
    await expectAwsError(
      signIn('ada@example.com', 'Wrong-Horse-1'),
      'NotAuthorizedException',
      'Incorrect username or password.',
    );
    await expectAwsError(
      signIn('nobody@example.com'),
      'NotAuthorizedException',
      'Incorrect username or password.',
    );
    await expectAwsError(signIn('__proto__'), 'NotAuthorizedException', 'Incorrect username or password.');
  });

  it('throws UserNotConfirmedException for an unconfirmed user with the right password', async () => {
    await h.idp.send(
      new SignUpCommand({ ClientId, Username: 'new@example.com', Password: password, UserAttributes: [] }),
    );
    await expectAwsError(signIn('new@example.com'), 'UserNotConfirmedException', 'User is not confirmed.');
    await expectAwsError(signIn('new@example.com', 'Wrong-Horse-1'), 'NotAuthorizedException');
  });

  it('locks a user out after repeated wrong passwords, until time passes', async () => {
    await h.createUser('lock@example.com', password);
    for (let i = 0; i < 6; i++)
      await expectAwsError(signIn('lock@example.com', 'Wrong-Horse-1'), 'NotAuthorizedException');
    await expectAwsError(signIn('lock@example.com'), 'NotAuthorizedException', 'Password attempts exceeded');
    h.clock.advance(60_000);
    await expect(signIn('lock@example.com')).resolves.toHaveProperty('AuthenticationResult');
  });

  it('refuses USER_PASSWORD_AUTH where the client does not allow it', async () => {
    const strict = await startHarness();
    try {
      await expectAwsError(
        strict.idp.send(
          new InitiateAuthCommand({
            ClientId: strict.model.userPoolClient.id,
            AuthFlow: 'USER_PASSWORD_AUTH',
            AuthParameters: { USERNAME: 'a@example.com', PASSWORD: password },
          }),
        ),
        'InvalidParameterException',
        'USER_PASSWORD_AUTH flow not enabled for this client',
      );
    } finally {
      await strict.close();
    }
  });
});

describe('tokens', () => {
  it('refreshes id and access tokens with the refresh token', async () => {
    const first = (await signIn('ada@example.com')).AuthenticationResult;
    const second = (await refresh(first?.RefreshToken ?? '')).AuthenticationResult;
    expect(second?.AccessToken).toBeTruthy();
    expect(second?.AccessToken).not.toBe(first?.AccessToken);
    expect(second?.RefreshToken).toBeUndefined();
    await getUser(second?.AccessToken ?? '');
  });

  it('throws NotAuthorizedException for an unknown refresh token', async () => {
    await expectAwsError(refresh('not-a-token'), 'NotAuthorizedException', 'Invalid Refresh Token');
  });

  it('RevokeToken ends the refresh token and the access tokens minted from it, not other sessions', async () => {
    const revoked = (await signIn('ada@example.com')).AuthenticationResult;
    const other = (await signIn('ada@example.com')).AuthenticationResult;
    await h.idp.send(new RevokeTokenCommand({ ClientId, Token: revoked?.RefreshToken }));
    await expectAwsError(
      refresh(revoked?.RefreshToken ?? ''),
      'NotAuthorizedException',
      'Refresh Token has been revoked',
    );
    await expectAwsError(
      getUser(revoked?.AccessToken ?? ''),
      'NotAuthorizedException',
      'Access Token has been revoked',
    );
    await getUser(other?.AccessToken ?? '');
  });

  it('RevokeToken refuses an access token', async () => {
    const tokens = (await signIn('ada@example.com')).AuthenticationResult;
    await expectAwsError(
      h.idp.send(new RevokeTokenCommand({ ClientId, Token: tokens?.AccessToken })),
      'UnsupportedTokenTypeException',
    );
  });

  it('GlobalSignOut ends every session of the user', async () => {
    const a = (await signIn('ada@example.com')).AuthenticationResult;
    const b = (await signIn('ada@example.com')).AuthenticationResult;
    await h.idp.send(new GlobalSignOutCommand({ AccessToken: a?.AccessToken }));
    await expectAwsError(
      getUser(b?.AccessToken ?? ''),
      'NotAuthorizedException',
      'Access Token has been revoked',
    );
    await expectAwsError(
      refresh(b?.RefreshToken ?? ''),
      'NotAuthorizedException',
      'Refresh Token has been revoked',
    );
    await expect(signIn('ada@example.com')).resolves.toHaveProperty('AuthenticationResult');
  });

  it('expires access tokens after an hour, while the refresh token still works', async () => {
    const tokens = (await signIn('ada@example.com')).AuthenticationResult;
    h.clock.advance(3600_000 + 1000);
    await expectAwsError(
      getUser(tokens?.AccessToken ?? ''),
      'NotAuthorizedException',
      'Access Token has expired',
    );
    const fresh = (await refresh(tokens?.RefreshToken ?? '')).AuthenticationResult;
    await getUser(fresh?.AccessToken ?? '');
  });

  it('throws NotAuthorizedException for a forged access token', async () => {
    const tokens = (await signIn('ada@example.com')).AuthenticationResult;
    const [head, body] = (tokens?.AccessToken ?? '').split('.');
    await expectAwsError(getUser(`${head}.${body}.AAAA`), 'NotAuthorizedException', 'Invalid Access Token');
  });
});

describe('password reset and change', () => {
  it('resets a forgotten password with the mailed code', async () => {
    await h.createUser('reset@example.com', password);
    const sent = await h.idp.send(new ForgotPasswordCommand({ ClientId, Username: 'reset@example.com' }));
    expect(sent.CodeDeliveryDetails?.Destination).toBe('r***@e***');
    const [message] = h.emulator.inbox('reset@example.com');
    expect(message?.kind).toBe('forgotPassword');
    await expectAwsError(
      h.idp.send(
        new ConfirmForgotPasswordCommand({
          ClientId,
          Username: 'reset@example.com',
          ConfirmationCode: message?.code,
          Password: 'weak',
        }),
      ),
      'InvalidPasswordException',
    );
    await h.idp.send(
      new ConfirmForgotPasswordCommand({
        ClientId,
        Username: 'reset@example.com',
        ConfirmationCode: message?.code,
        Password: 'New-Horse-2',
      }),
    );
    await expectAwsError(signIn('reset@example.com'), 'NotAuthorizedException');
    await signIn('reset@example.com', 'New-Horse-2');
  });

  it('expires reset codes after an hour', async () => {
    await h.idp.send(new ForgotPasswordCommand({ ClientId, Username: 'reset@example.com' }));
    const code = h.codeFor('reset@example.com');
    h.clock.advance(3600_000 + 1000);
    await expectAwsError(
      h.idp.send(
        new ConfirmForgotPasswordCommand({
          ClientId,
          Username: 'reset@example.com',
          ConfirmationCode: code,
          Password: 'Newer-Horse-3',
        }),
      ),
      'ExpiredCodeException',
    );
  });

  it('pretends to send a reset code to an unknown user', async () => {
    const sent = await h.idp.send(new ForgotPasswordCommand({ ClientId, Username: 'ghost@example.com' }));
    expect(sent.CodeDeliveryDetails?.Destination).toBe('g***@e***');
    expect(h.emulator.inbox('ghost@example.com')).toEqual([]);
  });

  it('changes the password of a signed-in user who proves the old one', async () => {
    await h.createUser('change@example.com', password);
    const tokens = (await signIn('change@example.com')).AuthenticationResult;
    const AccessToken = tokens?.AccessToken;
    await expectAwsError(
      h.idp.send(
        new ChangePasswordCommand({
          AccessToken,
          PreviousPassword: 'Wrong-Horse-1',
          ProposedPassword: 'New-Horse-2',
        }),
      ),
      'NotAuthorizedException',
      'Incorrect username or password.',
    );
    await h.idp.send(
      new ChangePasswordCommand({ AccessToken, PreviousPassword: password, ProposedPassword: 'New-Horse-2' }),
    );
    await signIn('change@example.com', 'New-Horse-2');
  });
});

describe('DeleteUser', () => {
  it('deletes the signed-in user; their tokens and password stop working', async () => {
    await h.createUser('bye@example.com', password);
    const tokens = (await signIn('bye@example.com')).AuthenticationResult;
    await h.idp.send(new DeleteUserCommand({ AccessToken: tokens?.AccessToken }));
    await expectAwsError(getUser(tokens?.AccessToken ?? ''), 'NotAuthorizedException');
    await expectAwsError(
      signIn('bye@example.com'),
      'NotAuthorizedException',
      'Incorrect username or password.',
    );
  });
});
