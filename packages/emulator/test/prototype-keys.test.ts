/*
 * Names that are also properties of every JavaScript object — `constructor`, `__proto__`,
 * `toString`, `hasOwnProperty` — are only names to the emulator: as usernames, attribute names,
 * identity ids, S3 access keys and `X-Amz-Target` operations, sent through the public API, they
 * get the answers any unknown (or ordinary) name gets, never an error from hitting Object.prototype.
 */
import { GetCredentialsForIdentityCommand } from '@aws-sdk/client-cognito-identity';
import {
  AdminCreateUserCommand,
  ConfirmSignUpCommand,
  InitiateAuthCommand,
  ListUsersCommand,
  SignUpCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { GetObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAwsError } from './aws-error.js';
import { type Harness, startHarness } from './harness.js';

const NAMES = ['constructor', '__proto__', 'toString', 'hasOwnProperty'];
const OBJECT_PROPERTIES = [...NAMES, 'valueOf', 'isPrototypeOf', 'propertyIsEnumerable', 'toLocaleString'];
let h: Harness;
let ClientId: string;

beforeAll(async () => {
  h = await startHarness({
    userPool: { usernameAttributes: [] },
    userPoolClient: { explicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_USER_SRP_AUTH'] },
  });
  ClientId = h.model.userPoolClient.id;
});
afterAll(() => h.close());

describe('prototype property names', () => {
  it('are unknown users to sign-in and confirmation before they exist', async () => {
    for (const name of NAMES) {
      await expectAwsError(
        h.idp.send(
          new InitiateAuthCommand({
            ClientId,
            AuthFlow: 'USER_PASSWORD_AUTH',
            AuthParameters: { USERNAME: name, PASSWORD: 'Correct-Horse-1' },
          }),
        ),
        'NotAuthorizedException',
        'Incorrect username or password.',
      );
      await expectAwsError(
        h.idp.send(new ConfirmSignUpCommand({ ClientId, Username: name, ConfirmationCode: '123456' })),
        'CodeMismatchException',
      );
    }
  });

  it('sign up, confirm and sign in as ordinary usernames', async () => {
    for (const name of NAMES) {
      await h.idp.send(
        new SignUpCommand({
          ClientId,
          Username: name,
          Password: 'Correct-Horse-1',
          UserAttributes: [{ Name: 'email', Value: `${name}@example.com` }],
        }),
      );
      await h.idp.send(
        new ConfirmSignUpCommand({
          ClientId,
          Username: name,
          ConfirmationCode: h.codeFor(`${name}@example.com`),
        }),
      );
      const result = await h.idp.send(
        new InitiateAuthCommand({
          ClientId,
          AuthFlow: 'USER_PASSWORD_AUTH',
          AuthParameters: { USERNAME: name, PASSWORD: 'Correct-Horse-1' },
        }),
      );
      expect(result.AuthenticationResult?.IdToken).toBeTruthy();
    }
    await expectAwsError(
      h.idp.send(
        new AdminCreateUserCommand({
          UserPoolId: h.model.userPool.id,
          Username: 'constructor',
          MessageAction: 'SUPPRESS',
        }),
      ),
      'UsernameExistsException',
    );
  });

  it('are unsearchable attributes to ListUsers filters and absent ones to AttributesToGet', async () => {
    const UserPoolId = h.model.userPool.id;
    for (const name of ['constructor', 'toString']) {
      // ListUsers API reference, "Filter": only the listed attributes can be searched.
      await expectAwsError(
        h.idp.send(new ListUsersCommand({ UserPoolId, Filter: `${name} ^= "f"` })),
        'InvalidParameterException',
        new RegExp(`^Invalid search attribute: ${name}\\.`),
      );
    }
    const listed = await h.idp.send(
      new ListUsersCommand({ UserPoolId, AttributesToGet: ['constructor', 'email'] }),
    );
    for (const user of listed.Users ?? []) {
      expect(user.Attributes?.map((a) => a.Name)).toEqual(['email']);
    }
  });

  it('are malformed identity ids and unknown access keys', async () => {
    for (const name of NAMES) {
      // GetCredentialsForIdentity API reference: IdentityId must match [\w-]+:[0-9a-f-]+.
      await expectAwsError(
        h.identity.send(new GetCredentialsForIdentityCommand({ IdentityId: name })),
        'ValidationException',
      );
    }
    const s3 = h.s3For({
      AccessKeyId: 'constructor',
      SecretKey: 'x',
      SessionToken: 'y',
    });
    try {
      await expectAwsError(
        s3.send(new GetObjectCommand({ Bucket: h.model.bucket.name, Key: 'public/a' })),
        'InvalidAccessKeyId',
      );
    } finally {
      s3.destroy();
    }
  });
});

describe('prototype property names as X-Amz-Target', () => {
  const call = (target: string, body = '{"ClientId":"x"}') =>
    fetch(`${h.emulator.endpoint}/`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': target },
      body,
    });

  // AWS Common Errors (e.g. https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/CommonErrors.html):
  // UnknownOperationException; JSON 1.1 services send it with 400.
  it('answer UnknownOperationException 400 as an operation or a service prefix, never the body or a 500', async () => {
    const targets = OBJECT_PROPERTIES.flatMap((name) => [
      `AWSCognitoIdentityProviderService.${name}`,
      `AWSCognitoIdentityService.${name}`,
      `${name}.SignUp`,
      name,
    ]);
    for (const target of targets) {
      const response = await call(target);
      const body = await response.json();
      expect({ target, status: response.status, type: body.__type }).toEqual({
        target,
        status: 400,
        type: 'UnknownOperationException',
      });
      expect(response.headers.get('x-amzn-errortype')).toBe('UnknownOperationException');
    }
  });

  it('leave the real operations working afterwards', async () => {
    const response = await call(
      'AWSCognitoIdentityProviderService.SignUp',
      // Well-formed, so the only problem is the unknown client.
      JSON.stringify({ ClientId: 'nope', Username: 'ada@example.com', Password: 'Passw0rd!' }),
    );
    expect(response.status).toBe(400);
    expect((await response.json()).__type).toBe('ResourceNotFoundException');
  });
});
