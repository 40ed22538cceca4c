/*
 * Every AWS client auth-s3 uses is built here, from the config: region, the emulator endpoint when
 * there is one (S3 then uses path-style URLs), and the injected `fetch`. Cognito (user pools and
 * identity pools) is called through the small JSON client in `cognito/`, which is part of the first
 * load; the S3 client (AWS SDK v3: SigV4, presigning, XML) is built from the constructor that
 * `files/files-client.ts`, itself loaded with a dynamic `import()`, passes in (so this file imports no
 * SDK code and a bundler puts the SDK in one chunk with its only user), with checksums only when S3
 * requires them so browser File/Blob PUTs work. Every HTTP attempt is logged.
 */
import type { S3Client as S3ClientClass } from '@aws-sdk/client-s3';
import { type IdentityPoolApi, identityPoolApi } from './cognito/identity-pool-operations.js';
import { createJsonClient, IDENTITY_POOLS, USER_POOLS } from './cognito/json-client.js';
import { type UserPoolApi, userPoolApi } from './cognito/user-pool-operations.js';
import type { AuthS3Config, Logger } from './types.js';

/** What every client is built from besides the config. */
export interface ClientDeps {
  logger: Logger;
  /** Default `globalThis.fetch`. */
  fetch?: typeof fetch;
}

/** Temporary credentials as the S3 client consumes them. */
export interface AwsCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  expiration: Date;
}

interface MiddlewareHost {
  middlewareStack: {
    add(
      middleware: (
        next: (args: unknown) => Promise<unknown>,
        context: { clientName?: string; commandName?: string },
      ) => (args: unknown) => Promise<unknown>,
      options: { step: 'deserialize'; name: string },
    ): void;
  };
}

/**
 * The user pool operations (sign-up, SRP, refresh, sign-out, passwords).
 *
 * @throws ConfigError when the runtime has no `fetch` and none was passed.
 */
export function createUserPoolApi(config: AuthS3Config, deps: ClientDeps): UserPoolApi {
  return userPoolApi(
    createJsonClient({ service: USER_POOLS, region: config.region, endpoint: config.endpoint, ...deps }),
  );
}

/**
 * The identity pool operations (GetId, GetCredentialsForIdentity).
 *
 * @throws ConfigError when the runtime has no `fetch` and none was passed.
 */
export function createIdentityPoolApi(config: AuthS3Config, deps: ClientDeps): IdentityPoolApi {
  return identityPoolApi(
    createJsonClient({
      service: IDENTITY_POOLS,
      region: config.region,
      endpoint: config.endpoint,
      ...deps,
    }),
  );
}

/** The S3 client, signing with the identity pool's credentials; `S3Client` is the SDK's constructor. */
export function createS3Client(
  S3Client: typeof S3ClientClass,
  config: AuthS3Config,
  credentials: () => Promise<AwsCredentials>,
  logger: Logger,
): S3ClientClass {
  // The SDK memoizes a credentials function until shortly before expiry, which would keep serving the
  // previous user's credentials after a sign-out and sign-in. Ours caches per user and resets on every
  // auth change, so it is marked as already memoized and the SDK calls it on every request.
  const provider = Object.assign(async () => credentials(), { memoized: true });
  const client = new S3Client({
    region: config.region,
    endpoint: config.endpoint,
    forcePathStyle: config.endpoint !== undefined,
    credentials: provider,
    // No CRC32 over every upload in JS and no aws-chunked body with a trailer (clients.test.ts): an
    // upload's integrity then rests on TLS's own record MACs and the length S3 checks, as a
    // presigned PUT's does; S3 still verifies a Content-MD5 or x-amz-checksum-* when one is sent,
    // and operations that require a checksum (DeleteObjects) keep theirs. The web build leaves the
    // other algorithms and response validation out on the strength of these two settings
    // (packages/web/build/trim-aws-sdk.ts).
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    // In Node the SDK sends `Expect: 100-continue` with every body of 2 MiB or more, and its node:http
    // handler then opens a new connection (keep-alive off) per request and waits a round trip for
    // `100 Continue` before the first byte: a TCP (and, on AWS, TLS) handshake per 8 MiB part.
    // Multipart parts follow a CreateMultipartUpload that S3 already accepted, so they go at once.
    expectContinueHeader: false,
  });
  logRequests(client, logger, 's3');
  return client;
}

/** Logs each HTTP attempt (operation name only: never parameters, which may hold tokens). */
function logRequests(client: object, logger: Logger, service: string): void {
  (client as MiddlewareHost).middlewareStack.add(
    (next, context) => async (args) => {
      logger.debug('aws request', { service, operation: context.commandName });
      return next(args);
    },
    { step: 'deserialize', name: 'authS3RequestLog' },
  );
}
