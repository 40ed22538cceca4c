/*
 * CopyObject: copies a stored object (x-amz-copy-source) to the request's key. Authorized as S3
 * does it: s3:PutObject on the destination (by the router) and s3:GetObject on the source (here).
 * Metadata is copied, or replaced with `x-amz-metadata-directive: REPLACE`.
 */
import { pipeline } from 'node:stream/promises';
import { S3Errors, withCause } from '../errors.js';
import { quoteEtag, sendXml, xmlDate } from '../reply.js';
import { DurableFileSink } from '../storage/durable-file-sink.js';
import { removeQuietly } from '../storage/files.js';
import { etagMatches } from '../storage/object-store.js';
import { readObjectInput } from './object-input.js';
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

export const copyObject: OperationFactory =
  ({ objects, model, clock }) =>
  async ({ req, res, key, authz }) => {
    const source = parseCopySource(String(req.headers['x-amz-copy-source']));
    if (source.bucket !== model.bucket.name) throw S3Errors.noSuchBucket(source.bucket);
    authz.check({ action: 's3:GetObject', key: source.key });
    const meta = objects.get(source.key);
    if (!meta) throw S3Errors.noSuchKey(source.key);
    const ifMatch = req.headers['x-amz-copy-source-if-match'];
    if (typeof ifMatch === 'string' && !etagMatches(ifMatch, meta.etag)) {
      throw S3Errors.preconditionFailed('x-amz-copy-source-If-Match');
    }
    const ifNoneMatch = req.headers['x-amz-copy-source-if-none-match'];
    if (typeof ifNoneMatch === 'string' && etagMatches(ifNoneMatch, meta.etag)) {
      throw S3Errors.preconditionFailed('x-amz-copy-source-If-None-Match');
    }
    const replace = String(req.headers['x-amz-metadata-directive'] ?? 'COPY').toUpperCase() === 'REPLACE';
    if (source.key === key && !replace) {
      throw S3Errors.invalidRequest(
        "This copy request is illegal because it is trying to copy an object to itself without changing the object's metadata, storage class, website redirect location or encryption attributes.",
      );
    }
    const condition = writeCondition(req);
    const opened = await objects.read(source.key);
    if (!opened) throw S3Errors.noSuchKey(source.key);
    const temp = objects.newTempFile();
    try {
      await pipeline(opened.stream, new DurableFileSink(temp));
    } catch (error) {
      await removeQuietly(temp);
      throw error;
    }
    const copied = opened.meta;
    const input = replace
      ? readObjectInput(req)
      : { contentType: copied.contentType, headers: copied.headers, userMetadata: copied.userMetadata };
    const stored = await commitObject(
      objects,
      temp,
      {
        ...input,
        key,
        size: copied.size,
        etag: copied.etag,
        lastModified: storedTime(clock.now()),
        checksums: copied.checksums,
        checksumType: copied.checksumType,
        partsCount: copied.partsCount,
      },
      condition,
    );
    const checksums = Object.fromEntries(
      Object.entries(stored.checksums).map(([a, v]) => [`Checksum${a}`, v]),
    );
    sendXml(res, 200, 'CopyObjectResult', {
      ETag: quoteEtag(stored.etag),
      LastModified: xmlDate(stored.lastModified),
      ...checksums,
    });
  };
