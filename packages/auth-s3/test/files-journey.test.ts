/*
 * The S3 half of the journey over real HTTP, against the emulator (`pnpm test`) or a deployed stack
 * (`pnpm test:aws`; see `journey-target.ts`): a small upload and a 20 MiB multipart upload with
 * progress, an aborted upload that leaves no object and no multipart upload, listing with folders
 * and pages, a presigned download compared byte for byte, delete, a key outside `public/` refused
 * with AccessDeniedError, and the request budgets of issue 5. Each test signs in on its own and
 * works in a folder of its own under `public/`, so it runs alone, in any order, and beside other
 * users of a deployed bucket.
 */
import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RecordingLogger } from '../src/__tests__/fakes.js';
import { createAuthS3 } from '../src/create-auth-s3.js';
import { AbortedError, AccessDeniedError, InvalidKeyError, NotFoundError } from '../src/errors.js';
import { memoryStorage } from '../src/token-storage.js';
import type { AuthS3Options, UploadProgress } from '../src/types.js';
import { emulatorOnly, type JourneyTarget, startTarget } from './journey-target.js';

const MIB = 1024 * 1024;
const PASSWORD = 'Corr3ct-horse!';
let target: JourneyTarget;
let grace: string;
let linus: string;

function library(options: AuthS3Options = {}, on: JourneyTarget = target) {
  const logger = new RecordingLogger();
  const lib = createAuthS3(on.config, { storage: memoryStorage(), clock: on.clock, logger, ...options });
  return { ...lib, logger };
}

/** Grace, signed in on a page of her own, working in `folder`; the log starts after the sign-in. */
async function signedIn(folder: string, options: AuthS3Options = {}) {
  const lib = library({ prefix: folder, ...options });
  await lib.auth.signIn(grace, PASSWORD);
  lib.logger.clear();
  return lib;
}

beforeAll(async () => {
  target = await startTarget();
  [grace, linus] = await Promise.all([
    target.createUser('grace', PASSWORD),
    target.createUser('linus', PASSWORD),
  ]);
});
afterAll(() => target?.stop());

