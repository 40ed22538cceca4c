/*
 * Authenticates S3 requests the way S3 does: AWS Signature Version 4 in the Authorization header
 * or in a presigned query string. The expected signature is recomputed with @smithy/signature-v4
 * from the secret the identity pool issued and compared in constant time; the checks before it
 * (credentials known, session token, expiry, clock skew, presigned expiry) fail with S3's codes.
 */

import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { SignatureV4 } from '@smithy/signature-v4';
import type { Clock } from '../../clock.js';
import type { CredentialsLookup, IssuedCredentials } from '../../issued-credentials.js';
import { S3Errors } from '../errors.js';
import { emptyQuery, type Query, queryValue, type RequestUrl } from '../request-url.js';
import { findCredentials } from './access-key.js';
import { NodeSha256 } from './node-sha256.js';
import { assertHeadersSigned } from './signed-headers.js';

const MAX_SKEW_MS = 15 * 60_000;
const MAX_PRESIGNED_SECONDS = 7 * 24 * 3600;
const UNSIGNED_PAYLOAD = 'UNSIGNED-PAYLOAD';
const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
const PRESIGN_PARAMS = [
  'X-Amz-Algorithm',
  'X-Amz-Credential',
  'X-Amz-Date',
  'X-Amz-Expires',
  'X-Amz-SignedHeaders',
  'X-Amz-Signature',
  'X-Amz-Security-Token',
];
/** Signs one `aws-chunked` chunk of a STREAMING-AWS4-HMAC-SHA256-PAYLOAD body. */
export interface ChunkSigner {
  /** The request's own signature, which chains into the first chunk's. */
  seedSignature: string;
  /** The signature a chunk must carry, given the previous signature and the chunk's SHA-256 hex. */
  sign(previousSignature: string, chunkSha256Hex: string): Promise<string>;
}

/** How the body is covered by the signature (from `x-amz-content-sha256`). */
export type PayloadSigning =
  | { kind: 'unsigned' }
  | { kind: 'sha256'; hex: string }
  | { kind: 'streaming-unsigned-trailer' }
  | { kind: 'streaming-signed'; chunks: ChunkSigner };

/** A verified caller. */
export interface Authenticated {
  credentials: IssuedCredentials;
  payload: PayloadSigning;
  /**
   * `x-amz-*` values a presigned URL carries in its query (lower-case names), which S3 applies
   * like headers: e.g. the `x-amz-checksum-crc32` SDK v3 signs into presigned PUT URLs.
   */
  queryHeaders: Record<string, string>;
}

export interface AuthenticateDeps {
  region: string;
  clock: Clock;
  lookupCredentials: CredentialsLookup;
}

interface SignatureParts {
  accessKeyId: string;
  date: string;
  region: string;
  service: string;
  signedHeaders: string[];
  signature: string;
}

function parseCredential(
  credential: string,
  malformed: (m: string) => Error,
): Omit<SignatureParts, 'signedHeaders' | 'signature'> {
  const parts = credential.split('/');
  if (parts.length !== 5 || parts[4] !== 'aws4_request') {
    throw malformed(
      `Error parsing the X-Amz-Credential parameter; the Credential is mal-formed; expecting "<YOUR-AKID>/YYYYMMDD/REGION/SERVICE/aws4_request".`,
    );
  }
  const [accessKeyId, date, region, service] = parts as [string, string, string, string];
  return { accessKeyId, date, region, service };
}

