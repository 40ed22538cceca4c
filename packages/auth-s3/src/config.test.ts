/* config: the outputs-file parser for both the CDK and emulator shapes. */
import { describe, expect, it } from 'vitest';
import { parseOutputs } from './config.js';
import { ConfigError } from './errors.js';

const inner = {
  OutputsVersion: '1',
  Region: 'eu-west-1',
  UserPoolId: 'eu-west-1_AbC123xyz',
  UserPoolClientId: '4l1o8kq2m3n4b5v6c7x8z9a0s1',
  IdentityPoolId: 'eu-west-1:0c0f3b9a-1234-4bcd-8def-0123456789ab',
  BucketName: 'auths3stack-filesbucket-1abc',
};

describe('parseOutputs', () => {
  it('reads the cdk deploy shape keyed by stack name', () => {
    expect(parseOutputs({ AuthS3Stack: inner })).toEqual({
      region: 'eu-west-1',
      userPoolId: inner.UserPoolId,
      userPoolClientId: inner.UserPoolClientId,
      identityPoolId: inner.IdentityPoolId,
      bucket: inner.BucketName,
    });
  });

  it('reads the flat shape and JSON text, with the emulator endpoint', () => {
    const config = parseOutputs(JSON.stringify({ ...inner, Endpoint: 'http://127.0.0.1:4566/' }));
    expect(config.endpoint).toBe('http://127.0.0.1:4566');
    expect(config.bucket).toBe(inner.BucketName);
  });

  it('names the missing key and the commands that write the file', () => {
    const { IdentityPoolId: _, ...rest } = inner;
    const error = catchError(() => parseOutputs({ AuthS3Stack: rest }));
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.message).toContain('"IdentityPoolId"');
    expect(error.message).toContain('pnpm cdk deploy');
    expect(error.message).toContain('pnpm emulator');
  });

  it('rejects another OutputsVersion, a malformed id, a bad endpoint and bad JSON', () => {
    expect(() => parseOutputs({ ...inner, OutputsVersion: '2' })).toThrow(/OutputsVersion "2"/);
    expect(() => parseOutputs({ ...inner, UserPoolId: 'nope' })).toThrow(
      /"UserPoolId" \("nope"\) is malformed: expected a user pool id such as eu-west-1_AbC123xyz/,
    );
    expect(() => parseOutputs({ ...inner, Endpoint: 'ftp://x' })).toThrow(/"Endpoint"/);
    expect(() => parseOutputs('{not json')).toThrow(/not valid JSON/);
    expect(() => parseOutputs({ OtherStack: inner })).toThrow(/no "AuthS3Stack" entry/);
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
