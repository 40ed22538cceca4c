/*
 * CopyObject (S3 API Reference, CopyObject): copies a stored object (x-amz-copy-source) to the
 * request's key, from the source's current object or, with `?versionId=` in the copy source, from
 * that version (how an earlier version is restored: copied back as the newest). Authorized as S3
 * does it: s3:PutObject on the destination (by the router) and s3:GetObject (s3:GetObjectVersion
 * for a version) on the source (here). The source's four `x-amz-copy-source-if-*` conditions are
 * evaluated like GetObject's, each failure a 412. Metadata is copied, or replaced with
 * `x-amz-metadata-directive: REPLACE`. The copy is a new single-part object: its ETag is the MD5
 * of its bytes (not a multipart source's `-N` ETag) and its checksum, when the source had one or
 * the request names an algorithm, is a full-object checksum over the copied bytes.
 */
import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { pipeline } from 'node:stream/promises';
import type { Authorizer } from '../authorize.js';
import { createHasher, hashing, parseChecksumAlgorithm } from '../body/checksums.js';
import { S3Errors, withCause } from '../errors.js';
import { quoteEtag, sendXml, xmlDate } from '../reply.js';
import { DurableFileSink } from '../storage/durable-file-sink.js';
import { removeQuietly } from '../storage/files.js';
import { type ObjectMeta, storedTime } from '../storage/object-meta.js';
import type { ObjectStore } from '../storage/object-store.js';
import { evaluateConditions, requestConditions } from './conditional-headers.js';
import { missingKey } from './missing-key.js';
import { headerValue, readObjectInput } from './object-input.js';
import { checkVersionId, findObjectVersion } from './object-version.js';
import type { OperationFactory } from './operation.js';
import { commitObject, writeCondition } from './putObject.js';

/** `x-amz-copy-source`: `bucket/key`, optionally `?versionId=<id>` (URL-encoded). */
function parseCopySource(value: string): { bucket: string; key: string; versionId?: string } {
  const at = value.indexOf('?');
  const path = at < 0 ? value : value.slice(0, at);
  const versionId =
    at < 0 ? undefined : (new URLSearchParams(value.slice(at + 1)).get('versionId') ?? undefined);
  const trimmed = path.startsWith('/') ? path.slice(1) : path;
  const slash = trimmed.indexOf('/');
  if (slash <= 0 || slash === trimmed.length - 1) {
    throw S3Errors.invalidArgument(
      'Copy Source must mention the source bucket and key: sourcebucket/sourcekey',
      'x-amz-copy-source',
      value,
    );
  }
  try {
    return {
      bucket: decodeURIComponent(trimmed.slice(0, slash)),
      key: decodeURIComponent(trimmed.slice(slash + 1)),
      versionId,
    };
  } catch (cause) {
    throw withCause(
      S3Errors.invalidArgument('Invalid copy source encoding', 'x-amz-copy-source', value),
      cause,
    );
  }
}

/** The source conditions; any that fails is 412 PreconditionFailed naming the header. */
function checkSourceConditions(req: IncomingMessage, meta: ObjectMeta, now: number): void {
  const prefix = 'x-amz-copy-source-';
  const outcome = evaluateConditions(requestConditions(req, prefix), meta, now);
  if (outcome === 'ok') return;
  throw S3Errors.preconditionFailed(`${prefix}${'failed' in outcome ? outcome.failed : outcome.notModified}`);
}

/**
 * The source version a copy reads. A delete marker named by its id is 400 InvalidRequest (S3 API
 * Reference, CopyObject: "you can't specify a delete marker as the source version"); a current
 * delete marker reads as a missing key.
 */
function sourceVersion(
  objects: ObjectStore,
  authz: Authorizer,
  source: { key: string; versionId?: string },
): ObjectMeta {
  if (source.versionId !== undefined) {
    const version = objects.version(source.key, checkVersionId(source.versionId) as string);
    if (version?.deleteMarker) {
      throw S3Errors.invalidRequest(
        'The source of a copy request may not specifically refer to a delete marker by version id.',
      );
    }
  }
  return findObjectVersion(objects, authz, source.key, source.versionId, 'GET');
}

/** `x-amz-metadata-directive`: COPY (the default) or REPLACE; anything else is InvalidArgument. */
function replacesMetadata(req: IncomingMessage): boolean {
  const directive = headerValue(req, 'x-amz-metadata-directive');
  if (directive === undefined || directive === 'COPY') return false;
  if (directive === 'REPLACE') return true;
  throw S3Errors.invalidArgument('Unknown metadata directive.', 'x-amz-metadata-directive', directive);
}

export const copyObject: OperationFactory =
  ({ objects, model, clock }) =>
  async ({ req, res, key, auth, authz }) => {
    const source = parseCopySource(String(req.headers['x-amz-copy-source']));
    if (source.bucket !== model.bucket.name) throw S3Errors.noSuchBucket(source.bucket);
    // A copy from a version reads that version: s3:GetObjectVersion (S3 API Reference, CopyObject).
    authz.check({
      action: source.versionId === undefined ? 's3:GetObject' : 's3:GetObjectVersion',
      key: source.key,
    });
    const meta = sourceVersion(objects, authz, source);
    checkSourceConditions(req, meta, clock.now());
    const replace = replacesMetadata(req);
    // Copying an earlier version over its key is how a version is restored; only the current
    // object onto itself, unchanged, is refused.
    if (source.key === key && !replace && source.versionId === undefined) {
      throw S3Errors.invalidRequest(
        "This copy request is illegal because it is trying to copy an object to itself without changing the object's metadata, storage class, website redirect location or encryption attributes.",
      );
    }
    const input = replace ? readObjectInput(req, auth.queryHeaders) : undefined;
    const requested = headerValue(req, 'x-amz-checksum-algorithm');
    const condition = writeCondition(req);
    const opened = await objects.read(source.key, undefined, meta.versionId);
    if (!opened) throw missingKey(authz, source.key, objects.latest(source.key));
    const copied = opened.meta;
    const algorithm =
      requested === undefined
        ? (Object.keys(copied.checksums)[0] as keyof ObjectMeta['checksums'] | undefined)
        : parseChecksumAlgorithm(requested, 'x-amz-checksum-algorithm');
    const md5 = createHash('md5');
    const checksum = algorithm ? createHasher(algorithm) : undefined;
    const temp = objects.newTempFile();
    try {
      await pipeline(opened.stream, hashing(md5, checksum), new DurableFileSink(temp));
    } catch (error) {
      await removeQuietly(temp);
      throw error;
    }
    const stored = await commitObject(
      objects,
      temp,
      {
        ...(input ?? {
          contentType: copied.contentType,
          headers: copied.headers,
          userMetadata: copied.userMetadata,
        }),
        key,
        size: copied.size,
        etag: md5.digest('hex'),
        lastModified: storedTime(clock.now()),
        checksums: algorithm && checksum ? { [algorithm]: checksum.digest().toString('base64') } : {},
        checksumType: algorithm ? 'FULL_OBJECT' : undefined,
      },
      condition,
    );
    const checksums = Object.fromEntries(
      Object.entries(stored.checksums).map(([a, v]) => [`Checksum${a}`, v]),
    );
    res.setHeader('x-amz-version-id', stored.versionId);
    // "x-amz-copy-source-version-id: The version ID of the source object that was copied."
    res.setHeader('x-amz-copy-source-version-id', copied.versionId);
    sendXml(res, 200, 'CopyObjectResult', {
      ETag: quoteEtag(stored.etag),
      LastModified: xmlDate(stored.lastModified),
      ChecksumType: stored.checksumType,
      ...checksums,
    });
  };
