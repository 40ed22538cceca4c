/*
 * CompleteMultipartUpload: checks the part list as S3 does (ascending, each part present with
 * its ETag and checksum, every part but the last ≥ 5 MiB) and commits the chosen parts as the
 * key's new version (`x-amz-version-id`), kept as they are: their files are linked into the
 * object store, not copied, so completing costs no rewrite of the bytes. ETag `md5(md5s)-N`;
 * checksum COMPOSITE (`crc(part crcs)-N`) or FULL_OBJECT (the parts' CRCs combined, which equals
 * the CRC over all the bytes) as the upload declared.
 */
import { createHash } from 'node:crypto';
import { combineCrcs, createHasher } from '../body/checksums.js';
import { receiveSmallBody } from '../body/incoming-body.js';
import { S3Errors } from '../errors.js';
import { quoteEtag, sendXml } from '../reply.js';
import { queryValue } from '../request-url.js';
import type { PartRecord } from '../storage/multipart-store.js';
import { type ChecksumAlgorithm, storedTime } from '../storage/object-meta.js';
import { parseRequestXml, textOf } from '../xml.js';
import type { OperationFactory } from './operation.js';
import { conditionError, writeCondition } from './putObject.js';

const MIN_PART_SIZE = 5 * 1024 * 1024;

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

/**
 * The object's checksum from its parts' (base64, in the upload's algorithm): FULL_OBJECT combines
 * the part CRCs into the CRC of all the bytes (CreateMultipartUpload allows FULL_OBJECT only for
 * CRC32 and CRC32C); COMPOSITE is the checksum of the part checksums, suffixed `-N`.
 */
function objectChecksum(
  algorithm: ChecksumAlgorithm,
  type: 'FULL_OBJECT' | 'COMPOSITE' | undefined,
  parts: readonly PartRecord[],
): string {
  const digests = parts.map((p) => Buffer.from(p.checksum ?? '', 'base64'));
  if (type === 'FULL_OBJECT') {
    if (algorithm !== 'CRC32' && algorithm !== 'CRC32C') {
      throw S3Errors.internalError(new Error(`FULL_OBJECT upload with ${algorithm}`));
    }
    const crc = combineCrcs(
      algorithm,
      parts.map((p, i) => ({ crc: (digests[i] as Buffer).readUInt32BE(0), size: p.size })),
    );
    const out = Buffer.alloc(4);
    out.writeUInt32BE(crc);
    return out.toString('base64');
  }
  const composite = createHasher(algorithm);
  for (const digest of digests) composite.update(digest);
  return `${composite.digest().toString('base64')}-${parts.length}`;
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

      const md5s = createHash('md5');
      for (const part of chosen) md5s.update(Buffer.from(part.etag, 'hex'));
      const checksum = algorithm && objectChecksum(algorithm, upload.checksumType, chosen);
      const meta = await objects
        .commitParts(
          chosen.map((part) => uploads.partPath(upload, part)),
          {
            key,
            size: chosen.reduce((sum, p) => sum + p.size, 0),
            etag: `${md5s.digest('hex')}-${chosen.length}`,
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
        )
        .catch((error: unknown) => {
          throw conditionError(error, key);
        });
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
