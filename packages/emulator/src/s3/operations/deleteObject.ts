/*
 * DeleteObject: removes the key; like S3, deleting a key that does not exist also answers 204.
 * `If-Match` makes it a conditional delete (S3 User Guide, "How to perform conditional deletes"):
 * the object must exist (404 NoSuchKey) with that ETag, or `*` for any (412 PreconditionFailed),
 * and the caller needs s3:GetObject as well as s3:DeleteObject.
 */
import { sendEmpty } from '../reply.js';
import { headerValue } from './object-input.js';
import type { OperationFactory } from './operation.js';
import { conditionError } from './putObject.js';

export const deleteObject: OperationFactory =
  ({ objects }) =>
  async ({ req, res, key, authz }) => {
    const ifMatch = headerValue(req, 'if-match');
    if (ifMatch !== undefined) authz.check({ action: 's3:GetObject', key });
    await objects.delete(key, ifMatch).catch((error: unknown) => {
      throw conditionError(error, key);
    });
    sendEmpty(res, 204);
  };
