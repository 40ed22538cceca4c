/*
 * Fidelity of the Cognito JSON client to the AWS SDK v3 clients it replaces (kept as dev
 * dependencies for this test): every operation auth-s3 sends goes through the real SDK client and
 * through ours to a local node:http server that records the requests. Method, path, target,
 * content type and JSON body must match, the SDK must send them unsigned too, both must read the
 * same answer alike, and the same error answer must map to the same auth-s3 error.
 */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as identitySdk from '@aws-sdk/client-cognito-identity';
import * as userPoolSdk from '@aws-sdk/client-cognito-identity-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RecordingLogger } from '../__tests__/fakes.js';
import { toAuthS3Error } from '../error-mapping.js';
import { expirationDate, identityPoolApi } from './identity-pool-operations.js';
import { createJsonClient, IDENTITY_POOLS, USER_POOLS } from './json-client.js';
import { userPoolApi } from './user-pool-operations.js';

interface Captured {
  method: string;
  path: string;
  target: string;
  contentType: string;
  authorization?: string;
  body: unknown;
}

/** What the server answers; `body` is sent as JSON unless it is a string. */
let answer: { status: number; body: unknown } = { status: 200, body: {} };
const captured: Captured[] = [];
const server = createServer(async (req: IncomingMessage, res) => {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  captured.push({
    method: req.method ?? '',
    path: req.url ?? '',
    target: String(req.headers['x-amz-target']),
    contentType: String(req.headers['content-type']),
    authorization: req.headers.authorization,
    body: JSON.parse(Buffer.concat(chunks).toString('utf8') || 'null'),
  });
  res.writeHead(answer.status, {
    'content-type': 'application/x-amz-json-1.1',
    'x-amzn-requestid': 'fidelity-request',
  });
  res.end(typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body));
});

let endpoint = '';
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const region = 'eu-west-1';
// No credentials are given to either SDK client: every operation here must go out unsigned.
const sdkUserPools = () =>
  new userPoolSdk.CognitoIdentityProviderClient({ region, endpoint, maxAttempts: 1 });
const sdkIdentity = () => new identitySdk.CognitoIdentityClient({ region, endpoint, maxAttempts: 1 });
const ours = () => {
  const options = { region, endpoint, logger: new RecordingLogger(), retry: { maxAttempts: 1 } };
  return {
    userPools: userPoolApi(createJsonClient({ service: USER_POOLS, ...options })),
    identity: identityPoolApi(createJsonClient({ service: IDENTITY_POOLS, ...options })),
  };
};

