/*
 * DeleteObjects: up to 1,000 keys in one XML request. Like S3, each key is authorized on its own
 * (s3:DeleteObject) and a denied key is reported in the result rather than failing the request.
 * An `<ETag>` on an entry makes its delete conditional, as DeleteObject's If-Match (S3 User Guide,
 * "How to perform conditional deletes"): a failed condition is that key's `<Error>`.
 */
import { receiveSmallBody } from '../body/incoming-body.js';
import { S3Error, S3Errors } from '../errors.js';
import { sendXml } from '../reply.js';
import { parseRequestXml, textOf, type XmlObject } from '../xml.js';
import type { OperationFactory } from './operation.js';
import { conditionError } from './putObject.js';

const MAX_KEYS = 1000;

export const deleteObjects: OperationFactory =
  ({ objects }) =>
  async ({ req, res, auth, authz }) => {
    const hasChecksum =
      req.headers['content-md5'] !== undefined ||
      Object.keys(req.headers).some((h) => h.startsWith('x-amz-checksum-')) ||
      req.headers['x-amz-sdk-checksum-algorithm'] !== undefined;
    if (!hasChecksum) {
      throw S3Errors.invalidRequest(
        'Missing required header for this request: Content-MD5 or x-amz-checksum-*',
      );
    }
    const body = await receiveSmallBody(req, auth);
    const root = parseRequestXml(body.toString('utf8'), 'Delete');
    const items = (root.Object as unknown[] | undefined) ?? [];
    if (items.length === 0 || items.length > MAX_KEYS) throw S3Errors.malformedXml();
    const quiet = textOf(root, 'Quiet')?.trim() === 'true';
    const deleted: XmlObject[] = [];
    const errors: XmlObject[] = [];
    for (const item of items) {
      const key = textOf(item, 'Key');
      if (key === undefined || key === '') throw S3Errors.malformedXml();
      const etag = textOf(item, 'ETag')?.trim();
      const allowed =
        authz.allows({ action: 's3:DeleteObject', key }) &&
        (etag === undefined || authz.allows({ action: 's3:GetObject', key }));
      if (!allowed) {
        errors.push({ Key: key, Code: 'AccessDenied', Message: 'Access Denied' });
        continue;
      }
      try {
        await objects.delete(key, etag);
      } catch (error) {
        const failed = conditionError(error, key);
        if (!(failed instanceof S3Error)) throw failed;
        errors.push({ Key: key, Code: failed.code, Message: failed.message });
        continue;
      }
      if (!quiet) deleted.push({ Key: key });
    }
    sendXml(res, 200, 'DeleteResult', { Deleted: deleted, Error: errors });
  };
