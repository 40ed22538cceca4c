/*
 * Crash recovery of the object store: the process "dies" at a rename (the injected rename never
 * returns, so nothing after it runs, as after a kill), and a new store opened on the same directory
 * must show no partial object, keep the previous versions (and delete markers) whole, and sweep
 * the temp and orphan files the dead writer left; a CompleteMultipartUpload that dies before its
 * history lands leaves the upload completable and no stray part link. A data dir of before versioning loads with each
 * object as its `null` version.
 */
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { buffer } from 'node:stream/consumers';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fsyncFile } from './files.js';
import { MultipartStore } from './multipart-store.js';
import type { NewObject } from './object-meta.js';
import { ObjectStore } from './object-store.js';

/** Where the next rename "crashes": a predicate on (from, to); `reached` resolves when it does. */
const crash = vi.hoisted(() => ({
  at: undefined as ((from: string, to: string) => boolean) | undefined,
  reached: () => {},
}));

vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs/promises')>();
  return {
    ...actual,
    rename(from: string, to: string): Promise<void> {
      if (crash.at?.(from, to)) {
        crash.at = undefined;
        crash.reached();
        return new Promise<void>(() => {});
      }
      return actual.rename(from, to);
    },
  };
});

let root: string;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'auth-s3-crash-'));
});
afterEach(async () => {
  crash.at = undefined;
  await rm(root, { recursive: true, force: true });
});

function meta(key: string, body: string): NewObject {
  return {
    key,
    size: Buffer.byteLength(body),
    etag: 'etag',
    lastModified: 0,
    contentType: 'text/plain',
    headers: {},
    userMetadata: {},
    checksums: {},
  };
}

async function writeTemp(store: ObjectStore, body: string): Promise<string> {
  const temp = store.newTempFile();
  await writeFile(temp, body);
  await fsyncFile(temp);
  return temp;
}

/** Starts a commit that dies at the first rename matching `where`, and waits until it has. */
async function commitDyingAt(
  store: ObjectStore,
  key: string,
  body: string,
  where: (from: string, to: string) => boolean,
): Promise<string> {
  const temp = await writeTemp(store, body);
  const reached = new Promise<void>((resolve) => {
    crash.reached = resolve;
  });
  crash.at = where;
  void store.commit(temp, meta(key, body));
  await reached;
  return temp;
}

/** Starts a delete that dies at the first rename matching `where`, and waits until it has. */
async function deleteDyingAt(
  store: ObjectStore,
  key: string,
  where: (from: string, to: string) => boolean,
): Promise<void> {
  const reached = new Promise<void>((resolve) => {
    crash.reached = resolve;
  });
  crash.at = where;
  void store.delete(key);
  await reached;
}

async function contents(store: ObjectStore, key: string, versionId?: string): Promise<string | undefined> {
  const open = await store.read(key, undefined, versionId);
  if (!open) return undefined;
  return (await buffer(open.stream)).toString('utf8');
}

