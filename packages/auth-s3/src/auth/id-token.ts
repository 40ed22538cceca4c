/*
 * Reads the claims of a Cognito id token without verifying it: the token came straight from
 * Cognito over TLS and is only used to show who is signed in and to key per-user storage. Anything
 * that authorizes must verify the token server-side (e.g. with aws-jwt-verify).
 */
import { NotAuthorizedError } from '../errors.js';
import type { CurrentUser } from '../types.js';

/** Decodes the payload of a JWT. @throws NotAuthorizedError when it is not a JWT. */
export function decodeJwtClaims(token: string): Record<string, unknown> {
  const payload = token.split('.')[1];
  if (!payload) throw new NotAuthorizedError('The stored token is not a JWT. Sign in again.');
  try {
    const base64 = payload.replace(/-/g, '+').replace(/_/g, '/');
    const binary = atob(base64.padEnd(base64.length + ((4 - (base64.length % 4)) % 4), '='));
    const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
    const claims: unknown = JSON.parse(new TextDecoder().decode(bytes));
    if (typeof claims !== 'object' || claims === null) throw new TypeError('JWT payload is not an object');
    return claims as Record<string, unknown>;
  } catch (cause) {
    throw new NotAuthorizedError('The stored token cannot be read. Sign in again.', { cause });
  }
}

/** The user described by an id token's claims. */
export function userFromIdToken(idToken: string): CurrentUser {
  const claims = decodeJwtClaims(idToken);
  const text = (name: string) => (typeof claims[name] === 'string' ? (claims[name] as string) : '');
  return {
    sub: text('sub'),
    email: text('email'),
    emailVerified: claims.email_verified === true || claims.email_verified === 'true',
    username: text('cognito:username') || text('sub'),
    claims,
  };
}
