/*
 * Multipart uploads over real HTTP: a 20 MiB @aws-sdk/lib-storage upload (CRC32 per part,
 * composite checksum, md5-of-md5s ETag), ranges and parts read across the part boundaries of the
 * object kept as its parts, FULL_OBJECT checksums, an aborted upload that leaves nothing,
 * ListParts, and S3's errors for bad part lists.
 */
import { createHash, randomBytes } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { Crc32c } from '@aws-crypto/crc32c';
import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListPartsCommand,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { describe, expect, it } from 'vitest';
import { useS3Harness } from '../__tests__/s3-suite.js';
import { BUCKET } from '../__tests__/stack-fixture.js';

const MiB = 1024 * 1024;
const suite = useS3Harness();

function md5(data: Buffer): Buffer {
  return createHash('md5').update(data).digest();
}

describe('multipart uploads', () => {
  it('uploads 20 MiB with lib-storage and reads back the same bytes', async () => {
    const data = randomBytes(20 * MiB);
    const upload = new Upload({
      client: suite.s3,
      params: { Bucket: BUCKET, Key: 'public/big.bin', Body: data, ContentType: 'application/x-big' },
      partSize: 5 * MiB,
      queueSize: 4,
    });
    const result = await upload.done();
    const partMd5s = [0, 1, 2, 3].map((i) => md5(data.subarray(i * 5 * MiB, (i + 1) * 5 * MiB)));
    const expectedEtag = `"${createHash('md5').update(Buffer.concat(partMd5s)).digest('hex')}-4"`;
    expect(result.ETag).toBe(expectedEtag);
    expect(suite.h.requests.filter((r) => r.url.includes('partNumber=')).length).toBe(4);
    const head = await suite.s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: 'public/big.bin' }));
    expect(head.ContentLength).toBe(20 * MiB);
    expect(head.ContentType).toBe('application/x-big');
    expect(head.ETag).toBe(expectedEtag);
    const out = await suite.s3.send(
      new GetObjectCommand({ Bucket: BUCKET, Key: 'public/big.bin', ChecksumMode: 'ENABLED' }),
    );
    expect(out.ChecksumCRC32).toMatch(/-4$/);
    const back = Buffer.from((await out.Body?.transformToByteArray()) ?? []);
    expect(md5(back).equals(md5(data))).toBe(true);
    expect(await readdir(join(suite.h.dataDir, 's3', BUCKET, 'uploads'))).toEqual([]);
  });

  it('serves a Range across a part boundary and each partNumber from the parts it keeps', async () => {
    const Key = 'public/ranges.bin';
    const data = randomBytes(12 * MiB + 1234);
    await new Upload({
      client: suite.s3,
      params: { Bucket: BUCKET, Key, Body: data },
      partSize: 5 * MiB,
    }).done();
    const get = async (input: { Range?: string; PartNumber?: number }) => {
      const out = await suite.s3.send(new GetObjectCommand({ Bucket: BUCKET, Key, ...input }));
      return { out, body: Buffer.from((await out.Body?.transformToByteArray()) ?? []) };
    };
    const boundary = 5 * MiB;
    // One byte before the first boundary to one past the second: part 1's tail, part 2, part 3's head.
    const across = await get({ Range: `bytes=${boundary - 1}-${2 * boundary}` });
    expect(across.out.ContentRange).toBe(`bytes ${boundary - 1}-${2 * boundary}/${data.length}`);
    expect(across.body.equals(data.subarray(boundary - 1, 2 * boundary + 1))).toBe(true);
    const tail = await get({ Range: 'bytes=-2000' });
    expect(tail.body.equals(data.subarray(data.length - 2000))).toBe(true);
    for (const PartNumber of [1, 2, 3]) {
      const part = await get({ PartNumber });
      expect(part.out.PartsCount).toBe(3);
      expect(part.body.equals(data.subarray((PartNumber - 1) * boundary, PartNumber * boundary))).toBe(true);
    }
  });

  it.each([
    ['CRC32', (data: Buffer) => crc32(data)],
    ['CRC32C', (data: Buffer) => new Crc32c().update(data).digest()],
  ] as const)('gives a FULL_OBJECT %s upload the checksum of all its bytes', async (algorithm, crc) => {
    const Key = `public/full-object-${algorithm}.bin`;
    const parts = [randomBytes(5 * MiB), randomBytes(5 * MiB + 3), randomBytes(777)];
    const { UploadId } = await suite.s3.send(
      new CreateMultipartUploadCommand({
        Bucket: BUCKET,
        Key,
        ChecksumAlgorithm: algorithm,
        ChecksumType: 'FULL_OBJECT',
      }),
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
          ChecksumAlgorithm: algorithm,
        }),
      );
      uploaded.push({
        PartNumber: i + 1,
        ETag: part.ETag,
        [`Checksum${algorithm}`]: part[`Checksum${algorithm}`],
      });
    }
    const done = await suite.s3.send(
      new CompleteMultipartUploadCommand({
        Bucket: BUCKET,
        Key,
        UploadId,
        MultipartUpload: { Parts: uploaded },
      }),
    );
    const expected = Buffer.alloc(4);
    expected.writeUInt32BE(crc(Buffer.concat(parts)));
    expect(done[`Checksum${algorithm}`]).toBe(expected.toString('base64'));
    expect(done.ChecksumType).toBe('FULL_OBJECT');
    const head = await suite.s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key, ChecksumMode: 'ENABLED' }));
    expect(head[`Checksum${algorithm}`]).toBe(expected.toString('base64'));
  });

  it('aborts an upload: its parts are gone and no object appears', async () => {
    const { UploadId } = await suite.s3.send(
      new CreateMultipartUploadCommand({ Bucket: BUCKET, Key: 'public/aborted.bin' }),
    );
    await suite.s3.send(
      new UploadPartCommand({
        Bucket: BUCKET,
        Key: 'public/aborted.bin',
        UploadId,
        PartNumber: 1,
        Body: randomBytes(1024),
      }),
    );
    const parts = await suite.s3.send(
      new ListPartsCommand({ Bucket: BUCKET, Key: 'public/aborted.bin', UploadId }),
    );
    expect(parts.Parts?.map((p) => [p.PartNumber, p.Size])).toEqual([[1, 1024]]);
    await suite.s3.send(
      new AbortMultipartUploadCommand({ Bucket: BUCKET, Key: 'public/aborted.bin', UploadId }),
    );
    await expect(
      suite.s3.send(new ListPartsCommand({ Bucket: BUCKET, Key: 'public/aborted.bin', UploadId })),
    ).rejects.toMatchObject({
      name: 'NoSuchUpload',
      $metadata: { httpStatusCode: 404 },
    });
    await expect(
      suite.s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: 'public/aborted.bin' })),
    ).rejects.toMatchObject({
      $metadata: { httpStatusCode: 404 },
    });
    expect(await readdir(join(suite.h.dataDir, 's3', BUCKET, 'uploads'))).toEqual([]);
  });

  it('aborts the upload when lib-storage is cancelled mid-way', async () => {
    const upload = new Upload({
      client: suite.s3,
      params: { Bucket: BUCKET, Key: 'public/cancelled.bin', Body: randomBytes(15 * MiB) },
      partSize: 5 * MiB,
      queueSize: 1,
    });
    upload.on('httpUploadProgress', () => void upload.abort());
    await expect(upload.done()).rejects.toThrow();
    await expect(
      suite.s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: 'public/cancelled.bin' })),
    ).rejects.toMatchObject({
      $metadata: { httpStatusCode: 404 },
    });
  });

  it('refuses bad part lists with InvalidPart, InvalidPartOrder and EntityTooSmall', async () => {
    const Key = 'public/parts.bin';
    const { UploadId } = await suite.s3.send(new CreateMultipartUploadCommand({ Bucket: BUCKET, Key }));
    const p1 = await suite.s3.send(
      new UploadPartCommand({ Bucket: BUCKET, Key, UploadId, PartNumber: 1, Body: Buffer.alloc(1000, 1) }),
    );
    const p2 = await suite.s3.send(
      new UploadPartCommand({ Bucket: BUCKET, Key, UploadId, PartNumber: 2, Body: Buffer.alloc(1000, 2) }),
    );
    const complete = (Parts: Array<{ PartNumber: number; ETag?: string }>) =>
      suite.s3.send(
        new CompleteMultipartUploadCommand({ Bucket: BUCKET, Key, UploadId, MultipartUpload: { Parts } }),
      );
    await expect(
      complete([{ PartNumber: 1, ETag: '"00000000000000000000000000000000"' }]),
    ).rejects.toMatchObject({ name: 'InvalidPart' });
    await expect(
      complete([
        { PartNumber: 2, ETag: p2.ETag },
        { PartNumber: 1, ETag: p1.ETag },
      ]),
    ).rejects.toMatchObject({
      name: 'InvalidPartOrder',
    });
    await expect(
      complete([
        { PartNumber: 1, ETag: p1.ETag },
        { PartNumber: 2, ETag: p2.ETag },
      ]),
    ).rejects.toMatchObject({
      name: 'EntityTooSmall',
    });
    const single = await complete([{ PartNumber: 2, ETag: p2.ETag }]);
    expect(single.ETag).toBe(
      `"${createHash('md5')
        .update(md5(Buffer.alloc(1000, 2)))
        .digest('hex')}-1"`,
    );
    const out = await suite.s3.send(new GetObjectCommand({ Bucket: BUCKET, Key }));
    expect(Buffer.from((await out.Body?.transformToByteArray()) ?? []).equals(Buffer.alloc(1000, 2))).toBe(
      true,
    );
  });
});