const logins = { 'cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Pool1': 'id.token.jwt' };
/** Each operation auth-s3 uses, with an input like the one it sends, through both clients. */
const cases: Array<{
  name: string;
  sdk: () => Promise<unknown>;
  ours: () => Promise<unknown>;
}> = [
  ...(
    [
      [
        'InitiateAuth',
        { ClientId: 'c1', AuthFlow: 'USER_SRP_AUTH', AuthParameters: { USERNAME: 'a', SRP_A: 'ff' } },
      ],
      [
        'RespondToAuthChallenge',
        {
          ClientId: 'c1',
          ChallengeName: 'PASSWORD_VERIFIER',
          Session: 's',
          ChallengeResponses: {
            USERNAME: 'sub',
            PASSWORD_CLAIM_SIGNATURE: 'sig',
            TIMESTAMP: 'Thu Nov 26 10:00:00 UTC 2026',
          },
        },
      ],
      [
        'SignUp',
        {
          ClientId: 'c1',
          Username: 'ada@example.com',
          Password: 'Corr3ct-horse!',
          UserAttributes: [{ Name: 'email', Value: 'ada@example.com' }],
        },
      ],
      ['ConfirmSignUp', { ClientId: 'c1', Username: 'ada@example.com', ConfirmationCode: '123456' }],
      ['ResendConfirmationCode', { ClientId: 'c1', Username: 'ada@example.com' }],
      ['ForgotPassword', { ClientId: 'c1', Username: 'ada@example.com' }],
      [
        'ConfirmForgotPassword',
        { ClientId: 'c1', Username: 'ada@example.com', ConfirmationCode: '123456', Password: 'N3w-horse!' },
      ],
      ['ChangePassword', { AccessToken: 'at', PreviousPassword: 'old', ProposedPassword: 'new' }],
      ['GlobalSignOut', { AccessToken: 'at' }],
      ['DeleteUser', { AccessToken: 'at' }],
      ['RevokeToken', { ClientId: 'c1', Token: 'rt' }],
      ['AssociateSoftwareToken', { AccessToken: 'at' }],
      ['AssociateSoftwareToken', { Session: 'mfa-setup-session' }],
      ['VerifySoftwareToken', { AccessToken: 'at', UserCode: '123456', FriendlyDeviceName: 'Phone' }],
      ['VerifySoftwareToken', { Session: 's', UserCode: '123456' }],
      [
        'SetUserMFAPreference',
        { AccessToken: 'at', SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true } },
      ],
      ['GetUser', { AccessToken: 'at' }],
      [
        'RespondToAuthChallenge',
        {
          ClientId: 'c1',
          ChallengeName: 'SOFTWARE_TOKEN_MFA',
          Session: 's',
          ChallengeResponses: { USERNAME: 'sub', SOFTWARE_TOKEN_MFA_CODE: '123456' },
        },
      ],
      [
        'RespondToAuthChallenge',
        { ClientId: 'c1', ChallengeName: 'MFA_SETUP', Session: 's', ChallengeResponses: { USERNAME: 'sub' } },
      ],
    ] as const
  ).map(([name, input]) => ({
    name,
    sdk: () => {
      const Command = (userPoolSdk as unknown as Record<string, new (input: unknown) => never>)[
        `${name}Command`
      ];
      if (!Command) throw new Error(`The SDK has no ${name}Command.`);
      return sdkUserPools().send(new Command(input));
    },
    ours: () => {
      const method = (name.charAt(0).toLowerCase() + name.slice(1)) as keyof ReturnType<
        typeof ours
      >['userPools'];
      return (ours().userPools[method] as (input: unknown) => Promise<unknown>)(input);
    },
  })),
  {
    name: 'GetId',
    sdk: () =>
      sdkIdentity().send(new identitySdk.GetIdCommand({ IdentityPoolId: 'eu-west-1:pool', Logins: logins })),
    ours: () => ours().identity.getId({ IdentityPoolId: 'eu-west-1:pool', Logins: logins }),
  },
  {
    name: 'GetCredentialsForIdentity',
    sdk: () =>
      sdkIdentity().send(
        new identitySdk.GetCredentialsForIdentityCommand({ IdentityId: 'eu-west-1:id', Logins: logins }),
      ),
    ours: () => ours().identity.getCredentialsForIdentity({ IdentityId: 'eu-west-1:id', Logins: logins }),
  },
];

async function both(run: { sdk: () => Promise<unknown>; ours: () => Promise<unknown> }) {
  captured.length = 0;
  const sdk = await run.sdk().catch((error: unknown) => ({ error }));
  const our = await run.ours().catch((error: unknown) => ({ error }));
  expect(captured).toHaveLength(2);
  return { sdk, ours: our, sdkRequest: captured[0] as Captured, ourRequest: captured[1] as Captured };
}

