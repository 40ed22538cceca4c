/*
 * The admin operations tests and seeding use, through the real SDK v3 client: AdminCreateUser
 * with a temporary password and the NEW_PASSWORD_REQUIRED challenge (over SRP with
 * amazon-cognito-identity-js, and over USER_PASSWORD_AUTH), AdminConfirmSignUp,
 * AdminDeleteUser and ListUsers with filters and pages.
 */
import {
  AdminConfirmSignUpCommand,
  AdminCreateUserCommand,
  AdminDeleteUserCommand,
  InitiateAuthCommand,
  ListUsersCommand,
  RespondToAuthChallengeCommand,
  SignUpCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import {
  AuthenticationDetails,
  CognitoUser,
  CognitoUserPool,
  type CognitoUserSession,
} from 'amazon-cognito-identity-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAwsError } from './aws-error.js';
import { type Harness, startHarness } from './harness.js';

let h: Harness;
let UserPoolId: string;
let ClientId: string;

beforeAll(async () => {
  h = await startHarness({
    userPoolClient: {
      explicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
    },
  });
  UserPoolId = h.model.userPool.id;
  ClientId = h.model.userPoolClient.id;
});
afterAll(() => h.close());

const adminCreate = (email: string, TemporaryPassword?: string) =>
  h.idp.send(
    new AdminCreateUserCommand({
      UserPoolId,
      Username: email,
      TemporaryPassword,
      UserAttributes: [
        { Name: 'email', Value: email },
        { Name: 'email_verified', Value: 'true' },
      ],
    }),
  );

describe('AdminCreateUser', () => {
  it('creates a FORCE_CHANGE_PASSWORD user and mails a generated temporary password', async () => {
    const { User } = await adminCreate('temp@example.com');
    expect(User?.UserStatus).toBe('FORCE_CHANGE_PASSWORD');
    expect(User?.Enabled).toBe(true);
    expect(User?.UserCreateDate).toBeInstanceOf(Date);
    const [message] = h.emulator.inbox('temp@example.com');
    expect(message?.kind).toBe('temporaryPassword');
    expect(message?.code.length).toBeGreaterThanOrEqual(12);
  });

  it('asks for a new password at the first SRP sign-in, then signs in (amazon-cognito-identity-js)', async () => {
    await adminCreate('srp-admin@example.com', 'Temporary-Pass-1');
    const pool = new CognitoUserPool({ UserPoolId, ClientId, endpoint: h.emulator.endpoint });
    const user = new CognitoUser({ Username: 'srp-admin@example.com', Pool: pool });
    const session = await new Promise<CognitoUserSession>((resolve, reject) =>
      user.authenticateUser(
        new AuthenticationDetails({ Username: 'srp-admin@example.com', Password: 'Temporary-Pass-1' }),
        {
          onSuccess: resolve,
          onFailure: reject,
          newPasswordRequired: () =>
            user.completeNewPasswordChallenge('Chosen-Pass-2', {}, { onSuccess: resolve, onFailure: reject }),
        },
      ),
    );
    expect(session.isValid()).toBe(true);
    await h.idp.send(
      new InitiateAuthCommand({
        ClientId,
        AuthFlow: 'USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME: 'srp-admin@example.com', PASSWORD: 'Chosen-Pass-2' },
      }),
    );
  });

  it('rejects a new password that breaks the policy, and an expired temporary password', async () => {
    await adminCreate('policy@example.com', 'Temporary-Pass-1');
    const challenge = await h.idp.send(
      new InitiateAuthCommand({
        ClientId,
        AuthFlow: 'USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME: 'policy@example.com', PASSWORD: 'Temporary-Pass-1' },
      }),
    );
    expect(challenge.ChallengeName).toBe('NEW_PASSWORD_REQUIRED');
    await expectAwsError(
      h.idp.send(
        new RespondToAuthChallengeCommand({
          ClientId,
          ChallengeName: 'NEW_PASSWORD_REQUIRED',
          Session: challenge.Session,
          ChallengeResponses: { USERNAME: 'policy@example.com', NEW_PASSWORD: 'short' },
        }),
      ),
      'InvalidPasswordException',
    );
    h.clock.advance(8 * 86_400_000);
    await expectAwsError(
      h.idp.send(
        new InitiateAuthCommand({
          ClientId,
          AuthFlow: 'USER_PASSWORD_AUTH',
          AuthParameters: { USERNAME: 'policy@example.com', PASSWORD: 'Temporary-Pass-1' },
        }),
      ),
      'NotAuthorizedException',
      'Temporary password has expired and must be reset by an administrator.',
    );
  });

  it('throws UsernameExistsException for an existing user', async () => {
    await expectAwsError(
      adminCreate('temp@example.com'),
      'UsernameExistsException',
      'User account already exists',
    );
  });

  it('throws ResourceNotFoundException for another user pool', async () => {
    await expectAwsError(
      h.idp.send(new AdminCreateUserCommand({ UserPoolId: 'us-east-1_other', Username: 'x@example.com' })),
      'ResourceNotFoundException',
      'User pool us-east-1_other does not exist.',
    );
  });
});

describe('AdminConfirmSignUp and AdminDeleteUser', () => {
  it('confirms a signed-up user without a code, then deletes them', async () => {
    await h.idp.send(
      new SignUpCommand({ ClientId, Username: 'seed@example.com', Password: 'Correct-Horse-1' }),
    );
    await h.idp.send(new AdminConfirmSignUpCommand({ UserPoolId, Username: 'seed@example.com' }));
    const signIn = () =>
      h.idp.send(
        new InitiateAuthCommand({
          ClientId,
          AuthFlow: 'USER_PASSWORD_AUTH',
          AuthParameters: { USERNAME: 'seed@example.com', PASSWORD: 'Correct-Horse-1' },
        }),
      );
    await expect(signIn()).resolves.toHaveProperty('AuthenticationResult');
    await h.idp.send(new AdminDeleteUserCommand({ UserPoolId, Username: 'seed@example.com' }));
    await expectAwsError(signIn(), 'NotAuthorizedException');
    await expectAwsError(
      h.idp.send(new AdminDeleteUserCommand({ UserPoolId, Username: 'seed@example.com' })),
      'UserNotFoundException',
      'User does not exist.',
    );
  });
});

describe('ListUsers', () => {
  it('filters by email, exactly and by prefix, and pages', async () => {
    for (const name of ['list-a', 'list-b', 'list-c']) await adminCreate(`${name}@example.com`);
    const exact = await h.idp.send(
      new ListUsersCommand({ UserPoolId, Filter: 'email = "list-b@example.com"' }),
    );
    expect(exact.Users?.map((u) => u.Attributes?.find((a) => a.Name === 'email')?.Value)).toEqual([
      'list-b@example.com',
    ]);
    const first = await h.idp.send(
      new ListUsersCommand({ UserPoolId, Filter: 'email ^= "list-"', Limit: 2 }),
    );
    expect(first.Users).toHaveLength(2);
    const second = await h.idp.send(
      new ListUsersCommand({
        UserPoolId,
        Filter: 'email ^= "list-"',
        Limit: 2,
        PaginationToken: first.PaginationToken,
      }),
    );
    expect(second.Users).toHaveLength(1);
    expect(second.PaginationToken).toBeUndefined();
  });

  it('throws InvalidParameterException for a filter it cannot parse', async () => {
    await expectAwsError(
      h.idp.send(new ListUsersCommand({ UserPoolId, Filter: 'email ~ x' })),
      'InvalidParameterException',
    );
  });
});
