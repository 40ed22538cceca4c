/*
 * The emulator's S3 held to the S3 API Reference, case by case, over real HTTP: the AWS SDK v3
 * (and hand-signed requests where the SDK cannot say it) with credentials issued as the identity
 * pool issues them. Each `describe` names the AWS page its cases follow.
 */
import { createHash, randomBytes } from 'node:crypto';
import {
  CompleteMultipartUploadCommand,
  CopyObjectCommand,
  CreateMultipartUploadCommand,
  DeleteObjectCommand,
  DeleteObjectsCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListPartsCommand,
  PutObjectCommand,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { beforeAll, describe, expect, it } from 'vitest';
import type { StackModel } from '../stack-model.js';
import { errorCode, type RawRequest, sendSigned } from './__tests__/raw-s3.js';
import { useS3Harness } from './__tests__/s3-suite.js';
import { ACCOUNT, BUCKET, testStackModel } from './__tests__/stack-fixture.js';

const suite = useS3Harness();

/** The fixture model with every `s3:ListBucket` grant taken out of the roles' policies. */
function modelWithoutListBucket(): StackModel {
  const model = testStackModel();
  const grantsList = (action: unknown) =>
    (Array.isArray(action) ? action : [action]).some((a) => a === 's3:ListBucket');
  return {
    ...model,
    roles: model.roles.map((role) => ({
      ...role,
      policies: role.policies.map((policy) => ({
        ...policy,
        document: {
          ...policy.document,
          Statement: [policy.document.Statement].flat().filter((s) => !grantsList(s.Action)),
        },
      })),
    })),
  };
}

/** A raw request signed with fresh credentials of the authenticated role at the emulator's time. */
function signed(req: RawRequest) {
  return sendSigned(
    suite.h.endpoint,
    suite.h.issue(),
    { ...req, headers: { 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD', ...req.headers } },
    new Date(suite.h.clock.now()),
  );
}

const md5Hex = (data: Buffer | string) => createHash('md5').update(data).digest('hex');

describe('GetObject and HeadObject of a missing key (S3 API Reference, GetObject and HeadObject, "Permissions")', () => {
  describe('with a role that may read public/* but not list the bucket', () => {
    const noList = useS3Harness({ model: modelWithoutListBucket() });

    it('answers 403 AccessDenied, not 404, so the caller cannot learn the key is missing', async () => {
      await noList.s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'public/there.txt', Body: 'x' }));
      const there = await noList.s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: 'public/there.txt' }));
      expect(await there.Body?.transformToString()).toBe('x');
      await expect(
        noList.s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: 'public/missing.txt' })),
      ).rejects.toMatchObject({ name: 'AccessDenied', $metadata: { httpStatusCode: 403 } });
      await expect(
        noList.s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: 'public/missing.txt' })),
      ).rejects.toMatchObject({ $metadata: { httpStatusCode: 403 } });
      // The decision was s3:ListBucket's, evaluated with the key as s3:prefix.
      expect(noList.h.decisions.at(-1)).toMatchObject({ action: 's3:ListBucket', decision: 'ImplicitDeny' });
    });
  });

  it("answers 404 NoSuchKey under public/, where the stack's role may list with that key as s3:prefix", async () => {
    await expect(
      suite.s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: 'public/nothing-here.txt' })),
    ).rejects.toMatchObject({ name: 'NoSuchKey', $metadata: { httpStatusCode: 404 } });
    await expect(
      suite.s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: 'public/nothing-here.txt' })),
    ).rejects.toMatchObject({ name: 'NotFound', $metadata: { httpStatusCode: 404 } });
    expect(suite.h.decisions.at(-1)).toMatchObject({ action: 's3:ListBucket', decision: 'Allow' });
  });
});