describe('Cognito JSON client fidelity to the AWS SDK', () => {
  it.each(cases)('sends $name as the SDK does, unsigned', async (operation) => {
    answer = { status: 200, body: {} };
    const { sdkRequest, ourRequest } = await both(operation);
    const { authorization, ...request } = ourRequest;
    expect(request).toEqual({ ...sdkRequest, authorization: undefined });
    expect(sdkRequest.authorization).toBeUndefined();
    expect(authorization).toBeUndefined();
    expect(ourRequest.method).toBe('POST');
    expect(ourRequest.target).toMatch(new RegExp(`^AWSCognito\\w+Service\\.${operation.name}$`));
  });

  it('reads an InitiateAuth challenge and GetCredentialsForIdentity credentials as the SDK does', async () => {
    const challenge = {
      ChallengeName: 'PASSWORD_VERIFIER',
      Session: 'srp-session',
      ChallengeParameters: { SRP_B: 'ab', SALT: 'cd', SECRET_BLOCK: 'ef', USER_ID_FOR_SRP: 'sub' },
    };
    answer = { status: 200, body: challenge };
    const signIn = await both(cases[0] as (typeof cases)[number]);
    expect(signIn.ours).toEqual(challenge);
    expect(signIn.sdk).toMatchObject(challenge);

    const credentials = { AccessKeyId: 'ASIA1', SecretKey: 's', SessionToken: 't', Expiration: 1764151200.5 };
    answer = { status: 200, body: { IdentityId: 'eu-west-1:id', Credentials: credentials } };
    const issued = await both(cases.at(-1) as (typeof cases)[number]);
    const sdkCredentials = (issued.sdk as identitySdk.GetCredentialsForIdentityCommandOutput).Credentials;
    const ourCredentials = (issued.ours as { Credentials: typeof credentials }).Credentials;
    expect(expirationDate(ourCredentials.Expiration)).toEqual(sdkCredentials?.Expiration);
    expect({ ...ourCredentials, Expiration: undefined }).toEqual({
      ...sdkCredentials,
      Expiration: undefined,
    });
  });

  it('reads AssociateSoftwareToken, VerifySoftwareToken and GetUser answers as the SDK does', async () => {
    const byName = (name: string) => cases.find((c) => c.name === name) as (typeof cases)[number];
    for (const [name, body] of [
      ['AssociateSoftwareToken', { SecretCode: 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ', Session: 'setup' }],
      ['VerifySoftwareToken', { Status: 'SUCCESS', Session: 'verified' }],
      [
        'GetUser',
        {
          Username: 'sub',
          UserAttributes: [{ Name: 'email', Value: 'ada@example.com' }],
          UserMFASettingList: ['SOFTWARE_TOKEN_MFA'],
          PreferredMfaSetting: 'SOFTWARE_TOKEN_MFA',
        },
      ],
    ] as const) {
      answer = { status: 200, body };
      const read = await both(byName(name));
      expect(read.ours).toEqual(body);
      expect(read.sdk).toMatchObject(body);
    }
  });

  it.each([
    [
      400,
      'com.amazonaws.cognito.identity.idp.model#UsernameExistsException',
      'User already exists',
      'signUp',
    ],
    [
      400,
      'InvalidPasswordException',
      'Password did not conform with policy: Password must have symbol characters',
      'signUp',
    ],
    [400, 'InvalidParameterException', 'Invalid email address format.', 'signUp'],
    [400, 'NotAuthorizedException', 'Incorrect username or password.', 'signIn'],
    [400, 'NotAuthorizedException', 'Refresh Token has been revoked', 'refreshSession'],
    [400, 'UserNotConfirmedException', 'User is not confirmed.', 'signIn'],
    [400, 'CodeMismatchException', 'Invalid verification code provided, please try again.', 'confirmSignUp'],
    [400, 'ExpiredCodeException', 'Invalid code provided, please request a code again.', 'confirmSignUp'],
    [400, 'TooManyRequestsException', 'Rate exceeded', 'signIn'],
    [400, 'CodeMismatchException', 'Invalid code received for user', 'submitTotpCode'],
    [
      400,
      'EnableSoftwareTokenMFAException',
      'Code mismatch and fail enable Software Token MFA',
      'verifyTotp',
    ],
    [
      400,
      'SoftwareTokenMFANotFoundException',
      'Software Token MFA has not been enabled by the userPool.',
      'setUpTotp',
    ],
    [400, 'ExpiredCodeException', 'Your software token has already been used once.', 'submitTotpCode'],
    [400, 'NotAuthorizedException', 'Invalid session for the user, session is expired.', 'submitTotpCode'],
    [400, 'ResourceNotFoundException', 'Identity not found', 'getCredentials'],
    [400, 'SomeNewException', 'Something Cognito added later', 'signIn'],
    [500, 'InternalErrorException', 'Internal error', 'signIn'],
  ])('maps HTTP %i %s to the same auth-s3 error as the SDK', async (status, type, message, operation) => {
    answer = { status, body: { __type: type, message } };
    const { sdk, ours: our } = await both(cases[0] as (typeof cases)[number]);
    const sdkError = toAuthS3Error((sdk as { error: unknown }).error, { operation });
    const ourError = toAuthS3Error((our as { error: unknown }).error, { operation });
    expect(ourError.constructor).toBe(sdkError.constructor);
    expect({ message: ourError.message, code: ourError.code }).toEqual({
      message: sdkError.message,
      code: sdkError.code,
    });
    expect(ourError.cause).toMatchObject({
      $metadata: { httpStatusCode: status, requestId: 'fidelity-request' },
    });
  });

  // The SDK reports its JSON parser's SyntaxError here; ours names the answer UnknownError and keeps the
  // status. Either way the caller gets the same class.
  it.each([403, 502])(
    'maps an HTTP %i answer that is not JSON to the same auth-s3 error class as the SDK',
    async (status) => {
      answer = { status, body: '<html><body>Bad gateway</body></html>' };
      const { sdk, ours: our } = await both(cases[0] as (typeof cases)[number]);
      const sdkError = toAuthS3Error((sdk as { error: unknown }).error, { operation: 'signIn' });
      const ourError = toAuthS3Error((our as { error: unknown }).error, { operation: 'signIn' });
      expect(ourError.constructor).toBe(sdkError.constructor);
      expect(ourError.cause).toMatchObject({ name: 'UnknownError', $metadata: { httpStatusCode: status } });
    },
  );
});