function parseAuthorizationHeader(header: string): SignatureParts {
  const fields = new Map<string, string>();
  for (const part of header.slice('AWS4-HMAC-SHA256 '.length).split(',')) {
    const eq = part.indexOf('=');
    if (eq > 0) fields.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  const credential = fields.get('Credential');
  const signedHeaders = fields.get('SignedHeaders');
  const signature = fields.get('Signature');
  if (!credential || !signedHeaders || !signature) {
    throw S3Errors.authorizationHeaderMalformed(
      'The authorization header is malformed; it must carry Credential, SignedHeaders and Signature.',
    );
  }
  return {
    ...parseCredential(credential, S3Errors.authorizationHeaderMalformed),
    signedHeaders: signedHeaders.split(';'),
    signature,
  };
}

/** `20260101T120000Z` → epoch ms, or NaN. */
function parseAmzDate(value: string | undefined): number {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value ?? '');
  if (!m) return Number.NaN;
  const [, y, mo, d, h, mi, s] = m.map(Number) as number[];
  return Date.UTC(y as number, (mo as number) - 1, d, h, mi, s);
}

function headerText(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value.join(',') : value;
}

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

function payloadSigning(value: string | undefined, chunks: ChunkSigner | undefined): PayloadSigning {
  if (value === undefined)
    throw S3Errors.invalidRequest('Missing required header for this request: x-amz-content-sha256');
  if (value === UNSIGNED_PAYLOAD) return { kind: 'unsigned' };
  if (value === 'STREAMING-UNSIGNED-PAYLOAD-TRAILER') return { kind: 'streaming-unsigned-trailer' };
  if (value === 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD' && chunks) return { kind: 'streaming-signed', chunks };
  if (/^[0-9a-f]{64}$/.test(value)) return { kind: 'sha256', hex: value };
  if (value.startsWith('STREAMING-')) throw S3Errors.notImplemented(`the ${value} payload`);
  throw S3Errors.invalidArgument(
    'x-amz-content-sha256 must be UNSIGNED-PAYLOAD, STREAMING-UNSIGNED-PAYLOAD-TRAILER, STREAMING-AWS4-HMAC-SHA256-PAYLOAD, or a valid sha256 value.',
    'x-amz-content-sha256',
    value,
  );
}

/** Verifies the request's signature; throws the S3Error S3 would answer with. */
export async function authenticate(
  req: IncomingMessage,
  url: RequestUrl,
  deps: AuthenticateDeps,
): Promise<Authenticated> {
  const authorization = headerText(req, 'authorization');
  const presigned =
    queryValue(url.query, 'X-Amz-Algorithm') !== undefined ||
    queryValue(url.query, 'X-Amz-Signature') !== undefined;
  if (authorization !== undefined && presigned) {
    throw S3Errors.invalidArgument(
      'Only one auth mechanism allowed; only the X-Amz-Algorithm query parameter or the Authorization header should be specified',
      'Authorization',
      authorization.split(' ')[0],
    );
  }
  if (presigned) return verifyPresigned(req, url, deps);
  if (authorization === undefined) throw S3Errors.accessDenied();
  if (!authorization.startsWith('AWS4-HMAC-SHA256 ')) {
    throw S3Errors.invalidRequest(
      'The authorization mechanism you have provided is not supported. Please use AWS4-HMAC-SHA256.',
    );
  }
  return verifyHeader(req, url, deps, parseAuthorizationHeader(authorization));
}

function checkCredentials(
  parts: SignatureParts,
  token: string | undefined,
  deps: AuthenticateDeps,
  malformed: (message: string, extra?: Record<string, string>) => Error,
): IssuedCredentials {
  const credentials = findCredentials(deps.lookupCredentials, parts.accessKeyId);
  if (!credentials || token === undefined) throw S3Errors.invalidAccessKeyId(parts.accessKeyId);
  if (!sameText(token, credentials.sessionToken)) throw S3Errors.invalidToken();
  if (deps.clock.now() >= credentials.expiration) throw S3Errors.expiredToken();
  if (parts.region !== deps.region) {
    throw malformed(
      `The authorization header is malformed; the region '${parts.region}' is wrong; expecting '${deps.region}'`,
      { Region: deps.region },
    );
  }
  if (parts.service !== 's3')
    throw malformed(`The credential scope names service '${parts.service}'; expecting 's3'.`);
  return credentials;
}

function signerFor(credentials: IssuedCredentials, region: string): SignatureV4 {
  return new SignatureV4({
    credentials: {
      accessKeyId: credentials.accessKeyId,
      secretAccessKey: credentials.secretAccessKey,
      sessionToken: credentials.sessionToken,
    },
    region,
    service: 's3',
    sha256: NodeSha256,
    uriEscapePath: false,
    applyChecksum: false,
  });
}

function signedHeaderValues(req: IncomingMessage, parts: SignatureParts): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const name of parts.signedHeaders) {
    const value = headerText(req, name);
    if (value === undefined) throw S3Errors.signatureDoesNotMatch(parts.accessKeyId);
    headers[name] = value;
  }
  return headers;
}

