/*
 * Turns every accepted upload body (Blob/File, Uint8Array, ArrayBuffer, string, Node readable or
 * web ReadableStream) into parts of a fixed size, read lazily so a large File or stream is never
 * held in memory whole. Known sizes are reported up front; streams report what they have read.
 * In browsers a Blob's parts stay Blob slices: `fetch` sends a Blob by reference, while a byte
 * array body is copied on the page's main thread (about 0.4 s per 8 MiB part in Chromium, with
 * every other part waiting), which made the web app's uploads ten times slower than a presigned
 * PUT. Node's HTTP client takes bytes only, so there a part is read into memory.
 */
import { InvalidParameterError } from '../errors.js';
import type { UploadData } from '../types.js';

/** What `upload()` accepts, for the message when it gets something else. */
export const UPLOAD_DATA_KINDS =
  'a File, Blob, Uint8Array, ArrayBuffer, string, or a Node or web readable stream';

/** One part's body: bytes, or (in browsers) a slice of the Blob being uploaded. */
export type PartBody = Uint8Array<ArrayBuffer> | Blob;

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
  /** Total bytes when known before reading (everything but streams). */
  size: number | undefined;
  /** Parts of exactly `partSize` bytes, the last one shorter (or empty for empty data). */
  parts(partSize: number): AsyncIterable<PartBody>;
  /** A content type implied by the data (a File's `type`, text for strings). */
  contentType: string | undefined;
}

/** True for every kind of data `upload()` accepts (checked at the API boundary, before the S3 code loads). */
export function isUploadData(data: unknown): data is UploadData {
  return (
    typeof data === 'string' ||
    data instanceof ArrayBuffer ||
    data instanceof Uint8Array ||
    isBlob(data) ||
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

function streamSource(chunks: AsyncIterable<Uint8Array | string>): UploadSource {
  return {
    size: undefined,
    contentType: undefined,
    async *parts(partSize) {
      let buffer = new Uint8Array(partSize);
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
            buffer = new Uint8Array(partSize);
            filled = 0;
          }
        }
      }
      if (filled > 0 || !yielded) yield buffer.slice(0, filled);
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

function isWebStream(data: unknown): data is ReadableStream<Uint8Array> {
  return typeof (data as ReadableStream | null)?.getReader === 'function';
}

function isAsyncIterable(data: unknown): boolean {
  return typeof (data as AsyncIterable<unknown> | null)?.[Symbol.asyncIterator] === 'function';
}