describe('GetObject conditional headers (S3 API Reference, GetObject, If-Modified-Since; RFC 7232 §3.3)', () => {
  it('ignores an If-Modified-Since later than the current time and serves the object', async () => {
    await suite.s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'public/cond.txt', Body: 'fresh' }));
    const future = new Date(suite.h.clock.now() + 24 * 3600_000);
    const out = await suite.s3.send(
      new GetObjectCommand({ Bucket: BUCKET, Key: 'public/cond.txt', IfModifiedSince: future }),
    );
    expect(await out.Body?.transformToString()).toBe('fresh');
    const head = await suite.s3.send(
      new HeadObjectCommand({ Bucket: BUCKET, Key: 'public/cond.txt', IfModifiedSince: future }),
    );
    expect(head.ContentLength).toBe(5);
  });
});

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
    const { UploadId } = await suite.s3.send(
      new CreateMultipartUploadCommand({ Bucket: BUCKET, Key, ChecksumAlgorithm: 'CRC32' }),
    );
    const uploaded = [];
    for (const [i, Body] of parts.entries()) {
      const part = await suite.s3.send(
        new UploadPartCommand({
          Bucket: BUCKET,
          Key,
          UploadId,
          PartNumber: i + 1,
          Body,
          ChecksumAlgorithm: 'CRC32',
        }),
      );
      uploaded.push({ PartNumber: i + 1, ETag: part.ETag, ChecksumCRC32: part.ChecksumCRC32 });
    }
    const source = await suite.s3.send(
      new CompleteMultipartUploadCommand({
        Bucket: BUCKET,
        Key,
        UploadId,
        MultipartUpload: { Parts: uploaded },
      }),
    );
    expect(source.ETag).toMatch(/-2"$/);
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

  it('keeps metadata names that exist on every JavaScript object', async () => {
    const names = ['__proto__', 'constructor', 'tostring', 'hasownproperty'];
    const headers = Object.fromEntries(names.map((n) => [`x-amz-meta-${n}`, `value-of-${n}`]));
    const put = await signed({ method: 'PUT', path: `/${BUCKET}/public/proto-meta.txt`, headers, body: 'p' });
    expect(put.status).toBe(200);
    const head = await signed({ method: 'HEAD', path: `/${BUCKET}/public/proto-meta.txt` });
    for (const name of names) expect(head.headers[`x-amz-meta-${name}`]).toBe(`value-of-${name}`);
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
    const head = await signed({ method: 'HEAD', path: `/${BUCKET}/public/presigned-meta.txt` });
    expect(head.status).toBe(200);
    expect(head.headers['x-amz-meta-plain']).toBe('kept');
    expect(Buffer.from(String(head.headers['x-amz-meta-city']), 'latin1').toString('utf8')).toBe('Zürich');
    expect(head.headers['x-amz-meta-note']).toBeUndefined();
    expect(head.headers['x-amz-missing-meta']).toBe('1');
  });
});

describe('Query parameters no S3 API Reference page defines: ignored, as S3 ignores them', () => {
  it.each(['constructor', 'toString', 'hasOwnProperty', '__proto__'])(
    'serves GetObject with ?%s as if it were absent',
    async (name) => {
      await suite.s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'public/query.txt', Body: 'plain' }));
      const res = await signed({
        method: 'GET',
        path: `/${BUCKET}/public/query.txt`,
        query: Object.fromEntries([[name, '1']]),
      });
      expect(res.status).toBe(200);
      expect(res.body).toBe('plain');
    },
  );
});

describe('GetObject response-* overrides (S3 API Reference, GetObject, response-content-disposition)', () => {
  it.each([
    ['a character beyond ISO-8859-1', 'attachment; filename="Father D’Arcy.jpg"'],
    ['a line break', 'attachment; filename="a.txt"\r\nSet-Cookie: x=1'],
  ])('answers 400 InvalidArgument for a value with %s', async (_what, value) => {
    await suite.s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'public/override.txt', Body: 'o' }));
    const url = await getSignedUrl(
      suite.s3,
      new GetObjectCommand({ Bucket: BUCKET, Key: 'public/override.txt', ResponseContentDisposition: value }),
      { expiresIn: 300 },
    );
    const res = await fetch(url);
    const body = await res.text();
    expect(res.status).toBe(400);
    expect(body).toContain('<Code>InvalidArgument</Code>');
    expect(body).toContain('<ArgumentName>response-content-disposition</ArgumentName>');
    const type = await signed({
      method: 'GET',
      path: `/${BUCKET}/public/override.txt`,
      query: { 'response-content-type': value },
    });
    expect([type.status, errorCode(type)]).toEqual([400, 'InvalidArgument']);
  });
});

