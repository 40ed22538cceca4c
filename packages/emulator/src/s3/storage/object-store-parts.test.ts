/*
 * A multipart object kept as its parts (ObjectStore.commitParts): its part files are linked into
 * the store, not copied; reads of any byte range cross the part boundaries as if the object were
 * one file; a restart keeps every part blob; removing the version frees them all; a read already
 * open streams whole even when the version is removed meanwhile.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buffer } from 'node:stream/consumers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fsyncFile } from './files.js';
import type { NewObject } from './object-meta.js';
import { ObjectStore } from './object-store.js';

let root: string;
let partsDir: string;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'auth-s3-parts-'));
  partsDir = await mkdtemp(join(root, 'parts-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

/** Writes each part to its own fsynced file, as MultipartStore keeps them. */
async function partFiles(parts: Buffer[]): Promise<string[]> {
  return Promise.all(
    parts.map(async (part, i) => {
      const file = join(partsDir, `part-${i + 1}.blob`);
      await writeFile(file, part);
      await fsyncFile(file);
      return file;
    }),
  );
}

function meta(key: string, parts: Buffer[]): NewObject {
  return {
    key,
    size: parts.reduce((sum, p) => sum + p.length, 0),
    etag: `etag-${parts.length}`,
    lastModified: 0,
    contentType: 'application/octet-stream',
    headers: {},
    userMetadata: {},
    checksums: {},
    partsCount: parts.length,
    partSizes: parts.map((p) => p.length),
  };
}

async function readRange(store: ObjectStore, key: string, range?: { start: number; end: number }) {
  const opened = await store.read(key, range);
  if (!opened) throw new Error(`${key} has no object`);
  return buffer(opened.stream);
}

describe('ObjectStore multipart objects', () => {
  // Parts larger than one 1 MiB read, one smaller, and an empty one in between.
  const parts = [randomBytes((1 << 20) + 17), randomBytes(5), Buffer.alloc(0), randomBytes((2 << 20) + 3)];
  const whole = Buffer.concat(parts);

  it('links the parts in (no copy) and reads every byte range across their boundaries', async () => {
    const store = new ObjectStore(root);
    await store.open();
    const files = await partFiles(parts);
    const stored = await store.commitParts(files, meta('public/big.bin', parts));
    expect(stored.blobs).toHaveLength(parts.length);
    // Each blob is the part file itself under a second name.
    for (const file of files) expect((await stat(file)).nlink).toBe(2);

    expect((await readRange(store, 'public/big.bin')).equals(whole)).toBe(true);
    const boundary = (parts[0] as Buffer).length;
    const ranges = [
      { start: boundary - 1, end: boundary }, // the last byte of part 1 and the first of part 2
      { start: boundary - 10, end: boundary + 5 + 10 }, // part 1's tail, all of part 2, part 4's head
      { start: boundary + 2, end: boundary + 3 }, // inside part 2
      { start: 0, end: whole.length - 1 },
      { start: whole.length - 1, end: whole.length - 1 },
      { start: 12_345, end: (3 << 20) - 1 },
    ];
    for (const range of ranges) {
      const got = await readRange(store, 'public/big.bin', range);
      expect(got.equals(whole.subarray(range.start, range.end + 1)), JSON.stringify(range)).toBe(true);
    }
  });

  it('keeps every part blob across a restart once the upload is gone', async () => {
    const store = new ObjectStore(root);
    await store.open();
    await store.commitParts(await partFiles(parts), meta('public/kept.bin', parts));
    await rm(partsDir, { recursive: true });

    const reopened = new ObjectStore(root);
    await reopened.open();
    expect(await readdir(join(root, 'data'))).toHaveLength(parts.length);
    expect((await readRange(reopened, 'public/kept.bin')).equals(whole)).toBe(true);
  });

  it('frees every part blob when the version is removed', async () => {
    const store = new ObjectStore(root);
    await store.open();
    const single = store.newTempFile();
    await writeFile(single, 'one piece');
    const kept = await store.commit(single, { ...meta('public/v.bin', []), size: 9 });
    const multipart = await store.commitParts(await partFiles(parts), meta('public/v.bin', parts));
    expect(await readdir(join(root, 'data'))).toHaveLength(1 + parts.length);

    await store.deleteVersion('public/v.bin', multipart.versionId);
    expect(await readdir(join(root, 'data'))).toEqual([kept.blob]);
    expect((await readRange(store, 'public/v.bin')).toString()).toBe('one piece');
  });

  it('streams an open read whole when its version is removed meanwhile', async () => {
    const store = new ObjectStore(root);
    await store.open();
    const stored = await store.commitParts(await partFiles(parts), meta('public/gone.bin', parts));
    await rm(partsDir, { recursive: true });
    const opened = await store.read('public/gone.bin');
    if (!opened) throw new Error('public/gone.bin has no object');
    await store.deleteVersion('public/gone.bin', stored.versionId);
    expect(await readdir(join(root, 'data'))).toEqual([]);
    expect((await buffer(opened.stream)).equals(whole)).toBe(true);
  });
});
