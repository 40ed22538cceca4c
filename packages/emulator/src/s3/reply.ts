/*
 * Writing S3 responses: XML documents, empty answers, errors in S3's `<Error>` shape (no body for
 * HEAD, as S3 does), and the headers that describe a stored object on GET, HEAD and PUT.
 */
import type { ServerResponse } from 'node:http';
import { checksumHeader } from './body/checksums.js';
import type { S3Error } from './errors.js';
import type { ObjectMeta } from './storage/object-meta.js';
import { toXmlDocument, type XmlObject } from './xml.js';

/** Sends an XML document with `status`. */
export function sendXml(res: ServerResponse, status: number, root: string, body: XmlObject): void {
  const text = toXmlDocument(root, body);
  res.writeHead(status, {
    'content-type': 'application/xml',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

/** Sends a response without a body. */
export function sendEmpty(res: ServerResponse, status: number, headers: Record<string, string> = {}): void {
  res.writeHead(status, { ...headers, 'content-length': '0' });
  res.end();
}

/** Sends S3's error document (status only for HEAD). */
export function sendError(
  res: ServerResponse,
  error: S3Error,
  options: { requestId: string; resource?: string; head: boolean },
): void {
  const headers: Record<string, string> = { ...error.headers };
  if (error.code === 'InvalidRange' && error.extra.ActualObjectSize !== undefined) {
    headers['content-range'] = `bytes */${error.extra.ActualObjectSize}`;
  }
  if (options.head) {
    res.writeHead(error.status, headers);
    res.end();
    return;
  }
  const text = toXmlDocument(
    'Error',
    {
      Code: error.code,
      Message: error.message,
      ...error.extra,
      Resource: options.resource,
      RequestId: options.requestId,
    },
    { namespace: false },
  );
  res.writeHead(error.status, {
    ...headers,
    'content-type': 'application/xml',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

/** `"<etag>"` as S3 quotes it. */
export function quoteEtag(etag: string): string {
  return `"${etag}"`;
}

/** S3's HTTP date (`Wed, 26 Nov 2026 10:00:00 GMT`). */
export function httpDate(ms: number): string {
  return new Date(ms).toUTCString();
}

/** S3's XML timestamp (`2026-11-26T10:00:00.000Z`). */
export function xmlDate(ms: number): string {
  return new Date(ms).toISOString();
}

/** Headers describing a stored object; checksums only when `withChecksums` (x-amz-checksum-mode). */
export function objectHeaders(meta: ObjectMeta, withChecksums: boolean): Record<string, string> {
  const headers: Record<string, string> = {
    etag: quoteEtag(meta.etag),
    'x-amz-version-id': meta.versionId,
    'last-modified': httpDate(meta.lastModified),
    'content-type': meta.contentType,
    'accept-ranges': 'bytes',
    ...meta.headers,
  };
  // "Working with object metadata": metadata with unprintable characters is not returned;
  // `x-amz-missing-meta` counts the entries left out.
  let missing = 0;
  for (const [name, value] of Object.entries(meta.userMetadata)) {
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is left out.
    if (/[\x00-\x08\x0a-\x1f\x7f]/.test(value)) missing++;
    else headers[`x-amz-meta-${name}`] = value;
  }
  if (missing > 0) headers['x-amz-missing-meta'] = String(missing);
  if (meta.partsCount !== undefined) headers['x-amz-mp-parts-count'] = String(meta.partsCount);
  if (withChecksums) {
    for (const [algorithm, value] of Object.entries(meta.checksums)) {
      headers[checksumHeader(algorithm as keyof ObjectMeta['checksums'])] = value;
    }
    if (meta.checksumType) headers['x-amz-checksum-type'] = meta.checksumType;
  }
  return headers;
}
