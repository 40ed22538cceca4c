/*
 * Builders for evaluator tests: a caller assumed into the Cognito authenticated role, requests
 * with sensible defaults, and the policies of the auth-s3 stack written the way CDK synthesizes
 * them (the authenticated role's policy and the SSL-enforcing bucket policy).
 */
import type { AuthorizationRequest, NamedPolicy, PolicyDocument } from '../types.js';

export const ACCOUNT = '123456789012';
export const ROLE_ARN = `arn:aws:iam::${ACCOUNT}:role/AuthS3Stack-AuthenticatedRole`;
export const SESSION_ARN = `arn:aws:sts::${ACCOUNT}:assumed-role/AuthS3Stack-AuthenticatedRole/CognitoIdentityCredentials`;
export const BUCKET = 'auths3-bucket';
export const BUCKET_ARN = `arn:aws:s3:::${BUCKET}`;

/** A request from the authenticated role's session; override any part. */
export function request(
  action: string,
  resource: string,
  context: AuthorizationRequest['context'] = {},
  principal: AuthorizationRequest['principal'] = { arn: SESSION_ARN, roleArn: ROLE_ARN, account: ACCOUNT },
): AuthorizationRequest {
  return { action, resource, principal, context };
}

export function identity(name: string, document: PolicyDocument): NamedPolicy {
  return { name, kind: 'identity', document };
}

export function resource(name: string, document: PolicyDocument): NamedPolicy {
  return { name, kind: 'resource', document };
}

/** The authenticated role's policy as issue 2 specifies it. */
export function authenticatedRolePolicy(bucketArn = BUCKET_ARN): NamedPolicy {
  return identity('AuthenticatedRole/DefaultPolicy', {
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'PublicObjects',
        Effect: 'Allow',
        Action: [
          's3:GetObject',
          's3:PutObject',
          's3:DeleteObject',
          's3:AbortMultipartUpload',
          's3:ListMultipartUploadParts',
        ],
        Resource: `${bucketArn}/public/*`,
      },
      {
        Sid: 'ListPublicPrefix',
        Effect: 'Allow',
        Action: 's3:ListBucket',
        Resource: bucketArn,
        Condition: { StringLike: { 's3:prefix': ['public/', 'public/*'] } },
      },
    ],
  });
}

/** The bucket policy CDK writes for `enforceSSL: true`. */
export function sslOnlyBucketPolicy(bucketArn = BUCKET_ARN): NamedPolicy {
  return resource('BucketPolicy', {
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'DenyInsecureTransport',
        Effect: 'Deny',
        Principal: { AWS: '*' },
        Action: 's3:*',
        Resource: [bucketArn, `${bucketArn}/*`],
        Condition: { Bool: { 'aws:SecureTransport': 'false' } },
      },
    ],
  });
}
