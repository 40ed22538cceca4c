/*
 * ListObjectsV2: one page of the sorted key index with prefix, delimiter, start-after,
 * continuation-token, max-keys (≤ 1000), encoding-type=url and fetch-owner, in S3's
 * ListBucketResult shape.
 */
import { S3Errors } from '../errors.js';
import { quoteEtag, sendXml, xmlDate } from '../reply.js';
import { queryValue } from '../request-url.js';
import { bucketOwner } from '../role-session.js';
import type { ContinuationPoint } from '../storage/list-keys.js';
import { readListInput } from './list-input.js';
import type { OperationFactory } from './operation.js';

function encodeToken(point: ContinuationPoint): string {
  return Buffer.from(JSON.stringify(point)).toString('base64url');
}

function decodeToken(token: string): ContinuationPoint {
  try {
    const point = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as ContinuationPoint;
    if (typeof point.last === 'string' && typeof point.isPrefix === 'boolean') return point;
  } catch {
    // Falls through to S3's error below.
  }
  throw S3Errors.invalidArgument('The continuation token provided is incorrect', 'continuation-token', token);
}

export const listObjectsV2: OperationFactory =
  ({ objects, model }) =>
  async ({ res, url }) => {
    const q = (name: string) => queryValue(url.query, name);
    const { prefix, delimiter, maxKeys, pageSize, encodingType, encode } = readListInput(url.query);
    const token = q('continuation-token');
    const startAfter = q('start-after');
    // "The owner field is not present in ListObjectsV2 by default" (S3 API Reference, FetchOwner).
    const owner = q('fetch-owner') === 'true' ? bucketOwner(model) : undefined;
    const page = objects.list({
      prefix,
      delimiter,
      maxKeys: pageSize,
      startAfter,
      after: token === undefined ? undefined : decodeToken(token),
    });
    sendXml(res, 200, 'ListBucketResult', {
      Name: model.bucket.name,
      Prefix: encode(prefix),
      Delimiter: delimiter === undefined ? undefined : encode(delimiter),
      MaxKeys: maxKeys,
      EncodingType: encodingType,
      KeyCount: page.keys.length + page.commonPrefixes.length,
      IsTruncated: page.isTruncated,
      ContinuationToken: token,
      NextContinuationToken: page.isTruncated && page.next ? encodeToken(page.next) : undefined,
      StartAfter: startAfter === undefined ? undefined : encode(startAfter),
      Contents: page.metas.map((meta) => ({
        Key: encode(meta.key),
        LastModified: xmlDate(meta.lastModified),
        ETag: quoteEtag(meta.etag),
        ChecksumAlgorithm: Object.keys(meta.checksums)[0],
        ChecksumType: meta.checksumType,
        Size: meta.size,
        StorageClass: 'STANDARD',
        Owner: owner,
      })),
      CommonPrefixes: page.commonPrefixes.map((p) => ({ Prefix: encode(p) })),
    });
  };
