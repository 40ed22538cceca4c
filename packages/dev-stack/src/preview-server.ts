/*
 * The preview's HTTP server (node:http): serves a production build as the stack's CloudFront
 * distribution serves the site bucket, following the rules read from the template (`site-rules.ts`).
 * `/` is the root object; each object carries its deployment's `cache-control`; every answer, errors
 * included, carries the response headers (CSP, HSTS, nosniff, referrer, frames); compressible objects
 * go out as brotli or gzip when the viewer accepts them, within CloudFront's size limits; a key that
 * is not in the bucket is S3's 403 AccessDenied (CloudFront reads through Origin Access Control with
 * no `s3:ListBucket`), unless the distribution has a custom error response for it. The outputs file
 * is read from disk on each request, as the deployment writes it next to `index.html`.
 */
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, posix } from 'node:path';
import { brotliCompressSync, gzipSync, constants as zlib } from 'node:zlib';
import { cacheControlFor, type SiteRules } from './site-rules.js';

/** Options of {@link createPreviewServer}. */
export interface PreviewServerOptions {
  /** The production build (`packages/web/dist`). */
  siteDirectory: string;
  /** How CloudFront serves it (from the template). */
  rules: SiteRules;
  /** The response headers policy's headers, the CSP included. */
  headers: Record<string, string>;
  /** The outputs file served at `/<key>`, like the deployment's `Source.jsonData`. */
  outputs: { key: string; file: string };
}

/** Content types by extension, as the deployment's upload sets them. */
const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
};

/**
 * What CloudFront compresses: these types, from 1,000 to 10,000,000 bytes; brotli before gzip.
 * https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/ServingCompressedFiles.html
 */
const COMPRESSIBLE = new Set([
  'text/html',
  'text/javascript',
  'text/css',
  'text/plain',
  'application/json',
  'image/svg+xml',
  'image/x-icon',
  'application/wasm',
]);
const COMPRESS_MIN = 1_000;
const COMPRESS_MAX = 10_000_000;

/** S3's answer for a key it does not show the caller (no `s3:ListBucket`): GetObject's 403. */
const ACCESS_DENIED =
  '<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error>';

interface StoredObject {
  body: Buffer;
  contentType: string;
  etag: string;
  lastModified: Date;
}

/** The object at `key` (no leading slash), or undefined when the bucket would not have it. */
async function readObject(options: PreviewServerOptions, key: string): Promise<StoredObject | undefined> {
  // The deployment uploads the build but not Vite's `.vite/` manifest, nor other dot-folders.
  if (key === '' || key.split('/').some((part) => part.startsWith('.') || part === '')) return undefined;
  const file =
    key === options.outputs.key ? options.outputs.file : join(options.siteDirectory, ...key.split('/'));
  const info = await stat(file).catch(() => undefined);
  if (!info?.isFile()) return undefined;
  const body = await readFile(file);
  return {
    body,
    contentType: CONTENT_TYPES[extname(key)] ?? 'application/octet-stream',
    etag: `"${createHash('md5').update(body).digest('hex')}"`,
    lastModified: info.mtime,
  };
}

/** The encoding CloudFront would choose for `accept` (`Accept-Encoding`), if any. */
function chooseEncoding(accept: string | undefined): 'br' | 'gzip' | undefined {
  const accepted = new Set(
    (accept ?? '')
      .split(',')
      .map((part) => part.trim().split(';'))
      .filter(([, q]) => q?.trim() !== 'q=0')
      .map(([name]) => name?.trim().toLowerCase()),
  );
  if (accepted.has('br')) return 'br';
  if (accepted.has('gzip')) return 'gzip';
  return undefined;
}

/** The S3 key a request path names: percent-decoded, `/` served as the root object. */
function keyOf(url: string, rules: SiteRules): string | undefined {
  let path: string;
  try {
    path = decodeURIComponent(new URL(url, 'http://preview').pathname);
  } catch {
    return undefined;
  }
  if (path === '/') return rules.rootObject;
  // S3 keys are literal; a path that climbs out is simply not a key of this build.
  if (posix.normalize(path) !== path) return undefined;
  return path.slice(1);
}

function send(
  request: IncomingMessage,
  response: ServerResponse,
  status: number,
  headers: Record<string, string>,
  body: Buffer | string,
): void {
  response.writeHead(status, { ...headers, 'content-length': String(Buffer.byteLength(body)) });
  response.end(request.method === 'HEAD' ? undefined : body);
}

/** Creates (does not start) the preview server; see the file header. */
export function createPreviewServer(options: PreviewServerOptions): Server {
  const { rules, headers } = options;
  const compressed = new Map<string, Buffer>();

  const answer = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      // The distribution allows GET and HEAD only.
      send(request, response, 403, { ...headers, 'content-type': 'text/plain' }, 'Method not allowed\n');
      return;
    }
    const key = keyOf(request.url ?? '/', rules);
    let object = key === undefined ? undefined : await readObject(options, key);
    let status = 200;
    let servedKey = key ?? '';
    if (!object) {
      const custom = rules.errorResponses.find((rule) => rule.errorCode === 403);
      const page = custom?.responsePagePath?.replace(/^\//, '');
      object = page === undefined ? undefined : await readObject(options, page);
      if (!object || !custom) {
        send(request, response, 403, { ...headers, 'content-type': 'application/xml' }, ACCESS_DENIED);
        return;
      }
      status = custom.responseCode ?? 403;
      servedKey = page ?? '';
    }

    const objectHeaders: Record<string, string> = {
      ...headers,
      'content-type': object.contentType,
      etag: object.etag,
      'last-modified': object.lastModified.toUTCString(),
    };
    const cacheControl = cacheControlFor(rules, servedKey);
    if (cacheControl) objectHeaders['cache-control'] = cacheControl;
    if (status === 200 && request.headers['if-none-match'] === object.etag) {
      response.writeHead(304, objectHeaders);
      response.end();
      return;
    }

    let body = object.body;
    const size = body.length;
    const encoding =
      rules.compress && COMPRESSIBLE.has(object.contentType) && size >= COMPRESS_MIN && size <= COMPRESS_MAX
        ? chooseEncoding(request.headers['accept-encoding'])
        : undefined;
    if (encoding) {
      const cacheKey = `${encoding} ${object.etag}`;
      let packed = compressed.get(cacheKey);
      if (!packed) {
        packed =
          encoding === 'br'
            ? brotliCompressSync(body, { params: { [zlib.BROTLI_PARAM_SIZE_HINT]: size } })
            : gzipSync(body);
        compressed.set(cacheKey, packed);
      }
      body = packed;
      objectHeaders['content-encoding'] = encoding;
    }
    if (rules.compress && COMPRESSIBLE.has(object.contentType)) objectHeaders.vary = 'Accept-Encoding';
    send(request, response, status, objectHeaders, body);
  };

  return createServer((request, response) => {
    answer(request, response).catch((error: unknown) => {
      response.destroy(error instanceof Error ? error : new Error(String(error)));
    });
  });
}
