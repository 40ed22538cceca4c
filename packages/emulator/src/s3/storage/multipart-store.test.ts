/*
 * MultipartStore under concurrency: parts that finish arriving while their upload is aborted must
 * never outlive the upload (the race a cancelling client produces when it waits for no answers).
 * Across a restart (a new store on the same directory) the disk is the truth: parts come back, a
 * record whose blob never landed is no part, and an upload read while it is aborted stays gone.
 */
import { mkdir, mkdtemp, readdir, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MultipartStore } from './multipart-store.js';

let root: string;
let tmp: string;
let store: MultipartStore;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'auth-s3-mpu-'));
  tmp = join(root, 'tmp');
  await mkdir(tmp);
  store = new MultipartStore(root, tmp);
  await store.open();
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

async function tempPart(n: number, body = `part ${n}`): Promise<string> {
  const file = join(tmp, `incoming-${n}-${Math.random()}`);
  await writeFile(file, body);
  return file;
}

function newUpload(on = store) {
  return on.create({
    key: 'public/big.bin',
    initiated: Date.now(),
    contentType: 'application/octet-stream',
    headers: {},
    userMetadata: {},
  });
}

/** A new store on the same directory, as after a restart. */
async function reopened(): Promise<MultipartStore> {
  const again = new MultipartStore(root, tmp);
  await again.open();
  return again;
}

describe('MultipartStore', () => {
  it('leaves nothing behind when parts land while the upload is aborted', async () => {
    for (let round = 0; round < 20; round++) {
      const upload = await store.create({
        key: 'public/big.bin',
        initiated: Date.now(),
        contentType: 'application/octet-stream',
        headers: {},
        userMetadata: {},
      });
      const temps = await Promise.all([1, 2, 3, 4, 5, 6].map((n) => tempPart(n)));
      const parts = temps.map((temp, i) =>
        store.putPart(upload, temp, { partNumber: i + 1, etag: 'e', size: 6, lastModified: 0 }),
      );
      const abort = store.exclusive(upload.uploadId, () => store.remove(upload.uploadId));
      const outcomes = await Promise.allSettled([...parts, abort]);

      expect(outcomes.at(-1)?.status).toBe('fulfilled');
      for (const outcome of outcomes.slice(0, -1)) {
        if (outcome.status === 'rejected') expect(outcome.reason).toMatchObject({ code: 'NoSuchUpload' });
      }
      expect(await readdir(join(root, 'uploads'))).toEqual([]);
    }
  });

  it('answers NoSuchUpload for a part sent after the upload was aborted', async () => {
    const upload = await store.create({
      key: 'public/a.bin',
      initiated: Date.now(),
      contentType: 'application/octet-stream',
      headers: {},
      userMetadata: {},
    });
    await store.exclusive(upload.uploadId, () => store.remove(upload.uploadId));
    await expect(
      store.putPart(upload, await tempPart(1), { partNumber: 1, etag: 'e', size: 6, lastModified: 0 }),
    ).rejects.toMatchObject({ code: 'NoSuchUpload' });
    expect(await readdir(join(root, 'uploads'))).toEqual([]);
  });

  it('finds the parts a previous process stored, and replaces one whole', async () => {
    const upload = await newUpload();
    await store.putPart(upload, await tempPart(1), { partNumber: 1, etag: 'a', size: 6, lastModified: 0 });
    await store.putPart(upload, await tempPart(2), { partNumber: 2, etag: 'b', size: 6, lastModified: 0 });

    const after = await reopened();
    const again = await after.get(upload.uploadId, upload.key);
    expect((await after.listParts(again)).map((p) => [p.partNumber, p.etag])).toEqual([
      [1, 'a'],
      [2, 'b'],
    ]);
    await after.putPart(again, await tempPart(1, 'part one, again'), {
      partNumber: 1,
      etag: 'c',
      size: 15,
      lastModified: 1,
    });
    expect((await after.listParts(again)).map((p) => [p.partNumber, p.etag])).toEqual([
      [1, 'c'],
      [2, 'b'],
    ]);
    // The replaced part's blob is gone: one blob per part.
    const blobs = (await readdir(join(root, 'uploads', upload.uploadId))).filter((f) => f.endsWith('.blob'));
    expect(blobs.sort()).toHaveLength(2);
    expect(blobs.filter((b) => b.startsWith('part-1-'))).toHaveLength(1);
  });

  it('drops a part record whose blob is missing when it reads an upload from disk', async () => {
    const upload = await newUpload();
    await store.putPart(upload, await tempPart(1), { partNumber: 1, etag: 'a', size: 6, lastModified: 0 });
    const two = await store.putPart(upload, await tempPart(2), {
      partNumber: 2,
      etag: 'b',
      size: 6,
      lastModified: 0,
    });
    // What a crash would leave if the file system kept the record's rename but not the blob's.
    await unlink(store.partPath(upload, two));

    const after = await reopened();
    const parts = await after.listParts(await after.get(upload.uploadId, upload.key));
    expect(parts.map((p) => p.partNumber)).toEqual([1]);
  });

  it('does not bring back an upload that is aborted while it is read from disk', async () => {
    for (let round = 0; round < 20; round++) {
      const upload = await newUpload();
      await store.putPart(upload, await tempPart(1), { partNumber: 1, etag: 'a', size: 6, lastModified: 0 });
      const after = await reopened();
      // Not yet in the new store's memory: this get reads the disk while the abort removes it.
      const reading = after.get(upload.uploadId, upload.key).catch(() => undefined);
      await after.exclusive(upload.uploadId, () => after.remove(upload.uploadId));
      await reading;
      await expect(after.get(upload.uploadId, upload.key)).rejects.toMatchObject({ code: 'NoSuchUpload' });
      await expect(after.listParts(upload)).rejects.toMatchObject({ code: 'NoSuchUpload' });
    }
  });
});
