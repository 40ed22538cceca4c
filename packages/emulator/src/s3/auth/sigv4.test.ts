/*
 * SigV4 authentication over real HTTP: the SDK's header signatures and presigned URLs accepted;
 * wrong secret, unknown key, bad or missing session token, expired credentials, clock skew,
 * expired and tampered presigned URLs and anonymous calls refused with S3's codes.
 */
import { GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { beforeAll, describe, expect, it } from 'vitest';
import type { IssuedCredentials } from '../../issued-credentials.js';
import { errorCode, send, sendSigned } from '../__tests__/raw-s3.js';
import { useS3Harness } from '../__tests__/s3-suite.js';
import { BUCKET } from '../__tests__/stack-fixture.js';

const suite = useS3Harness();

beforeAll(async () => {
  await suite.s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'public/auth.txt', Body: 'secret stuff' }));
});

const get = new GetObjectCommand({ Bucket: BUCKET, Key: 'public/auth.txt' });

/** A raw header-signed GET of the seeded object, signed `skewMs` off the emulator's clock for `region`. */
function signedGet(credentials: IssuedCredentials, skewMs = 0, region?: string) {
  const req = {
    method: 'GET',
    path: `/${BUCKET}/public/auth.txt`,
    headers: { 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD' },
  };
  return sendSigned(suite.h.endpoint, credentials, req, new Date(suite.h.clock.now() + skewMs), region);
}

describe('SigV4 header authentication', () => {
  it('refuses a wrong secret with SignatureDoesNotMatch', async () => {
    const credentials = { ...suite.h.issue(), secretAccessKey: 'not-the-secret' };
    await expect(suite.h.client(credentials).send(get)).rejects.toMatchObject({
      name: 'SignatureDoesNotMatch',
      $metadata: { httpStatusCode: 403 },
    });
  });

  it('refuses an access key the identity pool never issued with InvalidAccessKeyId', async () => {
    const credentials = { ...suite.h.issue(), accessKeyId: 'ASIAUNKNOWNKEY000000' };
    await expect(suite.h.client(credentials).send(get)).rejects.toMatchObject({
      name: 'InvalidAccessKeyId',
      $metadata: { httpStatusCode: 403 },
    });
  });

  it('refuses expired credentials with ExpiredToken', async () => {
    const credentials = suite.h.issue({ ttlMs: 60_000 });
    const s3 = suite.h.client(credentials);
    await expect(s3.send(get)).resolves.toBeDefined();
    suite.h.clock.advance(61_000);
    try {
      await expect(suite.h.client(credentials).send(get)).rejects.toMatchObject({
        name: 'ExpiredToken',
        $metadata: { httpStatusCode: 400 },
      });
    } finally {
      suite.h.clock.advance(-61_000);
    }
  });

  it('refuses a wrong session token with InvalidToken and a missing one with InvalidAccessKeyId', async () => {
    const credentials = suite.h.issue();
    await expect(suite.h.client({ ...credentials, sessionToken: 'forged' }).send(get)).rejects.toMatchObject({
      name: 'InvalidToken',
    });
    const { sessionToken: _, ...withoutToken } = credentials;
    const res = await signedGet({ ...withoutToken, sessionToken: '' });
    expect(res.status).toBe(403);
    expect(errorCode(res)).toBe('InvalidAccessKeyId');
  });

  it('refuses a request signed 20 minutes off with RequestTimeTooSkewed', async () => {
    const res = await signedGet(suite.h.issue(), -20 * 60_000);
    expect(res.status).toBe(403);
    expect(errorCode(res)).toBe('RequestTimeTooSkewed');
  });

  it('accepts a request signed 10 minutes off', async () => {
    const res = await signedGet(suite.h.issue(), 10 * 60_000);
    expect(res.status).toBe(200);
    expect(res.body).toBe('secret stuff');
  });

  it('refuses a signature scoped to another region with AuthorizationHeaderMalformed naming the right one', async () => {
    const credentials = suite.h.issue();
    const res = await signedGet(credentials, 0, 'eu-west-1');
    expect(res.status).toBe(400);
    expect(errorCode(res)).toBe('AuthorizationHeaderMalformed');
    expect(res.body).toContain('<Region>us-east-1</Region>');
  });

  it('refuses an anonymous request with AccessDenied', async () => {
    const res = await send(suite.h.endpoint, { method: 'GET', path: `/${BUCKET}/public/auth.txt` });
    expect(res.status).toBe(403);
    expect(errorCode(res)).toBe('AccessDenied');
    expect(res.body).toContain('<RequestId>');
  });

  it('refuses a body whose SHA-256 is not the signed x-amz-content-sha256', async () => {
    const res = await sendSigned(
      suite.h.endpoint,
      suite.h.issue(),
      {
        method: 'PUT',
        path: `/${BUCKET}/public/sha.txt`,
        headers: { 'x-amz-content-sha256': 'a'.repeat(64), 'content-length': '5' },
        body: 'hello',
      },
      new Date(suite.h.clock.now()),
    );
    expect(res.status).toBe(400);
    expect(errorCode(res)).toBe('XAmzContentSHA256Mismatch');
  });
});

describe('presigned URLs', () => {
  it('lets a presigned GET read the object and a presigned PUT write one', async () => {
    // As on AWS, presigned PUTs need WHEN_REQUIRED: by default SDK v3 signs the CRC32 of an empty body into the URL.
    const s3 = suite.h.client(suite.h.issue(), { requestChecksumCalculation: 'WHEN_REQUIRED' });
    const getUrl = await getSignedUrl(s3, get, { expiresIn: 300 });
    const read = await fetch(getUrl);
    expect(read.status).toBe(200);
    expect(await read.text()).toBe('secret stuff');
    const putUrl = await getSignedUrl(
      s3,
      new PutObjectCommand({ Bucket: BUCKET, Key: 'public/presigned put.txt' }),
      { expiresIn: 300 },
    );
    const written = await fetch(putUrl, { method: 'PUT', body: 'via presigned url' });
    expect(written.status).toBe(200);
    const back = await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: 'public/presigned put.txt' }));
    expect(await back.Body?.transformToString()).toBe('via presigned url');
  });

  it('verifies a checksum signed into a presigned PUT URL, refusing other bytes with BadDigest', async () => {
    const url = await getSignedUrl(
      suite.h.client(suite.h.issue()),
      new PutObjectCommand({ Bucket: BUCKET, Key: 'public/empty-crc.txt' }),
      {
        expiresIn: 300,
      },
    );
    expect(url).toContain('x-amz-checksum-crc32=AAAAAA%3D%3D');
    const refused = await fetch(url, { method: 'PUT', body: 'not empty' });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain('<Code>BadDigest</Code>');
    const empty = await fetch(url, { method: 'PUT', body: '' });
    expect(empty.status).toBe(200);
  });

  it('refuses a presigned URL past X-Amz-Expires with AccessDenied "Request has expired"', async () => {
    const url = await getSignedUrl(suite.h.client(suite.h.issue()), get, { expiresIn: 60 });
    // Well past the 60 s, whatever the few seconds between the manual clock and the presigner's.
    suite.h.clock.advance(120_000);
    try {
      const res = await fetch(url);
      const body = await res.text();
      expect(res.status).toBe(403);
      expect(body).toContain('<Code>AccessDenied</Code>');
      expect(body).toContain('<Message>Request has expired</Message>');
    } finally {
      suite.h.clock.advance(-120_000);
    }
  });

  it('refuses an expired or tampered presigned PUT, storing nothing', async () => {
    const s3 = suite.h.client(suite.h.issue(), { requestChecksumCalculation: 'WHEN_REQUIRED' });
    const url = await getSignedUrl(s3, new PutObjectCommand({ Bucket: BUCKET, Key: 'public/put-once.txt' }), {
      expiresIn: 60,
    });
    const tampered = await fetch(url.replace('put-once.txt', 'put-twice.txt'), { method: 'PUT', body: 'x' });
    expect(tampered.status).toBe(403);
    expect(await tampered.text()).toContain('<Code>SignatureDoesNotMatch</Code>');
    suite.h.clock.advance(120_000);
    try {
      const expired = await fetch(url, { method: 'PUT', body: 'late' });
      expect(expired.status).toBe(403);
      expect(await expired.text()).toContain('<Message>Request has expired</Message>');
    } finally {
      suite.h.clock.advance(-120_000);
    }
    for (const Key of ['public/put-once.txt', 'public/put-twice.txt']) {
      await expect(s3.send(new GetObjectCommand({ Bucket: BUCKET, Key }))).rejects.toMatchObject({
        name: 'NoSuchKey',
      });
    }
  });

  it('refuses a tampered presigned URL with SignatureDoesNotMatch', async () => {
    await suite.h
      .client(suite.h.issue())
      .send(new PutObjectCommand({ Bucket: BUCKET, Key: 'public/other.txt', Body: 'other' }));
    const url = await getSignedUrl(suite.h.client(suite.h.issue()), get, { expiresIn: 300 });
    const otherKey = await fetch(url.replace('public/auth.txt', 'public/other.txt'));
    expect(otherKey.status).toBe(403);
    expect(await otherKey.text()).toContain('<Code>SignatureDoesNotMatch</Code>');
    const longer = await fetch(url.replace(/X-Amz-Expires=\d+/, 'X-Amz-Expires=600'));
    expect(await longer.text()).toContain('<Code>SignatureDoesNotMatch</Code>');
  });
});
