/*
 * Requests the documented-answers suites share: a hand-signed raw request with fresh credentials of
 * the authenticated role (for what the SDK cannot send), a multipart upload of given parts, and
 * the MD5 an ETag is made of.
 */
import { createHash } from 'node:crypto';
import {
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  type S3Client,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import { type RawRequest, type RawResponse, sendSigned } from './raw-s3.js';
import type { S3Harness } from './s3-harness.js';
import { BUCKET } from './stack-fixture.js';

/** `req` signed (unsigned payload) with new credentials of the authenticated role at the emulator's time. */
export function signedRequest(h: S3Harness, req: RawRequest): Promise<RawResponse> {
  return sendSigned(
    h.endpoint,
    h.issue(),
    { ...req, headers: { 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD', ...req.headers } },
    new Date(h.clock.now()),
  );
}

/** Hex MD5, what a single-part ETag is. */
export function md5Hex(data: Buffer | string): string {
  return createHash('md5').update(data).digest('hex');
}

/** Uploads `parts` as one multipart object (CRC32 per part when `crc32`); returns its ETag. */
export async function uploadInParts(
  s3: S3Client,
  Key: string,
  parts: Buffer[],
  options: { crc32?: boolean } = {},
): Promise<string | undefined> {
  const ChecksumAlgorithm = options.crc32 ? 'CRC32' : undefined;
  const { UploadId } = await s3.send(
    new CreateMultipartUploadCommand({ Bucket: BUCKET, Key, ChecksumAlgorithm }),
  );
  const uploaded = [];
  for (const [i, Body] of parts.entries()) {
    const PartNumber = i + 1;
    const part = await s3.send(
      new UploadPartCommand({ Bucket: BUCKET, Key, UploadId, PartNumber, Body, ChecksumAlgorithm }),
    );
    uploaded.push({ PartNumber, ETag: part.ETag, ChecksumCRC32: part.ChecksumCRC32 });
  }
  const done = await s3.send(
    new CompleteMultipartUploadCommand({
      Bucket: BUCKET,
      Key,
      UploadId,
      MultipartUpload: { Parts: uploaded },
    }),
  );
  return done.ETag;
}
