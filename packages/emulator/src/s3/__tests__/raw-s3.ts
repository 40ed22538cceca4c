/*
 * Hand-built S3 requests for what the SDK never sends (signed aws-chunked bodies, wrong payload
 * hashes, missing tokens, anonymous calls): signed client-side with @smithy/signature-v4 and
 * @aws-crypto/sha256-js, sent with node:http.
 */
import { request } from 'node:http';
import { Sha256 } from '@aws-crypto/sha256-js';
import { SignatureV4 } from '@smithy/signature-v4';
import type { IssuedCredentials } from '../../issued-credentials.js';

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export interface RawRequest {
  method: string;
  /** Already percent-encoded, e.g. `/bucket/public/a.txt`. */
  path: string;
  query?: Record<string, string>;
  headers?: Record<string, string>;
  body?: Buffer | string;
}

/** Sends a request as is (no signing). */
export function send(endpoint: string, req: RawRequest): Promise<RawResponse> {
  const url = new URL(endpoint);
  const search = new URLSearchParams(req.query ?? {}).toString().replace(/\+/g, '%20');
  return new Promise((resolve, reject) => {
    const out = request(
      {
        host: url.hostname,
        port: url.port,
        method: req.method,
        path: `${req.path}${search ? `?${search}` : ''}`,
        headers: req.headers,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString(),
          }),
        );
        res.on('error', reject);
      },
    );
    out.on('error', reject);
    out.end(req.body);
  });
}

/** A client-side SigV4 signer for the credentials. */
export function signerFor(credentials: IssuedCredentials, region = 'us-east-1'): SignatureV4 {
  return new SignatureV4({
    credentials: {
      accessKeyId: credentials.accessKeyId,
      secretAccessKey: credentials.secretAccessKey,
      sessionToken: credentials.sessionToken,
    },
    region,
    service: 's3',
    sha256: Sha256,
    uriEscapePath: false,
    applyChecksum: false,
  });
}

/** Signs `req` (header auth) at `signingDate` and returns the headers to send. */
export async function signHeaders(
  endpoint: string,
  credentials: IssuedCredentials,
  req: RawRequest,
  signingDate: Date,
  region = 'us-east-1',
): Promise<Record<string, string>> {
  const url = new URL(endpoint);
  const signed = await signerFor(credentials, region).sign(
    {
      method: req.method,
      protocol: 'http:',
      hostname: url.hostname,
      port: Number(url.port),
      path: req.path,
      query: req.query ?? {},
      headers: { host: url.host, ...req.headers },
    },
    { signingDate },
  );
  return signed.headers as Record<string, string>;
}

/** Signs with header auth and sends. */
export async function sendSigned(
  endpoint: string,
  credentials: IssuedCredentials,
  req: RawRequest,
  signingDate: Date,
  region = 'us-east-1',
): Promise<RawResponse> {
  return send(endpoint, {
    ...req,
    headers: await signHeaders(endpoint, credentials, req, signingDate, region),
  });
}

/** The `<Code>` of an S3 XML error body. */
export function errorCode(res: RawResponse): string | undefined {
  return /<Code>([^<]*)<\/Code>/.exec(res.body)?.[1];
}
