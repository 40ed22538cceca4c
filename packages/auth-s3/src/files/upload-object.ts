/*
 * Uploads one object: a single PutObject up to the threshold, a parallel multipart upload above
 * it. Progress is reported per completed request. A request that writes is never cut off once sent:
 * S3 may still store a part or object whose bytes all arrived after the client hung up, so an abort
 * (or a failed part) stops new requests, waits for S3 to answer the ones in flight, and only then
 * aborts the multipart upload (checking with ListParts that nothing is left) or deletes the object.
 */
import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  DeleteObjectCommand,
  HeadObjectCommand,
  ListPartsCommand,
  PutObjectCommand,
  type S3Client,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import { toAuthS3Error } from '../error-mapping.js';
import { AbortedError, AccessDeniedError, NotFoundError, ServiceError } from '../errors.js';
import type { UploadOptions, UploadProgress } from '../types.js';
import { missingOrDenied } from './missing-or-denied.js';
import { type PartBody, partLength, partSizeFor, type UploadSource } from './upload-source.js';

export const MIB = 1024 * 1024;
/** Data up to this size goes in one PUT. */
export const DEFAULT_MULTIPART_THRESHOLD = 8 * MIB;
export const DEFAULT_PART_SIZE = 8 * MIB;
export const DEFAULT_CONCURRENCY = 4;

export interface UploadTuning {
  threshold?: number;
  partSize?: number;
  concurrency?: number;
}

export interface UploadedObject {
  etag: string;
  size: number;
}

export async function uploadObject(
  s3: S3Client,
  target: { bucket: string; key: string },
  source: UploadSource,
  options: UploadOptions & UploadTuning = {},
): Promise<UploadedObject> {
  // A file handle's size is known only once read: it raises its own part size the same way.
  const partSize = partSizeFor(source.size, Math.max(options.partSize ?? DEFAULT_PART_SIZE, 5 * MIB));
  const threshold = Math.min(options.threshold ?? DEFAULT_MULTIPART_THRESHOLD, partSize);
  const contentType = options.contentType ?? source.contentType ?? 'application/octet-stream';
  const { signal } = options;
  throwIfAborted(signal, target.key);

  const parts = source.parts(partSize)[Symbol.asyncIterator]();
  const first = await parts.next();
  const firstPart = first.done ? new Uint8Array(0) : first.value;
  const pending = [firstPart];
  // Sources yield full parts until the last, so a short first part means there is no second.
  let exhausted = first.done === true || partLength(firstPart) < partSize;
  if (!exhausted) {
    const second = await parts.next();
    if (second.done) exhausted = true;
    else pending.push(second.value);
  }
  if (exhausted && partLength(firstPart) <= threshold) {
    return putObject(s3, target, firstPart, contentType, options);
  }
  return multipartUpload(
    s3,
    target,
    prependGenerator(pending, parts),
    { size: source.size, release: source.release?.bind(source) },
    contentType,
    options,
  );
}

async function putObject(
  s3: S3Client,
  { bucket, key }: { bucket: string; key: string },
  body: PartBody,
  contentType: string,
  { onProgress, signal, overwrite }: UploadOptions,
): Promise<UploadedObject> {
  const total = partLength(body);
  onProgress?.({ loaded: 0, total });
  let etag: string | undefined;
  try {
    // No abortSignal: bytes that all arrived could still be stored after the client hung up.
    const response = await s3.send(
      new PutObjectCommand({
        Bucket: bucket,
        Key: key,
        Body: body,
        ContentType: contentType,
        ContentLength: total,
        IfNoneMatch: ifNoneMatch(overwrite),
      }),
    );
    etag = response.ETag;
  } catch (error) {
    // Nothing was stored; a caller who cancelled hears about the cancel, with the failure as its cause.
    if (signal?.aborted)
      throw new AbortedError(`Upload of ${key} was cancelled; nothing was stored.`, { cause: error });
    throw toAuthS3Error(error, { operation: 'upload', key });
  }
  if (signal?.aborted) {
    // Aborted while the PUT was in flight: take it back, but only if the object is still ours.
    await removeIfUnchanged(s3, bucket, key, etag);
    throw new AbortedError(`Upload of ${key} was cancelled; nothing was stored.`);
  }
  onProgress?.({ loaded: total, total });
  return { etag: etag ?? '', size: total };
}

