/*
 * The Cognito answers the AWS documentation gives, case by case, each naming the page it follows:
 * input constraints and types (the API reference's "Request Parameters" of each operation),
 * attribute schema and write permissions, ListUsers filters, the two token signing keys and the
 * lockout of a pool that hides which users exist. Driven over HTTP with the SDK v3 clients; a
 * request the SDK cannot send (a wrongly typed member) goes through `fetch` with the same headers.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { GetCredentialsForIdentityCommand, GetIdCommand } from '@aws-sdk/client-cognito-identity';
import {
  AdminCreateUserCommand,
  type AttributeType,
  ConfirmForgotPasswordCommand,
  ForgotPasswordCommand,
  InitiateAuthCommand,
  ListUsersCommand,
  RespondToAuthChallengeCommand,
  SignUpCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAwsError } from './aws-error.js';
import { type Harness, startHarness, withHarness } from './harness.js';

let h: Harness;
let ClientId: string;
let UserPoolId: string;
const PASSWORD = 'Correct-Horse-1';

beforeAll(async () => {
  h = await startHarness();
  ClientId = h.model.userPoolClient.id;
  UserPoolId = h.model.userPool.id;
  await h.createUser('ada@example.com', PASSWORD);
});
afterAll(() => h.close());

const signUp = (email: string, extra: Partial<ConstructorParameters<typeof SignUpCommand>[0]> = {}) =>
  h.idp.send(
    new SignUpCommand({
      ClientId,
      Username: email,
      Password: PASSWORD,
      UserAttributes: [{ Name: 'email', Value: email }],
      ...extra,
    }),
  );

/** SignUp of `email` with its email attribute and `attributes` after it. */
const signUpWithAttributes = (email: string, ...attributes: AttributeType[]) =>
  signUp(email, { UserAttributes: [{ Name: 'email', Value: email }, ...attributes] });

/**
 * How each of `times` calls of `attempt`, one after another, ended: `success` or the error's
 * `name: message`.
 */
async function outcomes(times: number, attempt: () => Promise<unknown>, success: string): Promise<string[]> {
  const answers: string[] = [];
  for (let i = 0; i < times; i++) {
    answers.push(
      await attempt().then(
        () => success,
        (error: Error) => `${error.name}: ${error.message}`,
      ),
    );
  }
  return answers;
}

describe('SignUp (API reference: SignUp, "Errors" and "Request Parameters")', () => {
  it('refuses an attribute that is not in the pool schema with InvalidParameterException', async () => {
    await expectAwsError(
      signUpWithAttributes(
        'schema@example.com',
        { Name: 'favourite_colour', Value: 'blue' },
        { Name: 'custom:tier', Value: 'gold' },
      ),
      'InvalidParameterException',
      'Attributes did not conform to the schema: favourite_colour: Attribute does not exist in the schema.\n' +
        'custom:tier: Attribute does not exist in the schema.\n',
    );
  });

  it('refuses an attribute the app client may not write (UserPoolClientType, "WriteAttributes")', async () => {
    await expectAwsError(
      signUpWithAttributes('verified@example.com', { Name: 'email_verified', Value: 'true' }),
      'NotAuthorizedException',
      'A client attempted to write unauthorized attribute',
    );
  });

  it('holds the documented limits: password 256, username 128, attribute value 2,048 characters', async () => {
    await expectAwsError(
      signUp('long-password@example.com', { Password: `Aa1!${'x'.repeat(253)}` }),
      'InvalidParameterException',
      "1 validation error detected: Value at 'password' failed to satisfy constraint: Member must have length less than or equal to 256",
    );
    const longName = `${'a'.repeat(117)}@example.com`; // 129 characters
    await expectAwsError(
      signUp(longName),
      'InvalidParameterException',
      "1 validation error detected: Value at 'username' failed to satisfy constraint: Member must have length less than or equal to 128",
    );
    await expectAwsError(
      signUpWithAttributes('long-value@example.com', { Name: 'name', Value: 'n'.repeat(2049) }),
      'InvalidParameterException',
      "1 validation error detected: Value at 'userAttributes.2.member.value' failed to satisfy constraint: Member must have length less than or equal to 2048",
    );
  });

  it('answers a user pool id given as the client id with the ClientId pattern, not ResourceNotFound', async () => {
    await expectAwsError(
      h.idp.send(new SignUpCommand({ ClientId: UserPoolId, Username: 'x@example.com', Password: PASSWORD })),
      'InvalidParameterException',
      "1 validation error detected: Value at 'clientId' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+]+",
    );
  });

  it('answers wrongly typed members with SerializationException and null entries with a validation error', async () => {
    const target = 'AWSCognitoIdentityProviderService.SignUp';
    const base = { ClientId, Username: 'typed@example.com', Password: PASSWORD };
    const asObject = await h.rawCall(target, { ...base, UserAttributes: { Name: 'email', Value: 'x' } });
    expect(asObject).toMatchObject({ status: 400, type: 'SerializationException' });
    expect(asObject.message).toContain("'userAttributes'");
    const numberUsername = await h.rawCall(target, { ...base, Username: 42 });
    expect(numberUsername).toMatchObject({ status: 400, type: 'SerializationException' });
    const nullEntry = await h.rawCall(target, { ...base, UserAttributes: [null] });
    expect(nullEntry).toEqual({
      status: 400,
      type: 'InvalidParameterException',
      message:
        "1 validation error detected: Value null at 'userAttributes.1.member' failed to satisfy constraint: Member must not be null",
    });
    // Nothing was stored by any of them.
    const listed = await h.idp.send(
      new ListUsersCommand({ UserPoolId, Filter: 'email = "typed@example.com"' }),
    );
    expect(listed.Users).toEqual([]);
  });
});

