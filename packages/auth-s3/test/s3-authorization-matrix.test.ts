/*
 * The stack's S3 authorization matrix (`@auth-s3/stack-testing`) replayed over HTTP with a signed-in
 * user's identity-pool credentials, against the emulator (`pnpm test`) or a deployed stack
 * (`pnpm test:aws`; see `journey-target.ts`): every request the matrix allows is served, every one
 * it denies is AccessDenied, so the emulator's authorizer and AWS's agree case by case. A second
 * user's identity id stands for `{other}` in the private-area cases.
 */

import {
  agrees,
  HTTP_MATRIX,
  type MatrixIdentities,
  objectToSeed,
  outcome,
  resolveCase,
} from '@auth-s3/stack-testing';
import {
  CognitoIdentityClient,
  GetCredentialsForIdentityCommand,
  GetIdCommand,
} from '@aws-sdk/client-cognito-identity';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuthS3 } from '../src/create-auth-s3.js';
import { memoryStorage } from '../src/token-storage.js';
import { type JourneyTarget, startTarget } from './journey-target.js';

const PASSWORD = 'Corr3ct-horse!';
let target: JourneyTarget;
let s3: S3Client;
let identities: MatrixIdentities;

/** A new user's credentials from the identity pool: sign in (SRP), then GetId and GetCredentialsForIdentity. */
async function userCredentials() {
  const { config } = target;
  const email = await target.createUser('matrix', PASSWORD);
  const { auth } = createAuthS3(config, { storage: memoryStorage(), clock: target.clock });
  await auth.signIn(email, PASSWORD);
  const idToken = (await auth.getSession())?.idToken;
  if (!idToken) throw new Error('Signed in without an id token');
  const logins = { [`cognito-idp.${config.region}.amazonaws.com/${config.userPoolId}`]: idToken };
  const identity = new CognitoIdentityClient({ region: config.region, endpoint: config.endpoint });
  const { IdentityId } = await identity.send(
    new GetIdCommand({ IdentityPoolId: config.identityPoolId, Logins: logins }),
  );
  const { Credentials } = await identity.send(
    new GetCredentialsForIdentityCommand({ IdentityId, Logins: logins }),
  );
  identity.destroy();
  if (!Credentials?.AccessKeyId || !Credentials.SecretKey)
    throw new Error('GetCredentialsForIdentity gave no keys');
  return {
    identityId: IdentityId as string,
    credentials: {
      accessKeyId: Credentials.AccessKeyId,
      secretAccessKey: Credentials.SecretKey,
      sessionToken: Credentials.SessionToken,
    },
  };
}

beforeAll(async () => {
  target = await startTarget();
  const { config } = target;
  const own = await userCredentials();
  const other = await userCredentials();
  identities = { own: own.identityId, other: other.identityId };
  s3 = new S3Client({
    region: config.region,
    endpoint: config.endpoint,
    forcePathStyle: config.endpoint !== undefined,
    credentials: own.credentials,
    // The matrix's other bucket may live in another region: ask it there rather than fail on a redirect.
    followRegionRedirects: true,
  });
  // The matrix writes these keys of the stack's bucket; on AWS they are removed again (all versions).
  const allowed = HTTP_MATRIX.filter((c) => c.case.expected === 'Allow');
  for (const key of new Set(allowed.map((c) => resolveCase(c.case, identities).key))) {
    if (key !== undefined) target.removeAfterwards(key);
  }
});
afterAll(async () => {
  s3?.destroy();
  await target?.stop();
});

describe('the S3 authorization matrix over HTTP', () => {
  it.each(HTTP_MATRIX.map((c) => [c.label, c] as const))('%s', async (_label, matrixCase) => {
    const bucket = target.config.bucket;
    const seed = objectToSeed(matrixCase.case, identities);
    if (seed !== undefined) await s3.send(new PutObjectCommand({ Bucket: bucket, Key: seed, Body: 'seed' }));
    const result = await outcome(s3, matrixCase.call(bucket, identities));
    expect(agrees(matrixCase.case, result), result).toBe(true);
  });
});
