/*
 * Tests for loadStackModel on small hand-written templates: what it finds, the defaults it fills
 * in, the warnings for unmodelled properties, and the errors for templates it cannot serve.
 * (stack-template.test.ts runs it on the real synthesized stack.)
 */
// biome-ignore-all lint/suspicious/noTemplateCurlyInString: Fn::Sub placeholders are literal ${...} text in templates
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OUTPUTS_VERSION } from '@auth-s3/outputs';
import { describe, expect, it } from 'vitest';
import { minimalTemplate } from './__tests__/minimal-template.js';
import { TemplateReadError, TemplateResourceError, UnresolvableIntrinsicError } from './errors.js';
import { loadStackModel } from './load-stack-model.js';
import { readTemplate } from './read-template.js';
import { toStackOutputs } from './stack-outputs.js';

const options = { stackName: 'TestStack', region: 'eu-west-1' };

describe('loadStackModel', () => {
  it('finds the user pool with its policy, Cognito defaults for the rest', () => {
    const { userPool } = loadStackModel(minimalTemplate(), options);
    expect(userPool.id).toMatch(/^eu-west-1_[A-Za-z0-9]{9}$/);
    expect(userPool.arn).toBe(`arn:aws:cognito-idp:eu-west-1:000000000000:userpool/${userPool.id}`);
    expect(userPool.passwordPolicy).toEqual({
      minimumLength: 12,
      requireLowercase: true,
      requireUppercase: true,
      requireNumbers: true,
      requireSymbols: false,
      temporaryPasswordValidityDays: 7,
    });
    expect(userPool.usernameAttributes).toEqual(['email']);
    expect(userPool.selfSignUpEnabled).toBe(true);
    expect(userPool).toMatchObject({ mfaConfiguration: 'OFF', softwareTokenMfa: false });
  });

  it('reads MfaConfiguration and whether EnabledMfas offers an authenticator app', () => {
    const template = minimalTemplate();
    Object.assign(template.Resources.Pool?.Properties ?? {}, {
      MfaConfiguration: 'ON',
      EnabledMfas: ['SOFTWARE_TOKEN_MFA'],
    });
    const model = loadStackModel(template, options);
    expect(model.userPool).toMatchObject({ mfaConfiguration: 'ON', softwareTokenMfa: true });
    expect(model.warnings).toEqual([]);
  });

  it('warns that SMS and email MFA are not emulated, and refuses an MfaConfiguration CloudFormation does not know', () => {
    const template = minimalTemplate();
    Object.assign(template.Resources.Pool?.Properties ?? {}, {
      MfaConfiguration: 'OPTIONAL',
      EnabledMfas: ['SMS_MFA', 'SOFTWARE_TOKEN_MFA'],
    });
    expect(loadStackModel(template, options).warnings).toEqual([
      'UserPool.EnabledMfas is not emulated: only SOFTWARE_TOKEN_MFA is (found SMS_MFA)',
    ]);
    Object.assign(template.Resources.Pool?.Properties ?? {}, { MfaConfiguration: 'REQUIRED' });
    expect(() => loadStackModel(template, options)).toThrow(
      /MfaConfiguration is "REQUIRED".*OFF, OPTIONAL or ON/,
    );
  });

  it('reads the Schema (custom attributes get their prefix) and the client WriteAttributes', () => {
    const template = minimalTemplate();
    const pool = template.Resources.Pool?.Properties as Record<string, unknown>;
    pool.Schema = [
      { Name: 'email', Required: true, Mutable: true },
      { Name: 'tier', AttributeDataType: 'String' },
      { Name: 'custom:plan', AttributeDataType: 'String', Required: 'true' },
    ];
    const defaults = loadStackModel(template, options);
    expect(defaults.userPool.customAttributes).toEqual(['custom:tier', 'custom:plan']);
    expect(defaults.userPool.requiredAttributes).toEqual(['email', 'custom:plan']);
    expect(defaults.userPoolClient.writeAttributes).toBeUndefined();
    (template.Resources.Client?.Properties as Record<string, unknown>).WriteAttributes = [
      'email',
      'custom:tier',
    ];
    const listed = loadStackModel(template, options);
    expect(listed.userPoolClient.writeAttributes).toEqual(['email', 'custom:tier']);
    expect(listed.warnings.join('\n')).not.toMatch(/Schema|WriteAttributes/);
  });

  it('reads the client with token validity in its units and CloudFormation defaults', () => {
    const { userPoolClient, userPool } = loadStackModel(minimalTemplate(), options);
    expect(userPoolClient).toMatchObject({
      logicalId: 'Client',
      userPoolId: userPool.id,
      explicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      accessTokenValidity: 30 * 60,
      idTokenValidity: 3600,
      refreshTokenValidity: 30 * 86_400,
    });
    expect(userPoolClient.id).toMatch(/^[a-z0-9]{26}$/);
  });

  it('links the identity pool to the pool, the client and the authenticated role', () => {
    const model = loadStackModel(minimalTemplate(), options);
    expect(model.identityPool.id).toMatch(/^eu-west-1:[0-9a-f-]{36}$/);
    expect(model.identityPool.allowUnauthenticatedIdentities).toBe(false);
    expect(model.identityPool.providers).toEqual([
      {
        providerName: `cognito-idp.eu-west-1.amazonaws.com/${model.userPool.id}`,
        clientId: model.userPoolClient.id,
        userPoolId: model.userPool.id,
        serverSideTokenCheck: true,
      },
    ]);
    expect(model.identityPool.authenticatedRoleArn).toBe(model.roles[0]?.arn);
    expect(model.roles[0]?.arn).toMatch(/^arn:aws:iam::000000000000:role\/TestStack-AuthRole-[A-Z]{12}$/);
  });

  it('collects inline and attached policies of a role, resolved', () => {
    const model = loadStackModel(minimalTemplate(), { ...options, accountId: '111122223333' });
    const bucket = model.bucket.name;
    expect(model.roles[0]?.policies).toEqual([
      {
        name: 'AuthRole/Inline',
        kind: 'identity',
        document: {
          Statement: [
            { Effect: 'Allow', Action: 's3:GetObject', Resource: `arn:aws:s3:::${bucket}/111122223333/*` },
          ],
        },
      },
      {
        name: 'AuthRole/DefaultPolicy',
        kind: 'identity',
        document: {
          Statement: [{ Effect: 'Allow', Action: 's3:ListBucket', Resource: `arn:aws:s3:::${bucket}` }],
        },
      },
    ]);
  });

  it('serves the bucket with CORS, not the log bucket, with its policy', () => {
    const { bucket } = loadStackModel(minimalTemplate(), options);
    expect(bucket.logicalId).toBe('Files');
    expect(bucket.name).toMatch(/^teststack-files-[a-z0-9]{12}$/);
    expect(bucket.versioning).toBe(true);
    expect(bucket.cors).toEqual([
      {
        allowedOrigins: ['http://localhost:5173'],
        allowedMethods: ['GET'],
        allowedHeaders: [],
        exposedHeaders: ['ETag'],
      },
    ]);
    expect(bucket.policy?.kind).toBe('resource');
    expect(bucket.policy?.document.Statement).toEqual([
      expect.objectContaining({ Resource: [`arn:aws:s3:::${bucket.name}`] }),
    ]);
  });

  it('uses the names the template sets (BucketName, RoleName with Path)', () => {
    const template = minimalTemplate();
    Object.assign(template.Resources.Files?.Properties ?? {}, {
      BucketName: { 'Fn::Sub': 'files-${AWS::Region}' },
    });
    Object.assign(template.Resources.AuthRole?.Properties ?? {}, { RoleName: 'WebUsers', Path: '/app/' });
    const model = loadStackModel(template, { ...options, accountId: '123456789012' });
    expect(model.bucket.name).toBe('files-eu-west-1');
    expect(model.roles[0]?.arn).toBe('arn:aws:iam::123456789012:role/app/WebUsers');
    expect(model.roles[0]?.name).toBe('WebUsers');
  });

  it('returns the same ids on every load of the same stack, and others for another stack name', () => {
    const a = loadStackModel(minimalTemplate(), options);
    const b = loadStackModel(minimalTemplate(), options);
    const other = loadStackModel(minimalTemplate(), { ...options, stackName: 'OtherStack' });
    expect(toStackOutputs(b)).toEqual(toStackOutputs(a));
    expect(other.userPool.id).not.toBe(a.userPool.id);
    expect(other.bucket.name).not.toBe(a.bucket.name);
  });

  it('warns about properties and resources it does not emulate, and is silent on harmless ones', () => {
    const template = minimalTemplate();
    Object.assign(template.Resources.Pool?.Properties ?? {}, {
      LambdaConfig: { PreSignUp: 'arn:aws:lambda:eu-west-1:1:function:f' },
      DeletionProtection: 'ACTIVE',
    });
    Object.assign(template.Resources.Attachment?.Properties ?? {}, { RoleMappings: {} });
    template.Resources.Queue = { Type: 'AWS::SQS::Queue' };
    template.Resources.Meta = { Type: 'AWS::CDK::Metadata' };
    expect(loadStackModel(template, options).warnings).toEqual([
      'UserPool.LambdaConfig is not emulated',
      'IdentityPoolRoleAttachment.RoleMappings is not emulated',
      'AWS::SQS::Queue Queue is not emulated',
    ]);
  });

  it('has no warnings for the minimal template', () => {
    expect(loadStackModel(minimalTemplate(), options).warnings).toEqual([]);
  });

  it('skips resources whose Condition is false', () => {
    const template = minimalTemplate();
    template.Conditions = { Never: { 'Fn::Equals': ['a', 'b'] } };
    template.Resources.OtherPool = { Type: 'AWS::Cognito::UserPool', Condition: 'Never' };
    expect(loadStackModel(template, options).userPool.logicalId).toBe('Pool');
  });

  it('throws TemplateResourceError when the user pool is missing or there are two', () => {
    const none = minimalTemplate();
    delete none.Resources.Pool;
    expect(() => loadStackModel(none, options)).toThrow(TemplateResourceError);
    const two = minimalTemplate();
    two.Resources.Pool2 = { Type: 'AWS::Cognito::UserPool' };
    expect(() => loadStackModel(two, options)).toThrow(/2 AWS::Cognito::UserPool resources.*pnpm synth/);
  });

  it('throws TemplateResourceError when no single bucket has CORS rules', () => {
    const template = minimalTemplate();
    delete template.Resources.Files?.Properties?.CorsConfiguration;
    expect(() => loadStackModel(template, options)).toThrow(/2 buckets, 0 of them with CORS rules/);
  });

  it('throws UnresolvableIntrinsicError naming the property it cannot resolve', () => {
    const template = minimalTemplate();
    Object.assign(template.Resources.Files?.Properties ?? {}, { BucketName: { 'Fn::ImportValue': 'Name' } });
    expect(() => loadStackModel(template, options)).toThrow(UnresolvableIntrinsicError);
    expect(() => loadStackModel(template, options)).toThrow(
      /^Resources\.Files\.Properties\.BucketName\.Fn::ImportValue/,
    );
  });

  it('throws TemplateReadError for an object without Resources', () => {
    expect(() => loadStackModel({ AWSTemplateFormatVersion: '2010-09-09' }, options)).toThrow(
      TemplateReadError,
    );
  });
});

