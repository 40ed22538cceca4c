/* AbortMultipartUpload: drops the upload and its parts (204); an unknown upload is NoSuchUpload. */

import { sendEmpty } from '../reply.js';
import { queryValue } from '../request-url.js';
import type { OperationFactory } from './operation.js';

export const abortMultipartUpload: OperationFactory =
  ({ uploads }) =>
  async ({ res, key, url }) => {
    const uploadId = queryValue(url.query, 'uploadId') ?? '';
    await uploads.exclusive(uploadId, async () => {
      await uploads.get(uploadId, key);
      await uploads.remove(uploadId);
    });
    sendEmpty(res, 204);
  };