describe('PutObject and UploadPart size limit (S3 User Guide, "Uploading objects": 5 GB in one PUT; S3 Error responses, EntityTooLarge)', () => {
  it('refuses a declared body over 5 GiB with 400 EntityTooLarge before reading it', async () => {
    const res = await signed({
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
});

describe('x-amz-expected-bucket-owner (S3 API Reference, GetObject, PutObject, CopyObject, …: ExpectedBucketOwner)', () => {
  it("answers 403 AccessDenied when the expected owner is not the bucket's account, and serves it when it is", async () => {
    await suite.s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'public/owned.txt', Body: 'mine' }));
    await expect(
      suite.s3.send(
        new GetObjectCommand({
          Bucket: BUCKET,
          Key: 'public/owned.txt',
          ExpectedBucketOwner: '111122223333',
        }),
      ),
    ).rejects.toMatchObject({ name: 'AccessDenied', $metadata: { httpStatusCode: 403 } });
    await expect(
      suite.s3.send(
        new CopyObjectCommand({
          Bucket: BUCKET,
          Key: 'public/owned-copy.txt',
          CopySource: `${BUCKET}/public/owned.txt`,
          ExpectedSourceBucketOwner: '111122223333',
        }),
      ),
    ).rejects.toMatchObject({ name: 'AccessDenied', $metadata: { httpStatusCode: 403 } });
    const out = await suite.s3.send(
      new GetObjectCommand({ Bucket: BUCKET, Key: 'public/owned.txt', ExpectedBucketOwner: ACCOUNT }),
    );
    expect(await out.Body?.transformToString()).toBe('mine');
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

describe('GetObject and HeadObject partNumber (S3 API Reference, GetObject, partNumber)', () => {
  it('serves one part as a ranged GET (206), its own part 1 for a single-part object, and 416 InvalidPartNumber beyond', async () => {
    const Key = 'public/parts-read.bin';
    const parts = [randomBytes(5 * 1024 * 1024), randomBytes(1000)];
    const { UploadId } = await suite.s3.send(new CreateMultipartUploadCommand({ Bucket: BUCKET, Key }));
    const uploaded = [];
    for (const [i, Body] of parts.entries()) {
      const part = await suite.s3.send(
        new UploadPartCommand({ Bucket: BUCKET, Key, UploadId, PartNumber: i + 1, Body }),
      );
      uploaded.push({ PartNumber: i + 1, ETag: part.ETag });
    }
    await suite.s3.send(
      new CompleteMultipartUploadCommand({
        Bucket: BUCKET,
        Key,
        UploadId,
        MultipartUpload: { Parts: uploaded },
      }),
    );
    const second = await suite.s3.send(new GetObjectCommand({ Bucket: BUCKET, Key, PartNumber: 2 }));
    expect(second.$metadata.httpStatusCode).toBe(206);
    expect(second.PartsCount).toBe(2);
    expect(second.ContentRange).toBe(
      `bytes ${5 * 1024 * 1024}-${5 * 1024 * 1024 + 999}/${5 * 1024 * 1024 + 1000}`,
    );
    expect(Buffer.from((await second.Body?.transformToByteArray()) ?? []).equals(parts[1] as Buffer)).toBe(
      true,
    );
    const head = await suite.s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key, PartNumber: 1 }));
    expect(head.ContentLength).toBe(5 * 1024 * 1024);
    await expect(
      suite.s3.send(new GetObjectCommand({ Bucket: BUCKET, Key, PartNumber: 3 })),
    ).rejects.toMatchObject({
      name: 'InvalidPartNumber',
      $metadata: { httpStatusCode: 416 },
    });
    await expect(
      suite.s3.send(new GetObjectCommand({ Bucket: BUCKET, Key, PartNumber: 1, Range: 'bytes=0-1' })),
    ).rejects.toMatchObject({ name: 'InvalidRequest', $metadata: { httpStatusCode: 400 } });

    await suite.s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'public/one-part.txt', Body: 'whole' }));
    const only = await suite.s3.send(
      new GetObjectCommand({ Bucket: BUCKET, Key: 'public/one-part.txt', PartNumber: 1 }),
    );
    expect(await only.Body?.transformToString()).toBe('whole');
    await expect(
      suite.s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: 'public/one-part.txt', PartNumber: 2 })),
    ).rejects.toMatchObject({ $metadata: { httpStatusCode: 416 } });
  });
});
