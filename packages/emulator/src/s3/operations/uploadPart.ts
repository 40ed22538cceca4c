/*
 * UploadPart: streams one verified part (1–10,000) into the upload; sending a part number again
 * replaces it whole. When the upload declared a checksum algorithm, each part must carry it.
 */
import { checksumHeader } from '../body/checksums.js';
import { receiveBodyToFile } from '../body/incoming-body.js';
import { S3Errors } from '../errors.js';
import { quoteEtag, sendEmpty } from '../reply.js';
import { queryValue } from '../request-url.js';
import { removeQuietly } from '../storage/files.js';
import type { OperationFactory } from './operation.js';

/** Parses `partNumber` as S3 accepts it. */
export function parsePartNumber(text: string | undefined): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1 || n > 10_000) {
    throw S3Errors.invalidArgument(
      'Part number must be an integer between 1 and 10000, inclusive',
      'partNumber',
      text,
    );
  }
  return n;
}

export const uploadPart: OperationFactory =
  ({ uploads, objects, clock }) =>
  async ({ req, res, key, url, auth }) => {
    const partNumber = parsePartNumber(queryValue(url.query, 'partNumber'));
    const upload = await uploads.get(queryValue(url.query, 'uploadId') ?? '', key);
    const temp = objects.newTempFile();
    const body = await receiveBodyToFile(req, auth, temp);
    const algorithm = upload.checksumAlgorithm;
    if (algorithm && body.checksum?.algorithm !== algorithm) {
      await removeQuietly(temp);
      throw S3Errors.invalidRequest(
        `The upload was created using the ${algorithm} checksum algorithm; send ${checksumHeader(algorithm)} with each part.`,
      );
    }
    const part = await uploads
      .putPart(upload, temp, {
        partNumber,
        etag: body.md5Hex,
        size: body.size,
        lastModified: clock.now(),
        checksum: algorithm ? body.checksum?.value : undefined,
      })
      .catch(async (error: unknown) => {
        await removeQuietly(temp);
        throw error;
      });
    const headers: Record<string, string> = { etag: quoteEtag(part.etag) };
    if (algorithm && part.checksum) headers[checksumHeader(algorithm)] = part.checksum;
    sendEmpty(res, 200, headers);
  };
