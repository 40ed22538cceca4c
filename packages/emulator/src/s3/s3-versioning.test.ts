/*
 * The emulator's versioned bucket held to the S3 API Reference and User Guide, case by case, over
 * real HTTP with the AWS SDK v3 (and hand-signed requests where a response header is the point),
 * with credentials issued as the identity pool issues them. The stack's bucket is versioned
 * (VersioningConfiguration Enabled): writes make versions, deletes make delete markers, and the
 * stack's role may read and list versions but never delete one. Each `describe` names the page
 * its cases follow.
 */
import {
  CopyObjectCommand,
  DeleteObjectCommand,
  DeleteObjectsCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  ListObjectVersionsCommand,
  type ListObjectVersionsCommandOutput,
  PutObjectCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import type { StackModel } from '../stack-model.js';
import { withAuthenticatedRolePolicy } from '../testing/index.js';
import { signedRequest, uploadInParts } from './__tests__/documented-requests.js';
import { errorCode } from './__tests__/raw-s3.js';
import { startS3Harness } from './__tests__/s3-harness.js';
import { useS3Harness } from './__tests__/s3-suite.js';
import { BUCKET, testStackModel } from './__tests__/stack-fixture.js';

const suite = useS3Harness();
let unique = 0;

/** A fresh key under public/ for one test. */
function freshKey(name: string): string {
  unique++;
  return `public/versions-${unique}/${name}`;
}

async function put(key: string, body: string, s3: S3Client = suite.s3): Promise<string> {
  const out = await s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: body }));
  if (!out.VersionId) throw new Error('PutObject returned no VersionId');
  return out.VersionId;
}

async function read(key: string, VersionId?: string): Promise<string> {
  const out = await suite.s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: key, VersionId }));
  return (await out.Body?.transformToString()) ?? '';
}

/** Every version and delete marker under `prefix` as [key, versionId, isLatest, kind]. */
async function history(prefix: string): Promise<Array<[string, string, boolean, 'version' | 'marker']>> {
  const out = await suite.s3.send(new ListObjectVersionsCommand({ Bucket: BUCKET, Prefix: prefix }));
  const rows: Array<[string, string, boolean, 'version' | 'marker', string]> = [
    ...(out.Versions ?? []).map(
      (v) => [v.Key, v.VersionId, v.IsLatest, 'version', v.LastModified?.toISOString()] as never,
    ),
    ...(out.DeleteMarkers ?? []).map(
      (m) => [m.Key, m.VersionId, m.IsLatest, 'marker', m.LastModified?.toISOString()] as never,
    ),
  ];
  // Keys ascending, each key's newest first (version ids sort by time).
  rows.sort((a, b) => (a[0] === b[0] ? (a[1] < b[1] ? 1 : -1) : a[0] < b[0] ? -1 : 1));
  return rows.map(([key, id, latest, kind]) => [key, id, latest, kind]);
}

/** A model whose authenticated role may also delete versions under public/ (not the stack's). */
function modelWithVersionDeletes(): StackModel {
  const model = testStackModel();
  return withAuthenticatedRolePolicy(model, 'test/DeleteVersions', [
    { Effect: 'Allow', Action: 's3:DeleteObjectVersion', Resource: `${model.bucket.arn}/public/*` },
  ]);
}

