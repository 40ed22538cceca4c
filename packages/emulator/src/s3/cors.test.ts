/*
 * CORS rule matching as S3 does it (first matching rule, one `*` wildcard, headers
 * case-insensitive), then the bucket's rules over real HTTP: preflights matched on origin, method and headers
 * (403 AccessForbidden otherwise, with no authentication needed), and CORS headers on actual
 * responses, errors included, so a browser can read S3's error codes.
 */
import { GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { describe, expect, it } from 'vitest';
import type { CorsRule } from '../stack-model.js';
import { errorCode, send } from './__tests__/raw-s3.js';
import { useS3Harness } from './__tests__/s3-suite.js';
import { BUCKET, WEB_ORIGIN } from './__tests__/stack-fixture.js';
import { preflight as answerPreflight, corsHeaders } from './cors.js';

const suite = useS3Harness();

function preflight(origin: string, method: string, headers?: string) {
  return send(suite.h.endpoint, {
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
  it('answers an allowed preflight with the rule’s methods, the requested headers and exposed ETag and x-amz-version-id', async () => {
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
    expect(res.headers['access-control-expose-headers']).toBe('ETag, x-amz-version-id');
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
    const s3 = suite.h.client(suite.h.issue());
    await s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'public/cors.txt', Body: 'cors' }));
    const url = await getSignedUrl(s3, new GetObjectCommand({ Bucket: BUCKET, Key: 'public/cors.txt' }), {
      expiresIn: 60,
    });
    const ok = await fetch(url, { headers: { origin: WEB_ORIGIN } });
    expect(ok.headers.get('access-control-allow-origin')).toBe(WEB_ORIGIN);
    expect(ok.headers.get('access-control-expose-headers')).toBe('ETag, x-amz-version-id');
    const denied = await send(suite.h.endpoint, {
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

const rules: CorsRule[] = [
  {
    allowedOrigins: ['https://*.example.com'],
    allowedMethods: ['GET'],
    allowedHeaders: ['x-amz-*'],
    exposedHeaders: [],
  },
  {
    allowedOrigins: ['*'],
    allowedMethods: ['PUT'],
    allowedHeaders: ['*'],
    exposedHeaders: ['ETag'],
    maxAge: 60,
  },
];

describe('CORS rules', () => {
  it('matches an origin wildcard and headers case-insensitively, echoing the origin', () => {
    const headers = answerPreflight(
      rules,
      'https://app.example.com',
      'GET',
      'X-Amz-Date, x-amz-content-sha256',
    );
    expect(headers['access-control-allow-origin']).toBe('https://app.example.com');
    expect(headers['access-control-allow-credentials']).toBe('true');
    expect(headers['access-control-allow-headers']).toBe('X-Amz-Date, x-amz-content-sha256');
  });

  it('falls through to the next rule and answers * for an any-origin rule', () => {
    const headers = answerPreflight(rules, 'https://app.example.com', 'PUT', 'content-type');
    expect(headers['access-control-allow-origin']).toBe('*');
    expect(headers['access-control-allow-credentials']).toBeUndefined();
    expect(headers['access-control-max-age']).toBe('60');
  });

  it('refuses a header no rule allows, and a bucket without rules', () => {
    expect(() => answerPreflight(rules, 'https://app.example.com', 'GET', 'content-type')).toThrow(
      expect.objectContaining({ code: 'AccessForbidden', status: 403 }),
    );
    expect(() => answerPreflight([], 'https://a.example.com', 'GET', undefined)).toThrow(
      /CORS is not enabled/,
    );
  });

  it('adds headers to actual requests only for a matching origin and method', () => {
    expect(corsHeaders(rules, 'https://x.example.com', 'GET')['access-control-allow-origin']).toBe(
      'https://x.example.com',
    );
    expect(corsHeaders(rules, 'https://x.example.com', 'DELETE')).toEqual({});
    expect(corsHeaders(rules, undefined, 'GET')).toEqual({});
  });
});
