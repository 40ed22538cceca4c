/*
 * Every AWS SDK client auth-s3 uses is built here, from the config: region, the emulator endpoint
 * when there is one (S3 then uses path-style URLs), and checksums only when S3 requires them so
 * browser File/Blob PUTs work. Every client loads with a dynamic `import()`, so the first load of
 * a page ships none of the SDK. Each client reports every HTTP attempt to the logger.
 */
import type { CognitoIdentityClient } from '@aws-sdk/client-cognito-identity';
import type { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import type { S3Client } from '@aws-sdk/client-s3';
import type { AuthS3Config, Logger } from './types.js';

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

/** The user pool client (sign-up, SRP, refresh, sign-out), loaded on first use or `auth.preload()`. */
export async function createUserPoolClient(
  config: AuthS3Config,
  logger: Logger,
): Promise<CognitoIdentityProviderClient> {
  const { CognitoIdentityProviderClient } = await import('@aws-sdk/client-cognito-identity-provider');
  const client = new CognitoIdentityProviderClient({ region: config.region, endpoint: config.endpoint });
  logRequests(client, logger, 'cognito-idp');
  return client;
}

/** The identity pool client (GetId, GetCredentialsForIdentity), loaded on first use. */
export async function createIdentityClient(
  config: AuthS3Config,
  logger: Logger,
): Promise<CognitoIdentityClient> {
  const { CognitoIdentityClient } = await import('@aws-sdk/client-cognito-identity');
  const client = new CognitoIdentityClient({ region: config.region, endpoint: config.endpoint });
  logRequests(client, logger, 'cognito-identity');
  return client;
}

/** The S3 client, signing with the identity pool's credentials; loaded on first use. */
export async function createS3Client(
  config: AuthS3Config,
  credentials: () => Promise<AwsCredentials>,
  logger: Logger,
): Promise<S3Client> {
  const { S3Client } = await import('@aws-sdk/client-s3');
  // The SDK memoizes a credentials function until shortly before expiry, which would keep serving the
  // previous user's credentials after a sign-out and sign-in. Ours caches per user and resets on every
  // auth change, so it is marked as already memoized and the SDK calls it on every request.
  const provider = Object.assign(async () => credentials(), { memoized: true });
  const client = new S3Client({
    region: config.region,
    endpoint: config.endpoint,
    forcePathStyle: config.endpoint !== undefined,
    credentials: provider,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
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
