/*
 * GetObject's ranges and conditional headers over real HTTP: 206 with Content-Range, suffix and
 * open ranges, 416 InvalidRange, If-Match/If-Unmodified-Since → 412, If-None-Match/
 * If-Modified-Since → 304, and response-* overrides on a presigned URL.
 */
import { GetObjectCommand, HeadObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { beforeAll, describe, expect, it } from 'vitest';
import { useS3Harness } from '../__tests__/s3-suite.js';
import { BUCKET } from '../__tests__/stack-fixture.js';

const KEY = 'public/range.txt';
const BODY = '0123456789abcdefghij';
const suite = useS3Harness();
let etag: string;

beforeAll(async () => {
  etag = (
    await suite.s3.send(
      new PutObjectCommand({ Bucket: BUCKET, Key: KEY, Body: BODY, ContentType: 'text/plain' }),
    )
  ).ETag as string;
});

async function range(Range: string) {
  const out = await suite.s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: KEY, Range }));
  return { out, body: await out.Body?.transformToString() };
}

describe('GetObject ranges', () => {
  it('answers 206 with the bytes and Content-Range for closed, open and suffix ranges', async () => {
    const closed = await range('bytes=2-5');
    expect(closed.out.$metadata.httpStatusCode).toBe(206);
    expect(closed.body).toBe('2345');
    expect(closed.out.ContentRange).toBe('bytes 2-5/20');
    expect(closed.out.ContentLength).toBe(4);
    expect((await range('bytes=15-')).body).toBe('fghij');
    expect((await range('bytes=-3')).body).toBe('hij');
    expect((await range('bytes=18-100')).body).toBe('ij');
  });

  it('refuses a range past the end with 416 InvalidRange', async () => {
    await expect(range('bytes=20-30')).rejects.toMatchObject({
      name: 'InvalidRange',
      $metadata: { httpStatusCode: 416 },
    });
  });
});

describe('GetObject conditions', () => {
  it('serves when If-Match matches and refuses with 412 PreconditionFailed when it does not', async () => {
    const ok = await suite.s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: KEY, IfMatch: etag }));
    expect(await ok.Body?.transformToString()).toBe(BODY);
    await expect(
      suite.s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: KEY, IfMatch: '"nope"' })),
    ).rejects.toMatchObject({
      name: 'PreconditionFailed',
      $metadata: { httpStatusCode: 412 },
    });
  });

  it('answers 304 when If-None-Match matches or the object is not modified since', async () => {
    await expect(
      suite.s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: KEY, IfNoneMatch: etag })),
    ).rejects.toMatchObject({
      $metadata: { httpStatusCode: 304 },
    });
    const head = await suite.s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: KEY }));
    const modified = head.LastModified as Date;
    await expect(
      suite.s3.send(
        new GetObjectCommand({
          Bucket: BUCKET,
          Key: KEY,
          // Its own Last-Modified: not in the future, which would be ignored (RFC 7232 §3.3).
          IfModifiedSince: modified,
        }),
      ),
    ).rejects.toMatchObject({ $metadata: { httpStatusCode: 304 } });
    const earlier = await suite.s3.send(
      new GetObjectCommand({
        Bucket: BUCKET,
        Key: KEY,
        IfModifiedSince: new Date(modified.getTime() - 10_000),
      }),
    );
    expect(await earlier.Body?.transformToString()).toBe(BODY);
    await expect(
      suite.s3.send(
        new GetObjectCommand({
          Bucket: BUCKET,
          Key: KEY,
          IfUnmodifiedSince: new Date(modified.getTime() - 10_000),
        }),
      ),
    ).rejects.toMatchObject({ $metadata: { httpStatusCode: 412 } });
  });

  it('applies response-* overrides from a presigned URL', async () => {
    const url = await getSignedUrl(
      suite.s3,
      new GetObjectCommand({
        Bucket: BUCKET,
        Key: KEY,
        ResponseContentDisposition: 'attachment; filename="r.txt"',
      }),
      { expiresIn: 300 },
    );
    const res = await fetch(url);
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="r.txt"');
    expect(await res.text()).toBe(BODY);
  });
});
