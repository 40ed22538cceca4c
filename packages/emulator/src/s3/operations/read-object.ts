/*
 * The read path GetObject and HeadObject share: conditional headers in S3's precedence
 * (If-Match, If-Unmodified-Since → 412; If-None-Match, If-Modified-Since → 304), a single byte
 * Range (206, or 416 InvalidRange), response-* overrides, and the body streamed from disk. A
 * missing key is NoSuchKey or AccessDenied as the caller's s3:ListBucket decides (missing-key.ts).
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
import type { RequestContext, S3Services } from './operation.js';

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

/** Answers GET (`head` false) or HEAD for the context's key. */
export async function readObject(services: S3Services, ctx: RequestContext, head: boolean): Promise<void> {
  const { req, res, key, url } = ctx;
  const meta = services.objects.get(key);
  if (!meta) throw missingKey(ctx.authz, key);
  if (checkConditions(req, meta, services.clock.now()) === 'not-modified') {
    res.writeHead(304, { etag: quoteEtag(meta.etag), 'last-modified': httpDate(meta.lastModified) });
    res.end();
    return;
  }
  const range = parseRange(headerValue(req, 'range'), meta.size);
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
  const opened = await services.objects.read(key, range);
  if (!opened) throw missingKey(ctx.authz, key);
  if (opened.meta.etag !== meta.etag) {
    // Overwritten between the lookup and the open: describe what is actually streamed.
    opened.stream.destroy();
    return readObject(services, ctx, head);
  }
  res.writeHead(status, headers);
  await pipeline(opened.stream, res);
}
