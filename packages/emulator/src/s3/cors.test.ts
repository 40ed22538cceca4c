/*
 * CORS with the bucket's rules over real HTTP: preflights matched on origin, method and headers
 * (403 AccessForbidden otherwise, with no authentication needed), and CORS headers on actual
 * responses, errors included, so a browser can read S3's error codes.
 */
import { GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCode, send } from './__tests__/raw-s3.js';
import { type S3Harness, startS3Harness } from './__tests__/s3-harness.js';
import { BUCKET, WEB_ORIGIN } from './__tests__/stack-fixture.js';

let h: S3Harness;

beforeAll(async () => {
  h = await startS3Harness();
});
afterAll(async () => {
  await h?.stop();
});

function preflight(origin: string, method: string, headers?: string) {
  return send(h.endpoint, {
    method: 'OPTIONS',
    path: `/${BUCKET}/public/a.txt`,
    headers: {
      origin,
      'access-control-request-method': method,
      ...(headers ? { 'access-control-request-headers': headers } : {}),
    },
  });
}

describe('CORS', () => {
  it('answers an allowed preflight with the rule’s methods, the requested headers and exposed ETag', async () => {
    const res = await preflight(
      WEB_ORIGIN,
      'PUT',
      'content-type, x-amz-date, authorization, x-amz-content-sha256',
    );
    expect(res.status).toBe(200);
    expect(res.headers['access-control-allow-origin']).toBe(WEB_ORIGIN);
    expect(res.headers['access-control-allow-methods']).toBe('GET, PUT, POST, DELETE, HEAD');
    expect(res.headers['access-control-allow-headers']).toBe(
      'content-type, x-amz-date, authorization, x-amz-content-sha256',
    );
    expect(res.headers['access-control-expose-headers']).toBe('ETag');
    expect(res.headers['access-control-max-age']).toBe('3000');
  });

  it('refuses a preflight from another origin or for a method no rule allows with 403 AccessForbidden', async () => {
    const otherOrigin = await preflight('http://evil.example', 'GET');
    expect(otherOrigin.status).toBe(403);
    expect(errorCode(otherOrigin)).toBe('AccessForbidden');
    expect(otherOrigin.headers['access-control-allow-origin']).toBeUndefined();
    const patch = await preflight(WEB_ORIGIN, 'PATCH');
    expect(patch.status).toBe(403);
  });

  it('adds CORS headers to actual responses, errors included', async () => {
    const s3 = h.client(h.issue());
    await s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'public/cors.txt', Body: 'cors' }));
    const url = await getSignedUrl(s3, new GetObjectCommand({ Bucket: BUCKET, Key: 'public/cors.txt' }), {
      expiresIn: 60,
    });
    const ok = await fetch(url, { headers: { origin: WEB_ORIGIN } });
    expect(ok.headers.get('access-control-allow-origin')).toBe(WEB_ORIGIN);
    expect(ok.headers.get('access-control-expose-headers')).toBe('ETag');
    const denied = await send(h.endpoint, {
      method: 'GET',
      path: `/${BUCKET}/public/cors.txt`,
      headers: { origin: WEB_ORIGIN },
    });
    expect(denied.status).toBe(403);
    expect(denied.headers['access-control-allow-origin']).toBe(WEB_ORIGIN);
    const foreign = await fetch(url, { headers: { origin: 'http://evil.example' } });
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
    s3.destroy();
  });
});