function baseRequest(req: IncomingMessage, url: RequestUrl, query: Query, headers: Record<string, string>) {
  return {
    method: req.method ?? 'GET',
    protocol: 'http:',
    hostname: headers.host ?? '',
    path: url.rawPath,
    query,
    headers,
  };
}

async function verifyHeader(
  req: IncomingMessage,
  url: RequestUrl,
  deps: AuthenticateDeps,
  parts: SignatureParts,
): Promise<Authenticated> {
  const credentials = checkCredentials(
    parts,
    headerText(req, 'x-amz-security-token'),
    deps,
    S3Errors.authorizationHeaderMalformed,
  );
  const amzDate = headerText(req, 'x-amz-date');
  const signingTime = parseAmzDate(amzDate);
  if (Number.isNaN(signingTime))
    throw S3Errors.accessDenied('AWS authentication requires a valid Date or x-amz-date header');
  if (amzDate?.slice(0, 8) !== parts.date) {
    throw S3Errors.authorizationHeaderMalformed(
      `Invalid credential date "${parts.date}". This date is not the same as X-Amz-Date: "${amzDate?.slice(0, 8)}".`,
    );
  }
  const now = deps.clock.now();
  if (Math.abs(now - signingTime) > MAX_SKEW_MS) {
    throw S3Errors.requestTimeTooSkewed(amzDate, new Date(now).toISOString());
  }
  const contentSha256 = headerText(req, 'x-amz-content-sha256');
  assertHeadersSigned(req, parts.signedHeaders);
  const headers = signedHeaderValues(req, parts);
  const unsignable = new Set<string>();
  if (contentSha256 !== undefined && headers['x-amz-content-sha256'] === undefined) {
    headers['x-amz-content-sha256'] = contentSha256;
    unsignable.add('x-amz-content-sha256');
  }
  if (headers['x-amz-security-token'] === undefined) unsignable.add('x-amz-security-token');
  const signer = signerFor(credentials, parts.region);
  const signingDate = new Date(signingTime);
  const signed = await signer.sign(baseRequest(req, url, url.query, headers), {
    signingDate,
    signableHeaders: new Set(parts.signedHeaders),
    unsignableHeaders: unsignable,
  });
  const expected = /Signature=([0-9a-f]+)/.exec(String(signed.headers.authorization))?.[1] ?? '';
  if (!sameText(expected, parts.signature)) throw S3Errors.signatureDoesNotMatch(parts.accessKeyId);
  const scope = `${parts.date}/${parts.region}/s3/aws4_request`;
  const chunks: ChunkSigner = {
    seedSignature: parts.signature,
    sign: (previous, chunkHash) =>
      signer.sign(
        ['AWS4-HMAC-SHA256-PAYLOAD', amzDate, scope, previous, EMPTY_SHA256, chunkHash].join('\n'),
        { signingDate },
      ),
  };
  return { credentials, payload: payloadSigning(contentSha256, chunks), queryHeaders: {} };
}

