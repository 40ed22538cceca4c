/*
 * The template loader on the real synthesized AuthS3Stack (the default and the ephemeral fixture of
 * `@auth-s3/stack-testing`, which infra's tests hold equal to a fresh synth): it finds every
 * resource, gives AWS-shaped ids, carries the stack's exact settings into the model, and warns only
 * about what the emulator really does not do.
 */
import { describe, expect, it } from 'vitest';
import { testStackModel } from '../testing/index.js';
import { toStackOutputs } from './index.js';

const model = testStackModel();
const ephemeral = testStackModel({}, 'ephemeral');

describe('loadStackModel on the synthesized stack', () => {
  it('gives AWS-shaped, stable ids', () => {
    const outputs = toStackOutputs(model);
    expect(outputs.UserPoolId).toMatch(/^us-east-1_[A-Za-z0-9]{9}$/);
    expect(outputs.UserPoolClientId).toMatch(/^[a-z0-9]{26}$/);
    expect(outputs.IdentityPoolId).toMatch(
      /^us-east-1:[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(outputs.BucketName).toMatch(/^auths3stack-filebucketfiles[0-9a-f]{8}-[a-z0-9]{12}$/);
    // Same stack, same logical ids: the same ids whether ephemeral or not, on every load.
    expect(toStackOutputs(ephemeral)).toEqual(outputs);
  });

  it('carries the user pool and client settings of the stack', () => {
    expect(model.userPool).toMatchObject({
      usernameAttributes: ['email'],
      autoVerifiedAttributes: ['email'],
      selfSignUpEnabled: true,
      passwordPolicy: {
        minimumLength: 8,
        requireLowercase: true,
        requireUppercase: true,
        requireNumbers: true,
        requireSymbols: true,
        temporaryPasswordValidityDays: 7,
      },
    });
    expect(model.userPoolClient).toMatchObject({
      explicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      accessTokenValidity: 3600,
      idTokenValidity: 3600,
      refreshTokenValidity: 30 * 86_400,
    });
  });

  it('links the identity pool to that pool and client, with an authenticated role and no guests', () => {
    expect(model.identityPool.allowUnauthenticatedIdentities).toBe(false);
    expect(model.identityPool.providers).toEqual([
      {
        providerName: `cognito-idp.us-east-1.amazonaws.com/${model.userPool.id}`,
        clientId: model.userPoolClient.id,
        userPoolId: model.userPool.id,
        // The stack turns it on; the emulator then refuses signed-out users' id tokens.
        serverSideTokenCheck: true,
      },
    ]);
    const authRole = model.roles.find((r) => r.arn === model.identityPool.authenticatedRoleArn);
    expect(authRole?.arn).toMatch(
      /^arn:aws:iam::000000000000:role\/AuthS3Stack-IdentityIdentityPoolAuth\w*-[A-Z]{12}$/,
    );
    expect(authRole?.policies.map((p) => p.name)).toEqual([
      'Identity/IdentityPool/AuthenticatedRole/DefaultPolicy',
    ]);
  });

  it('serves the file bucket, not the log bucket, with its CORS rule, versioning and TLS-only policy', () => {
    expect(model.bucket.logicalId).toMatch(/^FileBucketFiles/);
    expect(model.bucket.versioning).toBe(true);
    expect(model.bucket.cors).toEqual([
      {
        // The dev server, and the CloudFront origins of the hosted app (infra's site-hosting).
        allowedOrigins: ['http://localhost:5173', 'https://*.cloudfront.net'],
        allowedMethods: ['GET', 'PUT', 'POST', 'DELETE', 'HEAD'],
        allowedHeaders: ['*'],
        exposedHeaders: ['ETag'],
        maxAge: 3000,
      },
    ]);
    expect(ephemeral.bucket.cors[0]?.allowedOrigins).toEqual([
      'https://app.example.com',
      'https://*.cloudfront.net',
    ]);
    expect(JSON.stringify(model.bucket.policy?.document)).toContain('aws:SecureTransport');
  });

  it('warns only that lifecycle rules and access logs are not emulated, also with CDK auto-delete helpers', () => {
    const expected = [
      'Bucket.LifecycleConfiguration is not emulated: versions and multipart uploads never expire locally',
      'Bucket.LoggingConfiguration is not emulated: no server access logs are written locally',
    ];
    expect(model.warnings).toEqual(expected);
    expect(ephemeral.warnings).toEqual(expected);
    expect(ephemeral.roles.map((r) => r.logicalId)).toEqual(model.roles.map((r) => r.logicalId));
  });
});
