/*
 * DurableFileSink: the file holds exactly the bytes streamed in (chunks gathered into writevs of a
 * MiB or more), disk flushes start while the stream is still arriving and the last one is not
 * repeated, an existing file is never overwritten, and a
 * failed stream leaves its descriptor closed.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, open, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DurableFileSink, WRITE_AT_LEAST } from './durable-file-sink.js';

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
    // 20 MiB in uneven chunks: two background flushes, then the final one for the last 4 MiB.
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
    expect(datasync).toHaveBeenCalledTimes(3);
    expect(sync).not.toHaveBeenCalled();
  });

  it('skips the final flush when a background one already covers every byte', async () => {
    const proto = (await fileHandlePrototype()) as { datasync(): Promise<void> };
    const datasync = vi.spyOn(proto, 'datasync');
    // 8 MiB, a multipart upload's usual part: the flush the last write starts is the only one.
    const chunks = Array.from({ length: 128 }, () => randomBytes(64 << 10));
    await pipeline(Readable.from(chunks), new DurableFileSink(join(dir, 'part')));
    expect(datasync).toHaveBeenCalledTimes(1);
    expect((await readFile(join(dir, 'part'))).equals(Buffer.concat(chunks))).toBe(true);
  });

  it('gathers socket-sized chunks into writes of at least WRITE_AT_LEAST bytes', async () => {
    const proto = (await fileHandlePrototype()) as { writev(buffers: Buffer[]): Promise<unknown> };
    const writev = vi.spyOn(proto, 'writev');
    const chunks = Array.from({ length: 100 }, () => randomBytes(64 << 10));
    await pipeline(Readable.from(chunks), new DurableFileSink(join(dir, 'gathered')));
    const sizes = writev.mock.calls.map(([buffers]) => buffers.reduce((n, b) => n + b.length, 0));
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(100 * (64 << 10));
    for (const size of sizes.slice(0, -1)) expect(size).toBeGreaterThanOrEqual(WRITE_AT_LEAST);
    expect(sizes.length).toBeLessThanOrEqual(Math.ceil((100 * (64 << 10)) / WRITE_AT_LEAST));
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
