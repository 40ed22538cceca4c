/* config: the library's view of the outputs file, read by the outputs contract's reader. */
import { OutputsError } from '@auth-s3/outputs';
import { describe, expect, it } from 'vitest';
import { parseOutputs } from './config.js';
import { ConfigError } from './errors.js';

const inner = {
  OutputsVersion: '2',
  Region: 'eu-west-1',
  UserPoolId: 'eu-west-1_AbC123xyz',
  UserPoolClientId: '4l1o8kq2m3n4b5v6c7x8z9a0s1',
  IdentityPoolId: 'eu-west-1:0c0f3b9a-1234-4bcd-8def-0123456789ab',
  BucketName: 'auths3stack-filesbucket-1abc',
  PublicPrefix: 'public/',
  PrivatePrefixPattern: 'private/{identityId}/',
  PasswordMinimumLength: '8',
  PasswordRequireLowercase: 'true',
  PasswordRequireUppercase: 'true',
  PasswordRequireNumbers: 'true',
  PasswordRequireSymbols: 'false',
  MfaMode: 'ON',
};

describe('parseOutputs', () => {
  it('gives the config, the password policy and MFA mode included, from the cdk deploy shape', () => {
    expect(parseOutputs({ AuthS3Stack: inner })).toEqual({
      region: 'eu-west-1',
      userPoolId: inner.UserPoolId,
      userPoolClientId: inner.UserPoolClientId,
      identityPoolId: inner.IdentityPoolId,
      bucket: inner.BucketName,
      passwordPolicy: {
        minimumLength: 8,
        requireLowercase: true,
        requireUppercase: true,
        requireNumbers: true,
        requireSymbols: false,
      },
      mfaMode: 'ON',
      areas: { publicPrefix: 'public/', privatePrefixPattern: 'private/{identityId}/' },
    });
  });

  it('sets the endpoint only for the emulator', () => {
    expect(parseOutputs(JSON.stringify({ ...inner, Endpoint: 'http://127.0.0.1:4566/' })).endpoint).toBe(
      'http://127.0.0.1:4566',
    );
    expect('endpoint' in parseOutputs(inner)).toBe(false);
  });

  it("throws ConfigError with the reader's message, keeping its error as cause", () => {
    const { IdentityPoolId: _, ...rest } = inner;
    const error = catchError(() => parseOutputs({ AuthS3Stack: rest }));
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.message).toMatch(/no "IdentityPoolId".*pnpm cdk deploy.*pnpm emulator/);
    expect(error.cause).toBeInstanceOf(OutputsError);
  });

  it('says a version 1 file must be written anew', () => {
    expect(() => parseOutputs({ ...inner, OutputsVersion: '1' })).toThrow(
      expect.objectContaining({ name: 'ConfigError', message: expect.stringMatching(/write a new one/) }),
    );
  });
});

function catchError(fn: () => unknown): Error {
  try {
    fn();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a throw');
}