describe('toStackOutputs', () => {
  it("gives the outputs contract's keys, the user pool's password policy, Endpoint only when given", () => {
    const model = loadStackModel(minimalTemplate(), options);
    const policy = model.userPool.passwordPolicy;
    expect(toStackOutputs(model)).toEqual({
      OutputsVersion: OUTPUTS_VERSION,
      Region: 'eu-west-1',
      UserPoolId: model.userPool.id,
      UserPoolClientId: model.userPoolClient.id,
      IdentityPoolId: model.identityPool.id,
      BucketName: model.bucket.name,
      PublicPrefix: 'public/',
      PrivatePrefixPattern: 'private/{identityId}/',
      PasswordMinimumLength: String(policy.minimumLength),
      PasswordRequireLowercase: String(policy.requireLowercase),
      PasswordRequireUppercase: String(policy.requireUppercase),
      PasswordRequireNumbers: String(policy.requireNumbers),
      PasswordRequireSymbols: String(policy.requireSymbols),
      // The minimal template's user pool has no MfaConfiguration: CloudFormation's default, OFF.
      MfaMode: 'OFF',
    });
    expect(toStackOutputs(model, 'http://127.0.0.1:4566').Endpoint).toBe('http://127.0.0.1:4566');
  });

  it("reads the areas from the template's outputs, and the contract's with a warning when it has none", () => {
    const template = minimalTemplate() as { Outputs?: Record<string, unknown> };
    template.Outputs = { ...template.Outputs, PublicPrefix: { Value: 'shared/' } };
    expect(loadStackModel(template, options).areas.publicPrefix).toBe('shared/');
    delete template.Outputs.PublicPrefix;
    const bare = loadStackModel(template, options);
    expect(bare.areas).toEqual({ publicPrefix: 'public/', privatePrefixPattern: 'private/{identityId}/' });
    expect(bare.warnings.join('\n')).toMatch(/no PublicPrefix\/PrivatePrefixPattern outputs/);
  });

  it("reads the template's OutputsVersion into the model, and warns when it has none", () => {
    const template = minimalTemplate() as { Outputs?: Record<string, unknown> };
    template.Outputs = { ...template.Outputs, OutputsVersion: { Value: '2' } };
    expect(loadStackModel(template, options).outputsVersion).toBe('2');
    delete template.Outputs.OutputsVersion;
    const bare = loadStackModel(template, options);
    expect(bare.outputsVersion).toBe('1');
    expect(bare.warnings.join('\n')).toMatch(/no OutputsVersion output/);
  });
});

describe('readTemplate', () => {
  it('reads a JSON template', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'auth-s3-template-'));
    try {
      await writeFile(join(dir, 't.json'), JSON.stringify(minimalTemplate()));
      expect(await readTemplate(join(dir, 't.json'))).toEqual(minimalTemplate());
      await writeFile(join(dir, 'bad.json'), 'Resources: {}');
      await expect(readTemplate(join(dir, 'bad.json'))).rejects.toThrow(/is not JSON/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('throws TemplateReadError saying to run pnpm synth, keeping the cause, when the file is missing', async () => {
    const error = await readTemplate('/nonexistent/AuthS3Stack.template.json').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TemplateReadError);
    expect((error as Error).message).toMatch(/pnpm synth/);
    expect((error as Error).cause).toMatchObject({ code: 'ENOENT' });
  });
});
