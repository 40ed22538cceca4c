/*
 * The two areas and the file-browser operations of issue 12 over real HTTP, with two users, A
 * (Ada) and B (Bob), against the emulator (`pnpm test`) or a deployed stack (`pnpm test:aws`; see
 * `journey-target.ts`): A's private file is invisible and denied to B while A's shared file is
 * visible to B; copy and move between the areas; 1,500 files removed in two DeleteObjects
 * requests; an upload and a copy refused over an existing file, then allowed; delete, list
 * deleted, undelete, and an earlier version restored with its old bytes; and a folder move that
 * fails partway (a destination key the role may not write, emulator only) reporting what moved and
 * what did not, with nothing lost. Each test works in a shared folder of its own and in the
 * private area under names of its own, so it runs alone and in any order.
 */
import { randomUUID } from 'node:crypto';
import type { StackModel } from '@auth-s3/emulator';
import { testStackModel } from '@auth-s3/emulator/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RecordingLogger } from '../src/__tests__/fakes.js';
import { createAuthS3 } from '../src/create-auth-s3.js';
import {
  AccessDeniedError,
  AlreadyExistsError,
  InvalidParameterError,
  NotFoundError,
  TransferIncompleteError,
} from '../src/errors.js';
import { memoryStorage } from '../src/token-storage.js';
import type { Files } from '../src/types.js';
import { emulatorOnly, type JourneyTarget, startTarget } from './journey-target.js';

const PASSWORD = 'Corr3ct-horse!';
let target: JourneyTarget;
let ada: string;
let bob: string;

/** `email` signed in on a page of their own; the shared area is `folder`, the log starts after the sign-in. */
async function signedIn(email: string, folder: string, on: JourneyTarget = target) {
  const logger = new RecordingLogger();
  const lib = createAuthS3(on.config, {
    storage: memoryStorage(),
    clock: on.clock,
    logger,
    prefix: folder,
  });
  await lib.auth.signIn(email, PASSWORD);
  logger.clear();
  return { ...lib, logger };
}

/** A folder name of its own in the private area, cleaned up on AWS. */
function privateFolder(label: string): string {
  return `${label}-${randomUUID().slice(0, 8)}/`;
}

/** The file's bytes as text, downloaded through a presigned URL (of `versionId`, when given). */
async function text(files: Files, path: string, versionId?: string): Promise<string> {
  const response = await fetch(await files.getDownloadUrl(path, { versionId }));
  expect(response.status, `GET ${path}`).toBe(200);
  return response.text();
}

/** Every path under `folder` (flat listing), relative to the area. */
async function paths(files: Files, folder = ''): Promise<string[]> {
  const all: string[] = [];
  for await (const page of files.listAll({ path: folder, delimiter: '' })) {
    all.push(...page.items.map((item) => item.path));
  }
  return all.sort();
}

/** Later writes get a later Last-Modified second on the emulator, as they would in real time on AWS. */
function tick(): void {
  target.clock?.advance(1500);
}

/** On AWS, removes every version under the private `folder` afterwards. */
async function cleanUpPrivate(files: Files, folder: string): Promise<void> {
  await files.list();
  target.removeFolderAfterwards(`${files.prefix}${folder}`);
}

beforeAll(async () => {
  target = await startTarget();
  [ada, bob] = await Promise.all([target.createUser('ada', PASSWORD), target.createUser('bob', PASSWORD)]);
});
afterAll(() => target?.stop());

