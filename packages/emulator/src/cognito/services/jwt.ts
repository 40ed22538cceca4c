/*
 * RS256 JSON Web Tokens with node:crypto: signing the tokens the user pool issues, checking
 * the ones clients send back, and publishing the public keys as a JWKS document that
 * aws-jwt-verify (or any JOSE library) accepts.
 */
import { type KeyObject, sign, verify } from 'node:crypto';
import type { EmulatorKeys, SigningKey } from './keys.js';

export type JwtPayload = Record<string, unknown> & { exp?: number; iat?: number };

/** Why a token was refused. */
export type JwtProblem = 'malformed' | 'signature';

const b64url = (data: Buffer | string) => Buffer.from(data).toString('base64url');

/** Signs `payload` with `key` (header `{ alg: RS256, kid }`). */
export function signJwt(payload: JwtPayload, key: Pick<SigningKey, 'kid' | 'privateKey'>): string {
  const head = b64url(JSON.stringify({ kid: key.kid, alg: 'RS256' }));
  const body = b64url(JSON.stringify(payload));
  const signature = sign('sha256', Buffer.from(`${head}.${body}`), key.privateKey);
  return `${head}.${body}.${b64url(signature)}`;
}

/** The payload of a token signed by `publicKey`, or the problem; expiry is the caller's check. */
export function verifyJwt(
  token: string,
  publicKey: KeyObject,
): { payload: JwtPayload } | { problem: JwtProblem } {
  const parts = token.split('.');
  if (parts.length !== 3) return { problem: 'malformed' };
  const [head = '', body = '', signature = ''] = parts;
  let header: { alg?: string };
  let payload: JwtPayload;
  try {
    header = JSON.parse(Buffer.from(head, 'base64url').toString('utf8')) as { alg?: string };
    payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as JwtPayload;
  } catch {
    return { problem: 'malformed' };
  }
  if (header.alg !== 'RS256' || typeof payload !== 'object' || payload === null)
    return { problem: 'malformed' };
  const ok = verify('sha256', Buffer.from(`${head}.${body}`), publicKey, Buffer.from(signature, 'base64url'));
  return ok ? { payload } : { problem: 'signature' };
}

/** The JWKS document for `/{userPoolId}/.well-known/jwks.json`: the id token key, then the access token key. */
export function jwksDocument(keys: Pick<EmulatorKeys, 'idToken' | 'accessToken'>): { keys: object[] } {
  return {
    keys: [keys.idToken, keys.accessToken].map(({ kid, publicKey }) => {
      const jwk = publicKey.export({ format: 'jwk' });
      return { alg: 'RS256', e: jwk.e, kid, kty: 'RSA', n: jwk.n, use: 'sig' };
    }),
  };
}
