/*
 * End to end through the whole emulator, configured from the synthesized AuthS3Stack template
 * (`@auth-s3/stack-testing`): a user signs up and is confirmed, signs in with real SRP
 * (amazon-cognito-identity-js), trades the id token for credentials from the identity pool (GetId,
 * GetCredentialsForIdentity), and uses them with the real S3 client and lib-storage on the same
 * port. The stack's allow/deny matrix gets the same verdicts over HTTP; the credentials stop
 * working when they expire.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { agrees, HTTP_MATRIX, type MatrixIdentities, outcome } from '@auth-s3/stack-testing';
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
import { CognitoUserPool, type CognitoUserSession } from 'amazon-cognito-identity-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInWithCognitoJs } from '../__tests__/cognito-js-sign-in.js';
import { ManualClock } from '../clock.js';
import { type RunningEmulator, startEmulator } from '../index.js';
import type { StackModel } from '../stack-model.js';
import { TEMPLATE_FIXTURE } from '../testing/index.js';
import { send } from './__tests__/raw-s3.js';

const EMAIL = 'lin@example.com';
const PASSWORD = 'Correct-Horse-9-Battery';
const dummy = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'unused' };

let emulator: RunningEmulator;
let dataDir: string;
let model: StackModel;
let BUCKET: string;
const clock = new ManualClock(Date.now());

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'auth-s3-e2e-'));
  emulator = await startEmulator({ dataDir, template: TEMPLATE_FIXTURE, clock, quiet: true });
  model = emulator.model;
  BUCKET = model.bucket.name;
});
afterAll(async () => {
  await emulator?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

function signIn(email: string): Promise<CognitoUserSession> {
  const pool = new CognitoUserPool({
    UserPoolId: model.userPool.id,
    ClientId: model.userPoolClient.id,
    endpoint: emulator.endpoint,
  });
  return signInWithCognitoJs(pool, email, PASSWORD);
}

/** A new user's identity id and credentials: sign up, confirm, SRP sign-in, GetId, GetCredentialsForIdentity. */
async function credentialsFromIdentityPool(email = EMAIL) {
  const idp = new CognitoIdentityProviderClient({
    region: model.region,
    endpoint: emulator.endpoint,
    credentials: dummy,
  });
  await idp.send(
    new SignUpCommand({
      ClientId: model.userPoolClient.id,
      Username: email,
      Password: PASSWORD,
      UserAttributes: [{ Name: 'email', Value: email }],
    }),
  );
  await idp.send(new AdminConfirmSignUpCommand({ UserPoolId: model.userPool.id, Username: email }));
  idp.destroy();
  const session = await signIn(email);
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
    identityId: IdentityId as string,
    credentials: {
      accessKeyId: Credentials?.AccessKeyId as string,
      secretAccessKey: Credentials?.SecretKey as string,
      sessionToken: Credentials?.SessionToken as string,
    },
  };
}

describe('S3 with credentials from the identity pool', () => {
  let s3: S3Client;
  /** The signed-in user's identity id and a second user's, both issued by the identity pool. */
  let identities: MatrixIdentities;

  beforeAll(async () => {
    const own = await credentialsFromIdentityPool();
    const other = await credentialsFromIdentityPool('kim@example.com');
    identities = { own: own.identityId, other: other.identityId };
    s3 = new S3Client({
      region: model.region,
      endpoint: emulator.endpoint,
      forcePathStyle: true,
      credentials: own.credentials,
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

  it('gives every case of the stack matrix (@auth-s3/stack-testing) its verdict over HTTP, with two identities', async () => {
    expect(HTTP_MATRIX.length).toBeGreaterThanOrEqual(30);
    expect(identities.own).toMatch(/^us-east-1:[0-9a-f-]{36}$/);
    expect(identities.other).not.toBe(identities.own);
    for (const matrixCase of HTTP_MATRIX) {
      const result = await outcome(s3, matrixCase.call(BUCKET, identities));
      expect(agrees(matrixCase.case, result), `${matrixCase.label}: ${result}`).toBe(true);
    }
  });

  it("answers the web origin's preflight with the template's CORS rule", async () => {
    const res = await send(emulator.endpoint, {
      method: 'OPTIONS',
      path: `/${BUCKET}/public/e2e/hello.txt`,
      headers: {
        origin: 'http://localhost:5173',
        'access-control-request-method': 'PUT',
        'access-control-request-headers': 'content-type',
      },
    });
    expect(res.status).toBe(200);
    expect(res.headers['access-control-allow-origin']).toBe('http://localhost:5173');
    expect(res.headers['access-control-expose-headers']).toBe('ETag, x-amz-version-id');
  });

  it('keeps objects and honours the issued credentials across an emulator restart', async () => {
    const port = Number(new URL(emulator.endpoint).port);
    await emulator.stop();
    emulator = await startEmulator({ dataDir, template: TEMPLATE_FIXTURE, clock, quiet: true, port });
    const got = await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: 'public/e2e/hello.txt' }));
    expect(await got.Body?.transformToString()).toBe('end to end');
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
