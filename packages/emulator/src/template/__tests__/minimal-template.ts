/*
 * A small hand-written CloudFormation template with the resources the loader needs (user pool,
 * client, identity pool + attachment, role with an inline policy and a policy resource, a log
 * bucket and the app bucket with CORS and a policy). Each call returns a fresh copy to mutate.
 */
// biome-ignore-all lint/suspicious/noTemplateCurlyInString: Fn::Sub placeholders are literal ${...} text in templates
import type { CfnTemplate } from '../template-types.js';

export function minimalTemplate(): CfnTemplate {
  return {
    Resources: {
      Pool: {
        Type: 'AWS::Cognito::UserPool',
        Properties: {
          UsernameAttributes: ['email'],
          AutoVerifiedAttributes: ['email'],
          Policies: { PasswordPolicy: { MinimumLength: 12, RequireSymbols: false } },
        },
      },
      Client: {
        Type: 'AWS::Cognito::UserPoolClient',
        Properties: {
          UserPoolId: { Ref: 'Pool' },
          ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
          PreventUserExistenceErrors: 'ENABLED',
          AccessTokenValidity: 30,
          TokenValidityUnits: { AccessToken: 'minutes' },
        },
      },
      Identities: {
        Type: 'AWS::Cognito::IdentityPool',
        Properties: {
          AllowUnauthenticatedIdentities: false,
          CognitoIdentityProviders: [
            {
              ClientId: { Ref: 'Client' },
              ProviderName: { 'Fn::GetAtt': ['Pool', 'ProviderName'] },
              ServerSideTokenCheck: true,
            },
          ],
        },
      },
      Attachment: {
        Type: 'AWS::Cognito::IdentityPoolRoleAttachment',
        Properties: {
          IdentityPoolId: { Ref: 'Identities' },
          Roles: { authenticated: { 'Fn::GetAtt': ['AuthRole', 'Arn'] } },
        },
      },
      AuthRole: {
        Type: 'AWS::IAM::Role',
        Properties: {
          AssumeRolePolicyDocument: { Statement: [] },
          Policies: [
            {
              PolicyName: 'Inline',
              PolicyDocument: {
                Statement: [
                  {
                    Effect: 'Allow',
                    Action: 's3:GetObject',
                    Resource: { 'Fn::Sub': '${Files.Arn}/${AWS::AccountId}/*' },
                  },
                ],
              },
            },
          ],
        },
      },
      AuthRolePolicy: {
        Type: 'AWS::IAM::Policy',
        Metadata: { 'aws:cdk:path': 'Stack/AuthRole/DefaultPolicy/Resource' },
        Properties: {
          PolicyName: 'Default',
          Roles: [{ Ref: 'AuthRole' }],
          PolicyDocument: {
            Statement: [
              {
                Effect: 'Allow',
                Action: 's3:ListBucket',
                Resource: {
                  'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':s3:::', { Ref: 'Files' }]],
                },
              },
            ],
          },
        },
      },
      Logs: { Type: 'AWS::S3::Bucket', Properties: {} },
      Files: {
        Type: 'AWS::S3::Bucket',
        Properties: {
          VersioningConfiguration: { Status: 'Enabled' },
          CorsConfiguration: {
            CorsRules: [
              {
                AllowedOrigins: ['http://localhost:5173'],
                AllowedMethods: ['GET'],
                ExposedHeaders: ['ETag'],
              },
            ],
          },
        },
      },
      FilesPolicy: {
        Type: 'AWS::S3::BucketPolicy',
        Properties: {
          Bucket: { Ref: 'Files' },
          PolicyDocument: {
            Statement: [
              {
                Effect: 'Deny',
                Principal: { AWS: '*' },
                Action: 's3:*',
                Resource: [{ 'Fn::GetAtt': ['Files', 'Arn'] }],
                Condition: { Bool: { 'aws:SecureTransport': 'false' } },
              },
            ],
          },
        },
      },
    },
    Outputs: {
      OutputsVersion: { Value: '1' },
      PublicPrefix: { Value: 'public/' },
      PrivatePrefixPattern: { Value: 'private/{identityId}/' },
    },
  };
}
