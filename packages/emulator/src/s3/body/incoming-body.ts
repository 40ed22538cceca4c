/*
 * Receives a request body into a file, verified as S3 verifies it: `aws-chunked` decoding (chunk
 * signatures, trailer checksums), the declared length, `x-amz-content-sha256`, `Content-MD5` and
 * `x-amz-checksum-*`. Everything is computed in one pass over the streaming bytes with
 * stream.pipeline; a failure (bad digest, dropped connection) rejects and the caller discards the
 * temp file, so nothing partial is ever stored.
 */
import { createHash, type Hash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { Transform, type TransformCallback, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Authenticated } from '../auth/sigv4.js';
import { S3Error, S3Errors, withCause } from '../errors.js';
import { DurableFileSink } from '../storage/durable-file-sink.js';
import { removeQuietly } from '../storage/files.js';
import type { ChecksumAlgorithm } from '../storage/object-meta.js';
import { AwsChunkedDecoder } from './aws-chunked-decoder.js';
import {
  assertChecksumValue,
  checksumFromHeaders,
  checksumHeader,
  createHasher,
  type Hasher,
  parseChecksumAlgorithm,
} from './checksums.js';

/** What was received: size, MD5 (the ETag) and the checksum S3 stores, if any. */
export interface ReceivedBody {
  size: number;
  md5Hex: string;
  md5: Buffer;
  checksum?: { algorithm: ChecksumAlgorithm; value: string };
}

interface Expectations {
  length?: number;
  sha256Hex?: string;
  md5Base64?: string;
  checksum?: { algorithm: ChecksumAlgorithm; value?: string; trailer: boolean };
  decoder?: AwsChunkedDecoder;
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function expectations(req: IncomingMessage, auth: Authenticated): Expectations {
  const chunked =
    auth.payload.kind === 'streaming-signed' || auth.payload.kind === 'streaming-unsigned-trailer';
  const lengthHeader = header(req, chunked ? 'x-amz-decoded-content-length' : 'content-length');
  // S3 needs the length up front; a plain `Transfer-Encoding: chunked` body is refused.
  if (lengthHeader === undefined && (chunked || req.headers['transfer-encoding'] !== undefined)) {
    throw S3Errors.missingContentLength();
  }
  const length = lengthHeader === undefined ? undefined : Number(lengthHeader);
  if (length !== undefined && (!Number.isSafeInteger(length) || length < 0)) {
    throw S3Errors.invalidArgument(
      'Content-Length must be a non-negative integer.',
      'Content-Length',
      lengthHeader,
    );
  }
  const md5Base64 = header(req, 'content-md5');
  if (md5Base64 !== undefined && Buffer.from(md5Base64, 'base64').length !== 16)
    throw S3Errors.invalidDigest();
  // A presigned URL's x-amz-* query values count as headers, as in S3.
  const fromHeader = checksumFromHeaders({ ...auth.queryHeaders, ...req.headers });
  const trailerName = header(req, 'x-amz-trailer')?.trim().toLowerCase();
  let checksum: Expectations['checksum'];
  if (fromHeader) checksum = { ...fromHeader, trailer: false };
  else if (trailerName?.startsWith('x-amz-checksum-')) {
    checksum = { algorithm: parseChecksumAlgorithm(trailerName.slice(15), 'x-amz-trailer'), trailer: true };
  } else {
    const declared =
      header(req, 'x-amz-sdk-checksum-algorithm') ?? auth.queryHeaders['x-amz-sdk-checksum-algorithm'];
    if (declared)
      checksum = {
        algorithm: parseChecksumAlgorithm(declared, 'x-amz-sdk-checksum-algorithm'),
        trailer: false,
      };
  }
  return {
    length,
    sha256Hex: auth.payload.kind === 'sha256' ? auth.payload.hex : undefined,
    md5Base64,
    checksum,
    decoder: chunked
      ? new AwsChunkedDecoder(
          auth.credentials.accessKeyId,
          auth.payload.kind === 'streaming-signed' ? auth.payload.chunks : undefined,
        )
      : undefined,
  };
}

/** Hashes the bytes passing through and checks them against the expectations when they end. */
class VerifyingStream extends Transform {
  size = 0;
  result: ReceivedBody | undefined;
  private readonly md5: Hash = createHash('md5');
  private readonly sha256: Hash | undefined;
  private readonly hasher: Hasher | undefined;

  constructor(private readonly expected: Expectations) {
    super({ highWaterMark: 1 << 20 });
    this.sha256 = expected.sha256Hex ? createHash('sha256') : undefined;
    this.hasher = expected.checksum ? createHasher(expected.checksum.algorithm) : undefined;
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.size += chunk.length;
    if (this.expected.length !== undefined && this.size > this.expected.length) {
      callback(S3Errors.invalidRequest('The request body is longer than its declared length.'));
      return;
    }
    this.md5.update(chunk);
    this.sha256?.update(chunk);
    this.hasher?.update(chunk);
    callback(null, chunk);
  }

  override _flush(callback: TransformCallback): void {
    try {
      this.result = this.verify();
      callback();
    } catch (error) {
      callback(error as Error);
    }
  }

  private verify(): ReceivedBody {
    const { expected } = this;
    if (expected.length !== undefined && this.size !== expected.length) throw S3Errors.incompleteBody();
    if (this.sha256 && expected.sha256Hex) {
      const computed = this.sha256.digest('hex');
      if (computed !== expected.sha256Hex) throw S3Errors.contentSha256Mismatch(expected.sha256Hex, computed);
    }
    const md5 = this.md5.digest();
    if (expected.md5Base64 !== undefined && md5.toString('base64') !== expected.md5Base64) {
      throw S3Errors.contentMd5Mismatch();
    }
    let checksum: ReceivedBody['checksum'];
    if (expected.checksum && this.hasher) {
      const { algorithm } = expected.checksum;
      const computed = this.hasher.digest().toString('base64');
      let given = expected.checksum.value;
      if (expected.checksum.trailer) {
        const name = checksumHeader(algorithm);
        given = expected.decoder?.trailers.get(name);
        if (given === undefined)
          throw S3Errors.invalidRequest(`The trailer ${name} declared in x-amz-trailer was not sent.`);
        assertChecksumValue(algorithm, given, name);
      }
      if (given !== undefined && given !== computed) throw S3Errors.badDigest(algorithm);
      checksum = { algorithm, value: computed };
    }
    return { size: this.size, md5, md5Hex: md5.toString('hex'), checksum };
  }
}

function asS3Error(error: unknown, req: IncomingMessage): S3Error {
  if (error instanceof S3Error) return error;
  if (req.destroyed || (error as NodeJS.ErrnoException)?.code === 'ECONNRESET') {
    return withCause(S3Errors.incompleteBody(), error);
  }
  return S3Errors.internalError(error);
}

/**
 * The most one PUT (PutObject) or one part (UploadPart) may carry: 5 GiB (S3 User Guide, "Uploading
 * objects" and "Amazon S3 multipart upload limits"); a larger declared length is EntityTooLarge.
 */
export const MAX_UPLOAD_BYTES = 5 * 1024 ** 3;

/** Streams the verified body into `destination`. */
export async function receiveBody(
  req: IncomingMessage,
  auth: Authenticated,
  destination: Writable,
): Promise<ReceivedBody> {
  const expected = expectations(req, auth);
  if (expected.length !== undefined && expected.length > MAX_UPLOAD_BYTES) throw S3Errors.entityTooLarge();
  const verifier = new VerifyingStream(expected);
  const head: Transform = expected.decoder ?? verifier;
  // The request is piped in rather than made part of the pipeline, so that a refused body (a bad
  // chunk signature) does not destroy the connection: the client still gets S3's error.
  const onClose = () => {
    if (!req.complete) head.destroy(S3Errors.incompleteBody());
  };
  req.once('close', onClose);
  req.pipe(head);
  try {
    if (expected.decoder) await pipeline(expected.decoder, verifier, destination);
    else await pipeline(verifier, destination);
  } catch (error) {
    req.unpipe(head);
    throw asS3Error(error, req);
  } finally {
    req.off('close', onClose);
  }
  return verifier.result as ReceivedBody;
}

/** Streams the verified body into a new file at `path`, fsynced; removes the file on any failure. */
export async function receiveBodyToFile(
  req: IncomingMessage,
  auth: Authenticated,
  path: string,
): Promise<ReceivedBody> {
  try {
    return await receiveBody(req, auth, new DurableFileSink(path));
  } catch (error) {
    await removeQuietly(path);
    throw error;
  }
}

/** Reads a small verified body (an XML request) into memory, refusing more than `limit` bytes. */
export async function receiveSmallBody(
  req: IncomingMessage,
  auth: Authenticated,
  limit = 2 << 20,
): Promise<Buffer> {
  const parts: Buffer[] = [];
  let size = 0;
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      size += chunk.length;
      if (size > limit) callback(S3Errors.invalidRequest(`The request body is larger than ${limit} bytes.`));
      else {
        parts.push(chunk);
        callback();
      }
    },
  });
  await receiveBody(req, auth, sink);
  return Buffer.concat(parts);
}
