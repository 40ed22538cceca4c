/* ListParts: the parts uploaded so far, paged by part-number-marker and max-parts (≤ 1000). */
import { S3Errors } from '../errors.js';
import { quoteEtag, sendXml, xmlDate } from '../reply.js';
import { queryValue } from '../request-url.js';
import { assumedRoleArn, bucketOwner } from '../role-session.js';
import type { OperationFactory } from './operation.js';

export const listParts: OperationFactory =
  ({ uploads, model }) =>
  async ({ res, key, url, auth }) => {
    const upload = await uploads.get(queryValue(url.query, 'uploadId') ?? '', key);
    const maxText = queryValue(url.query, 'max-parts');
    const maxParts = maxText === undefined ? 1000 : Number(maxText);
    if (!Number.isInteger(maxParts) || maxParts < 0) {
      throw S3Errors.invalidArgument(
        'Provided max-parts not an integer or within integer range',
        'max-parts',
        maxText,
      );
    }
    const markerText = queryValue(url.query, 'part-number-marker');
    const marker = markerText === undefined ? 0 : Number(markerText);
    if (!Number.isInteger(marker) || marker < 0) {
      throw S3Errors.invalidArgument(
        'Provided part-number-marker not an integer or within integer range',
        'part-number-marker',
        markerText,
      );
    }
    const after = (await uploads.listParts(upload)).filter((p) => p.partNumber > marker);
    const page = after.slice(0, Math.min(maxParts, 1000));
    const truncated = after.length > page.length;
    // "Initiator: … If the initiator is an IAM user, this element provides the user ARN" — here
    // the role session's ARN; the Owner is the bucket owner (S3 API Reference, ListParts).
    const session = assumedRoleArn(auth.credentials.roleArn);
    const initiator = { ID: session, DisplayName: session };
    const checksumField = upload.checksumAlgorithm ? `Checksum${upload.checksumAlgorithm}` : undefined;
    sendXml(res, 200, 'ListPartsResult', {
      Bucket: model.bucket.name,
      Key: key,
      UploadId: upload.uploadId,
      PartNumberMarker: marker,
      NextPartNumberMarker: page.length > 0 ? page[page.length - 1]?.partNumber : undefined,
      MaxParts: maxParts,
      IsTruncated: truncated,
      Part: page.map((p) => ({
        PartNumber: p.partNumber,
        LastModified: xmlDate(p.lastModified),
        ETag: quoteEtag(p.etag),
        Size: p.size,
        ...(checksumField && p.checksum ? { [checksumField]: p.checksum } : {}),
      })),
      Initiator: initiator,
      Owner: bucketOwner(model),
      StorageClass: 'STANDARD',
      ChecksumAlgorithm: upload.checksumAlgorithm,
      ChecksumType: upload.checksumType,
    });
  };
