/*
 * Unit test of signUploadsUnsignedPayload: the S3 client signs PutObject and UploadPart with
 * `UNSIGNED-PAYLOAD` (the signature then covers no body hash, so none is computed), and every
 * other request keeps the SHA-256 of its payload.
 */
import { GetObjectCommand, PutObjectCommand, S3Client, UploadPartCommand } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { signUploadsUnsignedPayload } from './unsigned-payload.js';

/** An S3 client whose requests are recorded and answered with an empty 200, never sent. */
function recordingClient() {
  const sent: Array<Record<string, string>> = [];
  const client = new S3Client({
    region: 'us-east-1',
    endpoint: 'http://127.0.0.1:9',
    forcePathStyle: true,
    credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' },
    requestChecksumCalculation: 'WHEN_REQUIRED',
    requestHandler: {
      async handle(request: { headers: Record<string, string> }) {
        sent.push(request.headers);
        return { response: { statusCode: 200, headers: { etag: '"e"' }, body: new Uint8Array(0) } };
      },
    } as never,
  });
  signUploadsUnsignedPayload(client);
  return { client, sent };
}

describe('signUploadsUnsignedPayload', () => {
  it('signs PutObject and UploadPart with UNSIGNED-PAYLOAD', async () => {
    const { client, sent } = recordingClient();
    const body = new Uint8Array(1024).fill(7);
    await client.send(new PutObjectCommand({ Bucket: 'b', Key: 'public/a', Body: body }));
    await client.send(
      new UploadPartCommand({ Bucket: 'b', Key: 'public/a', UploadId: 'u', PartNumber: 1, Body: body }),
    );
    expect(sent.map((headers) => headers['x-amz-content-sha256'])).toEqual([
      'UNSIGNED-PAYLOAD',
      'UNSIGNED-PAYLOAD',
    ]);
    expect(
      sent.every((headers) => /SignedHeaders=[^,]*x-amz-content-sha256/.test(headers.authorization ?? '')),
    ).toBe(true);
  });

  it('leaves other requests signed with the hash of their payload', async () => {
    const { client, sent } = recordingClient();
    await client.send(new GetObjectCommand({ Bucket: 'b', Key: 'public/a' })).catch(() => {});
    // The SHA-256 of an empty payload.
    expect(sent[0]?.['x-amz-content-sha256']).toBe(
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    );
  });
});
