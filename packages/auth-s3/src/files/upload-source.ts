/*
 * Turns every accepted upload body (Blob/File, Uint8Array, ArrayBuffer, string, Node readable or
 * web ReadableStream, an open Node file handle) into parts of a fixed size, read lazily so a large
 * File or stream is never held in memory whole. Known sizes are reported up front (a file handle's
 * once its first part is read); streams report what they have read.
 * In browsers a Blob's parts stay Blob slices: `fetch` sends a Blob by reference, while a byte
 * array body is copied on the page's main thread (about 0.4 s per 8 MiB part in Chromium, with
 * every other part waiting), which made the web app's uploads ten times slower than a presigned
 * PUT. Node's HTTP client takes bytes only, so there a part is read into memory: from a file
 * handle with one positional read per part straight into the buffer that is sent (a file-backed
 * Blob's bytes arrive in 64 KiB chunks that are then copied together, and a stream's are copied
 * into each part).
 */
import { FileChangedError, InvalidParameterError } from '../errors.js';
import type { UploadData, UploadFileHandle } from '../types.js';

/** What `upload()` accepts, for the message when it gets something else. */
export const UPLOAD_DATA_KINDS =
  'a File, Blob, Uint8Array, ArrayBuffer, string, a Node or web readable stream, or an open file handle';

/** One part's body: bytes, or (in browsers) a slice of the Blob being uploaded. */
export type PartBody = Uint8Array<ArrayBuffer> | Blob;

/** S3's most parts in one multipart upload (S3 API Reference, UploadPart: part numbers 1 to 10,000). */
export const MAX_PARTS = 10_000;

/**
 * `partSize`, or whole MiB more when `size` bytes would otherwise need more than `MAX_PARTS` parts
 * (8 MiB parts stop at 78 GiB). A stream's size is not known ahead: past that, S3 refuses the part.
 */
export function partSizeFor(size: number | undefined, partSize: number): number {
  if (size === undefined || size <= partSize * MAX_PARTS) return partSize;
  const mib = 1024 * 1024;
  return Math.ceil(size / MAX_PARTS / mib) * mib;
}

/** A part's length in bytes. */
export function partLength(body: PartBody): number {
  return body instanceof Uint8Array ? body.length : body.size;
}

/**
 * True where the S3 client sends requests with `fetch` (browsers): Node, Bun and Deno report a
 * Node version and get the SDK's node:http handler, which cannot send a Blob.
 */
export const SENDS_BLOB_BODIES =
  (globalThis as { process?: { versions?: { node?: string } } }).process?.versions?.node === undefined;

export interface UploadSource {
  /** Total bytes when known before reading (everything but streams; a file handle's once its first part is read). */
  size: number | undefined;
  /** Parts of exactly `partSize` bytes, the last one shorter (or empty for empty data). */
  parts(partSize: number): AsyncIterable<PartBody>;
  /** A content type implied by the data (a File's `type`, text for strings). */
  contentType: string | undefined;
  /**
   * Hands back a part S3 has stored, so the source may read a later part into the same buffer
   * (no new allocation, no garbage). Only for a part whose request has settled: never one that a
   * retry may still send.
   */
  release?(part: PartBody): void;
}

/** True for every kind of data `upload()` accepts (checked at the API boundary, before the S3 code loads). */
export function isUploadData(data: unknown): data is UploadData {
  return (
    typeof data === 'string' ||
    data instanceof ArrayBuffer ||
    data instanceof Uint8Array ||
    isBlob(data) ||
    isFileHandle(data) ||
    isWebStream(data) ||
    isAsyncIterable(data)
  );
}

/** @throws InvalidParameterError for data of another kind. */
export function toUploadSource(data: UploadData): UploadSource {
  if (typeof data === 'string')
    return bytesSource(new TextEncoder().encode(data), 'text/plain; charset=utf-8');
  if (data instanceof ArrayBuffer) return bytesSource(new Uint8Array(data), undefined);
  if (data instanceof Uint8Array) return bytesSource(data, undefined);
  if (isBlob(data)) return blobSource(data, SENDS_BLOB_BODIES);
  if (isFileHandle(data)) return fileSource(data);
  if (isWebStream(data)) return streamSource(webStreamChunks(data));
  if (isAsyncIterable(data)) return streamSource(data as AsyncIterable<Uint8Array | string>);
  throw new InvalidParameterError(`upload() takes ${UPLOAD_DATA_KINDS}.`);
}

function bytesSource(bytes: Uint8Array, contentType: string | undefined): UploadSource {
  return {
    size: bytes.length,
    contentType,
    async *parts(partSize) {
      if (bytes.length === 0) yield new Uint8Array(0);
      for (let start = 0; start < bytes.length; start += partSize) {
        // A copy per part: the SDK may keep a reference while a retry is pending.
        yield new Uint8Array(bytes.subarray(start, start + partSize));
      }
    },
  };
}

