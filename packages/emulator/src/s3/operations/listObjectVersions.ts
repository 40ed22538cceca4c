/*
 * ListObjectVersions (S3 API Reference, ListObjectVersions): one page of every key's versions and
 * delete markers, keys in S3 order and each key's newest first, in S3's ListVersionsResult shape
 * with `<Version>` and `<DeleteMarker>` in that order and `IsLatest` on each key's current entry.
 * prefix, delimiter (CommonPrefixes), max-keys (≤ 1,000, versions, delete markers and common
 * prefixes counted together), key-marker and version-id-marker (paging: NextKeyMarker and
 * NextVersionIdMarker when truncated) and encoding-type=url. Authorized as s3:ListBucketVersions
 * with s3:prefix by the router.
 */
import { S3Errors } from '../errors.js';
import { quoteEtag, sendXml, xmlDate } from '../reply.js';
import { queryValue } from '../request-url.js';
import { bucketOwner } from '../role-session.js';
import type { XmlObject } from '../xml.js';
import { readListInput } from './list-input.js';
import { checkVersionId } from './object-version.js';
import type { OperationFactory } from './operation.js';

export const listObjectVersions: OperationFactory =
  ({ objects, model }) =>
  async ({ res, url }) => {
    const { prefix, delimiter, maxKeys, pageSize, encodingType, encode } = readListInput(url.query);
    const keyMarker = queryValue(url.query, 'key-marker');
    const versionIdMarker = queryValue(url.query, 'version-id-marker') || undefined;
    if (versionIdMarker !== undefined && !keyMarker) {
      throw S3Errors.invalidArgument(
        'A version-id marker cannot be specified without a key marker.',
        'version-id-marker',
        versionIdMarker,
      );
    }
    checkVersionId(versionIdMarker);
    const page = objects.listVersions({
      prefix,
      delimiter,
      maxKeys: pageSize,
      keyMarker: keyMarker || undefined,
      versionIdMarker,
    });
    const owner = bucketOwner(model);
    const entries: XmlObject[] = page.versions.map(({ version, isLatest }) => {
      if (version.deleteMarker) {
        return {
          DeleteMarker: {
            Key: encode(version.key),
            VersionId: version.versionId,
            IsLatest: isLatest,
            LastModified: xmlDate(version.lastModified),
            Owner: owner,
          },
        };
      }
      return {
        Version: {
          Key: encode(version.key),
          VersionId: version.versionId,
          IsLatest: isLatest,
          LastModified: xmlDate(version.lastModified),
          ETag: quoteEtag(version.etag),
          ChecksumAlgorithm: Object.keys(version.checksums)[0],
          ChecksumType: version.checksumType,
          Size: version.size,
          StorageClass: 'STANDARD',
          Owner: owner,
        },
      };
    });
    sendXml(res, 200, 'ListVersionsResult', {
      Name: model.bucket.name,
      Prefix: encode(prefix),
      KeyMarker: encode(keyMarker ?? ''),
      VersionIdMarker: versionIdMarker ?? '',
      NextKeyMarker: page.nextKeyMarker === undefined ? undefined : encode(page.nextKeyMarker),
      NextVersionIdMarker: page.nextVersionIdMarker,
      MaxKeys: maxKeys,
      Delimiter: delimiter === undefined ? undefined : encode(delimiter),
      EncodingType: encodingType,
      IsTruncated: page.isTruncated,
      '': entries,
      CommonPrefixes: page.commonPrefixes.map((p) => ({ Prefix: encode(p) })),
    });
  };