describe('PutObject and GetObject of versions (S3 API Reference, PutObject "x-amz-version-id"; GetObject "versionId")', () => {
  it('gives every write its own version id and reads each version back by it', async () => {
    const key = freshKey('a.txt');
    const v1 = await put(key, 'one');
    suite.h.clock.advance(1000);
    const v2 = await put(key, 'two');
    expect(v1).not.toBe(v2);
    // Opaque, URL-safe, and made in order.
    expect(v1).toMatch(/^[A-Za-z0-9._-]+$/);
    expect(v2 > v1).toBe(true);
    expect(await read(key)).toBe('two');
    expect(await read(key, v1)).toBe('one');
    expect(await read(key, v2)).toBe('two');
    const head = await suite.s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: key, VersionId: v1 }));
    expect(head.VersionId).toBe(v1);
    expect(head.ContentLength).toBe(3);
    const current = await suite.s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: key }));
    expect(current.VersionId).toBe(v2);
    await current.Body?.transformToString();
  });

  it('answers a malformed versionId with 400 InvalidArgument "Invalid version id specified"', async () => {
    const key = freshKey('b.txt');
    await put(key, 'x');
    const res = await signedRequest(suite.h, {
      method: 'GET',
      path: `/${BUCKET}/${key}`,
      query: { versionId: 'not a version' },
    });
    expect(res.status).toBe(400);
    expect(errorCode(res)).toBe('InvalidArgument');
    expect(res.body).toContain('<Message>Invalid version id specified</Message>');
    expect(res.body).toContain('<ArgumentName>versionId</ArgumentName>');
  });

  it('answers a well-formed versionId the key does not have with 404 NoSuchVersion', async () => {
    const key = freshKey('c.txt');
    const v1 = await put(key, 'x');
    const other = `${v1.slice(0, -1)}${v1.endsWith('0') ? '1' : '0'}`;
    await expect(
      suite.s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: key, VersionId: other })),
    ).rejects.toMatchObject({ name: 'NoSuchVersion', $metadata: { httpStatusCode: 404 } });
  });

  it('makes CompleteMultipartUpload a new version (CompleteMultipartUpload, "x-amz-version-id")', async () => {
    const key = freshKey('multi.bin');
    const v1 = await put(key, 'small');
    await uploadInParts(suite.s3, key, [Buffer.alloc(5 * 1024 * 1024, 1), Buffer.from('tail')]);
    const rows = await history(key);
    expect(rows).toHaveLength(2);
    expect(rows[1]).toEqual([key, v1, false, 'version']);
    expect(rows[0]?.[2]).toBe(true);
    expect(await read(key, v1)).toBe('small');
  });
});

describe('DeleteObject and delete markers (S3 User Guide, "Working with delete markers"; S3 API Reference, DeleteObject, GetObject "x-amz-delete-marker")', () => {
  it('leaves a delete marker: the key reads 404 NoSuchKey with x-amz-delete-marker, its versions stay', async () => {
    const key = freshKey('d.txt');
    const v1 = await put(key, 'kept');
    const deleted = await suite.s3.send(new DeleteObjectCommand({ Bucket: BUCKET, Key: key }));
    expect(deleted.DeleteMarker).toBe(true);
    expect(deleted.VersionId).toMatch(/^[0-9a-f]{32}$/);
    const res = await signedRequest(suite.h, { method: 'GET', path: `/${BUCKET}/${key}` });
    expect(res.status).toBe(404);
    expect(errorCode(res)).toBe('NoSuchKey');
    expect(res.headers['x-amz-delete-marker']).toBe('true');
    expect(res.headers['x-amz-version-id']).toBe(deleted.VersionId);
    expect(await read(key, v1)).toBe('kept');
    expect(await history(key)).toEqual([
      [key, deleted.VersionId, true, 'marker'],
      [key, v1, false, 'version'],
    ]);
  });

  it('answers GET and HEAD of a delete marker by its version id with 405 MethodNotAllowed', async () => {
    const key = freshKey('e.txt');
    await put(key, 'x');
    const { VersionId } = await suite.s3.send(new DeleteObjectCommand({ Bucket: BUCKET, Key: key }));
    for (const method of ['GET', 'HEAD']) {
      const res = await signedRequest(suite.h, {
        method,
        path: `/${BUCKET}/${key}`,
        query: { versionId: VersionId as string },
      });
      expect(res.status, method).toBe(405);
      expect(res.headers['x-amz-delete-marker']).toBe('true');
      expect(res.headers['last-modified']).toBeDefined();
      if (method === 'GET') expect(errorCode(res)).toBe('MethodNotAllowed');
    }
  });

  it('leaves a delete marker even for a key that never had an object', async () => {
    const key = freshKey('never.txt');
    const deleted = await suite.s3.send(new DeleteObjectCommand({ Bucket: BUCKET, Key: key }));
    expect(deleted.DeleteMarker).toBe(true);
    expect(await history(key)).toEqual([[key, deleted.VersionId, true, 'marker']]);
  });

  it('lists only current, non-deleted objects in ListObjectsV2', async () => {
    const key = freshKey('listed.txt');
    const gone = freshKey('gone.txt');
    await put(key, '1');
    await put(key, '2');
    await put(gone, 'x');
    await suite.s3.send(new DeleteObjectCommand({ Bucket: BUCKET, Key: gone }));
    const prefix = key.slice(0, key.lastIndexOf('/') + 1);
    const gonePrefix = gone.slice(0, gone.lastIndexOf('/') + 1);
    const listed = await suite.s3.send(new ListObjectsV2Command({ Bucket: BUCKET, Prefix: prefix }));
    expect(listed.Contents?.map((c) => [c.Key, c.Size])).toEqual([[key, 1]]);
    const none = await suite.s3.send(new ListObjectsV2Command({ Bucket: BUCKET, Prefix: gonePrefix }));
    expect(none.KeyCount).toBe(0);
  });

  it("denies DeleteObject with a versionId to the stack's role: it is s3:DeleteObjectVersion", async () => {
    const key = freshKey('protected.txt');
    const v1 = await put(key, 'safe');
    await expect(
      suite.s3.send(new DeleteObjectCommand({ Bucket: BUCKET, Key: key, VersionId: v1 })),
    ).rejects.toMatchObject({ name: 'AccessDenied' });
    expect(suite.h.decisions.at(-1)).toMatchObject({
      action: 's3:DeleteObjectVersion',
      decision: 'ImplicitDeny',
    });
    expect(await read(key, v1)).toBe('safe');
  });

  it('removes a version for good, and deleting the delete marker brings the object back (a role that may)', async () => {
    const h = await startS3Harness({ model: modelWithVersionDeletes() });
    const s3 = h.client(h.issue());
    try {
      const key = 'public/undelete.txt';
      const v1 = await put(key, 'first', s3);
      const v2 = await put(key, 'second', s3);
      const marker = await s3.send(new DeleteObjectCommand({ Bucket: BUCKET, Key: key }));
      const removed = await s3.send(
        new DeleteObjectCommand({ Bucket: BUCKET, Key: key, VersionId: marker.VersionId }),
      );
      expect(removed).toMatchObject({ DeleteMarker: true, VersionId: marker.VersionId });
      const got = await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: key }));
      expect(await got.Body?.transformToString()).toBe('second');
      const gone = await s3.send(new DeleteObjectCommand({ Bucket: BUCKET, Key: key, VersionId: v2 }));
      expect(gone.DeleteMarker).toBeUndefined();
      const now = await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: key }));
      expect(now.VersionId).toBe(v1);
      await now.Body?.transformToString();
      await expect(
        s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: key, VersionId: v2 })),
      ).rejects.toMatchObject({ name: 'NoSuchVersion' });
    } finally {
      s3.destroy();
      await h.stop();
    }
  });
});

