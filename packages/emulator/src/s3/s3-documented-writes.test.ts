/*
 * The emulator's S3 held to the S3 API Reference, case by case, over real HTTP — the write side:
 * PutObject conditions and limits, CopyObject, user metadata, ListParts and conditional deletes.
 * Driven with the AWS SDK v3 (and hand-signed requests where the SDK cannot say it) with
 * credentials issued as the identity pool issues them. Each `describe` names the AWS page its
 * cases follow; the read side is in s3-documented-answers.test.ts.
 */
import { randomBytes } from 'node:crypto';
import {
  CopyObjectCommand,
  CreateMultipartUploadCommand,
  DeleteObjectCommand,
  DeleteObjectsCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListPartsCommand,
  PutObjectCommand,
} from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { beforeAll, describe, expect, it } from 'vitest';
import { md5Hex, signedRequest, uploadInParts } from './__tests__/documented-requests.js';
import { errorCode } from './__tests__/raw-s3.js';
import { useS3Harness } from './__tests__/s3-suite.js';
import { BUCKET } from './__tests__/stack-fixture.js';

const suite = useS3Harness();

describe('PutObject If-Match (S3 User Guide, "How to prevent object overwrites with conditional writes")', () => {
  it('answers 404 NoSuchKey when no object has the key, and 412 when the ETag differs', async () => {
    await expect(
      suite.s3.send(
        new PutObjectCommand({
          Bucket: BUCKET,
          Key: 'public/if-match-none.txt',
          Body: 'x',
          IfMatch: '"abc"',
        }),
      ),
    ).rejects.toMatchObject({ name: 'NoSuchKey', $metadata: { httpStatusCode: 404 } });
    await suite.s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'public/if-match.txt', Body: 'one' }));
    await expect(
      suite.s3.send(
        new PutObjectCommand({ Bucket: BUCKET, Key: 'public/if-match.txt', Body: 'two', IfMatch: '"abc"' }),
      ),
    ).rejects.toMatchObject({ name: 'PreconditionFailed', $metadata: { httpStatusCode: 412 } });
    const ok = await suite.s3.send(
      new PutObjectCommand({
        Bucket: BUCKET,
        Key: 'public/if-match.txt',
        Body: 'two',
        IfMatch: `"${md5Hex('one')}"`,
      }),
    );
    expect(ok.ETag).toBe(`"${md5Hex('two')}"`);
  });
});

describe('CopyObject (S3 API Reference, CopyObject)', () => {
  const SOURCE = 'public/copy-source.txt';
  let etag = '';
  let lastModified = 0;
  beforeAll(async () => {
    etag = (await suite.s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: SOURCE, Body: 'source' })))
      .ETag as string;
    const head = await suite.s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: SOURCE }));
    lastModified = (head.LastModified as Date).getTime();
  });
  const copy = (conditions: Partial<ConstructorParameters<typeof CopyObjectCommand>[0]>) =>
    suite.s3.send(
      new CopyObjectCommand({
        Bucket: BUCKET,
        Key: 'public/copy-target.txt',
        CopySource: `${BUCKET}/${SOURCE}`,
        ...conditions,
      }),
    );

  it('refuses with 412 when the source was modified after x-amz-copy-source-if-unmodified-since', async () => {
    await expect(
      copy({ CopySourceIfUnmodifiedSince: new Date(lastModified - 60_000) }),
    ).rejects.toMatchObject({
      name: 'PreconditionFailed',
      $metadata: { httpStatusCode: 412 },
    });
    await expect(copy({ CopySourceIfUnmodifiedSince: new Date(lastModified) })).resolves.toBeDefined();
    // "If-Match true and If-Unmodified-Since false → 200 OK and copies the data."
    await expect(
      copy({ CopySourceIfMatch: etag, CopySourceIfUnmodifiedSince: new Date(lastModified - 60_000) }),
    ).resolves.toBeDefined();
  });

  it('refuses with 412 when the source was not modified since x-amz-copy-source-if-modified-since', async () => {
    await expect(copy({ CopySourceIfModifiedSince: new Date(lastModified) })).rejects.toMatchObject({
      name: 'PreconditionFailed',
      $metadata: { httpStatusCode: 412 },
    });
    await expect(copy({ CopySourceIfModifiedSince: new Date(lastModified - 60_000) })).resolves.toBeDefined();
    // "If-None-Match false and If-Modified-Since true → 412 Precondition Failed."
    await expect(
      copy({ CopySourceIfNoneMatch: etag, CopySourceIfModifiedSince: new Date(lastModified - 60_000) }),
    ).rejects.toMatchObject({ name: 'PreconditionFailed', $metadata: { httpStatusCode: 412 } });
  });

  it('gives a copy of a multipart object its own ETag, the MD5 of the copied bytes, and a full-object checksum', async () => {
    const Key = 'public/multipart-source.bin';
    const parts = [randomBytes(5 * 1024 * 1024), randomBytes(1000)];
    const sourceEtag = await uploadInParts(suite.s3, Key, parts, { crc32: true });
    expect(sourceEtag).toMatch(/-2"$/);
    const copied = await suite.s3.send(
      new CopyObjectCommand({
        Bucket: BUCKET,
        Key: 'public/multipart-copy.bin',
        CopySource: `${BUCKET}/${Key}`,
      }),
    );
    expect(copied.CopyObjectResult?.ETag).toBe(`"${md5Hex(Buffer.concat(parts))}"`);
    expect(copied.CopyObjectResult?.ChecksumCRC32).not.toMatch(/-\d+$/);
    const head = await suite.s3.send(
      new HeadObjectCommand({ Bucket: BUCKET, Key: 'public/multipart-copy.bin', ChecksumMode: 'ENABLED' }),
    );
    expect(head.ETag).toBe(copied.CopyObjectResult?.ETag);
    expect(head.ChecksumType).toBe('FULL_OBJECT');
    expect(head.PartsCount).toBeUndefined();
    const out = await suite.s3.send(
      new GetObjectCommand({ Bucket: BUCKET, Key: 'public/multipart-copy.bin' }),
    );
    const body = Buffer.from((await out.Body?.transformToByteArray()) ?? []);
    expect(body.equals(Buffer.concat(parts))).toBe(true);
  });

  it('refuses an unknown x-amz-metadata-directive with 400 InvalidArgument', async () => {
    await expect(copy({ MetadataDirective: 'MERGE' as 'COPY' })).rejects.toMatchObject({
      name: 'InvalidArgument',
      $metadata: { httpStatusCode: 400 },
    });
  });
});

