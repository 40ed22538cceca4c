/*
 * Reads what a PUT, copy or CreateMultipartUpload request says about the object it creates:
 * Content-Type (S3's default `binary/octet-stream`), the representation headers S3 stores, and
 * `x-amz-meta-*` user metadata (names lower-case, as S3 returns them). User metadata is kept in
 * a prototype-free object, so a name such as `__proto__` or `constructor` is stored like any other.
 */
import type { IncomingMessage } from 'node:http';
import { S3Errors } from '../errors.js';
import { STORED_HEADERS } from '../storage/object-meta.js';

export interface ObjectInput {
  contentType: string;
  headers: Record<string, string>;
  userMetadata: Record<string, string>;
}

/**
 * "Working with object metadata" (S3 User Guide): user-defined metadata is limited to 2 KB, measured
 * as the sum of the UTF-8 bytes of each key and value; the key is the name after `x-amz-meta-`.
 * Values are held as the bytes received (one character per byte), so their latin1 length is that.
 */
const MAX_USER_METADATA_BYTES = 2048;

/** A request header's value (the first, if sent more than once). */
export function headerValue(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * A presigned URL's query value as the bytes a header would have carried, one character per byte
 * (how node reads a header): the query is percent-decoded text, so it becomes its UTF-8 bytes.
 */
function asHeaderBytes(text: string): string {
  return Buffer.from(text, 'utf8').toString('latin1');
}

/**
 * The object attributes carried by the request: its headers and, for a presigned URL, the
 * `x-amz-meta-*` values signed into its query (`queryHeaders`), which S3 applies as headers.
 */
export function readObjectInput(
  req: IncomingMessage,
  queryHeaders: Record<string, string> = {},
): ObjectInput {
  const headers: Record<string, string> = {};
  for (const name of STORED_HEADERS) {
    const value = req.headers[name];
    if (typeof value !== 'string') continue;
    if (name === 'content-encoding') {
      // aws-chunked describes the transfer, not the object; S3 drops it.
      const kept = value
        .split(',')
        .map((v) => v.trim())
        .filter((v) => v !== '' && v !== 'aws-chunked');
      if (kept.length > 0) headers[name] = kept.join(',');
    } else headers[name] = value;
  }
  const userMetadata: Record<string, string> = Object.create(null);
  let bytes = 0;
  const fromQuery = Object.entries(queryHeaders).map(
    ([name, value]) => [name, asHeaderBytes(value)] as const,
  );
  for (const [name, value] of [...fromQuery, ...Object.entries(req.headers)]) {
    if (!name.startsWith('x-amz-meta-') || value === undefined) continue;
    const text = Array.isArray(value) ? value.join(',') : value;
    const short = name.slice('x-amz-meta-'.length);
    if (Object.hasOwn(userMetadata, short))
      bytes -= Buffer.byteLength(short) + Buffer.byteLength(userMetadata[short] as string, 'latin1');
    userMetadata[short] = text;
    bytes += Buffer.byteLength(short) + Buffer.byteLength(text, 'latin1');
  }
  if (bytes > MAX_USER_METADATA_BYTES) {
    throw S3Errors.metadataTooLarge(bytes, MAX_USER_METADATA_BYTES);
  }
  const contentType = req.headers['content-type'];
  return { contentType: contentType || 'binary/octet-stream', headers, userMetadata };
}