describe('DeleteObjects in a versioned bucket (S3 API Reference, DeleteObjects "DeletedObject")', () => {
  it('reports each delete marker it left, and denies entries with a VersionId to the stack role', async () => {
    const key = freshKey('bulk.txt');
    const v1 = await put(key, 'x');
    const out = await suite.s3.send(
      new DeleteObjectsCommand({
        Bucket: BUCKET,
        Delete: { Objects: [{ Key: key }, { Key: key, VersionId: v1 }] },
      }),
    );
    expect(out.Deleted).toEqual([
      { Key: key, DeleteMarker: true, DeleteMarkerVersionId: expect.stringMatching(/^[0-9a-f]{32}$/) },
    ]);
    expect(out.Errors).toEqual([{ Key: key, VersionId: v1, Code: 'AccessDenied', Message: 'Access Denied' }]);
    expect(await read(key, v1)).toBe('x');
  });
});

describe('ListObjectVersions (S3 API Reference, ListObjectVersions)', () => {
  it('lists keys in order, each newest first, with IsLatest, delete markers and common prefixes', async () => {
    const base = freshKey('');
    const a1 = await put(`${base}a.txt`, 'a1');
    const a2 = await put(`${base}a.txt`, 'a2');
    const b1 = await put(`${base}b.txt`, 'b1');
    const bMarker = (await suite.s3.send(new DeleteObjectCommand({ Bucket: BUCKET, Key: `${base}b.txt` })))
      .VersionId as string;
    await put(`${base}dir/c.txt`, 'c');
    await put(`${base}dir/d.txt`, 'd');
    const out = await suite.s3.send(
      new ListObjectVersionsCommand({ Bucket: BUCKET, Prefix: base, Delimiter: '/' }),
    );
    expect(out.Versions?.map((v) => [v.Key, v.VersionId, v.IsLatest, v.Size])).toEqual([
      [`${base}a.txt`, a2, true, 2],
      [`${base}a.txt`, a1, false, 2],
      [`${base}b.txt`, b1, false, 2],
    ]);
    expect(out.DeleteMarkers?.map((m) => [m.Key, m.VersionId, m.IsLatest])).toEqual([
      [`${base}b.txt`, bMarker, true],
    ]);
    expect(out.CommonPrefixes).toEqual([{ Prefix: `${base}dir/` }]);
    expect(out.IsTruncated).toBe(false);
    expect(out.Versions?.[0]?.ETag).toMatch(/^"[0-9a-f]{32}"$/);
    expect(out.Versions?.[0]?.Owner?.ID).toMatch(/^[0-9a-f]{64}$/);
    // The raw document keeps S3's order: b.txt's delete marker before its older version.
    const raw = await signedRequest(suite.h, {
      method: 'GET',
      path: `/${BUCKET}`,
      query: { versions: '', prefix: `${base}b` },
    });
    expect(raw.body.indexOf('<DeleteMarker>')).toBeLessThan(raw.body.indexOf('<Version>'));
  });

  it('pages with max-keys, key-marker and version-id-marker through every entry once', async () => {
    const base = freshKey('');
    const expected: string[] = [];
    for (const name of ['x.txt', 'y.txt']) {
      const ids = [await put(`${base}${name}`, '1'), await put(`${base}${name}`, '2')];
      const marker = await suite.s3.send(new DeleteObjectCommand({ Bucket: BUCKET, Key: `${base}${name}` }));
      expected.push(`${name}:${marker.VersionId}`, `${name}:${ids[1]}`, `${name}:${ids[0]}`);
    }
    const seen: string[] = [];
    let KeyMarker: string | undefined;
    let VersionIdMarker: string | undefined;
    let pages = 0;
    for (;;) {
      const page: ListObjectVersionsCommandOutput = await suite.s3.send(
        new ListObjectVersionsCommand({
          Bucket: BUCKET,
          Prefix: base,
          MaxKeys: 2,
          KeyMarker,
          VersionIdMarker,
        }),
      );
      pages++;
      const entries = [...(page.Versions ?? []), ...(page.DeleteMarkers ?? [])];
      expect(entries.length).toBeLessThanOrEqual(2);
      entries.sort((a, b) =>
        (a.Key ?? '') === (b.Key ?? '')
          ? (a.VersionId ?? '') < (b.VersionId ?? '')
            ? 1
            : -1
          : (a.Key ?? '') < (b.Key ?? '')
            ? -1
            : 1,
      );
      seen.push(...entries.map((e) => `${e.Key?.slice(base.length)}:${e.VersionId}`));
      if (!page.IsTruncated) break;
      expect(page.NextKeyMarker).toBeDefined();
      KeyMarker = page.NextKeyMarker;
      VersionIdMarker = page.NextVersionIdMarker;
    }
    expect(seen).toEqual(expected);
    expect(pages).toBe(3);
  });

  it('pages past a common prefix given as key-marker', async () => {
    const base = freshKey('');
    await put(`${base}one/a.txt`, 'a');
    await put(`${base}one/b.txt`, 'b');
    const v = await put(`${base}two.txt`, 't');
    const first = await suite.s3.send(
      new ListObjectVersionsCommand({ Bucket: BUCKET, Prefix: base, Delimiter: '/', MaxKeys: 1 }),
    );
    expect(first.CommonPrefixes).toEqual([{ Prefix: `${base}one/` }]);
    expect(first.NextKeyMarker).toBe(`${base}one/`);
    const second = await suite.s3.send(
      new ListObjectVersionsCommand({
        Bucket: BUCKET,
        Prefix: base,
        Delimiter: '/',
        MaxKeys: 1,
        KeyMarker: first.NextKeyMarker,
      }),
    );
    expect(second.CommonPrefixes).toBeUndefined();
    expect(second.Versions?.map((x) => x.VersionId)).toEqual([v]);
  });

  it('refuses a version-id-marker without a key-marker (400 InvalidArgument)', async () => {
    const res = await signedRequest(suite.h, {
      method: 'GET',
      path: `/${BUCKET}`,
      query: { versions: '', prefix: 'public/', 'version-id-marker': '0'.repeat(32) },
    });
    expect(res.status).toBe(400);
    expect(errorCode(res)).toBe('InvalidArgument');
  });

  it('is s3:ListBucketVersions with s3:prefix: served in an area, denied without a prefix of one', async () => {
    const own = `private/${suite.credentials.identityId}/`;
    const key = `${own}mine.txt`;
    const v1 = await put(key, 'mine');
    const mine = await suite.s3.send(new ListObjectVersionsCommand({ Bucket: BUCKET, Prefix: own }));
    expect(mine.Versions?.map((v) => [v.Key, v.VersionId])).toEqual([[key, v1]]);
    for (const Prefix of [undefined, 'private/', 'publicity/', `private/${suite.h.issue().identityId}/`]) {
      await expect(
        suite.s3.send(new ListObjectVersionsCommand({ Bucket: BUCKET, Prefix })),
      ).rejects.toMatchObject({ name: 'AccessDenied' });
    }
    expect(suite.h.decisions.at(-1)).toMatchObject({ action: 's3:ListBucketVersions' });
  });
});

