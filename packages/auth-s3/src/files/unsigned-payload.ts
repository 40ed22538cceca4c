/*
 * Uploads sign `UNSIGNED-PAYLOAD` instead of the SHA-256 of their body, as a presigned PUT does.
 * SigV4 otherwise hashes every byte on the client before the first one is sent (and S3, or the
 * emulator, hashes it again to check): for a large file that is most of the CPU an upload costs,
 * and the reason it ran at well under half a bare presigned PUT's speed. S3 documents the
 * unsigned payload for this (https://docs.aws.amazon.com/AmazonS3/latest/API/sig-v4-header-based-auth.html);
 * TLS protects the bytes in transit, and the request line and headers stay signed.
 */
import type { S3Client } from '@aws-sdk/client-s3';

const UPLOADS = new Set(['PutObjectCommand', 'UploadPartCommand']);

interface BuildArgs {
  request: { headers?: Record<string, string> };
}

/** Adds the `x-amz-content-sha256: UNSIGNED-PAYLOAD` header to PutObject and UploadPart before signing. */
export function signUploadsUnsignedPayload(client: S3Client): void {
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const request = (args as BuildArgs).request;
      if (UPLOADS.has(context.commandName ?? '') && request?.headers) {
        request.headers['x-amz-content-sha256'] = 'UNSIGNED-PAYLOAD';
      }
      return next(args);
    },
    { step: 'build', name: 'authS3UnsignedUploadPayload' },
  );
}
