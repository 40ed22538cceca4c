/* DeleteObject: removes the key; like S3, deleting a key that does not exist also answers 204. */
import { sendEmpty } from '../reply.js';
import type { OperationFactory } from './operation.js';

export const deleteObject: OperationFactory =
  ({ objects }) =>
  async ({ res, key }) => {
    await objects.delete(key);
    sendEmpty(res, 204);
  };
