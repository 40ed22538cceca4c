/*
 * Unit test of fileSource over real files: an open file handle is read part by part at each
 * part's offset, into buffers handed back once a part is stored, and a file that changes while it
 * is read fails with FileChangedError instead of uploading a mix of old and new bytes.
 */
import { appendFile, mkdtemp, open, rm, truncate, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FileChangedError } from '../errors.js';
import { fileSource, isUploadData, MAX_PARTS, partSizeFor, toUploadSource } from './upload-source.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'auth-s3-file-source-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function fileWith(bytes: Uint8Array) {
  const path = join(dir, 'data.bin');
  await writeFile(path, bytes);
  return { path, handle: await open(path, 'r') };
}

const data = Uint8Array.from({ length: 10 }, (_, i) => i + 1);

describe('fileSource', () => {
  it('reads exact parts at their offsets, the last one short, and knows the size once read', async () => {
    const { handle } = await fileWith(data);
    try {
      const source = toUploadSource(handle);
      expect(isUploadData(handle)).toBe(true);
      const parts: number[][] = [];
      for await (const part of source.parts(4)) parts.push([...(part as Uint8Array)]);
      expect(parts).toEqual([
        [1, 2, 3, 4],
        [5, 6, 7, 8],
        [9, 10],
      ]);
      expect(source.size).toBe(10);
    } finally {
      await handle.close();
    }
  });

  it('yields one empty part for an empty file', async () => {
    const { handle } = await fileWith(new Uint8Array(0));
    try {
      const parts = [];
      for await (const part of fileSource(handle).parts(4)) parts.push(part);
      expect(parts).toHaveLength(1);
      expect((parts[0] as Uint8Array).length).toBe(0);
    } finally {
      await handle.close();
    }
  });

  it('reads a later part into the buffer of a released one, and only then', async () => {
    const { handle } = await fileWith(new Uint8Array(12).fill(7));
    try {
      const source = fileSource(handle);
      const parts = source.parts(4)[Symbol.asyncIterator]();
      const first = (await parts.next()).value as Uint8Array<ArrayBuffer>;
      const second = (await parts.next()).value as Uint8Array<ArrayBuffer>;
      expect(second.buffer).not.toBe(first.buffer);
      source.release?.(first);
      const third = (await parts.next()).value as Uint8Array;
      expect(third.buffer).toBe(first.buffer);
      expect([...third]).toEqual([7, 7, 7, 7]);
    } finally {
      await handle.close();
    }
  });

  it('raises the part size of a file too big for 10,000 parts to whole MiB', async () => {
    const { path, handle } = await fileWith(new Uint8Array(0));
    try {
      // Sparse: 80 GiB on paper, nothing on disk; 8 MiB parts would need 10,240 of them.
      await truncate(path, 80 * 1024 ** 3);
      const parts = fileSource(handle)
        .parts(8 * 1024 ** 2)
        [Symbol.asyncIterator]();
      const first = (await parts.next()).value as Uint8Array;
      expect(first.length).toBe(9 * 1024 ** 2);
      await parts.return?.();
    } finally {
      await handle.close();
    }
  });

  it('throws FileChangedError when the file is cut short while it is read', async () => {
    const { path, handle } = await fileWith(new Uint8Array(12));
    try {
      const parts = fileSource(handle).parts(4)[Symbol.asyncIterator]();
      await parts.next();
      await truncate(path, 6);
      const error = await parts.next().then(
        () => parts.next(),
        (e) => e,
      );
      expect(error).toBeInstanceOf(FileChangedError);
      expect((error as Error).message).toMatch(/ended at 6 bytes; it had 12/);
    } finally {
      await handle.close();
    }
  });

  it('throws FileChangedError when the file grows before its last part is read', async () => {
    const { path, handle } = await fileWith(new Uint8Array(8));
    try {
      const parts = fileSource(handle).parts(4)[Symbol.asyncIterator]();
      await parts.next();
      await appendFile(path, new Uint8Array(3));
      await expect(parts.next()).rejects.toThrow(FileChangedError);
    } finally {
      await handle.close();
    }
  });

  it('throws FileChangedError when the file is rewritten in place (same size, new time)', async () => {
    const { path, handle } = await fileWith(new Uint8Array(8));
    try {
      const parts = fileSource(handle).parts(4)[Symbol.asyncIterator]();
      await parts.next();
      await utimes(path, new Date(), new Date(Date.now() + 60_000));
      await expect(parts.next()).rejects.toThrow(/written to while it was read/);
    } finally {
      await handle.close();
    }
  });
});

describe('partSizeFor', () => {
  const mib = 1024 ** 2;
  it('keeps the part size while the parts fit in 10,000, and raises it to whole MiB past that', () => {
    expect(partSizeFor(undefined, 8 * mib)).toBe(8 * mib);
    expect(partSizeFor(8 * mib * MAX_PARTS, 8 * mib)).toBe(8 * mib);
    expect(partSizeFor(8 * mib * MAX_PARTS + 1, 8 * mib)).toBe(9 * mib);
    expect(Math.ceil((500 * 1024 ** 3) / partSizeFor(500 * 1024 ** 3, 8 * mib))).toBeLessThanOrEqual(
      MAX_PARTS,
    );
  });
});
