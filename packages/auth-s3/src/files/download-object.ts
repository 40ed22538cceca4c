/*
 * Downloads one object as a web `ReadableStream` (GetObject), in browsers and Node alike. The
 * promise settles once S3 has answered with the headers, so a missing key or a refused request
 * rejects it with the mapped error before any byte is read; the bytes then flow as the caller reads
 * them (never buffered whole), progress is reported per chunk, and aborting the signal cuts the
 * request and errors the stream with `AbortedError`. In Node the body (an `IncomingMessage`) is read
 * through its own async iterator, which hands over everything buffered at once: the SDK's
 * `transformToWebStream` (Readable.toWeb) passed each 16–64 KiB socket read through a second web
 * stream, which cost more CPU than writing the bytes to disk.
 */
import { GetObjectCommand, type GetObjectCommandOutput, type S3Client } from '@aws-sdk/client-s3';
import { toAuthS3Error } from '../error-mapping.js';
import { AbortedError, ServiceError } from '../errors.js';
import type { DownloadOptions } from '../types.js';

/** What the stream's body offers in both runtimes (the SDK's stream mixin). */
interface SdkBody {
  transformToWebStream(): ReadableStream<Uint8Array>;
}

/** A Node readable (the body under Node's HTTP handler). */
interface NodeBody extends AsyncIterable<Uint8Array> {
  pipe: unknown;
  destroy(error?: Error): void;
}

/** Pulls the body's chunks one at a time, whichever runtime it comes from. */
interface ChunkSource {
  next(): Promise<IteratorResult<Uint8Array>>;
  cancel(reason?: unknown): Promise<void>;
}

function chunksOf(body: SdkBody): ChunkSource {
  const node = body as unknown as Partial<NodeBody>;
  if (typeof node.pipe === 'function' && typeof node[Symbol.asyncIterator] === 'function') {
    const iterator = (node as NodeBody)[Symbol.asyncIterator]();
    return {
      next: () => iterator.next(),
      async cancel() {
        (node as NodeBody).destroy();
      },
    };
  }
  const reader = body.transformToWebStream().getReader();
  return {
    next: async () => {
      const { done, value } = await reader.read();
      return done ? { done: true, value: undefined } : { done: false, value };
    },
    cancel: (reason) => reader.cancel(reason),
  };
}

/** GetObject for `key`; resolves with the body stream once S3 has answered. */
export async function downloadObject(
  s3: S3Client,
  { bucket, key }: { bucket: string; key: string },
  { signal, onProgress }: DownloadOptions = {},
): Promise<ReadableStream<Uint8Array>> {
  const cancelled = () => new AbortedError(`Download of ${key} was cancelled.`);
  if (signal?.aborted) throw cancelled();
  let response: GetObjectCommandOutput;
  try {
    // Reading, unlike writing, can be cut off at any time: nothing is stored either way.
    response = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }), { abortSignal: signal });
  } catch (error) {
    if (signal?.aborted) throw new AbortedError(`Download of ${key} was cancelled.`, { cause: error });
    throw toAuthS3Error(error, { operation: 'download', key });
  }
  const body = response.Body as SdkBody | undefined;
  if (!body || typeof body.transformToWebStream !== 'function') {
    throw new ServiceError(`S3 answered GetObject for ${key} without a body. Try again.`);
  }
  const total = response.ContentLength ?? 0;
  const chunks = chunksOf(body);
  let loaded = 0;
  onProgress?.({ loaded, total });

  return new ReadableStream<Uint8Array>({
    start(controller) {
      signal?.addEventListener(
        'abort',
        () => {
          controller.error(cancelled());
          chunks.cancel().catch(() => {});
        },
        { once: true },
      );
    },
    async pull(controller) {
      let next: IteratorResult<Uint8Array>;
      try {
        next = await chunks.next();
      } catch (error) {
        if (signal?.aborted) return;
        controller.error(toAuthS3Error(error, { operation: 'download', key }));
        return;
      }
      if (signal?.aborted) return;
      if (next.done) {
        controller.close();
        return;
      }
      loaded += next.value.length;
      controller.enqueue(next.value);
      onProgress?.({ loaded, total: Math.max(total, loaded) });
    },
    cancel(reason) {
      return chunks.cancel(reason);
    },
  });
}
