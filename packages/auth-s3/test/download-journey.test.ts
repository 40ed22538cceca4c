/*
 * `files.download`, `files.createFolder` and `files.removeFolder` against the emulator over real
 * HTTP: a 20 MiB object streamed back byte for byte with progress, a missing key rejected with
 * NotFoundError before any byte, an abort mid-stream erroring the stream with AbortedError, and a
 * folder marker that lists as a folder and goes away again.
 */
import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuthS3 } from '../src/create-auth-s3.js';
import { AbortedError, NotFoundError } from '../src/errors.js';
import { memoryStorage } from '../src/token-storage.js';
import type { AuthS3, UploadProgress } from '../src/types.js';
import { type JourneyTarget, startTarget } from './journey-target.js';

const MIB = 1024 * 1024;
const PASSWORD = 'Corr3ct-horse!';
let target: JourneyTarget;
let lib: AuthS3;
let folder: string;

beforeAll(async () => {
  target = await startTarget();
  lib = createAuthS3(target.config, { storage: memoryStorage(), clock: target.clock });
  await lib.auth.signIn(await target.createUser('download', PASSWORD), PASSWORD);
  // Its own folder under public/, so runs against a shared stack do not meet.
  folder = target.newFolder('download').replace(/^public\//, '');
});
afterAll(() => target?.stop());

async function readAll(stream: ReadableStream<Uint8Array>): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of stream as unknown as AsyncIterable<Uint8Array>) chunks.push(chunk);
  return Buffer.concat(chunks);
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe('files.download', () => {
  it('streams a 20 MiB object back byte for byte, reporting progress up to its size', async () => {
    const data = randomBytes(20 * MIB);
    await lib.files.upload(data, `${folder}big/download.bin`);
    const progress: UploadProgress[] = [];
    const stream = await lib.files.download(`${folder}big/download.bin`, {
      onProgress: (p) => progress.push(p),
    });
    const bytes = await readAll(stream);
    expect(bytes.length).toBe(data.length);
    expect(sha256(bytes)).toBe(sha256(data));
    expect(progress[0]).toEqual({ loaded: 0, total: data.length });
    expect(progress.at(-1)).toEqual({ loaded: data.length, total: data.length });
    expect(progress.length).toBeGreaterThan(2);
  });

  it('rejects with NotFoundError for a missing key, before any byte', async () => {
    await expect(lib.files.download(`${folder}missing/none.bin`)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('errors the stream with AbortedError when the signal aborts mid-stream', async () => {
    await lib.files.upload(randomBytes(12 * MIB), `${folder}big/abort.bin`);
    const controller = new AbortController();
    const stream = await lib.files.download(`${folder}big/abort.bin`, { signal: controller.signal });
    const reader = stream.getReader();
    await reader.read();
    controller.abort();
    await expect(reader.read()).rejects.toBeInstanceOf(AbortedError);
    await expect(
      lib.files.download(`${folder}big/abort.bin`, { signal: controller.signal }),
    ).rejects.toBeInstanceOf(AbortedError);
  });
});

describe('files.createFolder and removeFolder', () => {
  it('creates a folder marker that lists as a folder, and removes it', async () => {
    const created = await lib.files.createFolder(`${folder}empty-folder`);
    expect(created).toEqual({
      path: `${folder}empty-folder/`,
      prefix: `public/${folder}empty-folder/`,
      name: 'empty-folder',
    });
    const listed = await lib.files.list({ path: folder });
    expect(listed.folders.map((f) => f.path)).toContain(`${folder}empty-folder/`);
    expect((await lib.files.list({ path: `${folder}empty-folder/` })).items).toEqual([]);
    await lib.files.removeFolder(`${folder}empty-folder/`);
    expect((await lib.files.list({ path: folder })).folders.map((f) => f.path)).not.toContain(
      `${folder}empty-folder/`,
    );
  });
});