describe('User-defined metadata (S3 User Guide, "Working with object metadata"; S3 Error responses, MetadataTooLarge)', () => {
  it('allows 2 KB counted as the UTF-8 bytes of each name (without x-amz-meta-) and value, and refuses more with 400 MetadataTooLarge', async () => {
    const put = (Metadata: Record<string, string>) =>
      suite.s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'public/meta.txt', Body: 'm', Metadata }));
    // Two names and values: 'ab' + 1000 + 'c' + 1045 = 2048 bytes, the limit; x-amz-meta- does not count.
    await expect(put({ ab: 'v'.repeat(1000), c: 'v'.repeat(1045) })).resolves.toBeDefined();
    await expect(put({ ab: 'v'.repeat(1000), c: 'v'.repeat(1046) })).rejects.toMatchObject({
      name: 'MetadataTooLarge',
      $metadata: { httpStatusCode: 400 },
    });
  });

  it('keeps metadata names that exist on every JavaScript object, across a restart and a copy', async () => {
    const names = ['__proto__', 'constructor', 'tostring', 'hasownproperty'];
    const headers = Object.fromEntries(names.map((n) => [`x-amz-meta-${n}`, `value-of-${n}`]));
    const put = await signedRequest(suite.h, {
      method: 'PUT',
      path: `/${BUCKET}/public/proto-meta.txt`,
      headers,
      body: 'p',
    });
    expect(put.status).toBe(200);
    const head = await signedRequest(suite.h, { method: 'HEAD', path: `/${BUCKET}/public/proto-meta.txt` });
    for (const name of names) expect(head.headers[`x-amz-meta-${name}`]).toBe(`value-of-${name}`);
    await suite.h.restart();
    // A new client: the restart closed the pooled connections of the suite's one.
    const fresh = suite.h.client(suite.h.issue());
    await fresh.send(
      new CopyObjectCommand({
        Bucket: BUCKET,
        Key: 'public/proto-meta-copy.txt',
        CopySource: `${BUCKET}/public/proto-meta.txt`,
      }),
    );
    fresh.destroy();
    const copy = await signedRequest(suite.h, {
      method: 'HEAD',
      path: `/${BUCKET}/public/proto-meta-copy.txt`,
    });
    for (const name of names) expect(copy.headers[`x-amz-meta-${name}`]).toBe(`value-of-${name}`);
  });
});

