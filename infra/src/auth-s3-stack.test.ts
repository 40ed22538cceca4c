/*
 * Template assertions for every property the stack promises (issue 2): user pool, client,
 * identity pool, the authenticated role's exact permissions, both buckets and the outputs, for
 * the default (retained) stack and the ephemeral one. Each stack is synthesized once per file.
 */
import { OUTPUT_KEYS, OUTPUTS_VERSION } from '@auth-s3/outputs';
import { Match, type Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { synthStack } from '../test/synth.js';

let template: Template;
let ephemeral: Template;
let mfaRequired: Template;

beforeAll(() => {
  template = synthStack().template;
  mfaRequired = synthStack({ mfa: 'required' }).template;
  ephemeral = synthStack({
    ephemeral: true,
    webOrigins: ['https://app.example.com', 'http://localhost:5173'],
  }).template;
});

function onlyResource(t: Template, type: string): { logicalId: string; resource: Record<string, unknown> } {
  const found = Object.entries(t.findResources(type));
  expect(found, type).toHaveLength(1);
  const [logicalId, resource] = found[0] as [string, Record<string, unknown>];
  return { logicalId, resource };
}

function appBucketLogicalId(t: Template): string {
  const withCors = Object.keys(
    t.findResources('AWS::S3::Bucket', { Properties: { CorsConfiguration: Match.anyValue() } }),
  );
  expect(withCors).toHaveLength(1);
  return withCors[0] as string;
}

describe('user pool', () => {
  it('lets people sign up themselves and sign in with a code-verified email', () => {
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: false },
      UsernameAttributes: ['email'],
      AutoVerifiedAttributes: ['email'],
      VerificationMessageTemplate: Match.objectLike({ DefaultEmailOption: 'CONFIRM_WITH_CODE' }),
    });
  });

  it('requires 8+ characters with lower, upper, digit and symbol (cdk-nag COG1)', () => {
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      Policies: {
        PasswordPolicy: Match.objectLike({
          MinimumLength: 8,
          RequireLowercase: true,
          RequireUppercase: true,
          RequireNumbers: true,
          RequireSymbols: true,
        }),
      },
    });
  });

  it('recovers accounts by verified email only', () => {
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      AccountRecoverySetting: { RecoveryMechanisms: [{ Name: 'verified_email', Priority: 1 }] },
    });
  });

  it('offers an authenticator app (TOTP) as an optional second factor, never SMS, and has no SMS role', () => {
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      MfaConfiguration: 'OPTIONAL',
      EnabledMfas: ['SOFTWARE_TOKEN_MFA'],
      SmsConfiguration: Match.absent(),
    });
    expect(Object.keys(template.findResources('AWS::IAM::Role')).filter((id) => /sms/i.test(id))).toEqual([]);
  });

  it('requires the authenticator app of every user with mfa: required (MfaConfiguration ON)', () => {
    mfaRequired.hasResourceProperties('AWS::Cognito::UserPool', {
      MfaConfiguration: 'ON',
      EnabledMfas: ['SOFTWARE_TOKEN_MFA'],
      SmsConfiguration: Match.absent(),
    });
  });

  it('tells the app the MFA mode through the construct and the MfaMode output', () => {
    expect(synthStack().stack.userAuth.mfaMode).toBe('OPTIONAL');
    expect(synthStack({ mfa: 'required' }).stack.userAuth.mfaMode).toBe('ON');
    expect(template.findOutputs('MfaMode').MfaMode?.Value).toBe('OPTIONAL');
    expect(mfaRequired.findOutputs('MfaMode').MfaMode?.Value).toBe('ON');
  });

  it('is retained and deletion-protected by default', () => {
    template.hasResource('AWS::Cognito::UserPool', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: Match.objectLike({ DeletionProtection: 'ACTIVE' }),
    });
  });

  it('is destroyed without deletion protection when ephemeral', () => {
    ephemeral.hasResource('AWS::Cognito::UserPool', {
      DeletionPolicy: 'Delete',
      Properties: Match.objectLike({ DeletionProtection: 'INACTIVE' }),
    });
  });
});

