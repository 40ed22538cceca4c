/*
 * Request bodies over real HTTP: what SDK v3 sends (CRC32 headers, aws-chunked with a trailer
 * checksum), signed aws-chunked bodies (STREAMING-AWS4-HMAC-SHA256-PAYLOAD) with their chunk
 * signatures, and every digest S3 verifies (Content-MD5, CRC32, CRC32C, SHA-1, SHA-256), each
 * refused with S3's code when it does not match, leaving no object behind.
 */
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { crc32 } from 'node:zlib';
import { GetObjectCommand, HeadObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { errorCode, send, signerFor, signHeaders } from '../__tests__/raw-s3.js';
import { useS3Harness } from '../__tests__/s3-suite.js';
import { BUCKET } from '../__tests__/stack-fixture.js';

const suite = useS3Harness();

async function exists(key: string): Promise<boolean> {
  return suite.s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: key })).then(
    () => true,
    (error: { $metadata?: { httpStatusCode?: number } }) => {
      if (error.$metadata?.httpStatusCode === 404) return false;
      throw error;
    },
  );
}

function crc32Base64(data: Buffer): string {
  const out = Buffer.alloc(4);
  out.writeUInt32BE(crc32(data));
  return out.toString('base64');
}

const EMPTY_SHA256 = createHash('sha256').digest('hex');

/** Builds a STREAMING-AWS4-HMAC-SHA256-PAYLOAD request; `tamper` corrupts the first or last chunk after signing. */
async function signedChunkedPut(key: string, data: Buffer, chunkSize: number, tamper?: 'first' | 'last') {
  const credentials = suite.h.issue();
  const date = new Date(suite.h.clock.now());
  const headers = {
    'x-amz-content-sha256': 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD',
    'content-encoding': 'aws-chunked',
    'x-amz-decoded-content-length': String(data.length),
    'content-type': 'application/octet-stream',
  };
  const chunks: Buffer[] = [];
  for (let at = 0; at < data.length; at += chunkSize) chunks.push(data.subarray(at, at + chunkSize));
  chunks.push(Buffer.alloc(0));
  const bodyLength = chunks.reduce(
    (n, c) => n + c.length.toString(16).length + 17 + 64 + 2 + c.length + 2,
    0,
  );
  const req = {
    method: 'PUT',
    path: `/${BUCKET}/${key}`,
    headers: { ...headers, 'content-length': String(bodyLength) },
  };
  const signed = await signHeaders(suite.h.endpoint, credentials, req, date);
  let previous = /Signature=([0-9a-f]+)/.exec(signed.authorization ?? '')?.[1] ?? '';
  const amzDate = signed['x-amz-date'] as string;
  const scope = `${amzDate.slice(0, 8)}/us-east-1/s3/aws4_request`;
  const signer = signerFor(credentials);
  const parts: Buffer[] = [];
  for (const chunk of chunks) {
    const hash = createHash('sha256').update(chunk).digest('hex');
    const stringToSign = ['AWS4-HMAC-SHA256-PAYLOAD', amzDate, scope, previous, EMPTY_SHA256, hash].join(
      '\n',
    );
    previous = await signer.sign(stringToSign, { signingDate: date });
    parts.push(
      Buffer.from(`${chunk.length.toString(16)};chunk-signature=${previous}\r\n`),
      chunk,
      Buffer.from('\r\n'),
    );
  }
  const body = Buffer.concat(parts);
  if (tamper) {
    const at = tamper === 'last' ? body.length - 200 : 200;
    body.writeUInt8(body.readUInt8(at) ^ 1, at);
  }
  return send(suite.h.endpoint, { ...req, headers: signed, body });
}

