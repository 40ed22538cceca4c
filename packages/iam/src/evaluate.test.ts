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

  it('expands the Cognito identity id variable so each identity reaches only its own prefix', () => {
    const perIdentity = identity('AuthenticatedRole/PerIdentity', {
      Version: '2012-10-17',
      Statement: {
        Effect: 'Allow',
        Action: ['s3:GetObject', 's3:PutObject'],
        Resource: `${BUCKET_ARN}/private/\${cognito-identity.amazonaws.com:sub}/*`,
      },
    });
    const sub = 'us-east-1:11111111-2222-3333-4444-555555555555';
    const own = request('s3:PutObject', `${BUCKET_ARN}/private/${sub}/a.txt`, {
      'cognito-identity.amazonaws.com:sub': sub,
    });
    const other = request('s3:PutObject', `${BUCKET_ARN}/private/us-east-1:other/a.txt`, {
      'cognito-identity.amazonaws.com:sub': sub,
    });
    expect(evaluate(own, [perIdentity]).decision).toBe('Allow');
    expect(evaluate(other, [perIdentity]).decision).toBe('ImplicitDeny');
  });
});

describe('evaluate with NotAction, NotResource and NotPrincipal', () => {
  it('allows everything except IAM with Allow + NotAction (AWS NotAction example)', () => {
    const policy = identity('AllExceptIam', {
      Version: '2012-10-17',
      Statement: { Effect: 'Allow', NotAction: 'iam:*', Resource: '*' },
    });
    expect(evaluate(request('s3:GetObject', `${BUCKET_ARN}/a`), [policy]).decision).toBe('Allow');
    expect(evaluate(request('iam:CreateUser', 'arn:aws:iam::123456789012:user/x'), [policy]).decision).toBe(
      'ImplicitDeny',
    );
  });

  it('denies every action but the MFA setup ones when MFA is absent (Deny + NotAction + BoolIfExists)', () => {
    const policies = [
      identity('Admin', {
        Version: '2012-10-17',
        Statement: { Effect: 'Allow', Action: '*', Resource: '*' },
      }),
      identity('RequireMfa', {
        Version: '2012-10-17',
        Statement: {
          Sid: 'DenyAllExceptListedIfNoMFA',
          Effect: 'Deny',
          NotAction: [
            'iam:CreateVirtualMFADevice',
            'iam:EnableMFADevice',
            'iam:ListMFADevices',
            'sts:GetSessionToken',
          ],
          Resource: '*',
          Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } },
        },
      }),
    ];
    const iamTarget = 'arn:aws:iam::123456789012:mfa/x';
    expect(evaluate(request('s3:GetObject', `${BUCKET_ARN}/a`), policies).decision).toBe('ExplicitDeny');
    expect(evaluate(request('iam:EnableMFADevice', iamTarget), policies).decision).toBe('Allow');
    const withMfa = request('s3:GetObject', `${BUCKET_ARN}/a`, { 'aws:MultiFactorAuthPresent': true });
    expect(evaluate(withMfa, policies).decision).toBe('Allow');
  });

  it('allows every S3 resource except the payroll folder with Allow + NotResource', () => {
    const policy = identity('NotPayroll', {
      Version: '2012-10-17',
      Statement: {
        Effect: 'Allow',
        Action: 's3:*',
        NotResource: ['arn:aws:s3:::HRBucket/Payroll', 'arn:aws:s3:::HRBucket/Payroll/*'],
      },
    });
    expect(evaluate(request('s3:GetObject', 'arn:aws:s3:::HRBucket/Reviews/a'), [policy]).decision).toBe(
      'Allow',
    );
    expect(evaluate(request('s3:GetObject', 'arn:aws:s3:::HRBucket/Payroll/a'), [policy]).decision).toBe(
      'ImplicitDeny',
    );
    expect(evaluate(request('s3:ListBucket', 'arn:aws:s3:::HRBucket/Payroll'), [policy]).decision).toBe(
      'ImplicitDeny',
    );
  });

  it('denies outside one bucket with Deny + NotResource even when another policy allows', () => {
    const policies = [
      identity('All', {
        Version: '2012-10-17',
        Statement: { Effect: 'Allow', Action: 's3:*', Resource: '*' },
      }),
      identity('OnlyOurBucket', {
        Version: '2012-10-17',
        Statement: { Effect: 'Deny', Action: 's3:*', NotResource: [BUCKET_ARN, `${BUCKET_ARN}/*`] },
      }),
    ];
    expect(evaluate(request('s3:GetObject', `${BUCKET_ARN}/x`), policies).decision).toBe('Allow');
    expect(evaluate(request('s3:GetObject', 'arn:aws:s3:::elsewhere/x'), policies)).toMatchObject({
      decision: 'ExplicitDeny',
      statement: { policy: 'OnlyOurBucket', index: 0 },
    });
  });

  it('denies everyone except the named role with Deny + NotPrincipal', () => {
    const bucketPolicy = resource('BucketPolicy', {
      Version: '2012-10-17',
      Statement: {
        Effect: 'Deny',
        NotPrincipal: { AWS: ['arn:aws:iam::123456789012:role/AuthS3Stack-AuthenticatedRole'] },
        Action: 's3:*',
        Resource: `${BUCKET_ARN}/*`,
      },
    });
    const policies = [authenticatedRolePolicy(), bucketPolicy];
    expect(evaluate(request('s3:GetObject', `${BUCKET_ARN}/public/a`), policies).decision).toBe('Allow');
    const stranger = {
      arn: 'arn:aws:sts::123456789012:assumed-role/Other/s',
      roleArn: 'arn:aws:iam::123456789012:role/Other',
    };
    const strangerPolicy = identity('Other', {
      Version: '2012-10-17',
      Statement: { Effect: 'Allow', Action: 's3:*', Resource: '*' },
    });
    expect(
      evaluate(request('s3:GetObject', `${BUCKET_ARN}/public/a`, {}, stranger), [
        strangerPolicy,
        bucketPolicy,
      ]).decision,
    ).toBe('ExplicitDeny');
  });

  it('lets a Deny that names the account apply to every caller in it', () => {
    const bucketPolicy = resource('BucketPolicy', {
      Version: '2012-10-17',
      Statement: {
        Effect: 'Deny',
        Principal: { AWS: '123456789012' },
        Action: 's3:DeleteObject',
        Resource: `${BUCKET_ARN}/*`,
      },
    });
    expect(
      evaluate(request('s3:DeleteObject', `${BUCKET_ARN}/public/a`), [
        authenticatedRolePolicy(),
        bucketPolicy,
      ]).decision,
    ).toBe('ExplicitDeny');
  });

  it('treats policy variables literally in a policy without Version 2012-10-17', () => {
    const legacy = identity('Legacy', {
      Statement: { Effect: 'Allow', Action: 's3:GetObject', Resource: `${BUCKET_ARN}/\${aws:username}/*` },
    });
    const context = { 'aws:username': 'David' };
    expect(evaluate(request('s3:GetObject', `${BUCKET_ARN}/David/a`, context), [legacy]).decision).toBe(
      'ImplicitDeny',
    );
    expect(
      evaluate(request('s3:GetObject', `${BUCKET_ARN}/\${aws:username}/a`, context), [legacy]).decision,
    ).toBe('Allow');
  });
});
