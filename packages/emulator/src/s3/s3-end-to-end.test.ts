/*
 * End to end through the whole emulator: a user signs up and is confirmed, signs in with real
 * SRP (amazon-cognito-identity-js), trades the id token for credentials from the identity pool
 * (GetId, GetCredentialsForIdentity), and uses them with the real S3 client and lib-storage on
 * the same port, within the stack's policies; the credentials stop working when they expire.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CognitoIdentityClient,
  GetCredentialsForIdentityCommand,
  GetIdCommand,
} from '@aws-sdk/client-cognito-identity';
import {
  AdminConfirmSignUpCommand,
  CognitoIdentityProviderClient,
  SignUpCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { GetObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import {
  AuthenticationDetails,
  CognitoUser,
  CognitoUserPool,
  type CognitoUserSession,
} from 'amazon-cognito-identity-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../clock.js';
import { type RunningEmulator, startEmulator } from '../index.js';
import { BUCKET, testStackModel } from './__tests__/stack-fixture.js';

const EMAIL = 'lin@example.com';
const PASSWORD = 'Correct-Horse-9-Battery';
const dummy = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'unused' };

let emulator: RunningEmulator;
let dataDir: string;
const clock = new ManualClock(Date.now());
const model = testStackModel();

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'auth-s3-e2e-'));
  emulator = await startEmulator({ dataDir, model, clock, quiet: true });
});
afterAll(async () => {
  await emulator?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

function signIn(): Promise<CognitoUserSession> {
  const pool = new CognitoUserPool({
    UserPoolId: model.userPool.id,
    ClientId: model.userPoolClient.id,
    endpoint: emulator.endpoint,
  });
  const user = new CognitoUser({ Username: EMAIL, Pool: pool });
  return new Promise((resolve, reject) =>
    user.authenticateUser(new AuthenticationDetails({ Username: EMAIL, Password: PASSWORD }), {
      onSuccess: resolve,
      onFailure: reject,
    }),
  );
}

async function credentialsFromIdentityPool() {
  const idp = new CognitoIdentityProviderClient({
    region: model.region,
    endpoint: emulator.endpoint,
    credentials: dummy,
  });
  await idp.send(
    new SignUpCommand({
      ClientId: model.userPoolClient.id,
      Username: EMAIL,
      Password: PASSWORD,
      UserAttributes: [{ Name: 'email', Value: EMAIL }],
    }),
  );
  await idp.send(new AdminConfirmSignUpCommand({ UserPoolId: model.userPool.id, Username: EMAIL }));
  idp.destroy();
  const session = await signIn();
  const identity = new CognitoIdentityClient({
    region: model.region,
    endpoint: emulator.endpoint,
    credentials: dummy,
  });
  const Logins = {
    [`cognito-idp.${model.region}.amazonaws.com/${model.userPool.id}`]: session.getIdToken().getJwtToken(),
  };
  const { IdentityId } = await identity.send(
    new GetIdCommand({ IdentityPoolId: model.identityPool.id, Logins }),
  );
  const { Credentials } = await identity.send(new GetCredentialsForIdentityCommand({ IdentityId, Logins }));
  identity.destroy();
  return {
    accessKeyId: Credentials?.AccessKeyId as string,
    secretAccessKey: Credentials?.SecretKey as string,
    sessionToken: Credentials?.SessionToken as string,
  };
}

describe('S3 with credentials from the identity pool', () => {
  let s3: S3Client;

  beforeAll(async () => {
    s3 = new S3Client({
      region: model.region,
      endpoint: emulator.endpoint,
      forcePathStyle: true,
      credentials: await credentialsFromIdentityPool(),
      maxAttempts: 1,
    });
  });
  afterAll(() => s3?.destroy());

  it('writes, lists and reads under public/, and is denied elsewhere', async () => {
    await s3.send(
      new PutObjectCommand({
        Bucket: BUCKET,
        Key: 'public/e2e/hello.txt',
        Body: 'end to end',
        ContentType: 'text/plain',
      }),
    );
    const upload = new Upload({
      client: s3,
      params: { Bucket: BUCKET, Key: 'public/e2e/big.bin', Body: Buffer.alloc(6 * 1024 * 1024, 1) },
    });
    await upload.done();
    const listed = await s3.send(new ListObjectsV2Command({ Bucket: BUCKET, Prefix: 'public/e2e/' }));
    expect(listed.Contents?.map((c) => [c.Key, c.Size])).toEqual([
      ['public/e2e/big.bin', 6 * 1024 * 1024],
      ['public/e2e/hello.txt', 10],
    ]);
    const got = await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: 'public/e2e/hello.txt' }));
    expect(await got.Body?.transformToString()).toBe('end to end');
    await expect(
      s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'private/x.txt', Body: 'no' })),
    ).rejects.toMatchObject({
      name: 'AccessDenied',
      $metadata: { httpStatusCode: 403 },
    });
    await expect(s3.send(new ListObjectsV2Command({ Bucket: BUCKET }))).rejects.toMatchObject({
      name: 'AccessDenied',
    });
  });

  it('refuses the credentials with ExpiredToken once they expire', async () => {
    clock.advance(2 * 3600_000);
    try {
      await expect(
        s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: 'public/e2e/hello.txt' })),
      ).rejects.toMatchObject({
        name: 'ExpiredToken',
      });
    } finally {
      clock.advance(-2 * 3600_000);
    }
  });
});
