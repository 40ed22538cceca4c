/*
 * The read path GetObject and HeadObject share: conditional headers in S3's precedence
 * (If-Match, If-Unmodified-Since → 412; If-None-Match, If-Modified-Since → 304), a single byte
 * Range (206, or 416 InvalidRange), response-* overrides, and the body streamed from disk. The
 * current object, or with `versionId` that version (object-version.ts). A missing key is NoSuchKey
 * or AccessDenied as the caller's s3:ListBucket decides (missing-key.ts).
 */
import type { IncomingMessage } from 'node:http';
import { pipeline } from 'node:stream/promises';
import { S3Errors } from '../errors.js';
import { httpDate, objectHeaders, quoteEtag } from '../reply.js';
import { queryValue } from '../request-url.js';
import type { ObjectMeta } from '../storage/object-meta.js';
import { evaluateConditions, requestConditions } from './conditional-headers.js';
import { missingKey } from './missing-key.js';
import { headerValue } from './object-input.js';
import { findObjectVersion } from './object-version.js';
import type { RequestContext, S3Services } from './operation.js';
import { parsePartNumber } from './uploadPart.js';

const OVERRIDES = [
  'content-type',
  'content-language',
  'expires',
  'cache-control',
  'content-disposition',
  'content-encoding',
] as const;

/** 412 or 304 when a condition fails (conditional-headers.ts has S3's precedence). */
function checkConditions(req: IncomingMessage, meta: ObjectMeta, now: number): 'ok' | 'not-modified' {
  const outcome = evaluateConditions(requestConditions(req), meta, now);
  if (outcome === 'ok') return 'ok';
  if ('failed' in outcome) throw S3Errors.preconditionFailed(outcome.failed);
  return 'not-modified';
}

/**
 * A `response-*` override, checked as S3 checks it: a value a header cannot carry (a character
 * beyond ISO-8859-1, or a control character) is 400 InvalidArgument naming the parameter, with
 * S3's message "Header value cannot be represented using ISO-8859-1."
 */
function overrideValue(name: string, value: string): string {
  if (/[^\t\x20-\x7e\x80-\xff]/.test(value)) {
    throw S3Errors.invalidArgument('Header value cannot be represented using ISO-8859-1.', name, value);
  }
  return value;
}

/** The inclusive byte range asked for, undefined for the whole object; unsatisfiable → InvalidRange. */
function parseRange(value: string | undefined, size: number): { start: number; end: number } | undefined {
  if (value === undefined) return undefined;
  const m = /^bytes=(\d*)-(\d*)$/.exec(value.trim());
  if (!m || (m[1] === '' && m[2] === '')) return undefined;
  if (m[1] === '') {
    const suffix = Number(m[2]);
    if (suffix === 0 || size === 0) throw S3Errors.invalidRange(size);
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(m[1]);
  const end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
  if (m[2] !== '' && Number(m[2]) < start) return undefined;
  if (start >= size) throw S3Errors.invalidRange(size);
  return { start, end };
}

/**
 * The bytes of one part (S3 API Reference, GetObject, partNumber: "effectively performs a 'ranged'
 * GET request for the part specified"); an object uploaded in one piece is its own part 1. A part
 * the object does not have is 416 InvalidPartNumber; Range with partNumber is 400 InvalidRequest.
 */
function partRange(
  req: IncomingMessage,
  meta: ObjectMeta,
  part: number,
): { start: number; end: number } | undefined {
  if (headerValue(req, 'range') !== undefined) {
    throw S3Errors.invalidRequest('Cannot specify both Range header and partNumber query parameter');
  }
  if (meta.partsCount !== undefined && meta.partSizes === undefined) {
    throw S3Errors.notImplemented('partNumber on a multipart object stored before part sizes were kept');
  }
  const sizes = meta.partSizes ?? [meta.size];
  if (part > sizes.length) throw S3Errors.invalidPartNumber();
  const start = sizes.slice(0, part - 1).reduce((sum, size) => sum + size, 0);
  const size = sizes[part - 1] as number;
  return size === 0 ? undefined : { start, end: start + size - 1 };
}

/** Answers GET (`head` false) or HEAD for the context's key. */
export async function readObject(services: S3Services, ctx: RequestContext, head: boolean): Promise<void> {
  const { req, res, key, url } = ctx;
  const versionId = queryValue(url.query, 'versionId');
  const method = head ? 'HEAD' : 'GET';
  const meta = findObjectVersion(services.objects, ctx.authz, key, versionId, method);
  if (checkConditions(req, meta, services.clock.now()) === 'not-modified') {
    res.writeHead(304, { etag: quoteEtag(meta.etag), 'last-modified': httpDate(meta.lastModified) });
    res.end();
    return;
  }
  const partNumber = queryValue(url.query, 'partNumber');
  const range =
    partNumber === undefined
      ? parseRange(headerValue(req, 'range'), meta.size)
      : partRange(req, meta, parsePartNumber(partNumber));
  const withChecksums = !range && headerValue(req, 'x-amz-checksum-mode')?.toUpperCase() === 'ENABLED';
  const headers = objectHeaders(meta, withChecksums);
  for (const name of OVERRIDES) {
    const override = queryValue(url.query, `response-${name}`);
    if (override !== undefined) headers[name] = overrideValue(`response-${name}`, override);
  }
  const length = range ? range.end - range.start + 1 : meta.size;
  headers['content-length'] = String(length);
  if (range) headers['content-range'] = `bytes ${range.start}-${range.end}/${meta.size}`;
  const status = range ? 206 : 200;
  if (head || length === 0) {
    res.writeHead(status, headers);
    res.end();
    return;
  }
  const opened = await services.objects.read(key, range, versionId);
  if (!opened) throw missingKey(ctx.authz, key, services.objects.latest(key));
  if (opened.meta.versionId !== meta.versionId) {
    // Overwritten between the lookup and the open: describe what is actually streamed.
    opened.stream.destroy();
    return readObject(services, ctx, head);
  }
  res.writeHead(status, headers);
  await pipeline(opened.stream, res);
}
