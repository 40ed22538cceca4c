/*
 * Tests for policy validation: IAM's grammar rules that, if ignored, would make the emulator
 * allow or deny by accident.
 */
// biome-ignore-all lint/suspicious/noTemplateCurlyInString: IAM policy variables are literal ${...} text in policies
import { describe, expect, it } from 'vitest';
import { compilePolicy, validatePolicy } from './compile-policy.js';
import { InvalidPolicyError, UnsupportedConditionOperatorError } from './errors.js';
import type { NamedPolicy, PolicyStatement } from './types.js';

const identityPolicy = (Statement: unknown, Version: unknown = '2012-10-17'): NamedPolicy =>
  ({ name: 'P', kind: 'identity', document: { Version, Statement } }) as NamedPolicy;
const resourcePolicy = (Statement: unknown): NamedPolicy =>
  ({ name: 'BucketPolicy', kind: 'resource', document: { Version: '2012-10-17', Statement } }) as NamedPolicy;
const allowAll: PolicyStatement = { Effect: 'Allow', Action: '*', Resource: '*' };

describe('compilePolicy', () => {
  it('normalizes one-or-many values into lists and keeps Sid and index', () => {
    const compiled = compilePolicy(
      identityPolicy([
        allowAll,
        { Sid: 'Two', Effect: 'Deny', NotAction: 's3:Get*', NotResource: ['arn:aws:s3:::b'] },
      ]),
    );
    expect(compiled.variables).toBe(true);
    expect(compiled.statements[0]).toMatchObject({
      index: 0,
      effect: 'Allow',
      actions: ['*'],
      resources: ['*'],
    });
    expect(compiled.statements[1]).toMatchObject({
      index: 1,
      sid: 'Two',
      effect: 'Deny',
      notActions: ['s3:Get*'],
      notResources: ['arn:aws:s3:::b'],
    });
  });

  it('accepts a single statement object and the legacy Version, which turns variables off', () => {
    const compiled = compilePolicy(identityPolicy(allowAll, '2008-10-17'));
    expect(compiled.statements).toHaveLength(1);
    expect(compiled.variables).toBe(false);
  });

  it.each([
    ['an unknown Version', identityPolicy(allowAll, '2024-01-01'), /Version must be "2012-10-17"/],
    ['no Statement', { name: 'P', kind: 'identity', document: {} } as NamedPolicy, /has no Statement/],
    ['a bad Effect', identityPolicy({ ...allowAll, Effect: 'allow' }), /Effect must be "Allow" or "Deny"/],
    [
      'both Action and NotAction',
      identityPolicy({ ...allowAll, NotAction: 's3:*' }),
      /either Action or NotAction/,
    ],
    [
      'neither Action nor NotAction',
      identityPolicy({ Effect: 'Allow', Resource: '*' }),
      /add Action \(or NotAction\)/,
    ],
    ['neither Resource nor NotResource', identityPolicy({ Effect: 'Allow', Action: '*' }), /add Resource/],
    ['a misspelled element', identityPolicy({ ...allowAll, Conditions: {} }), /unknown element "Conditions"/],
    [
      'an action without a service',
      identityPolicy({ ...allowAll, Action: 'GetObject' }),
      /is not "\*" or "service:Action"/,
    ],
    ['an empty Action list', identityPolicy({ ...allowAll, Action: [] }), /non-empty string or list/],
    ['a non-string Resource', identityPolicy({ ...allowAll, Resource: 42 }), /non-empty string or list/],
    [
      'an unresolved CloudFormation intrinsic',
      identityPolicy({ ...allowAll, Resource: [{ 'Fn::GetAtt': ['Bucket', 'Arn'] }] }),
      /still a CloudFormation intrinsic \(Ref\/Fn::\*\): resolve it/,
    ],
    [
      'a Principal in an identity policy',
      identityPolicy({ ...allowAll, Principal: '*' }),
      /cannot name a Principal/,
    ],
    [
      'a resource policy statement without Principal',
      resourcePolicy(allowAll),
      /add Principal \(or NotPrincipal\)/,
    ],
    [
      'an unknown principal type',
      resourcePolicy({ ...allowAll, Principal: { User: 'x' } }),
      /type "User" is unknown/,
    ],
    [
      'a principal list with a non-string',
      resourcePolicy({ ...allowAll, Principal: { AWS: [1] } }),
      /non-empty string/,
    ],
    [
      'a variable before the resource part',
      identityPolicy({ ...allowAll, Resource: 'arn:aws:s3:${aws:region}::b/*' }),
      /before the fifth colon/,
    ],
    [
      'a Resource that is not an ARN',
      identityPolicy({ ...allowAll, Resource: 'my-bucket/*' }),
      /must be "\*" or an ARN/,
    ],
    ['a non-object statement', identityPolicy(['oops']), /must be an object/],
  ])('rejects %s with InvalidPolicyError', (_, policy, message) => {
    expect(() => compilePolicy(policy)).toThrow(InvalidPolicyError);
    expect(() => compilePolicy(policy)).toThrow(message);
  });

  it('names the policy, statement index and Sid in the error', () => {
    const policy = identityPolicy([allowAll, { Sid: 'Broken', Effect: 'Allow', Action: 's3:*' }]);
    expect(() => compilePolicy(policy)).toThrow(/^P statement #1 \(Broken\): add Resource/);
    try {
      compilePolicy(policy);
    } catch (error) {
      expect(error).toMatchObject({ location: { policy: 'P', index: 1, sid: 'Broken' } });
    }
  });

  it('allows variables in the resource part, including ones with colons in their names', () => {
    const policy = identityPolicy({
      ...allowAll,
      Resource: 'arn:aws:s3:::b/private/${cognito-identity.amazonaws.com:sub}/*',
    });
    expect(compilePolicy(policy).statements[0]?.resources).toHaveLength(1);
  });

  it('passes unknown condition operators up as UnsupportedConditionOperatorError', () => {
    const policy = identityPolicy({ ...allowAll, Condition: { StringMatchesRegex: { k: '.*' } } });
    expect(() => compilePolicy(policy)).toThrow(UnsupportedConditionOperatorError);
  });
});

describe('validatePolicy', () => {
  it('returns quietly for a valid policy and throws what evaluate would for an invalid one', () => {
    expect(() => validatePolicy(identityPolicy(allowAll))).not.toThrow();
    expect(() => validatePolicy(identityPolicy({ Effect: 'Allow', Action: '*' }))).toThrow(
      InvalidPolicyError,
    );
  });
});
