/*
 * Every S3 operation the emulator implements, by its AWS name, in one typed map the router
 * dispatches into.
 */
import { abortMultipartUpload } from './abortMultipartUpload.js';
import { completeMultipartUpload } from './completeMultipartUpload.js';
import { copyObject } from './copyObject.js';
import { createMultipartUpload } from './createMultipartUpload.js';
import { deleteObject } from './deleteObject.js';
import { deleteObjects } from './deleteObjects.js';
import { getObject } from './getObject.js';
import { headObject } from './headObject.js';
import { listObjectsV2 } from './listObjectsV2.js';
import { listObjectVersions } from './listObjectVersions.js';
import { listParts } from './listParts.js';
import type { Operation, OperationFactory, S3Services } from './operation.js';
import { putObject } from './putObject.js';
import { uploadPart } from './uploadPart.js';

export const OPERATIONS = {
  ListObjectsV2: listObjectsV2,
  ListObjectVersions: listObjectVersions,
  GetObject: getObject,
  HeadObject: headObject,
  PutObject: putObject,
  DeleteObject: deleteObject,
  DeleteObjects: deleteObjects,
  CopyObject: copyObject,
  CreateMultipartUpload: createMultipartUpload,
  UploadPart: uploadPart,
  CompleteMultipartUpload: completeMultipartUpload,
  AbortMultipartUpload: abortMultipartUpload,
  ListParts: listParts,
} satisfies Record<string, OperationFactory>;

/** An implemented operation's AWS name. */
export type OperationName = keyof typeof OPERATIONS;

/** Builds every operation's handler from the services. */
export function createOperations(services: S3Services): Record<OperationName, Operation> {
  const built = {} as Record<OperationName, Operation>;
  for (const name of Object.keys(OPERATIONS) as OperationName[]) built[name] = OPERATIONS[name](services);
  return built;
}
