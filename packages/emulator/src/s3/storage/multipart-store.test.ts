/*
 * MultipartStore under concurrency: parts that finish arriving while their upload is aborted must
 * never outlive the upload (the race a cancelling client produces when it waits for no answers).
 */
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
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

async function tempPart(n: number): Promise<string> {
  const file = join(tmp, `incoming-${n}`);
  await writeFile(file, `part ${n}`);
  return file;
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
});
