/*
 * CopyObject (S3 API Reference, CopyObject): copies a stored object (x-amz-copy-source) to the
 * request's key. Authorized as S3 does it: s3:PutObject on the destination (by the router) and
 * s3:GetObject on the source (here). The source's four `x-amz-copy-source-if-*` conditions are
 * evaluated like GetObject's, each failure a 412. Metadata is copied, or replaced with
 * `x-amz-metadata-directive: REPLACE`. The copy is a new single-part object: its ETag is the MD5
 * of its bytes (not a multipart source's `-N` ETag) and its checksum, when the source had one or
 * the request names an algorithm, is a full-object checksum over the copied bytes.
 */
import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { pipeline } from 'node:stream/promises';
import { createHasher, hashing, parseChecksumAlgorithm } from '../body/checksums.js';
import { S3Errors, withCause } from '../errors.js';
import { quoteEtag, sendXml, xmlDate } from '../reply.js';
import { DurableFileSink } from '../storage/durable-file-sink.js';
import { removeQuietly } from '../storage/files.js';
import type { ObjectMeta } from '../storage/object-meta.js';
import { evaluateConditions, requestConditions } from './conditional-headers.js';
import { missingKey } from './missing-key.js';
import { headerValue, readObjectInput } from './object-input.js';
import type { OperationFactory } from './operation.js';
import { commitObject, storedTime, writeCondition } from './putObject.js';

function parseCopySource(value: string): { bucket: string; key: string } {
  const [path = '', query] = value.split('?');
  if (query !== undefined && !/^versionId=null$/.test(query)) {
    throw S3Errors.notImplemented('CopyObject from a version (the emulator does not keep versions)');
  }
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
    authz.check({ action: 's3:GetObject', key: source.key });
    const meta = objects.get(source.key);
    if (!meta) throw missingKey(authz, source.key);
    checkSourceConditions(req, meta, clock.now());
    const replace = replacesMetadata(req);
    if (source.key === key && !replace) {
      throw S3Errors.invalidRequest(
        "This copy request is illegal because it is trying to copy an object to itself without changing the object's metadata, storage class, website redirect location or encryption attributes.",
      );
    }
    const input = replace ? readObjectInput(req, auth.queryHeaders) : undefined;
    const requested = headerValue(req, 'x-amz-checksum-algorithm');
    const condition = writeCondition(req);
    const opened = await objects.read(source.key);
    if (!opened) throw missingKey(authz, source.key);
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
    sendXml(res, 200, 'CopyObjectResult', {
      ETag: quoteEtag(stored.etag),
      LastModified: xmlDate(stored.lastModified),
      ChecksumType: stored.checksumType,
      ...checksums,
    });
  };
