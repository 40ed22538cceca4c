/*
 * DeleteObjects: up to 1,000 keys in one XML request. Like S3, each key is authorized on its own
 * (s3:DeleteObject, or s3:DeleteObjectVersion for an entry with `<VersionId>`) and a denied key is
 * reported in the result rather than failing the request. In the versioned bucket an entry without
 * a version id leaves a delete marker, reported as `<DeleteMarker>true</DeleteMarker>` with its
 * `<DeleteMarkerVersionId>`; one with a version id removes that version (S3 API Reference,
 * DeleteObjects, "DeletedObject").
 * An `<ETag>` on an entry makes its delete conditional, as DeleteObject's If-Match (S3 User Guide,
 * "How to perform conditional deletes"): a failed condition is that key's `<Error>`.
 */
import { receiveSmallBody } from '../body/incoming-body.js';
import { S3Error, S3Errors } from '../errors.js';
import { sendXml } from '../reply.js';
import { parseRequestXml, textOf, type XmlObject } from '../xml.js';
import { checkVersionId } from './object-version.js';
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
      const versionId = textOf(item, 'VersionId')?.trim() || undefined;
      const action = versionId === undefined ? 's3:DeleteObject' : 's3:DeleteObjectVersion';
      const allowed =
        authz.allows({ action, key }) &&
        (etag === undefined || authz.allows({ action: 's3:GetObject', key }));
      if (!allowed) {
        errors.push({ Key: key, VersionId: versionId, Code: 'AccessDenied', Message: 'Access Denied' });
        continue;
      }
      let result: XmlObject;
      try {
        if (versionId === undefined) {
          const marker = await objects.delete(key, etag);
          result = { Key: key, DeleteMarker: true, DeleteMarkerVersionId: marker.versionId };
        } else {
          const removed = await objects.deleteVersion(key, checkVersionId(versionId) as string);
          result = removed?.deleteMarker
            ? { Key: key, VersionId: versionId, DeleteMarker: true, DeleteMarkerVersionId: versionId }
            : { Key: key, VersionId: versionId };
        }
      } catch (error) {
        const failed = conditionError(error, key);
        if (!(failed instanceof S3Error)) throw failed;
        errors.push({ Key: key, VersionId: versionId, Code: failed.code, Message: failed.message });
        continue;
      }
      if (!quiet) deleted.push(result);
    }
    sendXml(res, 200, 'DeleteResult', { Deleted: deleted, Error: errors });
  };
