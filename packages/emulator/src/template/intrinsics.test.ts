/* Tests for the intrinsic resolver: each supported function, pseudo parameters, and errors that name the path. */
// biome-ignore-all lint/suspicious/noTemplateCurlyInString: Fn::Sub placeholders are literal ${...} text in templates
import { describe, expect, it } from 'vitest';
import { UnresolvableIntrinsicError } from './errors.js';
import { IntrinsicResolver } from './intrinsics.js';
import type { CfnTemplate } from './template-types.js';

const template: CfnTemplate = {
  Parameters: { Stage: { Type: 'String', Default: 'dev' }, NoDefault: { Type: 'String' } },
  Mappings: { Sizes: { dev: { Max: '10' } } },
  Conditions: {
    IsDev: { 'Fn::Equals': [{ Ref: 'Stage' }, 'dev'] },
    IsProd: { 'Fn::Not': [{ Condition: 'IsDev' }] },
    Either: {
      'Fn::Or': [{ Condition: 'IsProd' }, { 'Fn::And': [{ Condition: 'IsDev' }, { Condition: 'IsDev' }] }],
    },
  },
  Resources: { Bucket: { Type: 'AWS::S3::Bucket' } },
};

const resolver = new IntrinsicResolver(
  template,
  { 'AWS::Region': 'eu-west-1', 'AWS::AccountId': '123456789012', 'AWS::Partition': 'aws' },
  {
    ref: (id) => (id === 'Bucket' ? 'my-bucket' : undefined),
    getAtt: (id, attr) => (id === 'Bucket' && attr === 'Arn' ? 'arn:aws:s3:::my-bucket' : undefined),
  },
);
const resolve = (value: unknown) => resolver.resolve(value, 'Test');

describe('IntrinsicResolver', () => {
  it('resolves Ref to resources, parameters (their Default) and pseudo parameters', () => {
    expect(resolve({ Ref: 'Bucket' })).toBe('my-bucket');
    expect(resolve({ Ref: 'Stage' })).toBe('dev');
    expect(resolve({ Ref: 'AWS::Region' })).toBe('eu-west-1');
  });

  it('resolves Fn::GetAtt in list and dotted form', () => {
    expect(resolve({ 'Fn::GetAtt': ['Bucket', 'Arn'] })).toBe('arn:aws:s3:::my-bucket');
    expect(resolve({ 'Fn::GetAtt': 'Bucket.Arn' })).toBe('arn:aws:s3:::my-bucket');
  });

  it('resolves Fn::Join over nested intrinsics', () => {
    expect(resolve({ 'Fn::Join': ['', [{ 'Fn::GetAtt': ['Bucket', 'Arn'] }, '/public/*']] })).toBe(
      'arn:aws:s3:::my-bucket/public/*',
    );
  });

  it('resolves Fn::Sub with refs, attributes, variables and ${!Literal}', () => {
    expect(resolve({ 'Fn::Sub': 'arn:${AWS::Partition}:s3:::${Bucket}/${AWS::AccountId}' })).toBe(
      'arn:aws:s3:::my-bucket/123456789012',
    );
    expect(resolve({ 'Fn::Sub': ['${Bucket.Arn}/${Dir}/${!Keep}', { Dir: { Ref: 'Stage' } }] })).toBe(
      'arn:aws:s3:::my-bucket/dev/${Keep}',
    );
  });

  it('resolves Fn::Select over Fn::Split', () => {
    expect(resolve({ 'Fn::Select': [1, { 'Fn::Split': [':', 'a:b:c'] }] })).toBe('b');
  });

  it('resolves Fn::If from Conditions, and drops AWS::NoValue', () => {
    expect(resolve({ 'Fn::If': ['IsDev', 'yes', 'no'] })).toBe('yes');
    expect(resolve({ 'Fn::If': ['IsProd', 'yes', 'no'] })).toBe('no');
    expect(resolver.condition('Either', 'Test')).toBe(true);
    expect(resolve({ A: 1, B: { 'Fn::If': ['IsProd', 2, { Ref: 'AWS::NoValue' }] } })).toEqual({ A: 1 });
    expect(resolve([1, { Ref: 'AWS::NoValue' }, 3])).toEqual([1, 3]);
  });

  it('resolves Fn::FindInMap and Fn::Base64', () => {
    expect(resolve({ 'Fn::FindInMap': ['Sizes', { Ref: 'Stage' }, 'Max'] })).toBe('10');
    expect(resolve({ 'Fn::Base64': 'hi' })).toBe('aGk=');
  });

  it('leaves plain objects and lists alone apart from their intrinsics', () => {
    expect(resolve({ Statement: [{ Resource: { Ref: 'Bucket' }, Action: 's3:*' }] })).toEqual({
      Statement: [{ Resource: 'my-bucket', Action: 's3:*' }],
    });
  });

  it('throws UnresolvableIntrinsicError naming the path for an unsupported function', () => {
    const act = () =>
      resolver.resolve({ Outer: [{ 'Fn::ImportValue': 'Shared' }] }, 'Resources.X.Properties');
    expect(act).toThrow(UnresolvableIntrinsicError);
    expect(act).toThrow('Resources.X.Properties.Outer[0].Fn::ImportValue: Fn::ImportValue is not supported');
  });

  it('throws naming the path for a Ref to nothing, an unknown attribute, or a parameter without Default', () => {
    expect(() => resolve({ Ref: 'Missing' })).toThrow(/^Test\.Ref: Ref to "Missing"/);
    expect(() => resolve({ 'Fn::GetAtt': ['Bucket', 'WebsiteURL'] })).toThrow(
      /attribute WebsiteURL of "Bucket"/,
    );
    expect(() => resolve({ Ref: 'NoDefault' })).toThrow(/parameter NoDefault has no Default/);
    try {
      resolve({ Ref: 'Missing' });
    } catch (error) {
      expect((error as UnresolvableIntrinsicError).path).toBe('Test.Ref');
    }
  });
});
