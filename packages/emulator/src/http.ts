/*
 * Small node:http helpers for the JSON 1.1 services: reading a bounded body, answering JSON
 * (timestamps as epoch seconds, the way the AWS JSON protocol sends them), and the CORS headers
 * Cognito sends to any origin.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { RequestEntityTooLargeError } from './cognito/errors.js';

/** The largest JSON body the Cognito operations read. */
export const MAX_JSON_BODY = 1024 * 1024;

/**
 * Reads the whole body of a small request. A larger one is RequestEntityTooLargeException (413,
 * AWS Common Errors), which SDKs do not retry; node:http reads and drops the rest of it, so the
 * connection stays usable.
 */
export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_JSON_BODY) {
      throw new RequestEntityTooLargeError(
        `The request body is larger than ${MAX_JSON_BODY} bytes, the most the emulator reads for one request.`,
      );
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** JSON with `Date` values as epoch seconds. */
export function toAwsJson(value: unknown): string {
  return JSON.stringify(value, function (this: Record<string, unknown>, key, current) {
    const raw = this[key];
    return raw instanceof Date ? raw.getTime() / 1000 : current;
  });
}

/** The headers the SDK sends that a browser preflight asks about. */
const SDK_HEADERS = [
  'content-type',
  'x-amz-target',
  'x-amz-user-agent',
  'x-amz-date',
  'x-amz-security-token',
  'x-amz-content-sha256',
  'authorization',
  'amz-sdk-invocation-id',
  'amz-sdk-request',
  'cache-control',
];

/** CORS headers for any origin, as Cognito answers them; `req` supplies the preflight's requested headers. */
export function corsHeaders(req: IncomingMessage): Record<string, string> {
  const requested = req.headers['access-control-request-headers'];
  return {
    'access-control-allow-origin': '*',
    'access-control-allow-methods': 'GET, POST, OPTIONS',
    'access-control-allow-headers':
      typeof requested === 'string' && requested ? requested : SDK_HEADERS.join(', '),
    'access-control-expose-headers': 'x-amzn-RequestId, x-amzn-ErrorType, x-amzn-ErrorMessage, Date',
    'access-control-max-age': '86400',
  };
}

/** Sends a JSON body with extra headers. */
export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
  contentType = 'application/json',
): void {
  const text = toAwsJson(body);
  res.writeHead(status, {
    ...headers,
    'content-type': contentType,
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}
