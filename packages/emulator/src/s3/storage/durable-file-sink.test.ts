/*
 * DurableFileSink: the file holds exactly the bytes streamed in (chunks batched by writev), disk
 * flushes start while the stream is still arriving, an existing file is never overwritten, and a
 * failed stream leaves its descriptor closed.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, open, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DurableFileSink } from './durable-file-sink.js';

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'auth-s3-sink-'));
});
afterEach(async () => {
  vi.restoreAllMocks();
  await rm(dir, { recursive: true, force: true });
});

async function fileHandlePrototype(): Promise<object> {
  const probe = await open(join(dir, 'probe'), 'w');
  await probe.close();
  return Object.getPrototypeOf(probe) as object;
}

describe('DurableFileSink', () => {
  it('writes every byte in order and flushes to disk while the stream is still arriving', async () => {
    const proto = (await fileHandlePrototype()) as { datasync(): Promise<void>; sync(): Promise<void> };
    const datasync = vi.spyOn(proto, 'datasync');
    const sync = vi.spyOn(proto, 'sync');
    // 20 MiB in uneven chunks: several background flushes, then the final fsync.
    const chunks: Buffer[] = [];
    for (let size = 0; size < 20 << 20; ) {
      const chunk = randomBytes(1 + Math.floor(Math.random() * (256 << 10)));
      chunks.push(chunk);
      size += chunk.length;
    }
    const path = join(dir, 'object');
    await pipeline(Readable.from(chunks), new DurableFileSink(path));
    const expected = createHash('sha256');
    for (const chunk of chunks) expected.update(chunk);
    expect(
      createHash('sha256')
        .update(await readFile(path))
        .digest('hex'),
    ).toBe(expected.digest('hex'));
    expect(datasync.mock.calls.length).toBeGreaterThanOrEqual(2);
    expect(sync).toHaveBeenCalledTimes(1);
  });

  it('refuses to overwrite an existing file', async () => {
    const path = join(dir, 'taken');
    await writeFile(path, 'already here');
    await expect(
      pipeline(Readable.from([Buffer.from('new')]), new DurableFileSink(path)),
    ).rejects.toMatchObject({
      code: 'EEXIST',
    });
    expect(await readFile(path, 'utf8')).toBe('already here');
  });

  it('closes its file when the incoming stream fails', async () => {
    const openFiles = async () => (await readdir('/proc/self/fd')).length;
    const before = await openFiles();
    const failing = new Readable({
      read() {
        this.push(randomBytes(1 << 20));
        this.destroy(new Error('connection dropped'));
      },
    });
    await expect(pipeline(failing, new DurableFileSink(join(dir, 'dropped')))).rejects.toThrow(
      'connection dropped',
    );
    await vi.waitFor(async () => expect(await openFiles()).toBe(before));
  });
});
