/*
 * The four read conditions S3 takes on GetObject and HeadObject (If-Match, If-None-Match,
 * If-Modified-Since, If-Unmodified-Since) and on CopyObject's source (the same four behind
 * `x-amz-copy-source-`), evaluated once, in the precedence the S3 API Reference gives for both
 * operations and with the date rules of RFC 7232, to which it refers.
 */
import type { IncomingMessage } from 'node:http';
import type { ObjectMeta } from '../storage/object-meta.js';
import { etagMatches } from '../storage/object-store.js';
import { headerValue } from './object-input.js';

/** The condition values a request sent (raw header text). */
export interface ConditionValues {
  ifMatch?: string;
  ifNoneMatch?: string;
  ifModifiedSince?: string;
  ifUnmodifiedSince?: string;
}

/** The four conditions as `req` sent them, named `<prefix>if-match` etc. (`x-amz-copy-source-` for a copy). */
export function requestConditions(req: IncomingMessage, prefix = ''): ConditionValues {
  return {
    ifMatch: headerValue(req, `${prefix}if-match`),
    ifNoneMatch: headerValue(req, `${prefix}if-none-match`),
    ifModifiedSince: headerValue(req, `${prefix}if-modified-since`),
    ifUnmodifiedSince: headerValue(req, `${prefix}if-unmodified-since`),
  };
}

/** The condition that failed, by its HTTP name; `ok` when all hold. */
export type ConditionOutcome =
  | 'ok'
  | { failed: 'If-Match' | 'If-Unmodified-Since' }
  | { notModified: 'If-None-Match' | 'If-Modified-Since' };

/** A conditional request's date; an unparsable one is ignored (RFC 7232 §3.3–3.4). */
function parseHttpDate(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
}

/**
 * Evaluates the conditions against the stored object at `now`:
 * - If-Match, when sent, decides alone: "If-Match true and If-Unmodified-Since false → 200";
 * - If-None-Match, when sent, decides alone over If-Modified-Since ("If-None-Match false and
 *   If-Modified-Since true → 304", 412 for a copy);
 * - an If-Modified-Since later than the server's current time is invalid and ignored (RFC 7232
 *   §3.3), so a client with a fast clock still gets the object.
 */
export function evaluateConditions(values: ConditionValues, meta: ObjectMeta, now: number): ConditionOutcome {
  // Last-Modified has whole seconds on the wire; compare what the client could have seen.
  const modified = Math.floor(meta.lastModified / 1000) * 1000;
  if (values.ifMatch !== undefined) {
    if (!etagMatches(values.ifMatch, meta.etag)) return { failed: 'If-Match' };
  } else {
    const since = parseHttpDate(values.ifUnmodifiedSince);
    if (since !== undefined && modified > since) return { failed: 'If-Unmodified-Since' };
  }
  if (values.ifNoneMatch !== undefined) {
    if (etagMatches(values.ifNoneMatch, meta.etag)) return { notModified: 'If-None-Match' };
  } else {
    const since = parseHttpDate(values.ifModifiedSince);
    if (since !== undefined && since <= now && modified <= since) return { notModified: 'If-Modified-Since' };
  }
  return 'ok';
}
