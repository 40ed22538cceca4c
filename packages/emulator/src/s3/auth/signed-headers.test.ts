/*
 * What a signature must cover, over real HTTP: a captured request (header auth or presigned URL)
 * replayed with an added `x-amz-*` header is refused with S3's AccessDenied and <HeadersNotSigned>,
 * as is one whose signature leaves out `host` or the session token; the payload hash may stay
 * unsigned, as S3 allows. Access key ids that name prototype properties are unknown keys, even
 * behind a plain-object lookup table.
 */
import { HeadObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IssuedCredentials } from '../../issued-credentials.js';
import { errorCode, type RawRequest, send, sendSigned, signerFor, signHeaders } from '../__tests__/raw-s3.js';
import { type S3Harness, startS3Harness } from '../__tests__/s3-harness.js';
import { useS3Harness } from '../__tests__/s3-suite.js';
import { BUCKET } from '../__tests__/stack-fixture.js';

const suite = useS3Harness();

beforeAll(async () => {
  await suite.s3.send(
    new PutObjectCommand({ Bucket: BUCKET, Key: 'public/source.txt', Body: 'source bytes' }),
  );
});

function headersNotSigned(body: string): string | undefined {
  return /<HeadersNotSigned>([^<]*)<\/HeadersNotSigned>/.exec(body)?.[1];
}

async function exists(key: string): Promise<boolean> {
  const s3 = suite.h.client(suite.h.issue());
  try {
    await s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: key }));
    return true;
  } catch (error) {
    if ((error as { name?: string }).name === 'NotFound') return false;
    throw error;
  } finally {
    s3.destroy();
  }
}