describe('app client', () => {
  it('has no secret, SRP and refresh only, and no OAuth', () => {
    const { resource } = onlyResource(template, 'AWS::Cognito::UserPoolClient');
    const props = resource.Properties as Record<string, unknown>;
    expect(props.GenerateSecret).toBe(false);
    expect(props.ExplicitAuthFlows).toEqual(['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH']);
    expect(props.AllowedOAuthFlowsUserPoolClient).toBe(false);
    expect(props.AllowedOAuthFlows).toBeUndefined();
    expect(props.CallbackURLs).toBeUndefined();
    expect(props.LogoutURLs).toBeUndefined();
  });

  it('prevents user existence errors and revokes tokens', () => {
    template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      PreventUserExistenceErrors: 'ENABLED',
      EnableTokenRevocation: true,
    });
  });

  it('issues access and id tokens for 60 minutes and refresh tokens for 30 days', () => {
    const { resource } = onlyResource(template, 'AWS::Cognito::UserPoolClient');
    const props = resource.Properties as Record<string, unknown>;
    const units = props.TokenValidityUnits as Record<string, string>;
    const seconds = (value: unknown, unit: string | undefined) =>
      (value as number) * ({ seconds: 1, minutes: 60, hours: 3600, days: 86400 }[unit ?? ''] ?? Number.NaN);
    expect(seconds(props.AccessTokenValidity, units.AccessToken)).toBe(60 * 60);
    expect(seconds(props.IdTokenValidity, units.IdToken)).toBe(60 * 60);
    expect(seconds(props.RefreshTokenValidity, units.RefreshToken)).toBe(30 * 86400);
  });
});

describe('identity pool', () => {
  it('accepts only the stack user pool + client and no unauthenticated identities', () => {
    const pool = onlyResource(template, 'AWS::Cognito::UserPool').logicalId;
    const client = onlyResource(template, 'AWS::Cognito::UserPoolClient').logicalId;
    template.hasResourceProperties('AWS::Cognito::IdentityPool', {
      AllowUnauthenticatedIdentities: false,
      AllowClassicFlow: false,
      CognitoIdentityProviders: [
        {
          ClientId: { Ref: client },
          ProviderName: Match.objectLike({ 'Fn::Join': ['', Match.arrayWith([{ Ref: pool }])] }),
          ServerSideTokenCheck: true,
        },
      ],
    });
    expect(template.findResources('AWS::Cognito::IdentityPool')).not.toHaveProperty(
      'SupportedLoginProviders',
    );
  });

  it('attaches an authenticated role that trusts only authenticated identities of this pool', () => {
    const identityPool = onlyResource(template, 'AWS::Cognito::IdentityPool').logicalId;
    const { resource } = onlyResource(template, 'AWS::Cognito::IdentityPoolRoleAttachment');
    const roles = (resource.Properties as { Roles: { authenticated: { 'Fn::GetAtt': [string, string] } } })
      .Roles;
    const authRoleId = roles.authenticated['Fn::GetAtt'][0];
    template.hasResource('AWS::IAM::Role', {
      Properties: Match.objectLike({
        AssumeRolePolicyDocument: {
          Version: '2012-10-17',
          Statement: [
            {
              Effect: 'Allow',
              Action: 'sts:AssumeRoleWithWebIdentity',
              Principal: { Federated: 'cognito-identity.amazonaws.com' },
              Condition: {
                StringEquals: { 'cognito-identity.amazonaws.com:aud': { Ref: identityPool } },
                'ForAnyValue:StringLike': { 'cognito-identity.amazonaws.com:amr': 'authenticated' },
              },
            },
          ],
        },
      }),
    });
    expect(Object.keys(template.findResources('AWS::IAM::Role'))).toContain(authRoleId);
  });
});