describe('SignUp with custom attributes (UserPoolClientType, "WriteAttributes")', () => {
  it('writes a custom attribute only where the client lists it: the default is the standard attributes', async () => {
    const signUpWith = (writeAttributes: string[] | undefined) =>
      withHarness(
        { userPool: { customAttributes: ['custom:tier'] }, userPoolClient: { writeAttributes } },
        (pool) =>
          pool.idp.send(
            new SignUpCommand({
              ClientId: pool.model.userPoolClient.id,
              Username: 'tier@example.com',
              Password: PASSWORD,
              UserAttributes: [
                { Name: 'email', Value: 'tier@example.com' },
                { Name: 'custom:tier', Value: 'gold' },
              ],
            }),
          ),
      );
    await expectAwsError(
      signUpWith(undefined),
      'NotAuthorizedException',
      'A client attempted to write unauthorized attribute',
    );
    expect((await signUpWith(['email', 'custom:tier'])).UserSub).toBeTruthy();
  });
});

describe('AdminCreateUser (API reference: AdminCreateUser, "Errors")', () => {
  it('refuses an attribute that is not in the pool schema', async () => {
    await expectAwsError(
      h.idp.send(
        new AdminCreateUserCommand({
          UserPoolId,
          Username: 'admin-made@example.com',
          MessageAction: 'SUPPRESS',
          UserAttributes: [{ Name: 'shoe_size', Value: '44' }],
        }),
      ),
      'InvalidParameterException',
      'Attributes did not conform to the schema: shoe_size: Attribute does not exist in the schema.\n',
    );
  });

  it('answers an app client id given as the user pool id with the UserPoolId pattern', async () => {
    await expectAwsError(
      h.idp.send(new AdminCreateUserCommand({ UserPoolId: ClientId, Username: 'x@example.com' })),
      'InvalidParameterException',
      `1 validation error detected: Value '${ClientId}' at 'userPoolId' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w-]+_[0-9a-zA-Z]+`,
    );
  });
});

describe('AdminCreateUser in a pool without email sign-in (Schema: email Required)', () => {
  it('refuses a user without the required attribute', async () => {
    await withHarness({ userPool: { usernameAttributes: [] } }, (plain) =>
      expectAwsError(
        plain.idp.send(
          new AdminCreateUserCommand({
            UserPoolId: plain.model.userPool.id,
            Username: 'grace',
            MessageAction: 'SUPPRESS',
          }),
        ),
        'InvalidParameterException',
        'Attributes did not conform to the schema: email: The attribute is required\n',
      ),
    );
  });
});

