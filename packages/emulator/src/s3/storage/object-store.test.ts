/*
 * Storage guarantees over real HTTP: odd keys (spaces, `+`, `%`, `#`, `?`, unicode, `../`) are
 * only keys and never paths; objects survive a restart; concurrent writers to one key leave one
 * whole winner; a connection dropped mid-upload leaves no object; (10,000-key listing: list-keys.test.ts).
 */
import { createHash, randomBytes } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { request } from 'node:http';
import { join } from 'node:path';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  ListObjectVersionsCommand,
  PutObjectCommand,
} from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { signHeaders } from '../__tests__/raw-s3.js';
import { useS3Harness } from '../__tests__/s3-suite.js';
import { BUCKET } from '../__tests__/stack-fixture.js';

const suite = useS3Harness();

async function waitFor(condition: () => Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

async function read(key: string): Promise<Buffer> {
  const out = await suite.s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: key }));
  return Buffer.from((await out.Body?.transformToByteArray()) ?? []);
}

const ODD_KEYS = [
  'public/with space.txt',
  'public/plus+sign.txt',
  'public/percent%20literal.txt',
  'public/hash#and?question.txt',
  'public/ünïcødé/日本語/😀.txt',
  'public/../../etc/passwd',
  'public/./dot/../x',
  `public/${'k'.repeat(1000)}`,
];

describe('object storage', () => {
  it('stores odd keys as keys: round-trips, lists them, and writes nothing outside the data dir', async () => {
    for (const key of ODD_KEYS)
      await suite.s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: `body of ${key}` }));
    for (const key of ODD_KEYS) expect((await read(key)).toString()).toBe(`body of ${key}`);
    const listed = await suite.s3.send(new ListObjectsV2Command({ Bucket: BUCKET, Prefix: 'public/' }));
    expect(listed.Contents?.map((c) => c.Key).sort()).toEqual([...ODD_KEYS].sort());
    // The data dir sits alone in a fresh parent: a key that escaped it (`../../etc`) would land beside it.
    expect(await readdir(suite.h.parentDir)).toEqual(['data']);
    expect(await readdir(suite.h.dataDir)).toEqual(['s3']);
    expect(await readdir(join(suite.h.dataDir, 's3'))).toEqual([BUCKET]);
    const bucketDir = join(suite.h.dataDir, 's3', BUCKET);
    expect((await readdir(bucketDir)).sort()).toEqual(['data', 'objects', 'tmp', 'uploads']);
    // Every stored name is a SHA-256 or a UUID, never derived from the key's characters.
    const objects = await readdir(join(bucketDir, 'objects'));
    expect(objects).toHaveLength(ODD_KEYS.length);
    for (const name of objects) expect(name).toMatch(/^[0-9a-f]{64}\.json$/);
    for (const name of await readdir(join(bucketDir, 'data'))) expect(name).toMatch(/^[0-9a-f-]{36}$/);
    for (const key of ODD_KEYS) await suite.s3.send(new DeleteObjectCommand({ Bucket: BUCKET, Key: key }));
  });

  it('accepts a key of exactly 1024 UTF-8 bytes and refuses 1025 with KeyTooLongError', async () => {
    // 'public/' is 7 bytes; 339 three-byte characters make 1017 more.
    const longest = `public/${'日'.repeat(339)}`;
    expect(Buffer.byteLength(longest)).toBe(1024);
    await suite.s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: longest, Body: 'at the limit' }));
    expect((await read(longest)).toString()).toBe('at the limit');
    const ascii = `public/${'k'.repeat(1017)}`;
    await suite.s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: ascii, Body: 'ascii limit' }));
    for (const tooLong of [`${longest}k`, `${ascii}k`]) {
      expect(Buffer.byteLength(tooLong)).toBe(1025);
      await expect(
        suite.s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: tooLong, Body: 'x' })),
      ).rejects.toMatchObject({ name: 'KeyTooLongError', $metadata: { httpStatusCode: 400 } });
    }
    for (const key of [longest, ascii])
      await suite.s3.send(new DeleteObjectCommand({ Bucket: BUCKET, Key: key }));
  });

  it('keeps objects, metadata and the listing across a restart', async () => {
    await suite.s3.send(
      new PutObjectCommand({
        Bucket: BUCKET,
        Key: 'public/keep/a.txt',
        Body: 'kept',
        ContentType: 'text/x-kept',
        Metadata: { m: 'v' },
      }),
    );
    await suite.h.restart();
    const head = await suite.s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: 'public/keep/a.txt' }));
    expect(head.ContentType).toBe('text/x-kept');
    expect(head.Metadata).toEqual({ m: 'v' });
    expect((await read('public/keep/a.txt')).toString()).toBe('kept');
    const listed = await suite.s3.send(new ListObjectsV2Command({ Bucket: BUCKET, Prefix: 'public/keep/' }));
    expect(listed.Contents?.map((c) => c.Key)).toEqual(['public/keep/a.txt']);
  });

  it('lets one of several concurrent writers to a key win whole', async () => {
    const bodies = [0, 1, 2, 3, 4, 5].map((i) => Buffer.alloc(2 * 1024 * 1024, i));
    await Promise.all(
      bodies.map((Body) =>
        suite.s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'public/race.bin', Body })),
      ),
    );
    const final = await read('public/race.bin');
    expect(bodies.some((b) => b.equals(final))).toBe(true);
    const head = await suite.s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: 'public/race.bin' }));
    expect(head.ETag).toBe(`"${createHash('md5').update(final).digest('hex')}"`);
    // Every writer's bytes are a version of their own (the bucket is versioned): one blob per version.
    const versions = await suite.s3.send(
      new ListObjectVersionsCommand({ Bucket: BUCKET, Prefix: 'public/' }),
    );
    expect(versions.Versions?.filter((v) => v.Key === 'public/race.bin')).toHaveLength(bodies.length);
    expect((await readdir(join(suite.h.dataDir, 's3', BUCKET, 'data'))).length).toBe(
      versions.Versions?.length,
    );
  });

  it('stores nothing when the connection drops mid-upload', async () => {
    const key = 'public/dropped.bin';
    const total = 4 * 1024 * 1024;
    const req = {
      method: 'PUT',
      path: `/${BUCKET}/${key}`,
      headers: { 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD', 'content-length': String(total) },
    };
    const headers = await signHeaders(suite.h.endpoint, suite.h.issue(), req, new Date(suite.h.clock.now()));
    const url = new URL(suite.h.endpoint);
    const tmpFiles = () => readdir(join(suite.h.dataDir, 's3', BUCKET, 'tmp')).catch(() => []);
    const out = request({ host: url.hostname, port: url.port, method: 'PUT', path: req.path, headers });
    out.on('error', () => {});
    const closed = new Promise((resolve) => out.on('close', resolve));
    out.write(randomBytes(total / 2));
    // The half-written body is on disk in a temp file…
    await waitFor(async () => (await tmpFiles()).length > 0);
    out.destroy();
    await closed;
    // …and goes away with the connection, never becoming the object.
    await waitFor(async () => (await tmpFiles()).length === 0);
    await expect(suite.s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: key }))).rejects.toMatchObject({
      $metadata: { httpStatusCode: 404 },
    });
  });
});
