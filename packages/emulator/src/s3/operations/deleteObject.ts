/*
 * DeleteObject in a versioned bucket (S3 API Reference, DeleteObject; S3 User Guide, "Deleting
 * object versions from a versioning-enabled bucket"). Without `versionId` it removes nothing: a new
 * delete marker becomes the key's current version (even when the key had no object), answered 204
 * with `x-amz-delete-marker: true` and the marker's `x-amz-version-id`. With `versionId` (authorized
 * as s3:DeleteObjectVersion by the router) that version or delete marker is removed for good; a
 * well-formed id the key does not have also answers 204. `If-Match` makes it a conditional delete
 * (S3 User Guide, "How to perform conditional deletes"): the current object must exist (404
 * NoSuchKey) with that ETag, or `*` for any (412 PreconditionFailed), and the caller needs
 * s3:GetObject as well as s3:DeleteObject.
 */
import { sendEmpty } from '../reply.js';
import { queryValue } from '../request-url.js';
import { headerValue } from './object-input.js';
import { checkVersionId } from './object-version.js';
import type { OperationFactory } from './operation.js';
import { conditionError } from './putObject.js';

export const deleteObject: OperationFactory =
  ({ objects }) =>
  async ({ req, res, key, url, authz }) => {
    const versionId = checkVersionId(queryValue(url.query, 'versionId'));
    if (versionId !== undefined) {
      const removed = await objects.deleteVersion(key, versionId);
      const headers: Record<string, string> = { 'x-amz-version-id': versionId };
      if (removed?.deleteMarker) headers['x-amz-delete-marker'] = 'true';
      sendEmpty(res, 204, headers);
      return;
    }
    const ifMatch = headerValue(req, 'if-match');
    if (ifMatch !== undefined) authz.check({ action: 's3:GetObject', key });
    const marker = await objects.delete(key, ifMatch).catch((error: unknown) => {
      throw conditionError(error, key);
    });
    sendEmpty(res, 204, { 'x-amz-delete-marker': 'true', 'x-amz-version-id': marker.versionId });
  };