describe('InitiateAuth (API reference: InitiateAuth, "AuthFlow")', () => {
  it('refuses ADMIN_NO_SRP_AUTH, which only AdminInitiateAuth takes, as an invalid parameter', async () => {
    await expectAwsError(
      h.idp.send(
        new InitiateAuthCommand({
          ClientId,
          AuthFlow: 'ADMIN_NO_SRP_AUTH',
          AuthParameters: { USERNAME: 'ada@example.com', PASSWORD },
        }),
      ),
      'InvalidParameterException',
    );
  });

  it('refuses an AuthFlow outside the documented values with the enum constraint', async () => {
    await expectAwsError(
      h.idp.send(new InitiateAuthCommand({ ClientId, AuthFlow: 'MAGIC_LINK' as never })),
      'InvalidParameterException',
      /^1 validation error detected: Value 'MAGIC_LINK' at 'authFlow' failed to satisfy constraint: Member must satisfy enum value set: \[USER_SRP_AUTH, /,
    );
  });
});

describe('InitiateAuth in a client without ALLOW_REFRESH_TOKEN_AUTH (CreateUserPoolClient, "ExplicitAuthFlows")', () => {
  it('refuses REFRESH_TOKEN_AUTH', async () => {
    await withHarness({ userPoolClient: { explicitAuthFlows: ['ALLOW_USER_SRP_AUTH'] } }, (srpOnly) =>
      expectAwsError(
        srpOnly.idp.send(
          new InitiateAuthCommand({
            ClientId: srpOnly.model.userPoolClient.id,
            AuthFlow: 'REFRESH_TOKEN_AUTH',
            AuthParameters: { REFRESH_TOKEN: 'any-refresh-token' },
          }),
        ),
        'InvalidParameterException',
        'REFRESH_TOKEN_AUTH flow not enabled for this client',
      ),
    );
  });
});

describe('ListUsers (API reference: ListUsers, "Filter")', () => {
  const list = (Filter: string) =>
    h.idp.send(new ListUsersCommand({ UserPoolId, Filter })).then((r) => r.Users ?? []);

  it('filters `status` on the Enabled flag, not the confirmation status', async () => {
    const enabled = await list('status = "Enabled"');
    expect(enabled.length).toBeGreaterThan(0);
    expect(enabled.every((user) => user.Enabled)).toBe(true);
    expect(await list('status = "Disabled"')).toEqual([]);
    expect(await list('status = "CONFIRMED"')).toEqual([]);
  });

  it('matches `cognito:user_status` case-insensitively', async () => {
    const confirmed = await list('cognito:user_status = "confirmed"');
    expect(confirmed.map((user) => user.UserStatus)).toContain('CONFIRMED');
  });

  it('refuses a filter on a custom attribute with InvalidParameterException', async () => {
    await expectAwsError(list('custom:tier = "gold"'), 'InvalidParameterException', /custom:tier/);
  });

  it('accepts Limit 0, which the documented range (0 to 60) allows', async () => {
    const result = await h.idp.send(new ListUsersCommand({ UserPoolId, Limit: 0 }));
    expect(result.Users?.length).toBeGreaterThan(0);
  });
});

describe('Identity pools (API reference: GetId, GetCredentialsForIdentity, "Request Parameters")', () => {
  it('answers a user pool id given as the identity pool id with ValidationException', async () => {
    await expectAwsError(
      h.identity.send(new GetIdCommand({ IdentityPoolId: UserPoolId })),
      'ValidationException',
      `1 validation error detected: Value '${UserPoolId}' at 'identityPoolId' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w-]+:[0-9a-f-]+`,
    );
  });

  it('answers a malformed identity id with ValidationException', async () => {
    await expectAwsError(
      h.identity.send(new GetCredentialsForIdentityCommand({ IdentityId: 'not-an-identity' })),
      'ValidationException',
      /at 'identityId' failed to satisfy constraint: Member must satisfy regular expression pattern/,
    );
  });

  it('answers a number as a login token with SerializationException', async () => {
    const provider = h.model.identityPool.providers[0]?.providerName ?? '';
    const answer = await h.rawCall('AWSCognitoIdentityService.GetId', {
      IdentityPoolId: h.model.identityPool.id,
      Logins: { [provider]: 12345 },
    });
    expect(answer).toMatchObject({ status: 400, type: 'SerializationException' });
    expect(answer.message).toContain(`'logins.${provider}.value'`);
  });
});

describe('Token signing keys (developer guide, "Verifying a JSON web token": one key per token kind)', () => {
  const kidOf = (jwt: string | undefined) =>
    (JSON.parse(Buffer.from((jwt ?? '').split('.')[0] ?? '', 'base64url').toString()) as { kid: string }).kid;
  const jwksKids = async () => {
    const jwks = (await (
      await fetch(`${h.emulator.endpoint}/${UserPoolId}/.well-known/jwks.json`)
    ).json()) as { keys: Array<{ kid: string }> };
    return jwks.keys.map((key) => key.kid);
  };

  it('signs id and access tokens with two different keys, both in the JWKS', async () => {
    const tokens = await srpSignIn('ada@example.com', PASSWORD);
    const idKid = kidOf(tokens.IdToken);
    const accessKid = kidOf(tokens.AccessToken);
    expect(idKid).not.toBe(accessKid);
    expect((await jwksKids()).sort()).toEqual([idKid, accessKid].sort());
  });

  it('keeps a data dir that holds one key working, adding the access token key on start', async () => {
    const path = join(h.dataDir, 'keys.json');
    const { accessToken: _added, ...legacy } = JSON.parse(await readFile(path, 'utf8')) as Record<
      string,
      unknown
    >;
    await writeFile(path, JSON.stringify(legacy));
    await h.restart();
    const tokens = await srpSignIn('ada@example.com', PASSWORD);
    expect(kidOf(tokens.IdToken)).toBe(legacy.kid);
    expect(kidOf(tokens.AccessToken)).not.toBe(legacy.kid);
    expect(await jwksKids()).toEqual([legacy.kid, kidOf(tokens.AccessToken)]);
    const stored = JSON.parse(await readFile(path, 'utf8')) as { accessToken?: { kid: string } };
    expect(stored.accessToken?.kid).toBe(kidOf(tokens.AccessToken));
  });
});

/** One USER_SRP_AUTH round trip; resolves with the tokens or rejects with the step's error. */
async function srpSignIn(email: string, password: string) {
  return (await h.srpSignIn(email, password)).AuthenticationResult ?? {};
}

describe('RespondToAuthChallenge NEW_PASSWORD_REQUIRED (API reference: RespondToAuthChallenge, "userAttributes.")', () => {
  it("holds the new password's attributes to the schema and the client's write permissions", async () => {
    await h.idp.send(
      new AdminCreateUserCommand({
        UserPoolId,
        Username: 'temporary@example.com',
        TemporaryPassword: 'Temp-0rary!',
        MessageAction: 'SUPPRESS',
        UserAttributes: [{ Name: 'email_verified', Value: 'true' }],
      }),
    );
    const answer = async (attribute: string) => {
      const challenge = await h.srpSignIn('temporary@example.com', 'Temp-0rary!');
      expect(challenge.ChallengeName).toBe('NEW_PASSWORD_REQUIRED');
      return h.idp.send(
        new RespondToAuthChallengeCommand({
          ClientId,
          ChallengeName: 'NEW_PASSWORD_REQUIRED',
          Session: challenge.Session,
          ChallengeResponses: {
            USERNAME: challenge.ChallengeParameters?.USER_ID_FOR_SRP ?? '',
            NEW_PASSWORD: 'Brand-New-Pass-1',
            [`userAttributes.${attribute}`]: 'x',
          },
        }),
      );
    };
    await expectAwsError(
      answer('shoe_size'),
      'InvalidParameterException',
      'Attributes did not conform to the schema: shoe_size: Attribute does not exist in the schema.\n',
    );
    await expectAwsError(
      answer('email_verified'),
      'NotAuthorizedException',
      'A client attempted to write unauthorized attribute',
    );
    const done = await answer('name');
    expect(done.AuthenticationResult?.IdToken).toBeTruthy();
  });
});

describe('Lockout where the pool hides users (developer guide, "Managing user existence error responses")', () => {
  it('answers wrong passwords for a real account and an unknown email alike, lockout included', async () => {
    await h.createUser('locked@example.com', PASSWORD);
    const attempts = (email: string) => outcomes(7, () => srpSignIn(email, 'Wrong-Horse-1'), 'signed in');
    const real = await attempts('locked@example.com');
    const unknown = await attempts('nobody-here@example.com');
    expect(real).toContain('NotAuthorizedException: Password attempts exceeded');
    expect(unknown).toEqual(real);
  });

  it('answers wrong reset codes for a real account and an unknown email alike, the code lock included', async () => {
    await h.createUser('reset@example.com', PASSWORD);
    const attempts = async (email: string) => {
      await h.idp.send(new ForgotPasswordCommand({ ClientId, Username: email }));
      const answers = await outcomes(
        6,
        () =>
          h.idp.send(
            new ConfirmForgotPasswordCommand({
              ClientId,
              Username: email,
              ConfirmationCode: '000000',
              Password: 'Brand-New-Pass-1',
            }),
          ),
        'reset',
      );
      // A weak password is refused before the code is looked at, for both alike.
      answers.push(
        await h.idp
          .send(
            new ConfirmForgotPasswordCommand({
              ClientId,
              Username: email,
              ConfirmationCode: '1',
              Password: 'weak',
            }),
          )
          .then(
            () => 'reset',
            (error: Error) => error.name,
          ),
      );
      return answers;
    };
    const real = await attempts('reset@example.com');
    const unknown = await attempts('nobody-resets@example.com');
    expect(real.at(-2)).toBe('LimitExceededException: Attempt limit exceeded, please try after some time.');
    expect(unknown).toEqual(real);
  });
});
