/*
 * Which headers a SigV4 signature must cover for S3: `host` always, and every `x-amz-*` header the
 * request carries but the payload hash (its value enters the canonical request as the payload line
 * whether or not it is listed, and S3 lets it through unsigned). Anything else is S3's 403
 * AccessDenied with <HeadersNotSigned>, so a captured request cannot be replayed with an added
 * `x-amz-copy-source` or `x-amz-meta-*`. Content-Type and Content-MD5 may stay unsigned, as in S3.
 */
import type { IncomingMessage } from 'node:http';
import { S3Errors } from '../errors.js';

/** `x-amz-*` headers S3 accepts unsigned. */
const UNSIGNED_ALLOWED = new Set(['x-amz-content-sha256']);

/** Throws S3's HeadersNotSigned AccessDenied when the request carries headers the signature leaves out. */
export function assertHeadersSigned(req: IncomingMessage, signedHeaders: readonly string[]): void {
  const signed = new Set(signedHeaders.filter((name) => name !== ''));
  const unsigned = Object.keys(req.headers).filter(
    (name) => name.startsWith('x-amz-') && !signed.has(name) && !UNSIGNED_ALLOWED.has(name),
  );
  if (!signed.has('host')) unsigned.unshift('host');
  if (unsigned.length > 0) throw S3Errors.headersNotSigned(unsigned);
}
