/*
 * A bucket policy that lets one CloudFront distribution read through Origin Access Control, as the
 * CloudFront developer guide writes it: `Principal: { Service: "cloudfront.amazonaws.com" }` with
 * `StringEquals: { "AWS:SourceArn": "<distribution ARN>" }`
 * (https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-restricting-access-to-s3.html).
 * AWS adds `aws:SourceArn` when a service calls on a resource's behalf, and compares condition key
 * names case-insensitively (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html).
 */
import { describe, expect, it } from 'vitest';
import { evaluate } from './evaluate.js';
import type { AuthorizationRequest, NamedPolicy } from './types.js';

const SITE = 'arn:aws:s3:::site-bucket';
const DISTRIBUTION = 'arn:aws:cloudfront::123456789012:distribution/E1EXAMPLE';

const oacPolicy = (conditionKey = 'AWS:SourceArn'): NamedPolicy => ({
  name: 'SiteBucketPolicy',
  kind: 'resource',
  document: {
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: { Service: 'cloudfront.amazonaws.com' },
        Action: 's3:GetObject',
        Resource: `${SITE}/*`,
        Condition: { StringEquals: { [conditionKey]: DISTRIBUTION } },
      },
    ],
  },
});

const get = (
  principal: AuthorizationRequest['principal'],
  context: AuthorizationRequest['context'] = {},
): AuthorizationRequest => ({ action: 's3:GetObject', resource: `${SITE}/index.html`, principal, context });

const cloudfront = { service: 'cloudfront.amazonaws.com' };

describe('evaluate with a service principal and aws:SourceArn', () => {
  it('allows CloudFront acting for the named distribution', () => {
    expect(evaluate(get(cloudfront, { 'aws:SourceArn': DISTRIBUTION }), [oacPolicy()]).decision).toBe(
      'Allow',
    );
  });

  it('matches the condition key name in any case, in the policy and in the context', () => {
    expect(evaluate(get(cloudfront, { 'aws:sourcearn': DISTRIBUTION }), [oacPolicy()]).decision).toBe(
      'Allow',
    );
    expect(
      evaluate(get(cloudfront, { 'AWS:SOURCEARN': DISTRIBUTION }), [oacPolicy('aws:SourceArn')]).decision,
    ).toBe('Allow');
  });

  it('compares the ARN value case-sensitively (StringEquals)', () => {
    const other = DISTRIBUTION.replace('E1EXAMPLE', 'e1example');
    expect(evaluate(get(cloudfront, { 'aws:SourceArn': other }), [oacPolicy()]).decision).toBe(
      'ImplicitDeny',
    );
  });

  it('denies CloudFront acting for another distribution, or with no source ARN', () => {
    const other = 'arn:aws:cloudfront::123456789012:distribution/E2OTHER';
    expect(evaluate(get(cloudfront, { 'aws:SourceArn': other }), [oacPolicy()]).decision).toBe(
      'ImplicitDeny',
    );
    expect(evaluate(get(cloudfront), [oacPolicy()]).decision).toBe('ImplicitDeny');
  });

  it('denies another service even with the distribution as its source', () => {
    const lambda = { service: 'lambda.amazonaws.com' };
    expect(evaluate(get(lambda, { 'aws:SourceArn': DISTRIBUTION }), [oacPolicy()]).decision).toBe(
      'ImplicitDeny',
    );
  });

  it('denies an anonymous caller and a role session that claim the source ARN', () => {
    const role = {
      arn: 'arn:aws:sts::123456789012:assumed-role/AuthRole/CognitoIdentityCredentials',
      roleArn: 'arn:aws:iam::123456789012:role/AuthRole',
    };
    expect(
      evaluate(get({ anonymous: true }, { 'aws:SourceArn': DISTRIBUTION }), [oacPolicy()]).decision,
    ).toBe('ImplicitDeny');
    expect(evaluate(get(role, { 'aws:SourceArn': DISTRIBUTION }), [oacPolicy()]).decision).toBe(
      'ImplicitDeny',
    );
  });

  it('gives a service principal aws:PrincipalServiceName and aws:PrincipalIsAWSService, and no aws:PrincipalArn', () => {
    const byService = (condition: Record<string, Record<string, string>>): NamedPolicy => ({
      name: 'P',
      kind: 'resource',
      document: {
        Statement: [
          {
            Effect: 'Allow',
            Principal: '*',
            Action: 's3:GetObject',
            Resource: `${SITE}/*`,
            Condition: condition,
          },
        ],
      },
    });
    const allowed = (condition: Record<string, Record<string, string>>) =>
      evaluate(get(cloudfront), [byService(condition)]).decision;
    expect(allowed({ StringEquals: { 'aws:PrincipalServiceName': 'cloudfront.amazonaws.com' } })).toBe(
      'Allow',
    );
    expect(allowed({ Bool: { 'aws:PrincipalIsAWSService': 'true' } })).toBe('Allow');
    expect(allowed({ Null: { 'aws:PrincipalArn': 'true' } })).toBe('Allow');
    expect(
      evaluate(get({ anonymous: true }), [byService({ Null: { 'aws:PrincipalIsAWSService': 'true' } })])
        .decision,
    ).toBe('Allow');
  });

  it('lets a Principal "*" Deny apply to services and anonymous callers too', () => {
    const sslOnly: NamedPolicy = {
      name: 'SslOnly',
      kind: 'resource',
      document: {
        Statement: [
          {
            Effect: 'Deny',
            Principal: { AWS: '*' },
            Action: 's3:*',
            Resource: `${SITE}/*`,
            Condition: { Bool: { 'aws:SecureTransport': 'false' } },
          },
        ],
      },
    };
    const insecure = { 'aws:SourceArn': DISTRIBUTION, 'aws:SecureTransport': false };
    expect(evaluate(get(cloudfront, insecure), [oacPolicy(), sslOnly]).decision).toBe('ExplicitDeny');
    expect(evaluate(get({ anonymous: true }, insecure), [sslOnly]).decision).toBe('ExplicitDeny');
  });
});