describe('areas journey', () => {
  it("keeps A's private file from B (not listed, AccessDeniedError) and shows A's shared file to B", async () => {
    const shared = target.newFolder('areas');
    const a = await signedIn(ada, shared);
    const b = await signedIn(bob, shared);
    const mine = privateFolder('secret');
    await a.myFiles.upload('for Ada only', `${mine}diary.txt`);
    await a.files.upload('for everyone', 'notice.txt');
    await cleanUpPrivate(a.myFiles, mine);

    const adaId = await a.auth.identityId();
    expect(adaId).toMatch(/^[\w-]+:[0-9a-f-]+$/);
    expect(a.myFiles.prefix).toBe(`private/${adaId}/`);
    expect(await b.auth.identityId()).not.toBe(adaId);

    // B's own area does not hold it, and B reaching into A's area is refused: object, listing, URL.
    expect(await paths(b.myFiles)).not.toContain(`${mine}diary.txt`);
    const intruder = createAuthS3(target.config, {
      storage: memoryStorage(),
      clock: target.clock,
      prefix: `private/${adaId}/`,
    });
    await intruder.auth.signIn(bob, PASSWORD);
    await expect(intruder.files.head(`${mine}diary.txt`)).rejects.toBeInstanceOf(AccessDeniedError);
    await expect(intruder.files.list({ path: mine })).rejects.toBeInstanceOf(AccessDeniedError);
    await expect(intruder.files.listVersions(`${mine}diary.txt`)).rejects.toBeInstanceOf(AccessDeniedError);
    const denied = await fetch(await intruder.files.getDownloadUrl(`${mine}diary.txt`));
    expect(denied.status).toBe(403);
    await expect(intruder.files.remove(`${mine}diary.txt`)).rejects.toBeInstanceOf(AccessDeniedError);
    expect(await text(a.myFiles, `${mine}diary.txt`)).toBe('for Ada only');

    // The shared file is B's to see and read.
    expect(await paths(b.files)).toEqual(['notice.txt']);
    expect(await text(b.files, 'notice.txt')).toBe('for everyone');
    // A missing file in one's own area is NotFoundError, not AccessDeniedError.
    await expect(a.myFiles.head(`${mine}nothing.txt`)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('copies and moves files and folders between the two areas, bytes intact', async () => {
    const shared = target.newFolder('across');
    const a = await signedIn(ada, shared);
    const mine = privateFolder('across');
    await a.files.upload('quarterly numbers', 'report.txt');
    await a.myFiles.upload('draft one', `${mine}drafts/one.txt`);
    await a.myFiles.upload('draft two', `${mine}drafts/deeper/two.txt`);
    await cleanUpPrivate(a.myFiles, mine);

    // A shared file copied into the private area: both exist.
    const copied = await a.files.copy('report.txt', `${mine}report.txt`, { toArea: 'mine' });
    expect(copied.files).toEqual([{ from: 'report.txt', to: `${mine}report.txt` }]);
    expect(await text(a.myFiles, `${mine}report.txt`)).toBe('quarterly numbers');
    expect(await paths(a.files)).toEqual(['report.txt']);

    // A private folder moved to the shared area: gone from mine, all there in shared.
    const progress: number[] = [];
    const moved = await a.myFiles.move(`${mine}drafts/`, 'published/', {
      toArea: 'shared',
      onProgress: ({ done }) => progress.push(done),
    });
    expect(moved.files.map((file) => file.to).sort()).toEqual([
      'published/deeper/two.txt',
      'published/one.txt',
    ]);
    expect(progress.at(-1)).toBe(2);
    expect(await paths(a.myFiles, mine)).toEqual([`${mine}report.txt`]);
    expect(await paths(a.files)).toEqual(['published/deeper/two.txt', 'published/one.txt', 'report.txt']);
    expect(await text(a.files, 'published/deeper/two.txt')).toBe('draft two');

    // A rename in place, and back into the private area with a move.
    await a.files.rename('published/one.txt', 'first.txt');
    await a.files.move('published/first.txt', `${mine}first.txt`, { toArea: 'mine' });
    expect(await text(a.myFiles, `${mine}first.txt`)).toBe('draft one');
    expect(await paths(a.files, 'published/')).toEqual(['published/deeper/two.txt']);
  });

  it('removes 1,500 files with two DeleteObjects requests, each file reported', async () => {
    const shared = target.newFolder('bulk');
    const a = await signedIn(ada, shared);
    const names = Array.from({ length: 1500 }, (_, i) => `many/file-${String(i).padStart(4, '0')}.txt`);
    let next = 0;
    await Promise.all(
      Array.from({ length: 16 }, async () => {
        while (next < names.length) {
          const name = names[next++] as string;
          await a.files.upload(name.slice(-8), name);
        }
      }),
    );
    a.logger.clear();
    const batches: number[] = [];
    const result = await a.files.removeMany(names, { onProgress: ({ done }) => batches.push(done) });
    expect(a.logger.requests().filter((request) => request.startsWith('s3:'))).toEqual([
      's3:DeleteObjectsCommand',
      's3:DeleteObjectsCommand',
    ]);
    expect(batches).toEqual([1000, 1500]);
    expect(result.failed).toEqual([]);
    expect(result.removed.sort()).toEqual(names);
    expect(await paths(a.files)).toEqual([]);
  }, 120_000);

  it('refuses to upload or copy over an existing file until asked, then replaces it', async () => {
    const shared = target.newFolder('overwrite');
    const a = await signedIn(ada, shared);
    await a.files.upload('first', 'note.txt');
    await a.files.upload('other', 'other.txt');

    const refused = await a.files.upload('second', 'note.txt', { overwrite: false }).catch((e) => e);
    expect(refused).toBeInstanceOf(AlreadyExistsError);
    expect(refused.paths).toEqual(['note.txt']);
    expect(await text(a.files, 'note.txt')).toBe('first');
    await a.files.upload('second', 'note.txt', { overwrite: true });
    expect(await text(a.files, 'note.txt')).toBe('second');
    // A new name is written with overwrite: false.
    await a.files.upload('fresh', 'new.txt', { overwrite: false });

    // Copy and move do not replace by default, and say so before writing anything.
    await expect(a.files.copy('other.txt', 'note.txt')).rejects.toBeInstanceOf(AlreadyExistsError);
    await a.files.upload('x', 'dir/x.txt');
    await a.files.upload('y', 'dir/y.txt');
    await a.files.upload('old y', 'target/y.txt');
    const clash = await a.files.move('dir/', 'target/').catch((e) => e);
    expect(clash).toBeInstanceOf(AlreadyExistsError);
    expect(clash.paths).toEqual(['target/y.txt']);
    expect(await paths(a.files)).toEqual([
      'dir/x.txt',
      'dir/y.txt',
      'new.txt',
      'note.txt',
      'other.txt',
      'target/y.txt',
    ]);
    await a.files.copy('other.txt', 'note.txt', { overwrite: true });
    expect(await text(a.files, 'note.txt')).toBe('other');
  });

  it('lists versions, restores an earlier one with its old bytes, and undeletes a deleted file', async () => {
    const shared = target.newFolder('versions');
    const a = await signedIn(ada, shared);
    const mine = privateFolder('versions');
    await a.myFiles.createFolder(mine);
    await cleanUpPrivate(a.myFiles, mine);
    await a.myFiles.upload('version one', `${mine}essay.txt`);
    tick();
    await a.myFiles.upload('version two', `${mine}essay.txt`);
    tick();
    const versions = await a.myFiles.listVersions(`${mine}essay.txt`);
    expect(versions.map((v) => [v.isLatest, v.isDeleteMarker, v.size])).toEqual([
      [true, false, 11],
      [false, false, 11],
    ]);
    const first = versions[1]?.versionId as string;
    expect(await text(a.myFiles, `${mine}essay.txt`, first)).toBe('version one');

    const restored = await a.myFiles.restoreVersion(`${mine}essay.txt`, first);
    expect(restored.path).toBe(`${mine}essay.txt`);
    expect(await text(a.myFiles, `${mine}essay.txt`)).toBe('version one');
    // Restoring copies: every version stays, the restored bytes are the newest of three.
    expect(await a.myFiles.listVersions(`${mine}essay.txt`)).toHaveLength(3);
    // An id that cannot be a version is refused; a real version id of another file is not found here.
    await expect(a.myFiles.restoreVersion(`${mine}essay.txt`, 'no-such-version')).rejects.toBeInstanceOf(
      InvalidParameterError,
    );
    const other = await a.myFiles.upload('other', `${mine}other.txt`);
    const otherVersion = (await a.myFiles.listVersions(other.path))[0]?.versionId as string;
    await expect(a.myFiles.restoreVersion(`${mine}essay.txt`, otherVersion)).rejects.toBeInstanceOf(
      NotFoundError,
    );

    tick();
    await a.myFiles.remove(`${mine}essay.txt`);
    await expect(a.myFiles.head(`${mine}essay.txt`)).rejects.toBeInstanceOf(NotFoundError);
    const deleted = await a.myFiles.listDeleted({ path: mine });
    expect(deleted.map((file) => [file.path, file.size])).toEqual([[`${mine}essay.txt`, 11]]);
    expect((await a.myFiles.listVersions(`${mine}essay.txt`))[0]).toMatchObject({
      isLatest: true,
      isDeleteMarker: true,
    });

    tick();
    await a.myFiles.undelete(`${mine}essay.txt`);
    expect(await text(a.myFiles, `${mine}essay.txt`)).toBe('version one');
    expect(await a.myFiles.listDeleted({ path: mine })).toEqual([]);
    await expect(a.myFiles.undelete(`${mine}essay.txt`)).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe('a folder move that fails partway', () => {
  let locked: JourneyTarget;
  let user: string;
  beforeAll(async () => {
    locked = await startTarget({ model: withLockedNames(testStackModel()) });
    user = await locked.createUser('ada', PASSWORD);
  });
  afterAll(() => locked?.stop());

  emulatorOnly('the role gets a Deny for the destination to/locked*')(
    'says what moved and what did not, and loses nothing',
    async () => {
      const a = await signedIn(user, locked.newFolder('partway'), locked);
      const names = ['a.txt', 'b.txt', 'locked.txt', 'z.txt'];
      for (const name of names) await a.files.upload(`bytes of ${name}`, `from/${name}`);

      const error = await a.files.move('from/', 'to/').catch((e) => e);
      expect(error).toBeInstanceOf(TransferIncompleteError);
      expect(error.cause).toBeInstanceOf(AccessDeniedError);
      const { completed, copiedNotRemoved, notCopied, failures } = error.details;
      expect(completed.map((file: { to: string }) => file.to)).toEqual(['to/a.txt', 'to/b.txt', 'to/z.txt']);
      expect(copiedNotRemoved).toEqual([]);
      expect(notCopied).toEqual([{ from: 'from/locked.txt', to: 'to/locked.txt' }]);
      expect(failures.map((failure: { path: string }) => failure.path)).toEqual(['from/locked.txt']);
      expect(error.message).toMatch(/3 moved.*1 left where they were/);

      // Every file is in exactly one place, with its bytes.
      expect(await paths(a.files)).toEqual(['from/locked.txt', 'to/a.txt', 'to/b.txt', 'to/z.txt']);
      for (const name of names) {
        const at = name === 'locked.txt' ? `from/${name}` : `to/${name}`;
        expect(await text(a.files, at)).toBe(`bytes of ${name}`);
      }
    },
  );
});

/** The stack's model plus an explicit Deny of writes to `…/to/locked…`, a destination the move cannot write. */
function withLockedNames(model: StackModel): StackModel {
  const deny = {
    name: 'TestDenyLockedNames',
    kind: 'identity' as const,
    document: {
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Deny' as const, Action: 's3:PutObject', Resource: `${model.bucket.arn}/*/to/locked*` },
      ],
    },
  };
  return { ...model, roles: model.roles.map((role) => ({ ...role, policies: [...role.policies, deny] })) };
}
