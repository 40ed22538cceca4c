/*
 * uploadObject over a mocked S3 client: one PUT up to the threshold, parallel multipart above it
 * with ordered parts and progress, and clean-up (AbortMultipartUpload + ListParts check) on abort
 * and on a failed part. The emulator suite repeats the abort case over real HTTP.
 */
import { mkdtemp, open, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  DeleteObjectCommand,
  HeadObjectCommand,
  ListPartsCommand,
  NoSuchUpload,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { AbortedError, AccessDeniedError, FileChangedError } from '../errors.js';
import type { UploadProgress } from '../types.js';
import { MIB, uploadObject } from './upload-object.js';
import { toUploadSource } from './upload-source.js';

const s3Mock = mockClient(S3Client);
const s3 = new S3Client({ region: 'us-east-1' });
const target = { bucket: 'b', key: 'public/file.bin' };
const tuning = { threshold: 5 * MIB, partSize: 5 * MIB, concurrency: 2 };

function bytes(size: number): Uint8Array {
  const data = new Uint8Array(size);
  for (let i = 0; i < size; i++) data[i] = i % 251;
  return data;
}

function mockMultipart(partDelayMs = 0) {
  s3Mock.on(CreateMultipartUploadCommand).resolves({ UploadId: 'up-1' });
  s3Mock.on(UploadPartCommand).callsFake(async (input: { PartNumber: number }) => {
    // Later parts finish first, so the parts list must be sorted before completing.
    await new Promise((r) => setTimeout(r, partDelayMs * (5 - input.PartNumber)));
    return { ETag: `"etag-${input.PartNumber}"` };
  });
  s3Mock.on(CompleteMultipartUploadCommand).resolves({ ETag: '"final-3"' });
  s3Mock.on(AbortMultipartUploadCommand).resolves({});
  s3Mock
    .on(ListPartsCommand)
    .rejects(new NoSuchUpload({ message: 'gone', $metadata: { httpStatusCode: 404 } }));
}

beforeEach(() => s3Mock.reset());

/**
 * An S3 over a network that behaves like the real one: a client may stop waiting for a write
 * (its abortSignal), but the server still stores it when it is released. Records what the server did.
 */
function networkS3(partsToWaitFor: number) {
  const events: string[] = [];
  const release: Array<() => void> = [];
  let allSent: () => void = () => {};
  const sent = new Promise<void>((resolve) => {
    allSent = resolve;
  });
  const write = (label: string, etag: string, abortSignal?: AbortSignal) =>
    new Promise<{ ETag: string }>((resolve, reject) => {
      release.push(() => {
        events.push(`stored ${label}`);
        resolve({ ETag: etag });
      });
      if (release.length === partsToWaitFor) allSent();
      abortSignal?.addEventListener('abort', () =>
        reject(Object.assign(new Error('The operation was aborted'), { name: 'AbortError' })),
      );
    });
  const send = async (
    command: { input: Record<string, unknown> },
    options?: { abortSignal?: AbortSignal },
  ) => {
    if (command instanceof CreateMultipartUploadCommand) return { UploadId: 'up-net' };
    if (command instanceof UploadPartCommand) {
      return write(
        `part ${command.input.PartNumber}`,
        `"e${command.input.PartNumber}"`,
        options?.abortSignal,
      );
    }
    if (command instanceof PutObjectCommand) return write('object', '"put"', options?.abortSignal);
    if (command instanceof AbortMultipartUploadCommand) {
      events.push('aborted upload');
      return {};
    }
    if (command instanceof ListPartsCommand) {
      throw new NoSuchUpload({ message: 'gone', $metadata: { httpStatusCode: 404 } });
    }
    if (command instanceof HeadObjectCommand) return { ETag: '"put"' };
    if (command instanceof DeleteObjectCommand) {
      events.push('deleted object');
      return {};
    }
    throw new Error(`unexpected ${command.constructor.name}`);
  };
  return { s3: { send } as unknown as S3Client, events, release, sent };
}

describe('uploadObject', () => {
  it('uses one PUT up to the threshold, with start and end progress', async () => {
    s3Mock.on(PutObjectCommand).resolves({ ETag: '"abc"' });
    const progress: UploadProgress[] = [];
    const result = await uploadObject(s3, target, toUploadSource('hello'), {
      ...tuning,
      onProgress: (p) => progress.push(p),
    });
    expect(result).toEqual({ etag: '"abc"', size: 5 });
    const input = s3Mock.commandCalls(PutObjectCommand)[0]?.args[0].input;
    expect(input?.ContentType).toBe('text/plain; charset=utf-8');
    expect(new TextDecoder().decode(input?.Body as Uint8Array)).toBe('hello');
    expect(progress).toEqual([
      { loaded: 0, total: 5 },
      { loaded: 5, total: 5 },
    ]);
    expect(s3Mock.commandCalls(CreateMultipartUploadCommand)).toHaveLength(0);
  });

  it('uploads a Blob above the threshold in ordered parts and reports progress per part', async () => {
    mockMultipart(5);
    const data = bytes(12 * MIB);
    const progress: number[] = [];
    const result = await uploadObject(
      s3,
      target,
      toUploadSource(new Blob([data as Uint8Array<ArrayBuffer>])),
      {
        ...tuning,
        contentType: 'application/x-test',
        onProgress: (p) => progress.push(p.loaded),
      },
    );
    expect(result).toEqual({ etag: '"final-3"', size: 12 * MIB });
    const parts = s3Mock.commandCalls(UploadPartCommand).map((call) => call.args[0].input);
    expect(parts.map((p) => (p.Body as Uint8Array).length)).toEqual([5 * MIB, 5 * MIB, 2 * MIB]);
    expect((parts[2]?.Body as Uint8Array | undefined)?.[0]).toBe(data[10 * MIB]);
    const complete = s3Mock.commandCalls(CompleteMultipartUploadCommand)[0]?.args[0].input;
    expect(complete?.MultipartUpload?.Parts?.map((p) => p.PartNumber)).toEqual([1, 2, 3]);
    expect(s3Mock.commandCalls(CreateMultipartUploadCommand)[0]?.args[0].input.ContentType).toBe(
      'application/x-test',
    );
    expect(progress[0]).toBe(0);
    expect(progress.at(-1)).toBe(12 * MIB);
    expect(progress).toHaveLength(4);
  });

  it('re-chunks a Node stream of unknown length into parts', async () => {
    mockMultipart();
    const chunks = Array.from({ length: 11 }, () => Buffer.from(bytes(MIB)));
    const result = await uploadObject(s3, target, toUploadSource(Readable.from(chunks)), tuning);
    expect(result.size).toBe(11 * MIB);
    const sizes = s3Mock
      .commandCalls(UploadPartCommand)
      .map((c) => (c.args[0].input.Body as Uint8Array).length);
    expect(sizes).toEqual([5 * MIB, 5 * MIB, MIB]);
  });

  it('sends a short stream in one PUT', async () => {
    s3Mock.on(PutObjectCommand).resolves({ ETag: '"s"' });
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new Uint8Array([1, 2]));
        controller.enqueue(new Uint8Array([3]));
        controller.close();
      },
    });
    expect(await uploadObject(s3, target, toUploadSource(stream), tuning)).toEqual({ etag: '"s"', size: 3 });
  });

  it('on abort: stops, aborts the multipart upload, checks it is gone, and completes nothing', async () => {
    mockMultipart(20);
    const controller = new AbortController();
    const promise = uploadObject(s3, target, toUploadSource(bytes(20 * MIB)), {
      ...tuning,
      signal: controller.signal,
      onProgress: (p) => {
        if (p.loaded > 0) controller.abort();
      },
    });
    await expect(promise).rejects.toBeInstanceOf(AbortedError);
    expect(s3Mock.commandCalls(AbortMultipartUploadCommand)[0]?.args[0].input).toEqual({
      Bucket: 'b',
      Key: target.key,
      UploadId: 'up-1',
    });
    expect(s3Mock.commandCalls(ListPartsCommand)).toHaveLength(1);
    expect(s3Mock.commandCalls(CompleteMultipartUploadCommand)).toHaveLength(0);
    expect(s3Mock.commandCalls(UploadPartCommand).length).toBeLessThan(4);
  });

  it('on abort, waits for S3 to answer every part in flight before aborting the upload', async () => {
    const net = networkS3(3);
    const controller = new AbortController();
    const promise = uploadObject(net.s3, target, toUploadSource(bytes(15 * MIB)), {
      ...tuning,
      concurrency: 4,
      signal: controller.signal,
      onProgress: (p) => {
        if (p.loaded > 0) controller.abort();
      },
    });
    await net.sent;
    net.release[0]?.(); // part 1 is stored; its progress event aborts
    await new Promise((resolve) => setImmediate(resolve));
    net.release[1]?.();
    net.release[2]?.();
    await expect(promise).rejects.toBeInstanceOf(AbortedError);
    // Cut-off parts would still have been stored after the abort, leaving them behind.
    expect(net.events).toEqual(['stored part 1', 'stored part 2', 'stored part 3', 'aborted upload']);
  });

  it('on abort during a single PUT, waits for its answer and deletes what S3 stored', async () => {
    const net = networkS3(1);
    const controller = new AbortController();
    const promise = uploadObject(net.s3, target, toUploadSource('hello'), { signal: controller.signal });
    await net.sent;
    controller.abort();
    await new Promise((resolve) => setImmediate(resolve));
    net.release[0]?.();
    await expect(promise).rejects.toBeInstanceOf(AbortedError);
    expect(net.events).toEqual(['stored object', 'deleted object']);
  });

  it('reports a cancelled single PUT that then failed as AbortedError, with the failure as cause', async () => {
    const controller = new AbortController();
    const failure = Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
    s3Mock.on(PutObjectCommand).callsFake(async () => {
      controller.abort();
      throw failure;
    });
    const error = await uploadObject(s3, target, toUploadSource('x'), { signal: controller.signal }).catch(
      (e) => e,
    );
    expect(error).toBeInstanceOf(AbortedError);
    expect(error.cause).toBe(failure);
  });

  it('closes a Node stream source when an upload stops early', async () => {
    mockMultipart();
    const stream = Readable.from(Array.from({ length: 30 }, () => Buffer.from(bytes(MIB))));
    const controller = new AbortController();
    await expect(
      uploadObject(s3, target, toUploadSource(stream), {
        ...tuning,
        signal: controller.signal,
        onProgress: (p) => {
          if (p.loaded > 0) controller.abort();
        },
      }),
    ).rejects.toBeInstanceOf(AbortedError);
    // A file stream left open would hold its descriptor until the process exits.
    expect(stream.destroyed).toBe(true);
  });

  it('aborts an upload S3 created while the caller was cancelling', async () => {
    mockMultipart();
    const controller = new AbortController();
    s3Mock.on(CreateMultipartUploadCommand).callsFake(async () => {
      controller.abort();
      return { UploadId: 'up-late' };
    });
    await expect(
      uploadObject(s3, target, toUploadSource(bytes(11 * MIB)), { ...tuning, signal: controller.signal }),
    ).rejects.toBeInstanceOf(AbortedError);
    expect(s3Mock.commandCalls(UploadPartCommand)).toHaveLength(0);
    expect(s3Mock.commandCalls(AbortMultipartUploadCommand)[0]?.args[0].input.UploadId).toBe('up-late');
  });

  it('aborts the multipart upload when a part is denied, and reports AccessDeniedError', async () => {
    mockMultipart();
    s3Mock.on(UploadPartCommand).rejects(
      new S3ServiceException({
        name: 'AccessDenied',
        $fault: 'client',
        message: 'no',
        $metadata: { httpStatusCode: 403 },
      }),
    );
    await expect(uploadObject(s3, target, toUploadSource(bytes(11 * MIB)), tuning)).rejects.toBeInstanceOf(
      AccessDeniedError,
    );
    expect(s3Mock.commandCalls(AbortMultipartUploadCommand)).toHaveLength(1);
    expect(s3Mock.commandCalls(CompleteMultipartUploadCommand)).toHaveLength(0);
  });

  it('aborts again when ListParts still shows parts after the first abort', async () => {
    mockMultipart();
    s3Mock
      .on(ListPartsCommand)
      .resolvesOnce({ Parts: [{ PartNumber: 1 }] })
      .rejects(new NoSuchUpload({ message: 'gone', $metadata: { httpStatusCode: 404 } }));
    s3Mock.on(CompleteMultipartUploadCommand).rejects(new Error('boom'));
    await expect(uploadObject(s3, target, toUploadSource(bytes(11 * MIB)), tuning)).rejects.toThrow(/boom/);
    expect(s3Mock.commandCalls(AbortMultipartUploadCommand)).toHaveLength(2);
  });

  it('takes back a single PUT that finished as the abort came in, if the object is still ours', async () => {
    const controller = new AbortController();
    s3Mock.on(PutObjectCommand).callsFake(async () => {
      controller.abort();
      return { ETag: '"ours"' };
    });
    s3Mock.on(HeadObjectCommand).resolves({ ETag: '"ours"' });
    s3Mock.on(DeleteObjectCommand).resolves({});
    await expect(
      uploadObject(s3, target, toUploadSource('x'), { signal: controller.signal }),
    ).rejects.toBeInstanceOf(AbortedError);
    expect(s3Mock.commandCalls(DeleteObjectCommand)[0]?.args[0].input).toEqual({
      Bucket: 'b',
      Key: target.key,
    });
  });

  it('sends an open file in parts without rewriting a part while its request is in flight', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'auth-s3-upload-'));
    const data = bytes(23 * MIB);
    await writeFile(join(dir, 'f.bin'), data);
    const handle = await open(join(dir, 'f.bin'), 'r');
    s3Mock.on(CreateMultipartUploadCommand).resolves({ UploadId: 'up-1' });
    s3Mock.on(CompleteMultipartUploadCommand).resolves({ ETag: '"f"' });
    s3Mock.on(AbortMultipartUploadCommand).resolves({});
    s3Mock
      .on(ListPartsCommand)
      .rejects(new NoSuchUpload({ message: 'gone', $metadata: { httpStatusCode: 404 } }));
    const sent: Uint8Array[] = [];
    const buffers = new Set<ArrayBufferLike>();
    s3Mock.on(UploadPartCommand).callsFake(async (input: { PartNumber: number; Body: Uint8Array }) => {
      const atSend = new Uint8Array(input.Body);
      buffers.add(input.Body.buffer);
      await new Promise((r) => setTimeout(r, 10 * (input.PartNumber % 3)));
      // The bytes S3 receives are the ones there when the request went out.
      if (Buffer.compare(input.Body, atSend) !== 0)
        throw new Error(`part ${input.PartNumber} was rewritten in flight`);
      sent[input.PartNumber - 1] = atSend;
      return { ETag: `"e${input.PartNumber}"` };
    });
    try {
      const result = await uploadObject(s3, target, toUploadSource(handle), tuning);
      expect(result.size).toBe(23 * MIB);
      const joined = new Uint8Array(23 * MIB);
      let offset = 0;
      for (const part of sent) {
        joined.set(part, offset);
        offset += part.length;
      }
      expect(offset).toBe(23 * MIB);
      expect(Buffer.compare(joined, data)).toBe(0);
      // Five parts through two requests at a time: buffers are reused, not one per part.
      expect(buffers.size).toBeLessThan(5);
    } finally {
      await handle.close();
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('aborts the multipart upload with FileChangedError when the file shrinks mid-upload', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'auth-s3-upload-'));
    const path = join(dir, 'f.bin');
    await writeFile(path, bytes(16 * MIB));
    const handle = await open(path, 'r');
    mockMultipart();
    s3Mock.on(UploadPartCommand).callsFake(async (input: { PartNumber: number }) => {
      if (input.PartNumber === 1) await truncate(path, 7 * MIB);
      return { ETag: `"e${input.PartNumber}"` };
    });
    try {
      await expect(
        uploadObject(s3, target, toUploadSource(handle), { ...tuning, concurrency: 1 }),
      ).rejects.toBeInstanceOf(FileChangedError);
      expect(s3Mock.commandCalls(AbortMultipartUploadCommand)).toHaveLength(1);
      expect(s3Mock.commandCalls(CompleteMultipartUploadCommand)).toHaveLength(0);
    } finally {
      await handle.close();
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('does not start when the signal is already aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(
      uploadObject(s3, target, toUploadSource('x'), { signal: controller.signal }),
    ).rejects.toBeInstanceOf(AbortedError);
    expect(s3Mock.calls()).toHaveLength(0);
  });
});
