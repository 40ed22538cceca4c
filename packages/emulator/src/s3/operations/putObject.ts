/*
 * PutObject: streams the verified body to a temp file, then commits it as the key's content in
 * one step as the key's new version (If-None-Match: * and If-Match honoured at commit), answering
 * with the ETag, the checksum S3 stored and the new `x-amz-version-id`.
 */
import type { IncomingMessage } from 'node:http';
import { checksumHeader } from '../body/checksums.js';
import { receiveBodyToFile } from '../body/incoming-body.js';
import { S3Errors } from '../errors.js';
import { quoteEtag, sendEmpty } from '../reply.js';
import { removeQuietly } from '../storage/files.js';
import { type NewObject, type ObjectMeta, storedTime } from '../storage/object-meta.js';
import { type ObjectStore, type WriteCondition, WriteConditionFailed } from '../storage/object-store.js';
import { readObjectInput } from './object-input.js';
import type { OperationFactory } from './operation.js';

/** The write conditions S3 accepts on PUT and CompleteMultipartUpload. */
export function writeCondition(req: IncomingMessage): WriteCondition {
  const ifNoneMatch = req.headers['if-none-match'];
  if (ifNoneMatch !== undefined && ifNoneMatch !== '*') {
    throw S3Errors.notImplemented(`If-None-Match: ${ifNoneMatch} on writes (S3 accepts only "*")`);
  }
  return { ifNoneMatch, ifMatch: req.headers['if-match'] };
}

/**
 * Commits a written temp file; the temp file is removed on failure. A failed condition is S3's 412
 * PreconditionFailed, except If-Match on a key with no object: 404 NoSuchKey (S3 User Guide,
 * "How to prevent object overwrites with conditional writes").
 */
export async function commitObject(
  objects: ObjectStore,
  tempFile: string,
  meta: NewObject,
  condition: WriteCondition,
): Promise<ObjectMeta> {
  try {
    return await objects.commit(tempFile, meta, condition);
  } catch (error) {
    await removeQuietly(tempFile);
    throw conditionError(error, meta.key);
  }
}

/**
 * S3's answer to a write or delete condition that failed: 412 PreconditionFailed, or 404 NoSuchKey
 * when If-Match found no object ("How to prevent object overwrites with conditional writes", "How
 * to perform conditional deletes"); any other error as it is.
 */
export function conditionError(error: unknown, key: string): unknown {
  if (!(error instanceof WriteConditionFailed)) return error;
  return error.missing ? S3Errors.noSuchKey(key) : S3Errors.preconditionFailed(error.condition);
}

export const putObject: OperationFactory =
  ({ objects, clock }) =>
  async ({ req, res, key, auth }) => {
    const input = readObjectInput(req, auth.queryHeaders);
    const condition = writeCondition(req);
    const temp = objects.newTempFile();
    const body = await receiveBodyToFile(req, auth, temp);
    const meta = await commitObject(
      objects,
      temp,
      {
        key,
        size: body.size,
        etag: body.md5Hex,
        lastModified: storedTime(clock.now()),
        ...input,
        checksums: body.checksum ? { [body.checksum.algorithm]: body.checksum.value } : {},
        checksumType: body.checksum ? 'FULL_OBJECT' : undefined,
      },
      condition,
    );
    const headers: Record<string, string> = {
      etag: quoteEtag(meta.etag),
      'x-amz-version-id': meta.versionId,
    };
    if (body.checksum) {
      headers[checksumHeader(body.checksum.algorithm)] = body.checksum.value;
      headers['x-amz-checksum-type'] = 'FULL_OBJECT';
    }
    sendEmpty(res, 200, headers);
  };
