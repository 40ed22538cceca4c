/*
 * The `files` facade, the API boundary: arguments of the wrong kind fail with
 * `InvalidParameterError` before the S3 code loads or a request is made; paths are always relative
 * to the files area (so `public/x` under `public/` is reachable) and come back on every item; an
 * exception that is not an AWS answer is not reported as one. S3 is mocked; the identity pool is
 * the fake Cognito.
 */
import { HeadObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import type { FakeCognito } from '../__tests__/fake-cognito.js';
import { RecordingLogger } from '../__tests__/fakes.js';
import { fakeIdentityPool, filesDeps } from '../__tests__/files-deps.js';
import { InvalidKeyError, InvalidParameterError, ServiceError, UnexpectedError } from '../errors.js';
import type { Files } from '../types.js';
import { createFileAreas } from './files.js';

const s3Mock = mockClient(S3Client);
let identity: FakeCognito;
let logger: RecordingLogger;
let files: Files;
let mine: Files;
beforeEach(() => {
  s3Mock.reset();
  identity = fakeIdentityPool();
  logger = new RecordingLogger();
  const areas = createFileAreas({
    ...filesDeps(identity, logger),
    prefix: 'public/',
    privatePrefixPattern: 'private/{identityId}/',
  });
  files = areas.shared;
  mine = areas.mine;
});
afterAll(() => s3Mock.restore());

/** The error `run` rejects with; fails the test when it resolves. */
async function rejection(run: () => Promise<unknown>): Promise<Error> {
  return run().then(
    () => {
      throw new Error('expected a rejection');
    },
    (error: Error) => error,
  );
}

/**
 * The error `run` rejects with, checked to be an InvalidParameterError whose message matches
 * `message`, thrown before any AWS request.
 */
async function refusedBeforeAnyRequest(run: () => Promise<unknown>, message: RegExp): Promise<Error> {
  const error = await rejection(run);
  expect(error).toBeInstanceOf(InvalidParameterError);
  expect(error.message).toMatch(message);
  expect(logger.requests()).toEqual([]);
  return error;
}

describe('files arguments', () => {
  it('refuses upload data of another kind with InvalidParameterError that says what to pass', async () => {
    const error = await rejection(() => files.upload(42 as never, 'answer.txt'));
    expect(error).toBeInstanceOf(InvalidParameterError);
    expect(error.message).toBe(
      'upload() needs the data first, as a File, Blob, Uint8Array, ArrayBuffer, string, a Node or web readable stream, or an open file handle (got the number 42).',
    );
    expect(s3Mock.calls()).toHaveLength(0);
  });

  it.each([
    ['head', () => files.head(undefined as never), /head\(\) needs the path as a string .*\(got undefined\)/],
    ['remove', () => files.remove(7 as never), /remove\(\) needs the path .*\(got the number 7\)/],
    [
      'upload',
      () => files.upload('x', { key: 'a' } as never),
      /upload\(\) needs the path .*\(got an object\)/,
    ],
    ['list', () => files.list({ pageSize: 0 }), /list\(\) needs pageSize as a whole number from 1 to 1000/],
    ['list', () => files.list({ path: 3 } as never), /list\(\) needs path .*as a string/],
    [
      'listAll',
      () =>
        files
          .listAll('photos/' as never)
          [Symbol.asyncIterator]()
          .next(),
      /listAll\(\) needs its options as an object/,
    ],
    [
      'upload',
      () => files.upload('x', 'a.txt', { signal: 'stop' } as never),
      /needs signal as an AbortSignal/,
    ],
    [
      'upload',
      () => files.upload('x', 'a.txt', { onProgress: 1 } as never),
      /needs onProgress as a function/,
    ],
  ])('refuses a bad argument to %s before any request', async (_method, run, message) => {
    await refusedBeforeAnyRequest(run, message);
    expect(s3Mock.calls()).toHaveLength(0);
  });
});

describe('names and paths of the file-browser operations', () => {
  const long = 'n'.repeat(1000);
  it.each([
    ['rename to a name with "/"', () => files.rename('a.txt', 'sub/b.txt'), /contains "\/"/],
    ['rename to ".."', () => mine.rename('a.txt', '..'), /".."/],
    ['rename to a name with a newline', () => files.rename('a.txt', 'b\n.txt'), /control character/],
    ['rename to an empty name', () => files.rename('a.txt', ''), /name is empty/],
    ['copy from a path with ".."', () => files.copy('../x.txt', 'y.txt'), /".."/],
    ['copy to a path with a tab', () => files.copy('x.txt', 'y\t.txt', { toArea: 'mine' }), /control/],
    ['move a folder onto a file path', () => files.move('docs/', '/docs/'), /starts with "\/"/],
    ['createFolder with ".."', () => mine.createFolder('a/../b'), /".."/],
    // 1,000 bytes fit under `public/` but not under `private/<region>:<uuid>/`, known before GetId.
    ['copy into mine past 1,024 bytes', () => files.copy('x.txt', `${long}.txt`, { toArea: 'mine' }), /1024/],
    ['upload into mine past 1,024 bytes', () => mine.upload('x', `${long}.txt`), /1024/],
    ['removeMany with one bad path', () => files.removeMany(['ok.txt', 'a//b.txt']), /"\/\/"/],
    ['listVersions of a folder', () => mine.listVersions('docs/'), /names a folder/],
  ])('refuses %s with InvalidKeyError before any request', async (_case, run, message) => {
    const error = await refusedBeforeAnyRequest(run, message);
    expect(error).toBeInstanceOf(InvalidKeyError);
    expect(identity.calls('GetId')).toHaveLength(0);
  });

  it.each([
    ['removeMany without an array', () => files.removeMany('a.txt' as never), /an array of strings/],
    [
      'copy to an unknown area',
      () => files.copy('a.txt', 'b.txt', { toArea: 'private' as never }),
      /"shared" or "mine"/,
    ],
    [
      'move with overwrite "yes"',
      () => files.move('a.txt', 'b.txt', { overwrite: 'yes' as never }),
      /overwrite/,
    ],
    ['upload with overwrite 0', () => files.upload('x', 'a.txt', { overwrite: 0 as never }), /overwrite/],
    ['removeFolder of the root', () => files.removeFolder(''), /a folder below the root/],
    ['restoreVersion without a version', () => files.restoreVersion('a.txt', '' as never), /versionId/],
    ['rename to a number', () => files.rename('a.txt', 5 as never), /new name as a string/],
  ])('refuses %s with InvalidParameterError before any request', async (_case, run, message) => {
    await refusedBeforeAnyRequest(run, message);
  });

  it("names the private area after the signed-in user's identity id, known after the first call", async () => {
    s3Mock.on(ListObjectsV2Command).resolves({ Contents: [{ Key: 'private/us-east-1:identity-1/a.txt' }] });
    expect(mine.area).toBe('mine');
    expect(mine.prefix).toBeUndefined();
    const page = await mine.list();
    expect(s3Mock.commandCalls(ListObjectsV2Command)[0]?.args[0].input.Prefix).toBe(
      'private/us-east-1:identity-1/',
    );
    expect(page.items.map((item) => item.path)).toEqual(['a.txt']);
    expect(mine.prefix).toBe('private/us-east-1:identity-1/');
    expect(files.prefix).toBe('public/');
  });
});

describe('files paths', () => {
  it('puts every path under the files area, even one that starts with the prefix, and gives it back', async () => {
    s3Mock.on(PutObjectCommand).resolves({ ETag: '"e"' });
    const item = await files.upload('hello', 'public/x.txt');
    expect(s3Mock.commandCalls(PutObjectCommand)[0]?.args[0].input.Key).toBe('public/public/x.txt');
    expect(item).toMatchObject({ key: 'public/public/x.txt', path: 'public/x.txt', name: 'x.txt' });
  });

  it('lists items and folders with their paths, which head takes back', async () => {
    s3Mock.on(ListObjectsV2Command).resolves({
      Contents: [{ Key: 'public/photos/cat.png', Size: 3 }],
      CommonPrefixes: [{ Prefix: 'public/photos/2026/' }],
    });
    s3Mock.on(HeadObjectCommand).resolves({ ContentLength: 3 });
    const page = await files.list({ path: 'photos/' });
    expect(s3Mock.commandCalls(ListObjectsV2Command)[0]?.args[0].input.Prefix).toBe('public/photos/');
    expect(page.items.map((i) => i.path)).toEqual(['photos/cat.png']);
    expect(page.folders.map((f) => f.path)).toEqual(['photos/2026/']);
    const head = await files.head(page.items[0]?.path ?? '');
    expect(s3Mock.commandCalls(HeadObjectCommand)[0]?.args[0].input.Key).toBe('public/photos/cat.png');
    expect(head.path).toBe('photos/cat.png');
  });
});

describe('files errors', () => {
  it('reports an exception that is not an AWS answer as UnexpectedError, not ServiceError', async () => {
    const bug = new TypeError("Cannot read properties of undefined (reading 'Key')");
    s3Mock.on(ListObjectsV2Command).rejects(bug);
    const error = await rejection(() => files.list());
    expect(error).not.toBeInstanceOf(ServiceError);
    expect(error).toBeInstanceOf(UnexpectedError);
    expect(error.cause).toBe(bug);
    expect(error.message).toMatch(
      /list public\/ failed with TypeError: Cannot read properties.*not come from AWS/,
    );
  });
});
