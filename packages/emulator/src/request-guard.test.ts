/* Unit tests for the Host allow-list and the SigV4 shape check of IAM-authorized operations. */
import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import {
  AccessDeniedError,
  IncompleteSignatureError,
  MissingAuthenticationTokenError,
} from './cognito/errors.js';
import { allowedHosts, assertIamSigned, foreignHostProblem, requiresIamSignature } from './request-guard.js';

const SIGNED =
  'AWS4-HMAC-SHA256 Credential=local/20261126/us-east-1/cognito-idp/aws4_request, ' +
  `SignedHeaders=content-type;host;x-amz-date;x-amz-target, Signature=${'a'.repeat(64)}`;
const request = (headers: Record<string, string>) => ({ headers }) as unknown as IncomingMessage;

describe('allowedHosts', () => {
  it('answers the loopback names with the port, case-insensitively', () => {
    const hosts = allowedHosts('127.0.0.1', 4566);
    for (const host of ['127.0.0.1:4566', 'localhost:4566', 'LOCALHOST:4566', '[::1]:4566']) {
      expect(foreignHostProblem(host, hosts)).toBeUndefined();
    }
  });

  it('refuses other names, other ports, a missing Host and a bare name', () => {
    const hosts = allowedHosts('127.0.0.1', 4566);
    for (const host of [
      'evil.example:4566',
      'localhost:4567',
      'localhost',
      undefined,
      '127.0.0.1.nip.io:4566',
    ]) {
      expect(foreignHostProblem(host, hosts)).toMatch(/DNS rebinding/);
    }
  });

  it('adds the bound address when it is not loopback, bracketing IPv6', () => {
    expect(foreignHostProblem('192.168.1.20:4566', allowedHosts('192.168.1.20', 4566))).toBeUndefined();
    expect(foreignHostProblem('[fd00::1]:4566', allowedHosts('fd00::1', 4566))).toBeUndefined();
  });

  it('accepts a bare name on port 80, as browsers send it', () => {
    expect(foreignHostProblem('localhost', allowedHosts('127.0.0.1', 80))).toBeUndefined();
  });
});

describe('assertIamSigned', () => {
  it('marks the Admin operations and ListUsers only', () => {
    expect(['AdminCreateUser', 'AdminDeleteUser', 'ListUsers'].map(requiresIamSignature)).toEqual([
      true,
      true,
      true,
    ]);
    expect(['SignUp', 'InitiateAuth', 'GetUser'].some(requiresIamSignature)).toBe(false);
  });

  it('accepts a SigV4-shaped header', () => {
    expect(() => assertIamSigned(request({ authorization: SIGNED }), 'ListUsers')).not.toThrow();
  });

  it('throws MissingAuthenticationToken without a header, IncompleteSignature for another scheme', () => {
    expect(() => assertIamSigned(request({}), 'ListUsers')).toThrow(MissingAuthenticationTokenError);
    expect(() => assertIamSigned(request({ authorization: 'Bearer abc' }), 'ListUsers')).toThrow(
      IncompleteSignatureError,
    );
  });

  it('throws IncompleteSignature for every header that only starts like SigV4', () => {
    const credential = 'Credential=local/20261126/us-east-1/cognito-idp/aws4_request';
    const rest = `SignedHeaders=host;x-amz-date, Signature=${'a'.repeat(64)}`;
    const malformed = [
      'AWS4-HMAC-SHA256',
      'AWS4-HMAC-SHA256 ',
      `AWS4-HMAC-SHA256 ${credential}`,
      `AWS4-HMAC-SHA256 ${credential}, SignedHeaders=host`,
      `AWS4-HMAC-SHA256 ${credential}, Signature=${'a'.repeat(64)}`,
      `AWS4-HMAC-SHA256 ${credential}, SignedHeaders=host, Signature=${'a'.repeat(63)}`,
      `AWS4-HMAC-SHA256 ${credential}, SignedHeaders=host, Signature=${'g'.repeat(64)}`,
      `AWS4-HMAC-SHA256 ${credential}, ${rest}, extra=1`,
      `AWS4-HMAC-SHA256 Credential=local, ${rest}`,
      `AWS4-HMAC-SHA256 Credential=local/2026-11-26/us-east-1/cognito-idp/aws4_request, ${rest}`,
      `AWS4-HMAC-SHA256 Credential=local/20261126/us-east-1/cognito-idp/aws5_request, ${rest}`,
      `AWS4-HMAC-SHA256X ${credential}, ${rest}`,
      `Bearer AWS4-HMAC-SHA256 ${credential}, ${rest}`,
    ];
    for (const authorization of malformed) {
      expect(() => assertIamSigned(request({ authorization }), 'ListUsers'), authorization).toThrow(
        IncompleteSignatureError,
      );
    }
    expect(() =>
      assertIamSigned(request({ authorization: `AWS4-HMAC-SHA256 ${credential}, ${rest}` }), 'ListUsers'),
    ).not.toThrow();
  });

  it('refuses a browser page even with a signature-shaped header', () => {
    expect(() =>
      assertIamSigned(request({ authorization: SIGNED, origin: 'https://evil.example' }), 'AdminCreateUser'),
    ).toThrow(AccessDeniedError);
  });
});