describe('authenticated role', () => {
  it('holds exactly the object actions on public/* and its own private/<identity id>/*, and prefix-conditioned listing, nothing else', () => {
    const bucket = appBucketLogicalId(template);
    const attachment = onlyResource(template, 'AWS::Cognito::IdentityPoolRoleAttachment').resource;
    const authRoleId = (attachment.Properties as { Roles: { authenticated: { 'Fn::GetAtt': [string] } } })
      .Roles.authenticated['Fn::GetAtt'][0];
    const policies = Object.values(
      template.findResources('AWS::IAM::Policy', {
        Properties: { Roles: Match.arrayWith([{ Ref: authRoleId }]) },
      }),
    );
    expect(policies).toHaveLength(1);
    const objects = (pattern: string) => ({ 'Fn::Join': ['', [{ 'Fn::GetAtt': [bucket, 'Arn'] }, pattern]] });
    // `${cognito-identity.amazonaws.com:sub}` is the identity pool's identity id (region:uuid),
    // substituted by IAM per caller; it is not the user pool's `sub`.
    // biome-ignore lint/suspicious/noTemplateCurlyInString: an IAM policy variable, not a JavaScript one.
    const ownArea = 'private/${cognito-identity.amazonaws.com:sub}/';
    expect((policies[0] as { Properties: { PolicyDocument: unknown } }).Properties.PolicyDocument).toEqual({
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'AreaObjects',
          Effect: 'Allow',
          // Sorted by CDK (@aws-cdk/aws-iam:minimizePolicies). Versions may be read, never deleted:
          // no s3:DeleteObjectVersion.
          Action: [
            's3:AbortMultipartUpload',
            's3:DeleteObject',
            's3:GetObject',
            's3:GetObjectVersion',
            's3:ListMultipartUploadParts',
            's3:PutObject',
          ],
          Resource: [objects(`/${ownArea}*`), objects('/public/*')],
        },
        {
          Sid: 'ListAreas',
          Effect: 'Allow',
          Action: ['s3:ListBucket', 's3:ListBucketVersions'],
          Resource: { 'Fn::GetAtt': [bucket, 'Arn'] },
          Condition: { StringLike: { 's3:prefix': ['public/', 'public/*', ownArea, `${ownArea}*`] } },
        },
      ],
    });
    const text = JSON.stringify(policies);
    expect(text).not.toContain('DeleteObjectVersion');
    expect(text).not.toContain('s3:*');
    const role = template.findResources('AWS::IAM::Role')[authRoleId] as {
      Properties: Record<string, unknown>;
    };
    expect(role.Properties.Policies).toBeUndefined();
    expect(role.Properties.ManagedPolicyArns).toBeUndefined();
  });

  it('leaves the (unused) unauthenticated role without any permission', () => {
    const attachment = onlyResource(template, 'AWS::Cognito::IdentityPoolRoleAttachment').resource;
    const unauth = (attachment.Properties as { Roles: { unauthenticated?: { 'Fn::GetAtt': [string] } } })
      .Roles.unauthenticated?.['Fn::GetAtt'][0];
    // CDK's IdentityPool always makes this role; the pool never hands it out (guests are off).
    if (unauth === undefined) throw new Error('expected the role attachment to name an unauthenticated role');
    const role = template.findResources('AWS::IAM::Role')[unauth] as { Properties: Record<string, unknown> };
    expect(role.Properties.Policies).toBeUndefined();
    expect(role.Properties.ManagedPolicyArns).toBeUndefined();
    expect(template.findResources('AWS::IAM::Policy', { Properties: { Roles: [{ Ref: unauth }] } })).toEqual(
      {},
    );
  });

  it('is the only principal with policies in the stack', () => {
    expect(template.findResources('AWS::IAM::ManagedPolicy')).toEqual({});
    expect(template.findResources('AWS::IAM::User')).toEqual({});
    expect(Object.keys(template.findResources('AWS::IAM::Policy'))).toHaveLength(1);
  });
});

