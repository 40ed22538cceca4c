/*
 * What keeps web pages from driving the local emulator. A browser lets any page send requests to
 * 127.0.0.1, and DNS rebinding lets a page's own host name point there; so the emulator answers
 * only requests whose `Host` is a loopback name with its port (or the address it was bound to),
 * and the user pool operations AWS authorizes with IAM (Admin*, ListUsers) need a SigV4
 * `Authorization` header and no browser `Origin`. The signature itself is not verified: the
 * emulator has no IAM users whose keys it could check.
 */
import type { IncomingMessage } from 'node:http';
import {
  AccessDeniedError,
  IncompleteSignatureError,
  MissingAuthenticationTokenError,
} from './cognito/errors.js';

const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '[::1]'];

/** The `Host` values the emulator answers, for a server bound to `bindHost` on `port`. */
export function allowedHosts(bindHost: string, port: number): Set<string> {
  const bound = bindHost.includes(':') && !bindHost.startsWith('[') ? `[${bindHost}]` : bindHost;
  const names = new Set([...LOOPBACK_NAMES, bound.toLowerCase()]);
  const hosts = new Set<string>();
  for (const name of names) {
    hosts.add(`${name}:${port}`);
    if (port === 80) hosts.add(name);
  }
  return hosts;
}

/**
 * The message for a request whose `Host` is not one of `allowed`, or `undefined` when it is.
 * Browsers always send the page's host name, so a rebinding page (evil.example → 127.0.0.1) fails here.
 */
export function foreignHostProblem(host: string | undefined, allowed: Set<string>): string | undefined {
  if (host !== undefined && allowed.has(host.toLowerCase())) return undefined;
  const expected = [...allowed].join(', ');
  return (
    `Host ${host === undefined ? '(none)' : JSON.stringify(host)} is not this emulator's; it answers only ${expected}, ` +
    'so that no web page can reach it through DNS rebinding. Use the endpoint it printed (the outputs file has it), ' +
    'or start it with --host <address> to serve that address too.'
  );
}

/** User pool operations AWS authorizes with IAM credentials rather than a user's tokens. */
export function requiresIamSignature(operation: string): boolean {
  return operation.startsWith('Admin') || operation === 'ListUsers';
}

const SIGV4 =
  /^AWS4-HMAC-SHA256 Credential=[^/\s,]+\/\d{8}\/[^/\s,]+\/[^/\s,]+\/aws4_request, ?SignedHeaders=[a-z0-9;-]+, ?Signature=[0-9a-f]{64}$/;

/**
 * Throws what AWS answers when an IAM-authorized operation is unsigned or badly signed; also
 * refuses it from a browser page (an `Origin` header), since the signature is not verified.
 */
export function assertIamSigned(req: IncomingMessage, operation: string): void {
  const origin = req.headers.origin;
  if (origin !== undefined) {
    throw new AccessDeniedError(
      `${operation} is not accepted from a web page (Origin ${origin}): the emulator cannot verify signatures, so ` +
        'its admin operations answer scripts and tests only. Call it from Node with the AWS SDK.',
    );
  }
  const authorization = req.headers.authorization;
  if (authorization === undefined || authorization === '') {
    throw new MissingAuthenticationTokenError(
      `Missing Authentication Token: ${operation} must be signed with AWS credentials (SigV4), as on AWS. ` +
        "Give the SDK client credentials, e.g. { accessKeyId: 'local', secretAccessKey: 'local' }.",
    );
  }
  if (!SIGV4.test(authorization)) {
    throw new IncompleteSignatureError(
      `The Authorization header of ${operation} is not an AWS Signature Version 4 header ` +
        '(AWS4-HMAC-SHA256 Credential=<key>/<date>/<region>/cognito-idp/aws4_request, SignedHeaders=…, Signature=…).',
    );
  }
}