async function multipartUpload(
  s3: S3Client,
  { bucket, key }: { bucket: string; key: string },
  parts: AsyncIterator<PartBody>,
  { size: knownSize, release }: Pick<UploadSource, 'size' | 'release'>,
  contentType: string,
  options: UploadOptions & UploadTuning,
): Promise<UploadedObject> {
  const { onProgress, signal } = options;
  const concurrency = Math.max(1, options.concurrency ?? DEFAULT_CONCURRENCY);
  let created: { UploadId?: string };
  try {
    // Not cancellable: an upload created after the client gave up would be left behind with no id to abort it.
    created = await s3.send(
      new CreateMultipartUploadCommand({ Bucket: bucket, Key: key, ContentType: contentType }),
    );
  } catch (error) {
    throw toAuthS3Error(error, { operation: 'upload', key });
  }
  const uploadId = created.UploadId;
  if (!uploadId) throw new ServiceError(`S3 started no multipart upload for ${key}. Try again.`);

  const inflight = new Set<Promise<void>>();
  const completed: Array<{ PartNumber: number; ETag: string }> = [];
  let failure: unknown;
  let read = 0;
  let loaded = 0;
  const progress = (): UploadProgress => ({ loaded, total: knownSize ?? read });
  // After an abort or a failure no more parts start and no more progress is reported.
  const stopped = () => failure !== undefined || signal?.aborted === true;

  try {
    if (signal?.aborted) throw new AbortedError(`Upload of ${key} was cancelled; nothing was stored.`);
    onProgress?.(progress());
    let partNumber = 0;
    for (let next = await parts.next(); !next.done; next = await parts.next()) {
      const body = next.value;
      const size = partLength(body);
      const number = ++partNumber;
      read += size;
      // No abortSignal: a part is never cut off once sent (see the file header).
      const task = s3
        .send(
          new UploadPartCommand({
            Bucket: bucket,
            Key: key,
            UploadId: uploadId,
            PartNumber: number,
            Body: body,
            ContentLength: size,
          }),
        )
        .then((response) => {
          if (!response.ETag) throw new ServiceError(`S3 returned no ETag for part ${number} of ${key}.`);
          // Stored: S3 answered after every byte arrived, so nothing will send this buffer again.
          release?.(body);
          completed.push({ PartNumber: number, ETag: response.ETag });
          loaded += size;
          if (!stopped()) onProgress?.(progress());
        })
        .catch((error: unknown) => {
          failure ??= error;
        })
        .finally(() => inflight.delete(task));
      inflight.add(task);
      while (inflight.size >= concurrency) await Promise.race(inflight);
      if (stopped()) break;
    }
    // Every part sent has its answer before the upload is completed or aborted.
    await Promise.all(inflight);
    if (signal?.aborted) throw new AbortedError(`Upload of ${key} was cancelled; nothing was stored.`);
    if (failure !== undefined) throw failure;
    completed.sort((a, b) => a.PartNumber - b.PartNumber);
    const done = await s3.send(
      new CompleteMultipartUploadCommand({
        Bucket: bucket,
        Key: key,
        UploadId: uploadId,
        MultipartUpload: { Parts: completed },
        IfNoneMatch: ifNoneMatch(options.overwrite),
      }),
    );
    return { etag: done.ETag ?? '', size: read };
  } catch (error) {
    await Promise.all(inflight);
    await abortMultipartUpload(s3, bucket, key, uploadId);
    const final =
      signal?.aborted && !(error instanceof AbortedError)
        ? new AbortedError(`Upload of ${key} was cancelled; nothing was stored.`, { cause: error })
        : error;
    throw toAuthS3Error(final, { operation: 'upload', key });
  } finally {
    await parts.return?.();
  }
}

/**
 * Aborts the multipart upload, then lists its parts: S3 answers NoSuchUpload once it is gone. Parts
 * that raced the abort would show up there, so it aborts again (S3's documented remedy).
 */
export async function abortMultipartUpload(
  s3: S3Client,
  bucket: string,
  key: string,
  uploadId: string,
): Promise<void> {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      await s3.send(new AbortMultipartUploadCommand({ Bucket: bucket, Key: key, UploadId: uploadId }));
    } catch (error) {
      const mapped = toAuthS3Error(error, { operation: 'abortMultipartUpload', key });
      if (!(mapped instanceof NotFoundError)) throw mapped;
    }
    try {
      await s3.send(new ListPartsCommand({ Bucket: bucket, Key: key, UploadId: uploadId }));
    } catch (error) {
      const mapped = toAuthS3Error(error, { operation: 'listParts', key });
      if (mapped instanceof NotFoundError) return;
      // The role may not grant s3:ListMultipartUploadParts; the abort itself succeeded.
      if (mapped instanceof AccessDeniedError) return;
      throw mapped;
    }
  }
  throw new ServiceError(
    `The multipart upload ${uploadId} for ${key} still exists after three aborts. ` +
      'Add a lifecycle rule that aborts incomplete multipart uploads, or abort it with the AWS CLI.',
  );
}

async function removeIfUnchanged(
  s3: S3Client,
  bucket: string,
  key: string,
  etag: string | undefined,
): Promise<void> {
  try {
    const head = await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
    if (etag && head.ETag === etag) await s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: key }));
  } catch (error) {
    const context = { operation: 'upload', key };
    const mapped = await missingOrDenied(s3, bucket, toAuthS3Error(error, context), context);
    if (!(mapped instanceof NotFoundError)) throw mapped;
  }
}

/**
 * `If-None-Match: *` unless replacing is allowed: S3 then stores nothing and answers 412 when the
 * key exists (PutObject and CompleteMultipartUpload, S3 API Reference), which is `AlreadyExistsError`.
 */
function ifNoneMatch(overwrite: boolean | undefined): '*' | undefined {
  return overwrite === false ? '*' : undefined;
}

function throwIfAborted(signal: AbortSignal | undefined, key: string): void {
  if (signal?.aborted) throw new AbortedError(`Upload of ${key} was cancelled before it started.`);
}

async function* prependGenerator<T>(first: T[], rest: AsyncIterator<T>): AsyncGenerator<T> {
  try {
    yield* first;
    for (let next = await rest.next(); !next.done; next = await rest.next()) yield next.value;
  } finally {
    // Closes the source too (a file stream's descriptor, a web stream's reader lock) when the upload stops early.
    await rest.return?.();
  }
}
