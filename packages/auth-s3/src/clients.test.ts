/*
 * Unit test of createS3Client's checksum settings: uploads (PutObject, UploadPart) go out with no
 * flexible checksum (no CRC32 computed over the body, no `aws-chunked` encoding, no trailer), which
 * the SDK otherwise adds to every upload; operations S3 requires a checksum for (DeleteObjects,
 * "httpChecksumRequired") still carry one; and a large part goes without `Expect: 100-continue`.
 * Requests are recorded before they leave, never sent.
 */
import { DeleteObjectsCommand, PutObjectCommand, S3Client, UploadPartCommand } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { createS3Client } from './clients.js';
import type { AuthS3Config } from './types.js';

const quiet = { debug() {}, warn() {} };
const config: AuthS3Config = {
  region: 'us-east-1',
  userPoolId: 'us-east-1_x',
  userPoolClientId: 'c',
  identityPoolId: 'i',
  bucket: 'b',
  endpoint: 'http://127.0.0.1:9',
};

/** The library's S3 client with a request handler that records each request and answers 200. */
async function recordingClient() {
  const sent: Array<Record<string, string>> = [];
  const client: S3Client = createS3Client(
    S3Client,
    config,
    async () => ({
      accessKeyId: 'AKIDEXAMPLE',
      secretAccessKey: 'secret',
      sessionToken: 't',
      expiration: new Date(Date.now() + 3_600_000),
    }),
    quiet,
  );
  // The SDK reads the handler from the resolved config on every send.
  (client.config as { requestHandler: unknown }).requestHandler = {
    async handle(request: { headers: Record<string, string> }) {
      sent.push(request.headers);
      const body = new TextEncoder().encode('<DeleteResult></DeleteResult>');
      return { response: { statusCode: 200, headers: { etag: '"e"' }, body } };
    },
  };
  return { client, sent };
}

/** Header names that mean a flexible checksum was computed or announced. */
function checksumHeaders(headers: Record<string, string>): string[] {
  return Object.keys(headers).filter(
    (name) =>
      /^x-amz-checksum-|^x-amz-sdk-checksum-algorithm$|^x-amz-trailer$/i.test(name) ||
      (/^content-encoding$/i.test(name) && /aws-chunked/.test(headers[name] ?? '')),
  );
}

describe('createS3Client checksums', () => {
  it('sends PutObject and UploadPart with no checksum, trailer or aws-chunked encoding', async () => {
    const { client, sent } = await recordingClient();
    const body = new Uint8Array(64 * 1024).fill(7);
    await client.send(new PutObjectCommand({ Bucket: 'b', Key: 'public/a', Body: body }));
    await client.send(
      new UploadPartCommand({ Bucket: 'b', Key: 'public/a', UploadId: 'u', PartNumber: 1, Body: body }),
    );
    expect(sent).toHaveLength(2);
    expect(sent.map(checksumHeaders)).toEqual([[], []]);
    client.destroy();
  });

  it('still sends a checksum where S3 requires one (DeleteObjects)', async () => {
    const { client, sent } = await recordingClient();
    await client.send(new DeleteObjectsCommand({ Bucket: 'b', Delete: { Objects: [{ Key: 'public/a' }] } }));
    expect(checksumHeaders(sent[0] ?? {})).not.toEqual([]);
    client.destroy();
  });
});

describe('createS3Client connections', () => {
  it('sends an 8 MiB part without Expect: 100-continue (a new connection and a round trip per part)', async () => {
    const { client, sent } = await recordingClient();
    const body = new Uint8Array(8 * 1024 * 1024);
    await client.send(
      new UploadPartCommand({
        Bucket: 'b',
        Key: 'public/a',
        UploadId: 'u',
        PartNumber: 1,
        Body: body,
        ContentLength: body.length,
      }),
    );
    expect(Object.keys(sent[0] ?? {}).map((name) => name.toLowerCase())).not.toContain('expect');
    client.destroy();
  });
});