/** Signs a GET of the source object with header auth, leaving `unsignable` headers out of the signature. */
async function signGetLeavingOut(unsignable: string[]): Promise<RawRequest> {
  const url = new URL(suite.h.endpoint);
  const path = `/${BUCKET}/public/source.txt`;
  const signed = await signerFor(suite.h.issue()).sign(
    {
      method: 'GET',
      protocol: 'http:',
      hostname: url.hostname,
      port: Number(url.port),
      path,
      query: {},
      headers: { host: url.host, 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD' },
    },
    { signingDate: new Date(suite.h.clock.now()), unsignableHeaders: new Set(unsignable) },
  );
  return { method: 'GET', path, headers: signed.headers as Record<string, string> };
}

describe('headers a header-auth signature must cover', () => {
  it('refuses a signed PutObject replayed with an unsigned x-amz-copy-source, copying nothing', async () => {
    const put: RawRequest = {
      method: 'PUT',
      path: `/${BUCKET}/public/replayed.txt`,
      headers: { 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD', 'content-length': '5' },
      body: 'hello',
    };
    const captured = await signHeaders(suite.h.endpoint, suite.h.issue(), put, new Date(suite.h.clock.now()));
    const injected = await send(suite.h.endpoint, {
      ...put,
      headers: { ...captured, 'x-amz-copy-source': `/${BUCKET}/public/source.txt`, 'x-amz-meta-evil': '1' },
    });
    expect(injected.status).toBe(403);
    expect(errorCode(injected)).toBe('AccessDenied');
    expect(injected.body).toContain(
      '<Message>There were headers present in the request which were not signed',
    );
    expect(headersNotSigned(injected.body)).toBe('x-amz-copy-source, x-amz-meta-evil');
    expect(await exists('public/replayed.txt')).toBe(false);
    // The captured request itself is valid: only the injected headers were refused.
    const original = await send(suite.h.endpoint, { ...put, headers: captured });
    expect(original.status).toBe(200);
    expect(await exists('public/replayed.txt')).toBe(true);
  });

  it('refuses a signature that leaves out host', async () => {
    const req = await signGetLeavingOut(['host']);
    expect(req.headers?.authorization).not.toContain('host;');
    const res = await send(suite.h.endpoint, req);
    expect(res.status).toBe(403);
    expect(headersNotSigned(res.body)).toBe('host');
  });

  it('refuses a signature that leaves out x-amz-security-token', async () => {
    const res = await send(suite.h.endpoint, await signGetLeavingOut(['x-amz-security-token']));
    expect(res.status).toBe(403);
    expect(headersNotSigned(res.body)).toBe('x-amz-security-token');
  });

  it('accepts x-amz-content-sha256 left unsigned, as S3 does', async () => {
    const req = await signGetLeavingOut(['x-amz-content-sha256']);
    expect(req.headers?.authorization).not.toContain('x-amz-content-sha256');
    const res = await send(suite.h.endpoint, req);
    expect(res.status).toBe(200);
    expect(res.body).toBe('source bytes');
  });
});

describe('headers a presigned URL must cover', () => {
  async function presignedPut(key: string): Promise<string> {
    const s3 = suite.h.client(suite.h.issue(), { requestChecksumCalculation: 'WHEN_REQUIRED' });
    return getSignedUrl(s3, new PutObjectCommand({ Bucket: BUCKET, Key: key }), { expiresIn: 300 });
  }

  it('refuses a presigned PUT sent with unsigned x-amz-* headers, storing nothing', async () => {
    const url = await presignedPut('public/presigned-injected.txt');
    const res = await fetch(url, {
      method: 'PUT',
      body: 'x',
      headers: { 'x-amz-copy-source': `/${BUCKET}/public/source.txt`, 'x-amz-meta-evil': '1' },
    });
    expect(res.status).toBe(403);
    expect(headersNotSigned(await res.text())).toBe('x-amz-copy-source, x-amz-meta-evil');
    expect(await exists('public/presigned-injected.txt')).toBe(false);
    const plain = await fetch(url, { method: 'PUT', body: 'x' });
    expect(plain.status).toBe(200);
  });

  it('accepts an unsigned x-amz-content-sha256 on a presigned PUT', async () => {
    const url = await presignedPut('public/presigned-sha.txt');
    const res = await fetch(url, {
      method: 'PUT',
      body: 'y',
      headers: { 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD' },
    });
    expect(res.status).toBe(200);
  });

  it('refuses a presigned URL whose X-Amz-SignedHeaders leaves out host', async () => {
    const url = new URL(suite.h.endpoint);
    const path = `/${BUCKET}/public/source.txt`;
    const presigned = await signerFor(suite.h.issue()).presign(
      {
        method: 'GET',
        protocol: 'http:',
        hostname: url.hostname,
        path,
        query: {},
        headers: { host: url.host },
      },
      { signingDate: new Date(suite.h.clock.now()), expiresIn: 300, unsignableHeaders: new Set(['host']) },
    );
    const query = presigned.query as Record<string, string>;
    expect(query['X-Amz-SignedHeaders']).not.toContain('host');
    const res = await send(suite.h.endpoint, { method: 'GET', path, query });
    expect(res.status).toBe(403);
    expect(headersNotSigned(res.body)).toBe('host');
  });
});

describe('access key ids', () => {
  let naive: S3Harness;
  beforeAll(async () => {
    naive = await startS3Harness({ lookup: 'plain-object' });
  });
  afterAll(async () => {
    await naive?.stop();
  });

  const get = (credentials: IssuedCredentials) =>
    sendSigned(
      naive.endpoint,
      credentials,
      {
        method: 'GET',
        path: `/${BUCKET}/public/none.txt`,
        headers: { 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD' },
      },
      new Date(naive.clock.now()),
    );

  it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty', 'CONSTRUCTOR', 'ASIA-NOT-A-KEY-0000'])(
    'answers InvalidAccessKeyId for Credential=%s/… behind a plain-object lookup',
    async (accessKeyId) => {
      const res = await get({ ...naive.issue(), accessKeyId });
      expect(res.status).toBe(403);
      expect(errorCode(res)).toBe('InvalidAccessKeyId');
    },
  );

  it('answers InvalidAccessKeyId for a presigned URL with Credential=constructor/…', async () => {
    const url = new URL(naive.endpoint);
    const path = `/${BUCKET}/public/none.txt`;
    const presigned = await signerFor({ ...naive.issue(), accessKeyId: 'constructor' }).presign(
      {
        method: 'GET',
        protocol: 'http:',
        hostname: url.hostname,
        path,
        query: {},
        headers: { host: url.host },
      },
      { signingDate: new Date(naive.clock.now()), expiresIn: 300 },
    );
    const res = await send(naive.endpoint, {
      method: 'GET',
      path,
      query: presigned.query as Record<string, string>,
    });
    expect(res.status).toBe(403);
    expect(errorCode(res)).toBe('InvalidAccessKeyId');
  });

  it('still finds a key the identity pool issued through the same lookup', async () => {
    const res = await get(naive.issue());
    expect(res.status).toBe(404);
    expect(errorCode(res)).toBe('NoSuchKey');
  });
});
