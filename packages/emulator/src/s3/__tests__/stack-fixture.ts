/*
 * A StackModel shaped like the synthesized AuthS3Stack (cdk.out/AuthS3Stack.template.json) for S3
 * tests: the authenticated role's least-privilege policy (objects under `public/`, ListBucket only
 * for `public/` prefixes), the bucket's enforce-SSL policy and its CORS rule for the web origin.
 */
import type { StackModel } from '../../stack-model.js';

export const ACCOUNT = '000000000000';
export const BUCKET = 'auths3stack-bucket83908e77-test';
export const AUTH_ROLE_ARN = `arn:aws:iam::${ACCOUNT}:role/AuthS3Stack-AuthenticatedRole-TEST`;
export const OTHER_ROLE_ARN = `arn:aws:iam::${ACCOUNT}:role/AuthS3Stack-UnusedRole-TEST`;
export const WEB_ORIGIN = 'http://localhost:5173';

/** The stack model the S3 tests serve. */
export function testStackModel(): StackModel {
  const bucketArn = `arn:aws:s3:::${BUCKET}`;
  return {
    stackName: 'AuthS3Stack',
    region: 'us-east-1',
    accountId: ACCOUNT,
    userPool: {
      logicalId: 'UserPool',
      id: 'us-east-1_TestPool1',
      arn: `arn:aws:cognito-idp:us-east-1:${ACCOUNT}:userpool/us-east-1_TestPool1`,
      passwordPolicy: {
        minimumLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireNumbers: true,
        requireSymbols: true,
        temporaryPasswordValidityDays: 7,
      },
      usernameAttributes: ['email'],
      autoVerifiedAttributes: ['email'],
      selfSignUpEnabled: true,
    },
    userPoolClient: {
      logicalId: 'UserPoolClient',
      id: 'testclient0000000000000000',
      userPoolId: 'us-east-1_TestPool1',
      explicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      accessTokenValidity: 3600,
      idTokenValidity: 3600,
      refreshTokenValidity: 30 * 86400,
    },
    identityPool: {
      logicalId: 'IdentityPool',
      id: 'us-east-1:00000000-0000-4000-8000-000000000000',
      allowUnauthenticatedIdentities: false,
      providers: [
        {
          providerName: 'cognito-idp.us-east-1.amazonaws.com/us-east-1_TestPool1',
          clientId: 'testclient0000000000000000',
          userPoolId: 'us-east-1_TestPool1',
        },
      ],
      authenticatedRoleArn: AUTH_ROLE_ARN,
    },
    roles: [
      {
        logicalId: 'AuthenticatedRole',
        arn: AUTH_ROLE_ARN,
        name: 'AuthS3Stack-AuthenticatedRole-TEST',
        policies: [
          {
            name: 'AuthenticatedRole/DefaultPolicy',
            kind: 'identity',
            document: {
              Version: '2012-10-17',
              Statement: [
                {
                  Sid: 'PublicPrefixObjects',
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
            },
          },
        ],
      },
      { logicalId: 'UnusedRole', arn: OTHER_ROLE_ARN, name: 'AuthS3Stack-UnusedRole-TEST', policies: [] },
    ],
    bucket: {
      logicalId: 'Bucket',
      name: BUCKET,
      arn: bucketArn,
      cors: [
        {
          allowedOrigins: [WEB_ORIGIN],
          allowedMethods: ['GET', 'PUT', 'POST', 'DELETE', 'HEAD'],
          allowedHeaders: ['*'],
          exposedHeaders: ['ETag'],
          maxAge: 3000,
        },
      ],
      versioning: true,
      policy: {
        name: 'BucketPolicy',
        kind: 'resource',
        document: {
          Version: '2012-10-17',
          Statement: [
            {
              Effect: 'Deny',
              Principal: { AWS: '*' },
              Action: 's3:*',
              Resource: [bucketArn, `${bucketArn}/*`],
              Condition: { Bool: { 'aws:SecureTransport': 'false' } },
            },
          ],
        },
      },
    },
    warnings: [],
  };
}
