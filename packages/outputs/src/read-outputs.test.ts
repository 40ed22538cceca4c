/* readOutputs: the one reader of the outputs file, and its writer's round trip. */
import { describe, expect, it } from 'vitest';
import { type OutputsFile, STACK_NAME, type StackOutputs } from './outputs-file.js';
import { OutputsError, readOutputs } from './read-outputs.js';
import { outputsFileText, toOutputsFile } from './write-outputs.js';

const stack: StackOutputs = {
  region: 'eu-west-1',
  userPoolId: 'eu-west-1_AbC123xyz',
  userPoolClientId: '4l1o8kq2m3n4b5v6c7x8z9a0s1',
  identityPoolId: 'eu-west-1:0c0f3b9a-1234-4bcd-8def-0123456789ab',
  bucketName: 'auths3stack-filesbucket-1abc',
  passwordPolicy: {
    minimumLength: 12,
    requireLowercase: true,
    requireUppercase: false,
    requireNumbers: true,
    requireSymbols: false,
  },
};
const file: OutputsFile = toOutputsFile(stack);

function refusal(json: unknown): OutputsError {
  try {
    readOutputs(json);
  } catch (error) {
    if (error instanceof OutputsError) return error;
    throw error;
  }
  throw new Error('expected readOutputs to refuse');
}

describe('readOutputs', () => {
  it('reads what the writer writes, in the cdk deploy shape and as text', () => {
    expect(readOutputs(JSON.parse(outputsFileText(file)))).toEqual(stack);
    expect(readOutputs(outputsFileText(file))).toEqual(stack);
  });

  it('reads the inner object, with the emulator endpoint without its trailing slash', () => {
    expect(readOutputs({ ...file, Endpoint: 'http://127.0.0.1:4566/' })).toEqual({
      ...stack,
      endpoint: 'http://127.0.0.1:4566',
    });
  });

  it('writes and reads the hosted site URL when the stack hosts the app', () => {
    const hosted = { ...stack, siteUrl: 'https://d111111abcdef8.cloudfront.net' };
    expect(toOutputsFile(hosted).SiteUrl).toBe('https://d111111abcdef8.cloudfront.net');
    expect(readOutputs(outputsFileText(toOutputsFile(hosted)))).toEqual(hosted);
    expect(refusal({ ...file, SiteUrl: 'http://d111111abcdef8.cloudfront.net' }).key).toBe('SiteUrl');
    expect(refusal({ ...file, SiteUrl: 42 }).message).toMatch(/"SiteUrl" \(42\) is not an https URL/);
  });

  it('writes every value as a string, as CloudFormation outputs are', () => {
    expect(file).toMatchObject({
      OutputsVersion: '2',
      PasswordMinimumLength: '12',
      PasswordRequireUppercase: 'false',
    });
    expect(Object.values(file).every((value) => typeof value === 'string')).toBe(true);
  });

  it.each(Object.keys(file))('names the missing key %s and the commands that write the file', (key) => {
    const { [key as keyof OutputsFile]: _, ...rest } = file;
    const error = refusal({ [STACK_NAME]: rest });
    expect(error.key).toBe(key);
    expect(error.message).toContain(`no "${key}"`);
    expect(error.message).toContain('pnpm cdk deploy');
    expect(error.message).toContain('pnpm emulator');
  });

  // One malformed value per key: each shape check is the only thing that refuses it.
  it.each([
    ['Region', 'Europe (Ireland)'],
    ['UserPoolId', 'eu-west-1:AbC123xyz'],
    ['UserPoolClientId', 'client id with spaces'],
    ['IdentityPoolId', 'eu-west-1:not-a-uuid'],
    ['BucketName', 'My_Bucket'],
    ['PasswordMinimumLength', '8.5'],
    ['PasswordRequireLowercase', 'yes'],
    ['PasswordRequireUppercase', 'TRUE'],
    ['PasswordRequireNumbers', '1'],
    ['PasswordRequireSymbols', 'no'],
  ])('refuses a malformed %s (%j), saying what it should look like', (key, value) => {
    const error = refusal({ ...file, [key]: value });
    expect(error.key).toBe(key);
    expect(error.message).toContain(`"${key}" (${JSON.stringify(value)}) is malformed: expected`);
  });

  it('refuses a value that is not a string', () => {
    expect(refusal({ ...file, PasswordMinimumLength: 8 }).message).toMatch(
      /"PasswordMinimumLength" \(8\) is malformed/,
    );
  });

  it('refuses a version 1 file, naming the commands that write a new one', () => {
    const error = refusal({ ...file, OutputsVersion: '1' });
    expect(error.key).toBe('OutputsVersion');
    expect(error.message).toMatch(/OutputsVersion "1" but this auth-s3 reads version "2"/);
    expect(error.message).toMatch(/older stack or emulator.*write a new one/);
    expect(error.message).toContain('`pnpm cdk deploy`');
    expect(error.message).toContain('`pnpm dev` / `pnpm emulator`');
  });

  it('refuses a newer version with advice to update', () => {
    expect(refusal({ ...file, OutputsVersion: '3' }).message).toMatch(/"3".*Update auth-s3/);
  });

  it('refuses a bad endpoint, bad JSON, a non-object and another stack', () => {
    expect(refusal({ ...file, Endpoint: 'ftp://x' }).key).toBe('Endpoint');
    expect(refusal('{not json').message).toMatch(/not valid JSON/);
    expect(refusal('[]').message).toMatch(/must hold a JSON object/);
    expect(refusal({ OtherStack: file }).message).toMatch(/no "AuthS3Stack" entry \(found: OtherStack\)/);
  });
});
