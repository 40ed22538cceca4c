/*
 * CompleteMultipartUpload: checks the part list as S3 does (ascending, each part present with
 * its ETag and checksum, every part but the last ≥ 5 MiB), streams the parts into one temp file,
 * and commits it as the key's new version (`x-amz-version-id`). ETag `md5(md5s)-N`; checksum
 * COMPOSITE (`crc(part crcs)-N`) or FULL_OBJECT (over all bytes) as the upload declared.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { createHasher, hashing } from '../body/checksums.js';
import { receiveSmallBody } from '../body/incoming-body.js';
import { S3Errors } from '../errors.js';
import { quoteEtag, sendXml } from '../reply.js';
import { queryValue } from '../request-url.js';
import { DurableFileSink } from '../storage/durable-file-sink.js';
import { removeQuietly } from '../storage/files.js';
import type { PartRecord } from '../storage/multipart-store.js';
import { storedTime } from '../storage/object-meta.js';
import { parseRequestXml, textOf } from '../xml.js';
import type { OperationFactory } from './operation.js';
import { commitObject, writeCondition } from './putObject.js';

const MIN_PART_SIZE = 5 * 1024 * 1024;
/** Bytes per read when the parts are copied into the object. */
const COPY_CHUNK = 1 << 20;

interface RequestedPart {
  partNumber: number;
  etag: string;
  checksum?: string;
}

function requestedParts(xml: string, checksumField: string | undefined): RequestedPart[] {
  const root = parseRequestXml(xml, 'CompleteMultipartUpload');
  const parts = (root.Part as unknown[] | undefined) ?? [];
  if (parts.length === 0) throw S3Errors.malformedXml();
  return parts.map((part) => {
    const partNumber = Number(textOf(part, 'PartNumber')?.trim());
    const etag = textOf(part, 'ETag')?.trim().replace(/^"|"$/g, '');
    if (!Number.isInteger(partNumber) || etag === undefined) throw S3Errors.malformedXml();
    return { partNumber, etag, checksum: checksumField ? textOf(part, checksumField)?.trim() : undefined };
  });
}

export const completeMultipartUpload: OperationFactory =
  ({ uploads, objects, clock, model }) =>
  async ({ req, res, key, url, auth }) => {
    const uploadId = queryValue(url.query, 'uploadId') ?? '';
    const condition = writeCondition(req);
    const xml = (await receiveSmallBody(req, auth)).toString('utf8');
    await uploads.exclusive(uploadId, async () => {
      const upload = await uploads.get(uploadId, key);
      const algorithm = upload.checksumAlgorithm;
      const requested = requestedParts(xml, algorithm && `Checksum${algorithm}`);
      const stored = new Map((await uploads.listParts(upload)).map((p) => [p.partNumber, p]));
      const chosen: PartRecord[] = [];
      for (const [i, want] of requested.entries()) {
        if (i > 0 && want.partNumber <= (requested[i - 1] as RequestedPart).partNumber)
          throw S3Errors.invalidPartOrder();
        const part = stored.get(want.partNumber);
        if (!part || part.etag !== want.etag) throw S3Errors.invalidPart();
        if (want.checksum !== undefined && want.checksum !== part.checksum) throw S3Errors.invalidPart();
        chosen.push(part);
      }
      if (chosen.slice(0, -1).some((p) => p.size < MIN_PART_SIZE)) throw S3Errors.entityTooSmall();

      const fullObject =
        algorithm && upload.checksumType === 'FULL_OBJECT' ? createHasher(algorithm) : undefined;
      const temp = objects.newTempFile();
      const out = new DurableFileSink(temp);
      try {
        for (const part of chosen) {
          // Reads of 1 MiB, not the default 64 KiB: the copy of a 256 MiB upload otherwise spends
          // most of its CPU on 4,096 read calls, their buffers and the garbage they leave.
          const read = createReadStream(uploads.partPath(upload, part), { highWaterMark: COPY_CHUNK });
          if (fullObject) await pipeline(read, hashing(fullObject), out, { end: false });
          else await pipeline(read, out, { end: false });
        }
        await new Promise<void>((resolve, reject) =>
          out.end((error?: Error | null) => (error ? reject(error) : resolve())),
        );
      } catch (error) {
        out.destroy();
        await removeQuietly(temp);
        throw error;
      }
      const md5s = createHash('md5');
      for (const part of chosen) md5s.update(Buffer.from(part.etag, 'hex'));
      const etag = `${md5s.digest('hex')}-${chosen.length}`;
      let checksum: string | undefined;
      if (algorithm && fullObject) checksum = fullObject.digest().toString('base64');
      else if (algorithm) {
        const composite = createHasher(algorithm);
        for (const part of chosen) composite.update(Buffer.from(part.checksum ?? '', 'base64'));
        checksum = `${composite.digest().toString('base64')}-${chosen.length}`;
      }
      const meta = await commitObject(
        objects,
        temp,
        {
          key,
          size: chosen.reduce((sum, p) => sum + p.size, 0),
          etag,
          lastModified: storedTime(clock.now()),
          contentType: upload.contentType,
          headers: upload.headers,
          userMetadata: upload.userMetadata,
          checksums: algorithm && checksum ? { [algorithm]: checksum } : {},
          checksumType: upload.checksumType,
          partsCount: chosen.length,
          partSizes: chosen.map((p) => p.size),
        },
        condition,
      );
      await uploads.remove(uploadId);
      const encodedKey = key.split('/').map(encodeURIComponent).join('/');
      res.setHeader('x-amz-version-id', meta.versionId);
      sendXml(res, 200, 'CompleteMultipartUploadResult', {
        Location: `http://${req.headers.host}/${model.bucket.name}/${encodedKey}`,
        Bucket: model.bucket.name,
        Key: key,
        ETag: quoteEtag(meta.etag),
        ...(algorithm && checksum ? { [`Checksum${algorithm}`]: checksum } : {}),
        ChecksumType: upload.checksumType,
      });
    });
  };