describe('ObjectStore crash recovery', () => {
  it('shows no object and sweeps the temp file when the writer dies between writing and renaming', async () => {
    const store = new ObjectStore(root);
    await store.open();
    const temp = await commitDyingAt(store, 'public/new.txt', 'partial?', (from) => from.endsWith('.tmp'));
    expect(await readdir(store.tmpDir)).toEqual([basename(temp)]);

    const reopened = new ObjectStore(root);
    await reopened.open();
    expect(reopened.get('public/new.txt')).toBeUndefined();
    expect(reopened.size).toBe(0);
    expect(await readdir(reopened.tmpDir)).toEqual([]);
    expect(await readdir(join(root, 'data'))).toEqual([]);
  });

  it('keeps the previous version whole and sweeps the orphan blob when the writer dies before its metadata lands', async () => {
    const store = new ObjectStore(root);
    await store.open();
    await store.commit(await writeTemp(store, 'version 1'), meta('public/k.txt', 'version 1'));
    const objectsDir = join(root, 'objects');
    await commitDyingAt(store, 'public/k.txt', 'version 2', (_from, to) => to.startsWith(objectsDir));
    // The new bytes are already a blob; only the metadata rename that would publish them is missing.
    expect(await readdir(join(root, 'data'))).toHaveLength(2);

    const reopened = new ObjectStore(root);
    await reopened.open();
    expect(reopened.get('public/k.txt')?.size).toBe('version 1'.length);
    expect(await contents(reopened, 'public/k.txt')).toBe('version 1');
    expect(await readdir(join(root, 'data'))).toHaveLength(1);
    expect(await readdir(reopened.tmpDir)).toEqual([]);
  });

  it('keeps every earlier version and delete marker when a writer dies before its history lands', async () => {
    const store = new ObjectStore(root);
    await store.open();
    const v1 = await store.commit(await writeTemp(store, 'version 1'), meta('public/h.txt', 'version 1'));
    const v2 = await store.commit(await writeTemp(store, 'version 2'), meta('public/h.txt', 'version 2'));
    const marker = await store.delete('public/h.txt');
    const objectsDir = join(root, 'objects');
    await commitDyingAt(store, 'public/h.txt', 'version 3', (_from, to) => to.startsWith(objectsDir));

    const reopened = new ObjectStore(root);
    await reopened.open();
    const listed = reopened.listVersions({ prefix: 'public/', maxKeys: 10 });
    expect(listed.versions.map((v) => [v.version.versionId, v.isLatest])).toEqual([
      [marker.versionId, true],
      [v2.versionId, false],
      [v1.versionId, false],
    ]);
    expect(reopened.get('public/h.txt')).toBeUndefined();
    expect(await contents(reopened, 'public/h.txt', v1.versionId)).toBe('version 1');
    expect(await contents(reopened, 'public/h.txt', v2.versionId)).toBe('version 2');
    expect(await readdir(join(root, 'data'))).toHaveLength(2);
  });

  it('leaves the object current when a delete dies before its marker lands', async () => {
    const store = new ObjectStore(root);
    await store.open();
    const v1 = await store.commit(await writeTemp(store, 'kept'), meta('public/d.txt', 'kept'));
    await deleteDyingAt(store, 'public/d.txt', (_from, to) => to.startsWith(join(root, 'objects')));

    const reopened = new ObjectStore(root);
    await reopened.open();
    expect(reopened.get('public/d.txt')?.versionId).toBe(v1.versionId);
    expect(reopened.listVersions({ prefix: '', maxKeys: 10 }).versions).toHaveLength(1);
    expect(await contents(reopened, 'public/d.txt')).toBe('kept');
  });

  it('makes later version ids sort after those it loaded, even when the clock went back', async () => {
    const store = new ObjectStore(root, () => 2_000_000);
    await store.open();
    const before = await store.commit(await writeTemp(store, 'a'), meta('public/t.txt', 'a'));
    const reopened = new ObjectStore(root, () => 1_000_000);
    await reopened.open();
    const after = await reopened.commit(await writeTemp(reopened, 'b'), meta('public/t.txt', 'b'));
    expect(after.versionId > before.versionId).toBe(true);
    expect(after.versionId).toMatch(/^[0-9a-f]{32}$/);
  });

  it('loads an object stored before versions were kept as its null version', async () => {
    const store = new ObjectStore(root);
    await store.open();
    const stored = await store.commit(await writeTemp(store, 'old'), meta('public/old.txt', 'old'));
    // The file as the emulator wrote it before versioning: one object's metadata, no history.
    const { versionId: _dropped, ...legacy } = stored;
    const [file] = await readdir(join(root, 'objects'));
    await writeFile(join(root, 'objects', file as string), JSON.stringify(legacy));

    const reopened = new ObjectStore(root);
    await reopened.open();
    expect(reopened.get('public/old.txt')?.versionId).toBe('null');
    expect(await contents(reopened, 'public/old.txt', 'null')).toBe('old');
  });

  it('leaves the upload completable and no stray blob when Complete dies between linking the parts and the commit', async () => {
    const store = new ObjectStore(root);
    await store.open();
    const uploads = new MultipartStore(root, store.tmpDir);
    await uploads.open();
    const upload = await uploads.create({
      key: 'public/mpu.bin',
      initiated: 0,
      contentType: 'application/octet-stream',
      headers: {},
      userMetadata: {},
    });
    const bodies = ['first part, ', 'second part'];
    for (const [i, body] of bodies.entries()) {
      await uploads.putPart(upload, await writeTemp(store, body), {
        partNumber: i + 1,
        etag: 'etag',
        size: body.length,
        lastModified: 0,
      });
    }
    const partsMeta = (): NewObject => ({
      ...meta('public/mpu.bin', bodies.join('')),
      partsCount: 2,
      partSizes: bodies.map((b) => b.length),
    });
    const files = (await uploads.listParts(upload)).map((part) => uploads.partPath(upload, part));
    const reached = new Promise<void>((resolve) => {
      crash.reached = resolve;
    });
    const objectsDir = join(root, 'objects');
    crash.at = (_from, to) => to.startsWith(objectsDir);
    void store.commitParts(files, partsMeta());
    await reached;
    // The parts are linked into data/; only the history rename that would publish them is missing.
    expect(await readdir(join(root, 'data'))).toHaveLength(2);

    const reopened = new ObjectStore(root);
    await reopened.open();
    const reopenedUploads = new MultipartStore(root, reopened.tmpDir);
    await reopenedUploads.open();
    expect(reopened.get('public/mpu.bin')).toBeUndefined();
    expect(await readdir(join(root, 'data'))).toEqual([]);
    const again = await reopenedUploads.get(upload.uploadId, 'public/mpu.bin');
    const parts = await reopenedUploads.listParts(again);
    expect(parts.map((p) => p.size)).toEqual(bodies.map((b) => b.length));
    await reopened.commitParts(
      parts.map((part) => reopenedUploads.partPath(again, part)),
      partsMeta(),
    );
    await reopenedUploads.remove(upload.uploadId);
    expect(await contents(reopened, 'public/mpu.bin')).toBe(bodies.join(''));
    expect(await readdir(join(root, 'data'))).toHaveLength(2);
  });
});
