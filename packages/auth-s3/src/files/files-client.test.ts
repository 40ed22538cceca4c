/*
 * The S3 half of `files` over a mocked S3 client and a fake identity pool: when S3 rejects the
 * temporary credentials, the cached ones are dropped so the next call (the retry the error message
 * asks for) signs with new credentials instead of the rejected ones; and after S3's 403 for a read,
 * a listing of that key tells a missing object (NotFoundError) from a forbidden one.
 */
import { HeadObjectCommand, ListObjectsV2Command, S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { FakeCognito } from '../__tests__/fake-cognito.js';
import { fakeIdToken, RecordingLogger, TestClock } from '../__tests__/fakes.js';
import { SessionStore } from '../auth/session-store.js';
import { AccessDeniedError, InvalidParameterError, NotAuthorizedError, NotFoundError } from '../errors.js';
import { memoryStorage } from '../token-storage.js';
import type { Auth } from '../types.js';
import { createFilesClient } from './files-client.js';

const s3Mock = mockClient(S3Client);
const config = {
  region: 'us-east-1',
  userPoolId: 'us-east-1_Pool1',
  userPoolClientId: 'client1',
  identityPoolId: 'us-east-1:pool',
  bucket: 'bucket',
};
const signedIn = {
  getSession: async () => ({ idToken: fakeIdToken(), accessToken: 'a', refreshToken: 'r', expiresAt: 0 }),
  currentUser: () => ({ sub: 'sub-1', email: '', emailVerified: true, username: 'sub-1', claims: {} }),
  onChange: () => () => {},
} as unknown as Auth;

function s3Error(name: string, status: number) {
  return new S3ServiceException({
    name,
    $fault: 'client',
    message: name,
    $metadata: { httpStatusCode: status },
  });
}

let identity: FakeCognito;
beforeEach(() => {
  s3Mock.reset();
  identity = new FakeCognito();
  identity.on('GetId', { IdentityId: 'us-east-1:identity-1' });
  identity.on('GetCredentialsForIdentity', {
    IdentityId: 'us-east-1:identity-1',
    Credentials: {
      AccessKeyId: 'ASIA',
      SecretKey: 's',
      SessionToken: 't',
      Expiration: Date.UTC(2026, 10, 26, 11) / 1000,
    },
  });
});
afterAll(() => s3Mock.restore());

async function client() {
  return createFilesClient({
    config,
    auth: signedIn,
    store: new SessionStore(memoryStorage(), 'client1'),
    clock: new TestClock(),
    logger: new RecordingLogger(),
    fetch: identity.fetch,
  });
}

describe('files client', () => {
  it('drops the cached credentials when S3 rejects them, so a retry gets new ones', async () => {
    const files = await client();
    await files.credentials();
    s3Mock.on(ListObjectsV2Command).rejectsOnce(s3Error('ExpiredToken', 400)).resolves({});
    await expect(files.list('public/', '/', 10)).rejects.toBeInstanceOf(NotAuthorizedError);
    await files.credentials();
    expect(identity.calls('GetCredentialsForIdentity')).toHaveLength(2);
    await expect(files.list('public/', '/', 10)).resolves.toMatchObject({ items: [], folders: [] });
  });

  it('keeps the cached credentials for errors that are not about them', async () => {
    const files = await client();
    await files.credentials();
    s3Mock.on(ListObjectsV2Command).rejects(s3Error('AccessDenied', 403));
    await expect(files.list('private/', '/', 10)).rejects.toBeInstanceOf(AccessDeniedError);
    await files.credentials();
    expect(identity.calls('GetCredentialsForIdentity')).toHaveLength(1);
  });

  it('tells a missing object from a forbidden one after a 403 HeadObject by listing that key', async () => {
    const files = await client();
    s3Mock.on(HeadObjectCommand).rejects(s3Error('Forbidden', 403));
    // The listing shows other keys only (one that merely starts like it): the object is missing.
    s3Mock.on(ListObjectsV2Command).resolvesOnce({ Contents: [{ Key: 'public/a.txt.bak' }] });
    await expect(files.head('public/a.txt')).rejects.toBeInstanceOf(NotFoundError);
    expect(s3Mock.commandCalls(ListObjectsV2Command)[0]?.args[0].input).toMatchObject({
      Prefix: 'public/a.txt',
      MaxKeys: 1,
    });
    // The listing shows the key itself, or is denied too: the 403 stands.
    s3Mock.on(ListObjectsV2Command).resolvesOnce({ Contents: [{ Key: 'public/a.txt' }] });
    await expect(files.head('public/a.txt')).rejects.toBeInstanceOf(AccessDeniedError);
    s3Mock.on(ListObjectsV2Command).rejectsOnce(s3Error('AccessDenied', 403));
    await expect(files.head('public/a.txt')).rejects.toBeInstanceOf(AccessDeniedError);
  });

  it('refuses a download URL lifetime that is not a positive number of seconds', async () => {
    const files = await client();
    for (const expiresIn of [Number.NaN, 0, -60]) {
      const error = await files.getDownloadUrl('public/a.txt', { expiresIn }).catch((e) => e);
      expect(error, String(expiresIn)).toBeInstanceOf(InvalidParameterError);
      expect(error.message).toMatch(/expiresIn/);
    }
    const url = new URL(await files.getDownloadUrl('public/a.txt', { expiresIn: 90 }));
    expect(url.searchParams.get('X-Amz-Expires')).toBe('90');
  });
});