/** `asSlices`: yield Blob slices (no copy) rather than each part's bytes. */
export function blobSource(blob: Blob, asSlices: boolean): UploadSource {
  return {
    size: blob.size,
    contentType: blob.type || undefined,
    async *parts(partSize) {
      if (blob.size === 0) yield new Uint8Array(0);
      for (let start = 0; start < blob.size; start += partSize) {
        const slice = blob.slice(start, start + partSize);
        yield asSlices ? slice : new Uint8Array(await slice.arrayBuffer());
      }
    },
  };
}

/**
 * An open file read part by part at each part's offset, into a buffer of the part's size that is
 * then sent as is. The file's size is taken once, when the first part is read; a file that ends
 * early, or whose size or modification time differ once its last part is read, fails with
 * `FileChangedError` (nothing is stored: the multipart upload is aborted, a single PUT never sent).
 */
export function fileSource(handle: UploadFileHandle): UploadSource {
  let size: number | undefined;
  let fullSize = 0;
  // Buffers of stored parts, read into again: a part's worth of fresh memory for every part made
  // V8 collect garbage over and over (a third of the client's CPU on a 256 MiB upload).
  const spare: Array<Uint8Array<ArrayBuffer>> = [];
  return {
    get size() {
      return size;
    },
    contentType: undefined,
    release(part) {
      if (part instanceof Uint8Array && part.length === fullSize && spare.length < MAX_SPARE_PARTS)
        spare.push(part as Uint8Array<ArrayBuffer>);
    },
    async *parts(requestedPartSize) {
      const before = await handle.stat();
      const total = before.size;
      size = total;
      const partSize = partSizeFor(total, requestedPartSize);
      fullSize = partSize;
      const unchanged = async () => {
        const after = await handle.stat();
        if (after.size !== total || after.mtimeMs !== before.mtimeMs)
          throw fileChanged(
            after.size === total
              ? 'was written to while it was read'
              : `went from ${total} to ${after.size} bytes while it was read`,
          );
      };
      if (total === 0) {
        await unchanged();
        yield new Uint8Array(0);
        return;
      }
      for (let start = 0; start < total; start += partSize) {
        const length = Math.min(partSize, total - start);
        const part = (length === partSize && spare.pop()) || allocatePart(length);
        for (let filled = 0; filled < part.length; ) {
          const { bytesRead } = await handle.read(part, filled, part.length - filled, start + filled);
          if (bytesRead === 0)
            throw fileChanged(`ended at ${start + filled} bytes; it had ${total} when the upload started`);
          filled += bytesRead;
        }
        if (start + part.length === total) await unchanged();
        yield part;
      }
    },
  };
}

/** Enough for every part in flight at the default concurrency, and the one being read. */
const MAX_SPARE_PARTS = 8;

function fileChanged(what: string): FileChangedError {
  return new FileChangedError(
    `The file ${what}, so nothing was stored. Upload it again once it has stopped changing.`,
  );
}

/** A buffer for one part's bytes, not zero-filled first where Node's `Buffer` can skip that (every byte sent is written). */
function allocatePart(size: number): Uint8Array<ArrayBuffer> {
  const NodeBuffer = (globalThis as { Buffer?: { allocUnsafeSlow(size: number): Uint8Array<ArrayBuffer> } })
    .Buffer;
  return NodeBuffer ? NodeBuffer.allocUnsafeSlow(size) : new Uint8Array(size);
}

function streamSource(chunks: AsyncIterable<Uint8Array | string>): UploadSource {
  return {
    size: undefined,
    contentType: undefined,
    async *parts(partSize) {
      let buffer = allocatePart(partSize);
      let filled = 0;
      let yielded = false;
      const encoder = new TextEncoder();
      for await (const raw of chunks) {
        let chunk = typeof raw === 'string' ? encoder.encode(raw) : raw;
        while (chunk.length > 0) {
          const take = Math.min(partSize - filled, chunk.length);
          buffer.set(chunk.subarray(0, take), filled);
          filled += take;
          chunk = chunk.subarray(take);
          if (filled === partSize) {
            yield buffer;
            yielded = true;
            buffer = allocatePart(partSize);
            filled = 0;
          }
        }
      }
      // A view, not a copy: the rest of the buffer is never sent.
      if (filled > 0 || !yielded) yield buffer.subarray(0, filled);
    },
  };
}

async function* webStreamChunks(stream: ReadableStream<Uint8Array>): AsyncIterable<Uint8Array> {
  const reader = stream.getReader();
  try {
    while (true) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    reader.releaseLock();
  }
}

function isBlob(data: unknown): data is Blob {
  return typeof Blob !== 'undefined' && data instanceof Blob;
}

function isFileHandle(data: unknown): data is UploadFileHandle {
  const handle = data as Partial<UploadFileHandle> | null;
  return (
    typeof handle?.fd === 'number' && typeof handle.read === 'function' && typeof handle.stat === 'function'
  );
}

function isWebStream(data: unknown): data is ReadableStream<Uint8Array> {
  return typeof (data as ReadableStream | null)?.getReader === 'function';
}

function isAsyncIterable(data: unknown): boolean {
  return typeof (data as AsyncIterable<unknown> | null)?.[Symbol.asyncIterator] === 'function';
}