describe('files journey', () => {
  it('signs in and lists in at most 5 sequential requests, and reloads into a list in 2', async () => {
    const storage = memoryStorage();
    const prefix = target.newFolder('budget');
    const first = library({ storage, prefix });
    await first.auth.signIn(grace, PASSWORD);
    await first.files.list();
    expect(first.logger.requests()).toEqual([
      'cognito-idp:InitiateAuthCommand',
      'cognito-idp:RespondToAuthChallengeCommand',
      'cognito-identity:GetIdCommand',
      'cognito-identity:GetCredentialsForIdentityCommand',
      's3:ListObjectsV2Command',
    ]);
    // A reload: a new instance over the same storage, with a stored session and identity id.
    const reloaded = library({ storage, prefix });
    await reloaded.files.list();
    expect(reloaded.logger.requests()).toEqual([
      'cognito-identity:GetCredentialsForIdentityCommand',
      's3:ListObjectsV2Command',
    ]);
    // A returning user signing in again skips GetId: 4 requests.
    await reloaded.auth.signOut();
    reloaded.logger.clear();
    await reloaded.auth.signIn(grace, PASSWORD);
    await reloaded.files.list();
    expect(reloaded.logger.requests()).toEqual([
      'cognito-idp:InitiateAuthCommand',
      'cognito-idp:RespondToAuthChallengeCommand',
      'cognito-identity:GetCredentialsForIdentityCommand',
      's3:ListObjectsV2Command',
    ]);
    // Another user on the same page gets an identity of their own, not the previous user's credentials.
    const graceCredentials = await reloaded.auth.getSession();
    await reloaded.auth.signOut();
    reloaded.logger.clear();
    await reloaded.auth.signIn(linus, PASSWORD);
    await reloaded.files.list();
    expect(reloaded.logger.requests()).toContain('cognito-identity:GetIdCommand');
    expect((await reloaded.auth.getSession())?.idToken).not.toBe(graceCredentials?.idToken);
  });

  it('uploads a small file in one PUT and reads it back with head', async () => {
    const folder = target.newFolder('small');
    const { files, logger } = await signedIn(folder);
    const item = await files.upload('hello, world', 'notes/hello.txt');
    expect(item).toMatchObject({ key: `${folder}notes/hello.txt`, name: 'hello.txt', size: 12 });
    const head = await files.head('notes/hello.txt');
    expect(head).toMatchObject({ size: 12, contentType: 'text/plain; charset=utf-8', etag: item.etag });
    expect(logger.requests().filter((r) => r.startsWith('s3:'))).toEqual([
      's3:PutObjectCommand',
      's3:HeadObjectCommand',
    ]);
  });

  it('uploads 20 MiB in parallel parts with progress, and downloads the same bytes through a presigned URL', async () => {
    const { files, logger } = await signedIn(target.newFolder('big'));
    const data = randomBytes(20 * MIB);
    const progress: UploadProgress[] = [];
    const item = await files.upload(new Blob([data]), 'big/random.bin', {
      onProgress: (p) => progress.push(p),
    });
    expect(item.size).toBe(20 * MIB);
    const s3 = logger.requests().filter((r) => r.startsWith('s3:'));
    expect(s3.filter((r) => r === 's3:UploadPartCommand')).toHaveLength(3);
    expect(s3[0]).toBe('s3:CreateMultipartUploadCommand');
    expect(s3.at(-1)).toBe('s3:CompleteMultipartUploadCommand');
    expect(progress[0]).toEqual({ loaded: 0, total: 20 * MIB });
    expect(progress.at(-1)).toEqual({ loaded: 20 * MIB, total: 20 * MIB });
    expect(progress.map((p) => p.loaded)).toEqual([...progress.map((p) => p.loaded)].sort((a, b) => a - b));

    const url = await files.getDownloadUrl('big/random.bin', { filename: 'données.bin' });
    const response = await fetch(url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toBe(
      `attachment; filename="donn_es.bin"; filename*=UTF-8''donn%C3%A9es.bin`,
    );
    expect(Buffer.from(await response.arrayBuffer()).equals(data)).toBe(true);
  });

  it('caps a download URL at the credentials’ lifetime', async () => {
    const { files } = await signedIn(target.newFolder('cap'));
    const url = new URL(await files.getDownloadUrl('notes/hello.txt', { expiresIn: 7 * 24 * 3600 }));
    const expires = Number(url.searchParams.get('X-Amz-Expires'));
    expect(expires).toBeGreaterThan(0);
    expect(expires).toBeLessThanOrEqual(3600);
  });

  it('aborts a multipart upload leaving no object and no multipart upload behind', async () => {
    const folder = target.newFolder('abort');
    const { files, logger } = await signedIn(folder);
    const controller = new AbortController();
    const upload = files.upload(Readable.from([randomBytes(20 * MIB)]), 'big/aborted.bin', {
      signal: controller.signal,
      onProgress: (p) => {
        if (p.loaded > 0) controller.abort();
      },
    });
    await expect(upload).rejects.toBeInstanceOf(AbortedError);
    expect(logger.requests()).toContain('s3:AbortMultipartUploadCommand');
    expect(logger.requests()).not.toContain('s3:CompleteMultipartUploadCommand');
    await expect(files.head('big/aborted.bin')).rejects.toBeInstanceOf(NotFoundError);
    expect(await target.pendingMultipartUploads(folder)).toEqual([]);
  });

  it('lists folders and files, page by page', async () => {
    const folder = target.newFolder('list');
    const { files } = await signedIn(folder);
    await Promise.all(
      ['photos/a.jpg', 'photos/b.jpg', 'photos/c.jpg', 'top.txt', 'notes/hello.txt', 'big/random.bin'].map(
        (p) => files.upload(p, p),
      ),
    );
    const root = await files.list();
    expect(root.folders.map((f) => f.name)).toEqual(['big', 'notes', 'photos']);
    expect(root.items.map((i) => i.key)).toEqual([`${folder}top.txt`]);
    expect(root.items[0]?.lastModified).toBeInstanceOf(Date);

    const page1 = await files.list({ path: 'photos', pageSize: 2 });
    expect(page1.items.map((i) => i.name)).toEqual(['a.jpg', 'b.jpg']);
    expect(page1.nextCursor).toBeTruthy();
    const page2 = await files.list({ path: 'photos', pageSize: 2, cursor: page1.nextCursor });
    expect(page2.items.map((i) => i.name)).toEqual(['c.jpg']);
    expect(page2.nextCursor).toBeUndefined();

    const pages = [];
    for await (const page of files.listAll({ path: 'photos/', pageSize: 1 }))
      pages.push(page.items.map((i) => i.name));
    expect(pages).toEqual([['a.jpg'], ['b.jpg'], ['c.jpg']]);
  });

  it('removes a file', async () => {
    const { files } = await signedIn(target.newFolder('remove'));
    await Promise.all(['photos/a.jpg', 'photos/b.jpg', 'photos/c.jpg'].map((p) => files.upload(p, p)));
    await files.remove('photos/c.jpg');
    await expect(files.head('photos/c.jpg')).rejects.toBeInstanceOf(NotFoundError);
    const page = await files.list({ path: 'photos/' });
    expect(page.items.map((i) => i.name)).toEqual(['a.jpg', 'b.jpg']);
  });

  it('refuses keys outside public/: client-side for escapes, AccessDeniedError from S3 otherwise', async () => {
    const storage = memoryStorage();
    const { files, logger } = await signedIn(target.newFolder('escape'), { storage });
    await expect(files.upload('x', '../private/x.txt')).rejects.toBeInstanceOf(InvalidKeyError);
    expect(logger.requests()).toEqual([]);
    const outside = library({ storage, prefix: 'private/' });
    const denied = await outside.files.upload('secret', 'x.txt').catch((e) => e);
    expect(denied).toBeInstanceOf(AccessDeniedError);
    expect(denied.message).toContain('private/x.txt');
    await expect(outside.files.list()).rejects.toBeInstanceOf(AccessDeniedError);
    const root = library({ storage, prefix: '' });
    await expect(root.files.list()).rejects.toBeInstanceOf(AccessDeniedError);
  });

  emulatorOnly('moves the emulator’s manual clock to within 5 minutes of expiry')(
    'refreshes tokens and credentials once they are within 5 minutes of expiry',
    async () => {
      // An emulator of its own: once its clock has moved, every new S3 client's first request is
      // signed an hour off and retried, which would change the request counts of the other tests.
      const own = await startTarget();
      try {
        const storage = memoryStorage();
        const user = await own.createUser('grace', PASSWORD);
        const signedInPage = library({ storage }, own);
        await signedInPage.auth.signIn(user, PASSWORD);
        await signedInPage.files.list();
        const { files, logger } = library({ storage }, own);
        await files.list();
        expect(logger.requests()).toEqual([
          'cognito-identity:GetCredentialsForIdentityCommand',
          's3:ListObjectsV2Command',
        ]);
        logger.clear();
        own.manualClock().advance(56 * 60_000);
        await files.list();
        // Tokens (refreshed 5 minutes before expiry) and credentials are each renewed once. S3 itself may
        // take two attempts: the SDK signs with the system clock, the emulator checks its manual clock,
        // and the SDK corrects the skew and retries.
        const requests = logger.requests();
        expect(requests.slice(0, 2)).toEqual([
          'cognito-idp:InitiateAuthCommand',
          'cognito-identity:GetCredentialsForIdentityCommand',
        ]);
        expect(new Set(requests.slice(2))).toEqual(new Set(['s3:ListObjectsV2Command']));
      } finally {
        await own.stop();
      }
    },
  );
});
