/*
 * CreateMultipartUpload: records the upload's key, headers, metadata and checksum algorithm
 * (x-amz-checksum-algorithm, x-amz-checksum-type) and answers with a new UploadId.
 */
import { parseChecksumAlgorithm } from '../body/checksums.js';
import { S3Errors } from '../errors.js';
import { sendXml } from '../reply.js';
import { readObjectInput } from './object-input.js';
import type { OperationFactory } from './operation.js';

export const createMultipartUpload: OperationFactory =
  ({ uploads, model, clock }) =>
  async ({ req, res, key, auth }) => {
    const algorithmHeader = req.headers['x-amz-checksum-algorithm'];
    const checksumAlgorithm =
      typeof algorithmHeader === 'string'
        ? parseChecksumAlgorithm(algorithmHeader, 'x-amz-checksum-algorithm')
        : undefined;
    const typeHeader = req.headers['x-amz-checksum-type'];
    let checksumType: 'FULL_OBJECT' | 'COMPOSITE' | undefined;
    if (typeof typeHeader === 'string') {
      if (typeHeader !== 'FULL_OBJECT' && typeHeader !== 'COMPOSITE') {
        throw S3Errors.invalidRequest(`Value for x-amz-checksum-type header is invalid: ${typeHeader}.`);
      }
      if (!checksumAlgorithm)
        throw S3Errors.invalidRequest('x-amz-checksum-type requires x-amz-checksum-algorithm.');
      checksumType = typeHeader;
    } else if (checksumAlgorithm) {
      checksumType = 'COMPOSITE';
    }
    if (checksumType === 'FULL_OBJECT' && checksumAlgorithm?.startsWith('SHA')) {
      throw S3Errors.invalidRequest(
        `The ${checksumAlgorithm} checksum algorithm does not support the FULL_OBJECT checksum type.`,
      );
    }
    const upload = await uploads.create({
      key,
      initiated: clock.now(),
      ...readObjectInput(req, auth.queryHeaders),
      checksumAlgorithm,
      checksumType,
    });
    if (checksumAlgorithm) res.setHeader('x-amz-checksum-algorithm', checksumAlgorithm);
    if (checksumType) res.setHeader('x-amz-checksum-type', checksumType);
    sendXml(res, 200, 'InitiateMultipartUploadResult', {
      Bucket: model.bucket.name,
      Key: key,
      UploadId: upload.uploadId,
    });
  };
