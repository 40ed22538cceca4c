/*
 * Tests of the config loading: the problems the ConfigError screen explains.
 */
import { describe, expect, it } from 'vitest';
import { loadConfig } from './load-config';

const valid = {
  AuthS3Stack: {
    OutputsVersion: '2',
    Region: 'us-east-1',
    UserPoolId: 'us-east-1_AbCdEf123',
    UserPoolClientId: 'abc123',
    IdentityPoolId: 'us-east-1:0c0f3b9a-0000-0000-0000-000000000000',
    BucketName: 'auth-s3-files',
    PublicPrefix: 'public/',
    PrivatePrefixPattern: 'private/{identityId}/',
    PasswordMinimumLength: '8',
    PasswordRequireLowercase: 'true',
    PasswordRequireUppercase: 'true',
    PasswordRequireNumbers: 'true',
    PasswordRequireSymbols: 'true',
    MfaMode: 'OPTIONAL',
    Endpoint: 'http://127.0.0.1:4566',
  },
};

describe('loadConfig', () => {
  it('reads the emulator outputs', () => {
    const result = loadConfig({
      fileName: 'aws-outputs.local.json',
      source: 'emulator',
      text: JSON.stringify(valid),
    });
    expect(result).toMatchObject({
      ok: true,
      source: 'emulator',
      config: { endpoint: 'http://127.0.0.1:4566' },
    });
  });

  it('tells to run pnpm dev when the file is missing', () => {
    const result = loadConfig({ fileName: 'aws-outputs.local.json', source: 'emulator', text: null });
    expect(result).toMatchObject({
      ok: false,
      problem: { message: 'packages/web/aws-outputs.local.json does not exist.', command: 'pnpm dev' },
    });
  });

  it('reports broken JSON in the AWS file with the deploy command', () => {
    const result = loadConfig({ fileName: 'aws-outputs.json', source: 'aws', text: '{ "AuthS3Stack": ' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problem.message).toMatch(/^packages\/web\/aws-outputs.json is not valid JSON/);
    expect(result.problem.command).toBe('pnpm cdk deploy --outputs-file packages/web/aws-outputs.json');
  });

  it('says a version 1 file is to be written anew, with the command that writes it', () => {
    const result = loadConfig({
      fileName: 'aws-outputs.local.json',
      source: 'emulator',
      text: JSON.stringify({ AuthS3Stack: { ...valid.AuthS3Stack, OutputsVersion: '1' } }),
    });
    expect(result).toMatchObject({ ok: false, problem: { command: 'pnpm dev' } });
    if (!result.ok) expect(result.problem.message).toMatch(/OutputsVersion "1".*write a new one/);
  });

  it('hands the password policy to the app', () => {
    const result = loadConfig({ fileName: 'aws-outputs.json', source: 'aws', text: JSON.stringify(valid) });
    expect(result.ok && result.config.passwordPolicy).toEqual({
      minimumLength: 8,
      requireLowercase: true,
      requireUppercase: true,
      requireNumbers: true,
      requireSymbols: true,
    });
  });

  it('tells the operator of a deployed site to redeploy when the file could not be fetched', () => {
    const result = loadConfig({
      source: 'site',
      url: 'https://d111.cloudfront.net/aws-outputs.json',
      text: null,
      failure: 'HTTP 403 Forbidden',
    });
    expect(result).toMatchObject({
      ok: false,
      problem: {
        message:
          'This site’s configuration file, https://d111.cloudfront.net/aws-outputs.json, could not be loaded (HTTP 403 Forbidden).',
        command: 'pnpm cdk deploy',
        deployed: true,
      },
    });
  });

  it('says a deployed site’s file is not JSON (an HTML page served in its place, say)', () => {
    const result = loadConfig({
      source: 'site',
      url: 'https://x.example/aws-outputs.json',
      text: '<!doctype html>',
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problem.message).toMatch(
      /^This site’s configuration file, .*aws-outputs\.json, is not valid JSON/,
    );
    expect(result.problem).toMatchObject({ command: 'pnpm cdk deploy', deployed: true });
  });

  it('reads a deployed site’s file with the same reader', () => {
    const result = loadConfig({
      source: 'site',
      url: 'https://x.example/aws-outputs.json',
      text: JSON.stringify(valid),
    });
    expect(result).toMatchObject({ ok: true, source: 'site', config: { bucket: 'auth-s3-files' } });
  });

  it('names the missing key', () => {
    const { BucketName: _, ...rest } = valid.AuthS3Stack;
    const result = loadConfig({
      fileName: 'aws-outputs.local.json',
      source: 'emulator',
      text: JSON.stringify({ AuthS3Stack: rest }),
    });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problem.message).toMatch(/BucketName/);
  });
});
