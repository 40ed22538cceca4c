/*
 * The S3 half of `files` over a mocked S3 client and a fake identity pool: when S3 rejects the
 * temporary credentials, the cached ones are dropped so the next call (the retry the error message
 * asks for) signs with new credentials instead of the rejected ones; and after S3's 403 for a read,
 * a listing of that key tells a missing object (NotFoundError) from a forbidden one.
 */
import {
  CopyObjectCommand,
  DeleteObjectsCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  ListObjectVersionsCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import type { FakeCognito } from '../__tests__/fake-cognito.js';
import { fakeIdentityPool, filesDeps } from '../__tests__/files-deps.js';
import {
  AbortedError,
  AccessDeniedError,
  AlreadyExistsError,
  InvalidParameterError,
  NetworkError,
  NotAuthorizedError,
  NotFoundError,
} from '../errors.js';
import { createFilesClient } from './files-client.js';

const s3Mock = mockClient(S3Client);
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
  identity = fakeIdentityPool();
});
afterAll(() => s3Mock.restore());

async function client() {
  return createFilesClient(filesDeps(identity));
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

  it('removes 2,500 keys in three DeleteObjects requests of at most 1,000, each key reported', async () => {
    const files = await client();
    const keys = Array.from({ length: 2500 }, (_, i) => `public/k${i}`);
    s3Mock.on(DeleteObjectsCommand).callsFake((input: { Delete: { Objects: Array<{ Key: string }> } }) => ({
      Deleted: input.Delete.Objects.filter(({ Key }) => Key !== 'public/k7').map(({ Key }) => ({ Key })),
      Errors: [{ Key: 'public/k7', Code: 'AccessDenied', Message: 'Access Denied' }].filter((e) =>
        input.Delete.Objects.some(({ Key }) => Key === e.Key),
      ),
    }));
    const progress: number[] = [];
    const result = await files.removeKeys(keys, { onBatch: (done) => progress.push(done) });
    const sent = s3Mock.commandCalls(DeleteObjectsCommand).map((call) => call.args[0].input.Delete);
    expect(sent.map((batch) => batch?.Objects?.length)).toEqual([1000, 1000, 500]);
    expect(sent.every((batch) => batch?.Quiet === false)).toBe(true);
    expect(sent.flatMap((batch) => batch?.Objects?.map((o) => o.Key))).toEqual(keys);
    expect(progress).toEqual([1000, 2000, 2500]);
    expect(result.removed).toHaveLength(2499);
    expect(result.failed.map((f) => f.key)).toEqual(['public/k7']);
    expect(result.failed[0]?.error).toBeInstanceOf(AccessDeniedError);
  });

  it('fails every key of a DeleteObjects request that failed as a whole, and keys not yet sent after an abort', async () => {
    const files = await client();
    const keys = Array.from({ length: 1500 }, (_, i) => `public/k${i}`);
    s3Mock
      .on(DeleteObjectsCommand)
      .rejectsOnce(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }))
      .resolves({ Deleted: [] });
    const result = await files.removeKeys(keys);
    expect(result.failed).toHaveLength(1500);
    expect(result.failed[0]?.error).toBeInstanceOf(NetworkError);
    // The second batch was answered without its keys: each is reported, none silently removed.
    expect(result.failed[1499]?.error.message).toMatch(/did not answer for this key/);

    const controller = new AbortController();
    controller.abort();
    const aborted = await files.removeKeys(keys, { signal: controller.signal });
    expect(aborted.failed.every((f) => f.error instanceof AbortedError)).toBe(true);
    expect(s3Mock.commandCalls(DeleteObjectsCommand)).toHaveLength(2);
  });

  it('copies with If-None-Match: * unless overwriting, a version with ?versionId, and 412 as AlreadyExistsError', async () => {
    const files = await client();
    s3Mock.on(CopyObjectCommand).rejectsOnce(s3Error('PreconditionFailed', 412)).resolves({});
    const error = await files.copy('public/a b.txt', 'public/c.txt', { overwrite: false }).catch((e) => e);
    expect(error).toBeInstanceOf(AlreadyExistsError);
    expect(error.paths).toEqual(['public/c.txt']);
    await files.copy('public/a b.txt', 'public/a b.txt', { overwrite: true, versionId: 'v+1' });
    const [first, second] = s3Mock.commandCalls(CopyObjectCommand).map((call) => call.args[0].input);
    expect(first).toMatchObject({ CopySource: 'bucket/public/a%20b.txt', IfNoneMatch: '*' });
    expect(second).toMatchObject({ CopySource: 'bucket/public/a%20b.txt?versionId=v%2B1' });
    expect(second?.IfNoneMatch).toBeUndefined();
  });

  it('lists versions across pages with both markers, delete markers merged in, newest first', async () => {
    const files = await client();
    s3Mock
      .on(ListObjectVersionsCommand)
      .resolvesOnce({
        IsTruncated: true,
        NextKeyMarker: 'public/a.txt',
        NextVersionIdMarker: 'v2',
        Versions: [
          { Key: 'public/a.txt', VersionId: 'v2', IsLatest: false, LastModified: new Date(2000), Size: 2 },
        ],
        DeleteMarkers: [
          { Key: 'public/a.txt', VersionId: 'm3', IsLatest: true, LastModified: new Date(3000) },
        ],
      })
      .resolvesOnce({
        Versions: [
          { Key: 'public/a.txt', VersionId: 'v1', IsLatest: false, LastModified: new Date(1000), Size: 1 },
        ],
      });
    const versions = await files.listVersions('public/a.txt');
    expect(versions.map((v) => [v.versionId, v.isDeleteMarker])).toEqual([
      ['m3', true],
      ['v2', false],
      ['v1', false],
    ]);
    const second = s3Mock.commandCalls(ListObjectVersionsCommand)[1]?.args[0].input;
    expect(second).toMatchObject({ KeyMarker: 'public/a.txt', VersionIdMarker: 'v2' });
  });
});
