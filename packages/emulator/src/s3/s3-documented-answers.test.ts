/*
 * The emulator's S3 held to the S3 API Reference, case by case, over real HTTP — the read side:
 * GetObject and HeadObject (a missing key, conditions, parts, response-* overrides), query
 * parameters no page defines, and the expected bucket owner. Driven with the AWS SDK v3 (and
 * hand-signed requests where the SDK cannot say it) with credentials issued as the identity pool
 * issues them. Each `describe` names the AWS page its cases follow; the write side is in
 * s3-documented-writes.test.ts.
 */
import { randomBytes } from 'node:crypto';
import {
  CopyObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
} from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { describe, expect, it } from 'vitest';
import type { StackModel } from '../stack-model.js';
import { signedRequest, uploadInParts } from './__tests__/documented-requests.js';
import { errorCode } from './__tests__/raw-s3.js';
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

describe('Query parameters no S3 API Reference page defines: ignored, as S3 ignores them', () => {
  it.each(['constructor', 'toString', 'hasOwnProperty', '__proto__'])(
    'serves GetObject with ?%s as if it were absent',
    async (name) => {
      await suite.s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'public/query.txt', Body: 'plain' }));
      const res = await signedRequest(suite.h, {
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
    const type = await signedRequest(suite.h, {
      method: 'GET',
      path: `/${BUCKET}/public/override.txt`,
      query: { 'response-content-type': value },
    });
    expect([type.status, errorCode(type)]).toEqual([400, 'InvalidArgument']);
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

describe('GetObject and HeadObject partNumber (S3 API Reference, GetObject, partNumber)', () => {
  it('serves one part as a ranged GET (206), its own part 1 for a single-part object, and 416 InvalidPartNumber beyond', async () => {
    const Key = 'public/parts-read.bin';
    const parts = [randomBytes(5 * 1024 * 1024), randomBytes(1000)];
    await uploadInParts(suite.s3, Key, parts);
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

describe('ListObjectsV2 fetch-owner (S3 API Reference, ListObjectsV2, FetchOwner)', () => {
  it('leaves the owner out by default and gives each key the bucket owner with fetch-owner=true', async () => {
    await suite.s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'public/owner/a.txt', Body: 'a' }));
    const plain = await suite.s3.send(new ListObjectsV2Command({ Bucket: BUCKET, Prefix: 'public/owner/' }));
    expect(plain.Contents?.[0]?.Owner).toBeUndefined();
    const withOwner = await suite.s3.send(
      new ListObjectsV2Command({ Bucket: BUCKET, Prefix: 'public/owner/', FetchOwner: true }),
    );
    expect(withOwner.Contents?.[0]?.Owner?.ID).toMatch(/^[0-9a-f]{64}$/);
  });
});
