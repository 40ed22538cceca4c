/*
 * Starts the emulator in-process for the integration suites: a temporary data dir, a manual
 * clock shared with the library, and a stack model with the same role policy the CDK stack
 * grants (objects under `public/`, listing only with a `public/` prefix). Also reads the inbox
 * over HTTP, as a person would read their mail.
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ManualClock, type RunningEmulator, type StackModel, startEmulator } from '@auth-s3/emulator';
import { parseOutputs } from '../src/config.js';
import type { AuthS3Config } from '../src/types.js';

const region = 'us-east-1';
const accountId = '000000000000';
const userPoolId = 'us-east-1_AuthS3Lib';
const clientId = '5libtestclient000000000000';
const bucket = 'auths3stack-files-libtest';
const roleArn = `arn:aws:iam::${accountId}:role/AuthS3Stack-AuthenticatedRole`;

/** The model the template loader would build from the synthesized AuthS3Stack. */
export function stackModel(): StackModel {
  return {
    stackName: 'AuthS3Stack',
    region,
    accountId,
    userPool: {
      logicalId: 'UserPool',
      id: userPoolId,
      arn: `arn:aws:cognito-idp:${region}:${accountId}:userpool/${userPoolId}`,
      passwordPolicy: {
        minimumLength: 8,
        requireLowercase: true,
        requireUppercase: true,
        requireNumbers: true,
        requireSymbols: true,
        temporaryPasswordValidityDays: 7,
      },
      usernameAttributes: ['email'],
      autoVerifiedAttributes: ['email'],
      selfSignUpEnabled: true,
    },
    userPoolClient: {
      logicalId: 'UserPoolClient',
      id: clientId,
      userPoolId,
      explicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      accessTokenValidity: 3600,
      idTokenValidity: 3600,
      refreshTokenValidity: 30 * 86_400,
    },
    identityPool: {
      logicalId: 'IdentityPool',
      id: `${region}:00000000-0000-4000-8000-00000000beef`,
      allowUnauthenticatedIdentities: false,
      providers: [
        { providerName: `cognito-idp.${region}.amazonaws.com/${userPoolId}`, clientId, userPoolId },
      ],
      authenticatedRoleArn: roleArn,
    },
    roles: [
      {
        logicalId: 'AuthenticatedRole',
        arn: roleArn,
        name: 'AuthS3Stack-AuthenticatedRole',
        policies: [
          {
            name: 'AuthenticatedRole/DefaultPolicy',
            kind: 'identity',
            document: {
              Version: '2012-10-17',
              Statement: [
                {
                  Sid: 'PublicPrefixObjects',
                  Effect: 'Allow',
                  Action: [
                    's3:GetObject',
                    's3:PutObject',
                    's3:DeleteObject',
                    's3:AbortMultipartUpload',
                    's3:ListMultipartUploadParts',
                  ],
                  Resource: `arn:aws:s3:::${bucket}/public/*`,
                },
                {
                  Sid: 'ListPublicPrefix',
                  Effect: 'Allow',
                  Action: 's3:ListBucket',
                  Resource: `arn:aws:s3:::${bucket}`,
                  Condition: { StringLike: { 's3:prefix': ['public/', 'public/*'] } },
                },
              ],
            },
          },
        ],
      },
    ],
    bucket: {
      logicalId: 'FilesBucket',
      name: bucket,
      arn: `arn:aws:s3:::${bucket}`,
      cors: [
        {
          allowedOrigins: ['*'],
          allowedMethods: ['GET', 'PUT'],
          allowedHeaders: ['*'],
          exposedHeaders: ['ETag'],
        },
      ],
      versioning: false,
    },
    warnings: [],
  };
}

export interface Harness {
  emulator: RunningEmulator;
  clock: ManualClock;
  config: AuthS3Config;
  dataDir: string;
  /** The newest code sent to `email`, read from `GET /_emulator/inbox?to=`. */
  latestCode(email: string, kind?: string): Promise<string>;
  /** Multipart uploads the emulator still holds (each is a directory). */
  pendingMultipartUploads(): Promise<string[]>;
  stop(): Promise<void>;
}

export async function startHarness(): Promise<Harness> {
  const dataDir = await mkdtemp(join(tmpdir(), 'auth-s3-lib-'));
  const clock = new ManualClock(Date.now());
  const emulator = await startEmulator({ dataDir, model: stackModel(), clock, quiet: true });
  // The same parser the app uses, on the emulator's outputs file shape.
  const config = parseOutputs({ AuthS3Stack: emulator.outputs });
  return {
    emulator,
    clock,
    config,
    dataDir,
    async latestCode(email, kind) {
      const response = await fetch(`${emulator.endpoint}/_emulator/inbox?to=${encodeURIComponent(email)}`);
      const messages = (await response.json()) as Array<{
        to: string;
        code: string;
        kind: string;
        sentAt: string;
      }>;
      const message = messages
        .filter((m) => m.to === email && (!kind || m.kind === kind))
        .sort((a, b) => b.sentAt.localeCompare(a.sentAt))[0];
      if (!message) throw new Error(`No ${kind ?? ''} message to ${email} in the emulator's inbox`);
      return message.code;
    },
    async pendingMultipartUploads() {
      return readdir(join(dataDir, 's3', bucket, 'uploads')).catch(() => []);
    },
    async stop() {
      await emulator.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