describe('CopyObject from a version (S3 API Reference, CopyObject "x-amz-copy-source", "x-amz-copy-source-version-id")', () => {
  it('restores an earlier version by copying it back as the newest', async () => {
    const key = freshKey('restore.txt');
    const v1 = await put(key, 'original');
    await put(key, 'edited');
    const out = await suite.s3.send(
      new CopyObjectCommand({ Bucket: BUCKET, Key: key, CopySource: `${BUCKET}/${key}?versionId=${v1}` }),
    );
    expect(out.CopySourceVersionId).toBe(v1);
    expect(out.VersionId).toMatch(/^[0-9a-f]{32}$/);
    expect(out.VersionId).not.toBe(v1);
    expect(await read(key)).toBe('original');
    expect((await history(key)).map((r) => r[1])).toEqual([out.VersionId, expect.any(String), v1]);
    expect(suite.h.decisions.some((d) => d.action === 's3:GetObjectVersion' && d.key === key)).toBe(true);
  });

  it('undeletes a file by copying its last version over the delete marker', async () => {
    const key = freshKey('undelete.txt');
    const v1 = await put(key, 'back');
    await suite.s3.send(new DeleteObjectCommand({ Bucket: BUCKET, Key: key }));
    await suite.s3.send(
      new CopyObjectCommand({ Bucket: BUCKET, Key: key, CopySource: `${BUCKET}/${key}?versionId=${v1}` }),
    );
    expect(await read(key)).toBe('back');
  });

  it('refuses a delete marker named as the source version (400 InvalidRequest)', async () => {
    const key = freshKey('marker-src.txt');
    await put(key, 'x');
    const { VersionId } = await suite.s3.send(new DeleteObjectCommand({ Bucket: BUCKET, Key: key }));
    await expect(
      suite.s3.send(
        new CopyObjectCommand({
          Bucket: BUCKET,
          Key: freshKey('dest.txt'),
          CopySource: `${BUCKET}/${key}?versionId=${VersionId}`,
        }),
      ),
    ).rejects.toMatchObject({ name: 'InvalidRequest', $metadata: { httpStatusCode: 400 } });
  });

  it("denies copying a version of another area's key: the source is s3:GetObjectVersion", async () => {
    await expect(
      suite.s3.send(
        new CopyObjectCommand({
          Bucket: BUCKET,
          Key: freshKey('stolen.txt'),
          CopySource: `${BUCKET}/private/someone/a.txt?versionId=${'0'.repeat(32)}`,
        }),
      ),
    ).rejects.toMatchObject({ name: 'AccessDenied' });
    expect(suite.h.decisions.at(-1)).toMatchObject({
      action: 's3:GetObjectVersion',
      decision: 'ImplicitDeny',
    });
  });
});

describe('versions survive a restart (the data dir)', () => {
  it('lists and reads every version and delete marker after the service restarts', async () => {
    const key = freshKey('persist.txt');
    const v1 = await put(key, 'v1');
    const v2 = await put(key, 'v2');
    await suite.s3.send(new DeleteObjectCommand({ Bucket: BUCKET, Key: key }));
    const before = await history(key);
    await suite.h.restart();
    expect(await history(key)).toEqual(before);
    expect(await read(key, v1)).toBe('v1');
    expect(await read(key, v2)).toBe('v2');
    const next = await put(key, 'v3');
    expect(next > (before[0]?.[1] ?? '')).toBe(true);
  });
});