describe('request bodies', () => {
  it('accepts what SDK v3 sends for a buffer (CRC32 header) and a stream (aws-chunked, trailer checksum)', async () => {
    const data = Buffer.from('x'.repeat(100_000));
    await suite.s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'public/buffer.bin', Body: data }));
    const bufferPut = suite.h.requests.at(-1);
    expect(bufferPut?.headers['x-amz-checksum-crc32']).toBe(crc32Base64(data));
    await suite.s3.send(
      new PutObjectCommand({
        Bucket: BUCKET,
        Key: 'public/stream.bin',
        Body: Readable.from([data]),
        ContentLength: data.length,
      }),
    );
    const streamPut = suite.h.requests.at(-1);
    expect(streamPut?.headers['content-encoding']).toContain('aws-chunked');
    expect(streamPut?.headers['x-amz-trailer']).toBe('x-amz-checksum-crc32');
    const out = await suite.s3.send(
      new GetObjectCommand({ Bucket: BUCKET, Key: 'public/stream.bin', ChecksumMode: 'ENABLED' }),
    );
    expect(out.ChecksumCRC32).toBe(crc32Base64(data));
    expect(out.ContentEncoding).toBeUndefined();
    expect(
      Buffer.from(
        await (out.Body as { transformToByteArray(): Promise<Uint8Array> }).transformToByteArray(),
      ).equals(data),
    ).toBe(true);
  });

  it.each(['CRC32C', 'SHA1', 'SHA256'] as const)('verifies and stores a %s checksum', async (algorithm) => {
    const key = `public/checksum-${algorithm}.txt`;
    const put = await suite.s3.send(
      new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: 'checksummed', ChecksumAlgorithm: algorithm }),
    );
    const field = `Checksum${algorithm}` as const;
    expect(put[field]).toBeTruthy();
    const out = await suite.s3.send(
      new GetObjectCommand({ Bucket: BUCKET, Key: key, ChecksumMode: 'ENABLED' }),
    );
    expect(out[field]).toBe(put[field]);
    expect(await out.Body?.transformToString()).toBe('checksummed');
  });

  it('refuses a wrong x-amz-checksum-crc32 with BadDigest and stores nothing', async () => {
    await expect(
      suite.s3.send(
        new PutObjectCommand({
          Bucket: BUCKET,
          Key: 'public/bad-crc.txt',
          Body: 'data',
          ChecksumCRC32: crc32Base64(Buffer.from('other')),
        }),
      ),
    ).rejects.toMatchObject({ name: 'BadDigest', $metadata: { httpStatusCode: 400 } });
    expect(await exists('public/bad-crc.txt')).toBe(false);
  });

  it('refuses a wrong Content-MD5 with BadDigest', async () => {
    const wrong = createHash('md5').update('other').digest('base64');
    await expect(
      suite.h.client(suite.h.issue(), { requestChecksumCalculation: 'WHEN_REQUIRED' }).send(
        new PutObjectCommand({
          Bucket: BUCKET,
          Key: 'public/bad-md5.txt',
          Body: 'data',
          ContentMD5: wrong,
        }),
      ),
    ).rejects.toMatchObject({ name: 'BadDigest' });
    expect(await exists('public/bad-md5.txt')).toBe(false);
  });

  it('refuses a wrong trailer checksum in an aws-chunked body with BadDigest', async () => {
    const credentials = suite.h.issue();
    const data = Buffer.from('trailer body');
    const body = Buffer.concat([
      Buffer.from(`${data.length.toString(16)}\r\n`),
      data,
      Buffer.from(`\r\n0\r\nx-amz-checksum-crc32:${crc32Base64(Buffer.from('nope'))}\r\n\r\n`),
    ]);
    const req = {
      method: 'PUT',
      path: `/${BUCKET}/public/bad-trailer.txt`,
      headers: {
        'x-amz-content-sha256': 'STREAMING-UNSIGNED-PAYLOAD-TRAILER',
        'content-encoding': 'aws-chunked',
        'x-amz-decoded-content-length': String(data.length),
        'x-amz-trailer': 'x-amz-checksum-crc32',
        'content-length': String(body.length),
      },
      body,
    };
    const res = await send(suite.h.endpoint, {
      ...req,
      headers: await signHeaders(suite.h.endpoint, credentials, req, new Date(suite.h.clock.now())),
    });
    expect(res.status).toBe(400);
    expect(errorCode(res)).toBe('BadDigest');
    expect(await exists('public/bad-trailer.txt')).toBe(false);
  });

  it('refuses a body without a declared length with 411 MissingContentLength', async () => {
    const req = {
      method: 'PUT',
      path: `/${BUCKET}/public/no-length.txt`,
      headers: { 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD', 'transfer-encoding': 'chunked' },
      body: 'streamed without a length',
    };
    const res = await send(suite.h.endpoint, {
      ...req,
      headers: await signHeaders(suite.h.endpoint, suite.h.issue(), req, new Date(suite.h.clock.now())),
    });
    expect(res.status).toBe(411);
    expect(errorCode(res)).toBe('MissingContentLength');
    expect(await exists('public/no-length.txt')).toBe(false);
  });

  it('accepts a signed aws-chunked body and verifies every chunk signature', async () => {
    const data = Buffer.alloc(200_000, 7);
    const res = await signedChunkedPut('public/signed-chunks.bin', data, 65_536);
    expect(res.status).toBe(200);
    expect(res.headers.etag).toBe(`"${createHash('md5').update(data).digest('hex')}"`);
    const out = await suite.s3.send(
      new GetObjectCommand({ Bucket: BUCKET, Key: 'public/signed-chunks.bin' }),
    );
    expect((await out.Body?.transformToByteArray())?.length).toBe(data.length);
  });

  it.each(['first', 'last'] as const)(
    'refuses a signed aws-chunked body with a tampered %s chunk, storing nothing',
    async (which) => {
      const res = await signedChunkedPut(
        'public/tampered-chunks.bin',
        Buffer.alloc(4 * 1024 * 1024, 7),
        65_536,
        which,
      );
      expect(res.status).toBe(403);
      expect(errorCode(res)).toBe('SignatureDoesNotMatch');
      expect(await exists('public/tampered-chunks.bin')).toBe(false);
    },
  );
});
