/*
 * A StackModel like the one the template loader builds from the synthesized AuthS3Stack, for
 * unit tests that need a model without a template, and `withOverrides` to adjust the pool, the
 * client or the identity pool of any model per test.
 */
import type { IdentityPoolModel, StackModel, UserPoolClientModel, UserPoolModel } from '../stack-model.js';

export interface FixtureOverrides {
  userPool?: Partial<UserPoolModel>;
  userPoolClient?: Partial<UserPoolClientModel>;
  identityPool?: Partial<IdentityPoolModel>;
}

/** `model` with the pool, client and identity pool fields in `overrides` replaced. */
export function withOverrides(model: StackModel, overrides: FixtureOverrides): StackModel {
  return {
    ...model,
    userPool: { ...model.userPool, ...overrides.userPool },
    userPoolClient: { ...model.userPoolClient, ...overrides.userPoolClient },
    identityPool: { ...model.identityPool, ...overrides.identityPool },
  };
}

/** The fixture model; every call returns a fresh object. */
export function stackFixture(overrides: FixtureOverrides = {}): StackModel {
  const region = 'us-east-1';
  const accountId = '000000000000';
  const userPoolId = 'us-east-1_AuthS3Emu';
  const clientId = '4ulocalclient0000000000000';
  const authRoleArn = `arn:aws:iam::${accountId}:role/AuthS3Stack-AuthenticatedRole`;
  const bucket = 'auths3stack-files-local';
  return withOverrides(
    {
      stackName: 'AuthS3Stack',
      region,
      accountId,
      userPool: {
        logicalId: 'UserPool',
        id: userPoolId,
        arn: `arn:aws:cognito-idp:${region}:${accountId}:userpool/${userPoolId}`,
        passwordPolicy: {
          minimumLength: 8,
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
        id: clientId,
        userPoolId,
        explicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
        preventUserExistenceErrors: true,
        enableTokenRevocation: true,
        accessTokenValidity: 3600,
        idTokenValidity: 3600,
        refreshTokenValidity: 30 * 86_400,
      },
      identityPool: {
        logicalId: 'IdentityPool',
        id: `${region}:00000000-0000-4000-8000-000000000001`,
        allowUnauthenticatedIdentities: false,
        providers: [
          {
            providerName: `cognito-idp.${region}.amazonaws.com/${userPoolId}`,
            clientId,
            userPoolId,
            serverSideTokenCheck: true,
          },
        ],
        authenticatedRoleArn: authRoleArn,
      },
      roles: [
        {
          logicalId: 'AuthenticatedRole',
          arn: authRoleArn,
          name: 'AuthS3Stack-AuthenticatedRole',
          policies: [
            {
              name: 'AuthenticatedRole/DefaultPolicy',
              kind: 'identity',
              document: {
                Version: '2012-10-17',
                Statement: [
                  {
                    Effect: 'Allow',
                    Action: ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'],
                    Resource: `arn:aws:s3:::${bucket}/private/\${cognito-identity.amazonaws.com:sub}/*`,
                  },
                ],
              },
            },
          ],
        },
      ],
      bucket: {
        logicalId: 'FilesBucket',
        name: bucket,
        arn: `arn:aws:s3:::${bucket}`,
        cors: [
          {
            allowedOrigins: ['*'],
            allowedMethods: ['GET', 'PUT'],
            allowedHeaders: ['*'],
            exposedHeaders: ['ETag'],
          },
        ],
        versioning: false,
      },
      warnings: [],
    },
    overrides,
  );
}
