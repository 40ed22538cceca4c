/*
 * Tests for the decision: explicit deny, allow, implicit deny, against the auth-s3 stack's policies
 * and AWS's evaluation-logic examples.
 */
import { describe, expect, it } from 'vitest';
import {
  authenticatedRolePolicy,
  BUCKET_ARN,
  identity,
  request,
  resource,
  sslOnlyBucketPolicy,
} from './__tests__/builders.js';
import { InvalidPolicyError, InvalidRequestError, UnsupportedConditionOperatorError } from './errors.js';
import { evaluate } from './evaluate.js';

const stack = [authenticatedRolePolicy(), sslOnlyBucketPolicy()];
const secure = { 'aws:SecureTransport': true };

describe('evaluate', () => {
  it('allows object actions under public/ and names the allowing statement', () => {
    const decision = evaluate(request('s3:GetObject', `${BUCKET_ARN}/public/dir/b c+d.txt`, secure), stack);
    expect(decision.decision).toBe('Allow');
    expect(decision.statement).toEqual({
      policy: 'AuthenticatedRole/DefaultPolicy',
      index: 0,
      sid: 'PublicObjects',
      effect: 'Allow',
    });
    expect(decision.summary).toBe(
      `Allow s3:GetObject on ${BUCKET_ARN}/public/dir/b c+d.txt by AuthenticatedRole/DefaultPolicy#0 (PublicObjects)`,
    );
  });

  it.each([
    ['s3:GetObject', `${BUCKET_ARN}/private/a.txt`],
    ['s3:GetObject', `${BUCKET_ARN}/publicity/a.txt`],
    ['s3:GetObject', `${BUCKET_ARN}/a.txt`],
    ['s3:GetObject', 'arn:aws:s3:::other-bucket/public/a.txt'],
    ['s3:GetObject', BUCKET_ARN],
    ['s3:PutBucketPolicy', BUCKET_ARN],
    ['s3:DeleteBucket', BUCKET_ARN],
  ])('implicitly denies %s on %s', (action, arn) => {
    const decision = evaluate(request(action, arn, secure), stack);
    expect(decision.decision).toBe('ImplicitDeny');
    expect(decision.statement).toBeUndefined();
    expect(decision.summary).toContain(
      'no statement in AuthenticatedRole/DefaultPolicy, BucketPolicy allows it',
    );
  });

  it.each([
    ['public/', 'Allow'],
    ['public/dir/', 'Allow'],
    ['', 'ImplicitDeny'],
    ['private/', 'ImplicitDeny'],
    ['public', 'ImplicitDeny'],
    [undefined, 'ImplicitDeny'],
  ])('decides ListBucket with s3:prefix %j as %s', (prefix, expected) => {
    const decision = evaluate(
      request('s3:ListBucket', BUCKET_ARN, { ...secure, 's3:prefix': prefix }),
      stack,
    );
    expect(decision.decision).toBe(expected);
  });

  it('lets the SSL-enforcing bucket policy deny an allowed request over plain HTTP', () => {
    const decision = evaluate(
      request('s3:GetObject', `${BUCKET_ARN}/public/a.txt`, { 'aws:SecureTransport': false }),
      stack,
    );
    expect(decision.decision).toBe('ExplicitDeny');
    expect(decision.statement).toMatchObject({
      policy: 'BucketPolicy',
      index: 0,
      sid: 'DenyInsecureTransport',
    });
    expect(decision.summary).toMatch(
      /^ExplicitDeny s3:GetObject on .* by BucketPolicy#0 \(DenyInsecureTransport\)$/,
    );
  });

  it('does not apply the SSL deny when aws:SecureTransport is missing (Bool on a missing key is false)', () => {
    expect(evaluate(request('s3:GetObject', `${BUCKET_ARN}/public/a.txt`), stack).decision).toBe('Allow');
  });

  it('lets an explicit deny win over an allow that comes first', () => {
    const deny = identity('Deny', {
      Version: '2012-10-17',
      Statement: { Effect: 'Deny', Action: 's3:Delete*', Resource: '*' },
    });
    expect(
      evaluate(request('s3:DeleteObject', `${BUCKET_ARN}/public/a.txt`), [...stack, deny]).decision,
    ).toBe('ExplicitDeny');
  });

  it('allows through a resource policy that names the caller role', () => {
    const bucketPolicy = resource('BucketPolicy', {
      Version: '2012-10-17',
      Statement: {
        Effect: 'Allow',
        Principal: { AWS: 'arn:aws:iam::123456789012:role/AuthS3Stack-AuthenticatedRole' },
        Action: 's3:GetObject',
        Resource: `${BUCKET_ARN}/shared/*`,
      },
    });
    expect(evaluate(request('s3:GetObject', `${BUCKET_ARN}/shared/x`), [bucketPolicy]).decision).toBe(
      'Allow',
    );
  });

  it('does not let a resource policy that names only the account grant by itself', () => {
    const bucketPolicy = resource('BucketPolicy', {
      Version: '2012-10-17',
      Statement: {
        Effect: 'Allow',
        Principal: { AWS: 'arn:aws:iam::123456789012:root' },
        Action: 's3:GetObject',
        Resource: `${BUCKET_ARN}/*`,
      },
    });
    expect(evaluate(request('s3:GetObject', `${BUCKET_ARN}/x`), [bucketPolicy]).decision).toBe(
      'ImplicitDeny',
    );
  });

  it('implicitly denies when there are no policies', () => {
    expect(evaluate(request('s3:GetObject', `${BUCKET_ARN}/public/a`), []).summary).toBe(
      `ImplicitDeny s3:GetObject on ${BUCKET_ARN}/public/a: no statement in no policies allows it`,
    );
  });

  it('throws UnsupportedConditionOperatorError even when another statement already decides', () => {
    const bad = identity('Bad', {
      Version: '2012-10-17',
      Statement: {
        Effect: 'Allow',
        Action: 's3:*',
        Resource: '*',
        Condition: { StringSortOf: { 'aws:x': 'y' } },
      },
    });
    expect(() =>
      evaluate(request('s3:GetObject', `${BUCKET_ARN}/public/a`, secure), [...stack, bad]),
    ).toThrow(UnsupportedConditionOperatorError);
  });

  it('throws InvalidPolicyError for a misspelled element instead of ignoring it', () => {
    const typo = identity('Typo', {
      Version: '2012-10-17',
      // @ts-expect-error: the typo is the point of the test
      Statement: { Effect: 'Allow', Action: 's3:*', Resources: '*' },
    });
    expect(() => evaluate(request('s3:GetObject', `${BUCKET_ARN}/a`), [typo])).toThrow(
      /unknown element "Resources"/,
    );
    expect(() => evaluate(request('s3:GetObject', `${BUCKET_ARN}/a`), [typo])).toThrow(InvalidPolicyError);
  });

  it('throws InvalidRequestError for an action without a service prefix', () => {
    expect(() => evaluate(request('GetObject', `${BUCKET_ARN}/a`), stack)).toThrow(InvalidRequestError);
  });

  it('sets aws:PrincipalArn to the role ARN of an assumed-role session', () => {
    const policy = identity('P', {
      Version: '2012-10-17',
      Statement: {
        Effect: 'Allow',
        Action: 's3:GetObject',
        Resource: '*',
        Condition: { ArnLike: { 'aws:PrincipalArn': 'arn:aws:iam::*:role/AuthS3Stack-*' } },
      },
    });
    expect(evaluate(request('s3:GetObject', `${BUCKET_ARN}/a`), [policy]).decision).toBe('Allow');
  });
});