describe('file bucket', () => {
  const blockAll = {
    BlockPublicAcls: true,
    BlockPublicPolicy: true,
    IgnorePublicAcls: true,
    RestrictPublicBuckets: true,
  };
  const sseS3 = {
    ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
  };

  it('blocks public access, encrypts with SSE-S3 and is versioned', () => {
    template.hasResourceProperties('AWS::S3::Bucket', {
      CorsConfiguration: Match.anyValue(),
      PublicAccessBlockConfiguration: blockAll,
      BucketEncryption: sseS3,
      VersioningConfiguration: { Status: 'Enabled' },
    });
  });

  it('expires noncurrent versions after 30 days and aborts multipart uploads after 7', () => {
    template.hasResourceProperties('AWS::S3::Bucket', {
      CorsConfiguration: Match.anyValue(),
      LifecycleConfiguration: {
        Rules: [
          {
            Status: 'Enabled',
            NoncurrentVersionExpiration: { NoncurrentDays: 30 },
            AbortIncompleteMultipartUpload: { DaysAfterInitiation: 7 },
          },
        ],
      },
    });
  });

  it('answers CORS for the default web origin with GET PUT POST DELETE HEAD, any header, exposing ETag and x-amz-version-id', () => {
    template.hasResourceProperties('AWS::S3::Bucket', {
      CorsConfiguration: {
        CorsRules: [
          Match.objectLike({
            AllowedOrigins: ['http://localhost:5173'],
            AllowedMethods: ['GET', 'PUT', 'POST', 'DELETE', 'HEAD'],
            AllowedHeaders: ['*'],
            ExposedHeaders: ['ETag', 'x-amz-version-id'],
          }),
        ],
      },
    });
  });

  it('answers CORS for the origins given as webOrigins', () => {
    ephemeral.hasResourceProperties('AWS::S3::Bucket', {
      CorsConfiguration: {
        CorsRules: [
          Match.objectLike({ AllowedOrigins: ['https://app.example.com', 'http://localhost:5173'] }),
        ],
      },
    });
  });

  it('denies every request that does not use TLS, on the bucket and its objects', () => {
    const bucket = appBucketLogicalId(template);
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: { Ref: bucket },
      PolicyDocument: {
        Statement: Match.arrayWith([
          {
            Effect: 'Deny',
            Principal: { AWS: '*' },
            Action: 's3:*',
            Condition: { Bool: { 'aws:SecureTransport': 'false' } },
            Resource: [
              { 'Fn::GetAtt': [bucket, 'Arn'] },
              { 'Fn::Join': ['', [{ 'Fn::GetAtt': [bucket, 'Arn'] }, '/*']] },
            ],
          },
        ]),
      },
    });
  });

  it('writes server access logs to a private, encrypted, TLS-only log bucket', () => {
    const bucket = appBucketLogicalId(template);
    const props = (
      template.findResources('AWS::S3::Bucket')[bucket] as { Properties: Record<string, unknown> }
    ).Properties;
    const logging = props.LoggingConfiguration as { DestinationBucketName: { Ref: string } };
    const logBucket = logging.DestinationBucketName.Ref;
    expect(logBucket).not.toBe(bucket);
    template.hasResource('AWS::S3::Bucket', {
      Properties: Match.objectLike({ PublicAccessBlockConfiguration: blockAll, BucketEncryption: sseS3 }),
    });
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: { Ref: logBucket },
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
          Match.objectLike({
            Effect: 'Allow',
            Principal: { Service: 'logging.s3.amazonaws.com' },
            Action: 's3:PutObject',
          }),
        ]),
      },
    });
  });

  it('keeps both buckets by default and destroys and empties them when ephemeral', () => {
    expect(Object.values(template.findResources('AWS::S3::Bucket')).map((b) => b.DeletionPolicy)).toEqual([
      'Retain',
      'Retain',
    ]);
    expect(template.findResources('Custom::S3AutoDeleteObjects')).toEqual({});
    expect(Object.values(ephemeral.findResources('AWS::S3::Bucket')).map((b) => b.DeletionPolicy)).toEqual([
      'Delete',
      'Delete',
    ]);
    expect(Object.keys(ephemeral.findResources('Custom::S3AutoDeleteObjects'))).toHaveLength(2);
  });
});

describe('outputs', () => {
  it('exports every key of the outputs contract, at its current version', () => {
    const userPool = onlyResource(template, 'AWS::Cognito::UserPool').logicalId;
    const client = onlyResource(template, 'AWS::Cognito::UserPoolClient').logicalId;
    const identityPool = onlyResource(template, 'AWS::Cognito::IdentityPool').logicalId;
    const bucket = appBucketLogicalId(template);
    const outputs = template.findOutputs('*');
    expect(Object.keys(outputs).sort()).toEqual(Object.keys(OUTPUT_KEYS).sort());
    expect(outputs.OutputsVersion?.Value).toBe(OUTPUTS_VERSION);
    expect(outputs.Region?.Value).toEqual({ Ref: 'AWS::Region' });
    expect(outputs.UserPoolId?.Value).toEqual({ Ref: userPool });
    expect(outputs.UserPoolClientId?.Value).toEqual({ Ref: client });
    expect(outputs.IdentityPoolId?.Value).toEqual({ Ref: identityPool });
    expect(outputs.BucketName?.Value).toEqual({ Ref: bucket });
    // The areas the role's policy opens; {identityId} is the identity pool's identity id.
    expect(outputs.PublicPrefix?.Value).toBe('public/');
    expect(outputs.PrivatePrefixPattern?.Value).toBe('private/{identityId}/');
  });

  it("states the user pool's own password policy", () => {
    const pool = onlyResource(template, 'AWS::Cognito::UserPool').resource as {
      Properties: { Policies: { PasswordPolicy: Record<string, unknown> } };
    };
    const policy = pool.Properties.Policies.PasswordPolicy;
    const outputs = template.findOutputs('*');
    expect({
      MinimumLength: outputs.PasswordMinimumLength?.Value,
      RequireLowercase: outputs.PasswordRequireLowercase?.Value,
      RequireUppercase: outputs.PasswordRequireUppercase?.Value,
      RequireNumbers: outputs.PasswordRequireNumbers?.Value,
      RequireSymbols: outputs.PasswordRequireSymbols?.Value,
    }).toEqual({
      MinimumLength: String(policy.MinimumLength),
      RequireLowercase: String(policy.RequireLowercase),
      RequireUppercase: String(policy.RequireUppercase),
      RequireNumbers: String(policy.RequireNumbers),
      RequireSymbols: String(policy.RequireSymbols),
    });
  });
});
