/*
 * The preview server over real HTTP, on a small build in a temporary folder: the response headers on
 * every answer, the deployments' cache-control, the root object, compression as CloudFront does it,
 * S3's 403 for a key the bucket does not have (or the distribution's custom error response), and the
 * outputs file read from disk on each request.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type SiteTemplateOptions, siteTemplate } from './__tests__/site-template.js';
import { createPreviewServer } from './preview-server.js';
import { siteRulesFromTemplate } from './site-rules.js';

const CSP = "default-src 'self'; connect-src 'self' http://127.0.0.1:1";
const BIG_SCRIPT = `export const text = ${JSON.stringify('auth-s3 '.repeat(400))};\n`;

let dir: string;
let server: Server | undefined;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'preview-server-'));
  await mkdir(join(dir, 'site', 'assets'), { recursive: true });
  await mkdir(join(dir, 'site', '.vite'), { recursive: true });
  await writeFile(join(dir, 'site', 'index.html'), '<!doctype html><title>app</title>');
  await writeFile(join(dir, 'site', 'assets', 'index-abc.js'), BIG_SCRIPT);
  await writeFile(join(dir, 'site', '.vite', 'manifest.json'), '{}');
  await writeFile(join(dir, 'outputs.json'), '{"AuthS3Stack":{"OutputsVersion":"2"}}');
});
afterEach(async () => {
  if (server) await new Promise((resolve) => server?.close(resolve));
  server = undefined;
  await rm(dir, { recursive: true, force: true });
});

/** Starts the server for the test's build and template; resolves with its origin. */
async function start(template: SiteTemplateOptions = {}): Promise<string> {
  const rules = siteRulesFromTemplate(siteTemplate(template));
  server = createPreviewServer({
    siteDirectory: join(dir, 'site'),
    rules,
    headers: { ...rules.securityHeaders, 'content-security-policy': CSP },
    outputs: { key: 'aws-outputs.json', file: join(dir, 'outputs.json') },
  });
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', () => resolve()));
  const address = server.address();
  if (typeof address !== 'object' || !address) throw new Error('not listening');
  return `http://127.0.0.1:${address.port}`;
}

describe('createPreviewServer', () => {
  it('serves the root object, no-cache, with the CSP and the security headers', async () => {
    const response = await fetch(`${await start()}/`);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('<!doctype html><title>app</title>');
    expect(Object.fromEntries(response.headers)).toMatchObject({
      'content-type': 'text/html',
      'cache-control': 'no-cache',
      'content-security-policy': CSP,
      'strict-transport-security': 'max-age=63072000; includeSubDomains',
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
      'referrer-policy': 'strict-origin-when-cross-origin',
    });
  });

  it('serves hashed assets immutable for a year, brotli when accepted, gzip else', async () => {
    const origin = await start();
    const br = await fetch(`${origin}/assets/index-abc.js`, { headers: { 'accept-encoding': 'gzip, br' } });
    expect(br.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(br.headers.get('content-type')).toBe('text/javascript');
    // fetch decodes gzip and br itself; node:http shows what went over the wire.
    const raw = await rawGet(`${origin}/assets/index-abc.js`, 'br');
    expect(raw.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(raw.body).toString()).toBe(BIG_SCRIPT);
    expect((await rawGet(`${origin}/assets/index-abc.js`, 'gzip')).headers['content-encoding']).toBe('gzip');
    expect(
      (await rawGet(`${origin}/assets/index-abc.js`, 'identity')).headers['content-encoding'],
    ).toBeUndefined();
  });

  it('leaves objects under 1,000 bytes and distributions without compression uncompressed', async () => {
    const origin = await start({ compress: false });
    expect((await rawGet(`${origin}/assets/index-abc.js`, 'br')).headers['content-encoding']).toBeUndefined();
    expect((await rawGet(`${origin}/index.html`, 'br')).headers['content-encoding']).toBeUndefined();
  });

  it('serves the outputs file no-cache, read anew on each request', async () => {
    const origin = await start();
    const first = await fetch(`${origin}/aws-outputs.json`);
    expect(first.headers.get('cache-control')).toBe('no-cache');
    expect(first.headers.get('content-type')).toBe('application/json');
    expect(await first.json()).toEqual({ AuthS3Stack: { OutputsVersion: '2' } });
    await writeFile(join(dir, 'outputs.json'), '{ broken');
    expect(await (await fetch(`${origin}/aws-outputs.json`)).text()).toBe('{ broken');
  });

  it("answers S3's 403 AccessDenied, with the headers, for a key the bucket does not have", async () => {
    const origin = await start();
    for (const path of ['/files/archive', '/.vite/manifest.json', '/assets/..%2Findex.html', '/%E0%A4%A']) {
      const response = await fetch(`${origin}${path}`);
      expect(response.status, path).toBe(403);
      expect(await response.text(), path).toContain('<Code>AccessDenied</Code>');
      expect(response.headers.get('content-security-policy'), path).toBe(CSP);
    }
  });

  it("answers with the distribution's custom error response when it has one", async () => {
    const origin = await start({
      customErrorResponses: [{ ErrorCode: 403, ResponseCode: 200, ResponsePagePath: '/index.html' }],
    });
    const response = await fetch(`${origin}/files/archive`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<title>app</title>');
  });

  it('answers 304 to a matching If-None-Match, and 403 to methods other than GET and HEAD', async () => {
    const origin = await start();
    const etag = (await fetch(`${origin}/index.html`)).headers.get('etag') ?? '';
    expect((await fetch(`${origin}/index.html`, { headers: { 'if-none-match': etag } })).status).toBe(304);
    expect((await fetch(`${origin}/index.html`, { method: 'POST' })).status).toBe(403);
    const head = await fetch(`${origin}/index.html`, { method: 'HEAD' });
    expect([head.status, await head.text()]).toEqual([200, '']);
  });
});

/** A GET with `accept-encoding`, body undecoded. */
async function rawGet(
  url: string,
  acceptEncoding: string,
): Promise<{ headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  const { get } = await import('node:http');
  return new Promise((resolve, reject) => {
    get(url, { headers: { 'accept-encoding': acceptEncoding } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ headers: response.headers, body: Buffer.concat(chunks) }));
    }).on('error', reject);
  });
}
