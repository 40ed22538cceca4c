/*
 * The setup most S3 integration suites share: one S3 harness (temp data dir, service on a random
 * port) started before the suite's tests with an SDK client holding the authenticated role's
 * credentials, and both stopped after them.
 */
import type { S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll } from 'vitest';
import type { IssuedCredentials } from '../../issued-credentials.js';
import { type S3Harness, type S3HarnessOptions, startS3Harness } from './s3-harness.js';

/** What a suite's tests use; reading either before the suite starts throws. */
export interface S3Suite {
  /** The running harness. */
  readonly h: S3Harness;
  /** An SDK client with credentials the identity pool would issue for the authenticated role. */
  readonly s3: S3Client;
  /** The credentials `s3` signs with (their `identityId` is the caller's). */
  readonly credentials: IssuedCredentials;
}

/** Registers the suite's `beforeAll`/`afterAll` and returns its harness and client. */
export function useS3Harness(options: S3HarnessOptions = {}): S3Suite {
  let harness: S3Harness | undefined;
  let client: S3Client | undefined;
  let credentials: IssuedCredentials | undefined;
  beforeAll(async () => {
    harness = await startS3Harness(options);
    credentials = harness.issue();
    client = harness.client(credentials);
  });
  afterAll(async () => {
    client?.destroy();
    await harness?.stop();
  });
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('The S3 harness is not started: use it inside a test or hook');
    return value;
  };
  return {
    get h() {
      return started(harness);
    },
    get s3() {
      return started(client);
    },
    get credentials() {
      return started(credentials);
    },
  };
}