async function verifyPresigned(
  req: IncomingMessage,
  url: RequestUrl,
  deps: AuthenticateDeps,
): Promise<Authenticated> {
  const param = (name: string) => queryValue(url.query, name);
  const missing = PRESIGN_PARAMS.slice(0, 6).filter((name) => param(name) === undefined);
  if (missing.length > 0) {
    throw S3Errors.authorizationQueryParametersError(
      `Query-string authentication version 4 requires the X-Amz-Algorithm, X-Amz-Credential, X-Amz-Signature, X-Amz-Date, X-Amz-SignedHeaders, and X-Amz-Expires parameters. Missing: ${missing.join(', ')}.`,
    );
  }
  if (param('X-Amz-Algorithm') !== 'AWS4-HMAC-SHA256') {
    throw S3Errors.authorizationQueryParametersError('X-Amz-Algorithm only supports "AWS4-HMAC-SHA256"');
  }
  const parts: SignatureParts = {
    ...parseCredential(param('X-Amz-Credential') as string, S3Errors.authorizationQueryParametersError),
    signedHeaders: (param('X-Amz-SignedHeaders') as string).split(';'),
    signature: param('X-Amz-Signature') as string,
  };
  const credentials = checkCredentials(
    parts,
    param('X-Amz-Security-Token'),
    deps,
    S3Errors.authorizationQueryParametersError,
  );
  const amzDate = param('X-Amz-Date') as string;
  const signingTime = parseAmzDate(amzDate);
  const expiresIn = Number(param('X-Amz-Expires'));
  if (Number.isNaN(signingTime) || amzDate.slice(0, 8) !== parts.date) {
    throw S3Errors.authorizationQueryParametersError(
      "X-Amz-Date must be in the ISO8601 Long Format \"yyyyMMdd'T'HHmmss'Z'\" and match the credential date.",
    );
  }
  if (!Number.isInteger(expiresIn) || expiresIn < 0) {
    throw S3Errors.authorizationQueryParametersError('X-Amz-Expires should be a number');
  }
  if (expiresIn > MAX_PRESIGNED_SECONDS) {
    throw S3Errors.authorizationQueryParametersError(
      'X-Amz-Expires must be less than a week (in seconds) that is 604800',
    );
  }
  const now = deps.clock.now();
  if (now > signingTime + expiresIn * 1000) {
    throw S3Errors.accessDenied('Request has expired', {
      'X-Amz-Expires': String(expiresIn),
      Expires: new Date(signingTime + expiresIn * 1000).toISOString(),
      ServerTime: new Date(now).toISOString(),
    });
  }
  if (signingTime - now > MAX_SKEW_MS) throw S3Errors.accessDenied('Request is not valid yet');
  assertHeadersSigned(req, parts.signedHeaders);
  const headers = signedHeaderValues(req, parts);
  const unsignable = new Set<string>();
  if (headers['x-amz-content-sha256'] === undefined) {
    headers['x-amz-content-sha256'] = UNSIGNED_PAYLOAD;
    unsignable.add('x-amz-content-sha256');
  }
  const query = emptyQuery();
  for (const [name, value] of Object.entries(url.query))
    if (!PRESIGN_PARAMS.includes(name)) query[name] = value;
  const signer = signerFor(credentials, parts.region);
  const presigned = await signer.presign(baseRequest(req, url, query, headers), {
    signingDate: new Date(signingTime),
    expiresIn,
    signableHeaders: new Set(parts.signedHeaders),
    unsignableHeaders: unsignable,
    unhoistableHeaders: new Set(Object.keys(headers)),
  });
  const expected = String(presigned.query?.['X-Amz-Signature'] ?? '');
  if (!sameText(expected, parts.signature)) throw S3Errors.signatureDoesNotMatch(parts.accessKeyId);
  const queryHeaders: Record<string, string> = {};
  for (const [name, value] of Object.entries(query)) {
    const lower = name.toLowerCase();
    if (lower.startsWith('x-amz-') && lower !== 'x-amz-content-sha256') {
      queryHeaders[lower] = Array.isArray(value) ? (value[0] ?? '') : value;
    }
  }
  const contentSha256 = headers['x-amz-content-sha256'];
  return { credentials, payload: payloadSigning(contentSha256, undefined), queryHeaders };
}
