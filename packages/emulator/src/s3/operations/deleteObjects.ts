/*
 * DeleteObjects: up to 1,000 keys in one XML request. Like S3, each key is authorized on its own
 * (s3:DeleteObject, or s3:DeleteObjectVersion for an entry with `<VersionId>`) and a denied key is
 * reported in the result rather than failing the request. In the versioned bucket an entry without
 * a version id leaves a delete marker, reported as `<DeleteMarker>true</DeleteMarker>` with its
 * `<DeleteMarkerVersionId>`; one with a version id removes that version (S3 API Reference,
 * DeleteObjects, "DeletedObject").
 * An `<ETag>` on an entry makes its delete conditional, as DeleteObject's If-Match (S3 User Guide,
 * "How to perform conditional deletes"): a failed condition is that key's `<Error>`.
 * The keys' deletes run concurrently (a bounded number at a time), each still committed in its
 * key's turn by the object store, so a request of 1,000 keys costs about what 1,000 durable
 * history writes cost side by side, not one after another; results are reported in request order.
 */
import { receiveSmallBody } from '../body/incoming-body.js';
import { S3Error, S3Errors } from '../errors.js';
import { sendXml } from '../reply.js';
import { parseRequestXml, textOf, type XmlObject } from '../xml.js';
import { checkVersionId } from './object-version.js';
import type { OperationFactory } from './operation.js';
import { conditionError } from './putObject.js';

const MAX_KEYS = 1000;
/** Keys deleted at once: enough to keep the disk's queue full, few enough to bound open files. */
const CONCURRENT_DELETES = 32;

/** What one entry came to: a `<Deleted>` or an `<Error>`. */
type Outcome = { deleted: XmlObject } | { error: XmlObject };

/** Runs `work` on every item, `limit` at a time; the results are in the items' order. */
async function mapConcurrently<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const at = next++;
      results[at] = await work(items[at] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

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
    const entries = items.map((item) => {
      const key = textOf(item, 'Key');
      if (key === undefined || key === '') throw S3Errors.malformedXml();
      return {
        key,
        etag: textOf(item, 'ETag')?.trim(),
        versionId: textOf(item, 'VersionId')?.trim() || undefined,
      };
    });
    const outcomes = await mapConcurrently(
      entries,
      CONCURRENT_DELETES,
      async ({ key, etag, versionId }): Promise<Outcome> => {
        const action = versionId === undefined ? 's3:DeleteObject' : 's3:DeleteObjectVersion';
        const allowed =
          authz.allows({ action, key }) &&
          (etag === undefined || authz.allows({ action: 's3:GetObject', key }));
        if (!allowed) {
          return {
            error: { Key: key, VersionId: versionId, Code: 'AccessDenied', Message: 'Access Denied' },
          };
        }
        try {
          if (versionId === undefined) {
            const marker = await objects.delete(key, etag);
            return { deleted: { Key: key, DeleteMarker: true, DeleteMarkerVersionId: marker.versionId } };
          }
          const removed = await objects.deleteVersion(key, checkVersionId(versionId) as string);
          return {
            deleted: removed?.deleteMarker
              ? { Key: key, VersionId: versionId, DeleteMarker: true, DeleteMarkerVersionId: versionId }
              : { Key: key, VersionId: versionId },
          };
        } catch (error) {
          const failed = conditionError(error, key);
          if (!(failed instanceof S3Error)) throw failed;
          return { error: { Key: key, VersionId: versionId, Code: failed.code, Message: failed.message } };
        }
      },
    );
    const deleted = quiet ? [] : outcomes.flatMap((o) => ('deleted' in o ? [o.deleted] : []));
    const errors = outcomes.flatMap((o) => ('error' in o ? [o.error] : []));
    sendXml(res, 200, 'DeleteResult', { Deleted: deleted, Error: errors });
  };