describe('Metadata from a presigned URL (S3 User Guide, "Working with object metadata": unprintable values are not returned)', () => {
  it('stores x-amz-meta-* signed into the query, and leaves out a value a header cannot carry, counting it in x-amz-missing-meta', async () => {
    const client = suite.h.client(suite.h.issue(), { requestChecksumCalculation: 'WHEN_REQUIRED' });
    const url = await getSignedUrl(
      client,
      new PutObjectCommand({
        Bucket: BUCKET,
        Key: 'public/presigned-meta.txt',
        Metadata: { plain: 'kept', city: 'Zürich', note: 'line one\nline two' },
      }),
      { expiresIn: 300 },
    );
    client.destroy();
    expect(new URL(url).searchParams.get('x-amz-meta-plain')).toBe('kept');
    const put = await fetch(url, { method: 'PUT', body: 'p' });
    expect(put.status).toBe(200);
    const head = await signedRequest(suite.h, {
      method: 'HEAD',
      path: `/${BUCKET}/public/presigned-meta.txt`,
    });
    expect(head.status).toBe(200);
    expect(head.headers['x-amz-meta-plain']).toBe('kept');
    expect(Buffer.from(String(head.headers['x-amz-meta-city']), 'latin1').toString('utf8')).toBe('Zürich');
    expect(head.headers['x-amz-meta-note']).toBeUndefined();
    expect(head.headers['x-amz-missing-meta']).toBe('1');
  });
});

describe('PutObject and UploadPart size limit (S3 User Guide, "Uploading objects": 5 GB in one PUT; S3 Error responses, EntityTooLarge)', () => {
  it('refuses a declared body over 5 GiB with 400 EntityTooLarge before reading it', async () => {
    const res = await signedRequest(suite.h, {
      method: 'PUT',
      path: `/${BUCKET}/public/huge.bin`,
      headers: { 'content-length': String(5 * 1024 ** 3 + 1), connection: 'close' },
    });
    expect([res.status, errorCode(res)]).toEqual([400, 'EntityTooLarge']);
  });
});

describe('ListParts (S3 API Reference, ListParts, part-number-marker)', () => {
  it('refuses a part-number-marker that is not an integer with 400 InvalidArgument', async () => {
    const Key = 'public/list-parts.bin';
    const { UploadId } = await suite.s3.send(new CreateMultipartUploadCommand({ Bucket: BUCKET, Key }));
    await expect(
      suite.s3.send(new ListPartsCommand({ Bucket: BUCKET, Key, UploadId, PartNumberMarker: 'two' })),
    ).rejects.toMatchObject({ name: 'InvalidArgument', $metadata: { httpStatusCode: 400 } });
  });

  it('names the role session as Initiator and the bucket owner as Owner', async () => {
    const Key = 'public/list-parts-owner.bin';
    const { UploadId } = await suite.s3.send(new CreateMultipartUploadCommand({ Bucket: BUCKET, Key }));
    const parts = await suite.s3.send(new ListPartsCommand({ Bucket: BUCKET, Key, UploadId }));
    expect(parts.Initiator?.ID).toMatch(/^arn:aws:sts::\d{12}:assumed-role\/.+\/CognitoIdentityCredentials$/);
    expect(parts.Owner?.ID).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('Conditional deletes (S3 User Guide, "How to perform conditional deletes"; S3 API Reference, DeleteObject and DeleteObjects)', () => {
  it('deletes with a matching If-Match, refuses another ETag with 412 and a missing key with 404', async () => {
    const Key = 'public/conditional-delete.txt';
    const { ETag } = await suite.s3.send(new PutObjectCommand({ Bucket: BUCKET, Key, Body: 'd' }));
    await expect(
      suite.s3.send(new DeleteObjectCommand({ Bucket: BUCKET, Key, IfMatch: '"abc"' })),
    ).rejects.toMatchObject({
      name: 'PreconditionFailed',
      $metadata: { httpStatusCode: 412 },
    });
    await expect(suite.s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key }))).resolves.toBeDefined();
    await suite.s3.send(new DeleteObjectCommand({ Bucket: BUCKET, Key, IfMatch: ETag }));
    await expect(
      suite.s3.send(new DeleteObjectCommand({ Bucket: BUCKET, Key, IfMatch: '*' })),
    ).rejects.toMatchObject({
      name: 'NoSuchKey',
      $metadata: { httpStatusCode: 404 },
    });
  });

  it("reports an entry whose <ETag> does not match in DeleteObjects' <Error> and keeps that object", async () => {
    const keep = 'public/batch-keep.txt';
    const drop = 'public/batch-drop.txt';
    await suite.s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: keep, Body: 'k' }));
    const dropped = await suite.s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: drop, Body: 'x' }));
    const out = await suite.s3.send(
      new DeleteObjectsCommand({
        Bucket: BUCKET,
        Delete: {
          Objects: [
            { Key: keep, ETag: '"abc"' },
            { Key: drop, ETag: dropped.ETag },
          ],
        },
      }),
    );
    expect(out.Deleted?.map((d) => d.Key)).toEqual([drop]);
    expect(out.Errors?.map((e) => [e.Key, e.Code])).toEqual([[keep, 'PreconditionFailed']]);
    await expect(suite.s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: keep }))).resolves.toBeDefined();
  });
});
