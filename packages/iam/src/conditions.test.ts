/*
 * Tests for Condition blocks, mostly cases from AWS's "Condition operators" and
 * "Conditions with multiple context keys or values" pages.
 */
// biome-ignore-all lint/suspicious/noTemplateCurlyInString: IAM policy variables are literal ${...} text in policies
import { describe, expect, it } from 'vitest';
import { compileConditions, conditionsHold } from './conditions.js';
import { InvalidPolicyError, UnsupportedConditionOperatorError } from './errors.js';
import { createContextLookup } from './request-context.js';
import type { AuthorizationRequest, ConditionBlock } from './types.js';

const at = { policy: 'Test', index: 0 };

function holds(block: ConditionBlock, context: AuthorizationRequest['context'], variables = true): boolean {
  const lookup = createContextLookup({
    action: 's3:GetObject',
    resource: 'arn:aws:s3:::b/k',
    principal: {
      arn: 'arn:aws:sts::123456789012:assumed-role/R/s',
      roleArn: 'arn:aws:iam::123456789012:role/R',
    },
    context,
  });
  return conditionsHold(compileConditions(block, at, variables), lookup);
}

describe('string operators', () => {
  it.each([
    ['StringEquals', 'iamuser-admin', 'iamuser-admin', true],
    ['StringEquals', 'iamuser-admin', 'IAMUSER-ADMIN', false],
    ['StringNotEquals', 'iamuser-admin', 'other', true],
    ['StringNotEquals', 'iamuser-admin', 'iamuser-admin', false],
    ['StringEqualsIgnoreCase', 'iamuser-admin', 'IAMUSER-ADMIN', true],
    ['StringNotEqualsIgnoreCase', 'iamuser-admin', 'IAMUSER-ADMIN', false],
    ['StringNotEqualsIgnoreCase', 'iamuser-admin', 'other', true],
    ['StringLike', 'iamuser-*', 'iamuser-admin', true],
    ['StringLike', 'iamuser-*', 'IAMUSER-admin', false],
    ['StringNotLike', 'iamuser-*', 'dev', true],
    ['StringNotLike', 'iamuser-*', 'iamuser-x', false],
  ])('%s %j against %j: %s', (operator, policy, request, expected) => {
    expect(
      holds(
        { [operator]: { 'aws:PrincipalTag/job-category': policy } },
        { 'aws:PrincipalTag/job-category': request },
      ),
    ).toBe(expected);
  });

  it('matches the Cognito role ListBucket prefixes public/ and public/* (and nothing else)', () => {
    const block = { StringLike: { 's3:prefix': ['public/', 'public/*'] } };
    expect(holds(block, { 's3:prefix': 'public/' })).toBe(true);
    expect(holds(block, { 's3:prefix': 'public/dir/' })).toBe(true);
    expect(holds(block, { 's3:prefix': 'public' })).toBe(false);
    expect(holds(block, { 's3:prefix': '' })).toBe(false);
    expect(holds(block, { 's3:prefix': 'private/' })).toBe(false);
    expect(holds(block, {})).toBe(false);
  });

  it("matches AWS's home-directory prefixes, including the empty prefix, with ${aws:username}", () => {
    const block = { StringLike: { 's3:prefix': ['', 'home/', 'home/${aws:username}/'] } };
    expect(holds(block, { 's3:prefix': '', 'aws:username': 'David' })).toBe(true);
    expect(holds(block, { 's3:prefix': 'home/David/', 'aws:username': 'David' })).toBe(true);
    expect(holds(block, { 's3:prefix': 'home/Adele/', 'aws:username': 'David' })).toBe(false);
  });

  it('lets each Cognito identity list only its own prefix via ${cognito-identity.amazonaws.com:sub}', () => {
    const block = {
      StringLike: {
        's3:prefix': ['${cognito-identity.amazonaws.com:sub}/', '${cognito-identity.amazonaws.com:sub}/*'],
      },
    };
    const sub = 'us-east-1:11111111-2222-3333-4444-555555555555';
    expect(holds(block, { 's3:prefix': `${sub}/photos/`, 'cognito-identity.amazonaws.com:sub': sub })).toBe(
      true,
    );
    expect(holds(block, { 's3:prefix': 'us-east-1:other/', 'cognito-identity.amazonaws.com:sub': sub })).toBe(
      false,
    );
    // Without the identity id the variable cannot resolve, so no prefix matches, not even a literal one.
    expect(holds(block, { 's3:prefix': '${cognito-identity.amazonaws.com:sub}/' })).toBe(false);
  });

  it('compares numbers and booleans in the request as their string forms', () => {
    expect(holds({ StringEquals: { 's3:max-keys': '10' } }, { 's3:max-keys': 10 })).toBe(true);
    expect(holds({ StringEquals: { 'aws:SecureTransport': 'true' } }, { 'aws:SecureTransport': true })).toBe(
      true,
    );
  });
});

describe('numeric, date, boolean, binary and IP operators', () => {
  it.each([
    ['NumericLessThanEquals', '10', 10, true],
    ['NumericLessThanEquals', '10', '11', false],
    ['NumericLessThan', '10', 10, false],
    ['NumericGreaterThan', '10', '10.5', true],
    ['NumericGreaterThanEquals', 10, 10, true],
    ['NumericEquals', '10', '10.0', true],
    ['NumericNotEquals', '10', '11', true],
    ['NumericNotEquals', '10', 10, false],
    ['NumericEquals', '10', 'ten', false],
  ])('%s %j against %j: %s', (operator, policy, request, expected) => {
    expect(holds({ [operator]: { 's3:max-keys': policy } }, { 's3:max-keys': request })).toBe(expected);
  });

  it.each([
    ['DateGreaterThan', '2020-01-01T00:00:01Z', '2020-06-01T00:00:00Z', true],
    ['DateGreaterThan', '2020-01-01T00:00:01Z', '2019-12-31T23:59:59Z', false],
    ['DateLessThan', '2020-01-01T00:00:00Z', '1577836799', true],
    ['DateLessThanEquals', '1577836800', '2020-01-01T00:00:00Z', true],
    ['DateGreaterThanEquals', '2020-01-01', '2020-01-01T00:00:00Z', true],
    ['DateEquals', '2020-01-01T00:00:00Z', '1577836800', true],
    ['DateNotEquals', '2020-01-01T00:00:00Z', '1577836800', false],
    ['DateLessThan', '2020-01-01T00:00:00Z', 'yesterday', false],
  ])('%s %j against %j: %s', (operator, policy, request, expected) => {
    expect(holds({ [operator]: { 'aws:TokenIssueTime': policy } }, { 'aws:TokenIssueTime': request })).toBe(
      expected,
    );
  });

  it('denies plain HTTP with the SSL-enforcing Bool condition and leaves HTTPS alone', () => {
    const block = { Bool: { 'aws:SecureTransport': 'false' } };
    expect(holds(block, { 'aws:SecureTransport': false })).toBe(true);
    expect(holds(block, { 'aws:SecureTransport': 'false' })).toBe(true);
    expect(holds(block, { 'aws:SecureTransport': true })).toBe(false);
    expect(holds(block, {})).toBe(false);
    expect(holds({ Bool: { 'aws:SecureTransport': true } }, { 'aws:SecureTransport': 'TRUE' })).toBe(true);
  });

  it('compares BinaryEquals byte for byte against base64', () => {
    const block = { BinaryEquals: { key: 'QmluYXJ5VmFsdWVJbkJhc2U2NA==' } };
    expect(holds(block, { key: 'QmluYXJ5VmFsdWVJbkJhc2U2NA==' })).toBe(true);
    expect(holds(block, { key: 'T3RoZXI=' })).toBe(false);
  });

  it('matches aws:SourceIp against IPv4 and IPv6 ranges (AWS mixed example)', () => {
    const block = { IpAddress: { 'aws:SourceIp': ['203.0.113.0/24', '2001:DB8:1234:5678::/64'] } };
    expect(holds(block, { 'aws:SourceIp': '203.0.113.200' })).toBe(true);
    expect(holds(block, { 'aws:SourceIp': '2001:db8:1234:5678:abcd::1' })).toBe(true);
    expect(holds(block, { 'aws:SourceIp': '198.51.100.1' })).toBe(false);
    expect(
      holds({ NotIpAddress: { 'aws:SourceIp': '203.0.113.0/24' } }, { 'aws:SourceIp': '198.51.100.1' }),
    ).toBe(true);
    expect(
      holds({ NotIpAddress: { 'aws:SourceIp': '203.0.113.0/24' } }, { 'aws:SourceIp': '203.0.113.1' }),
    ).toBe(false);
  });
});

describe('ARN operators', () => {
  const sourceArn = 'arn:aws:sns:us-east-1:123456789012:TOPIC-ID';

  it('treats ArnEquals and ArnLike alike, with wildcards per ARN field', () => {
    for (const operator of ['ArnEquals', 'ArnLike']) {
      expect(
        holds(
          { [operator]: { 'aws:SourceArn': 'arn:aws:sns:*:123456789012:*' } },
          { 'aws:SourceArn': sourceArn },
        ),
      ).toBe(true);
      expect(
        holds(
          { [operator]: { 'aws:SourceArn': 'arn:aws:sns:*:999999999999:*' } },
          { 'aws:SourceArn': sourceArn },
        ),
      ).toBe(false);
    }
  });

  it('does not let StringLike-style wildcards cross ARN fields, unlike StringLike (AWS example)', () => {
    const value = 'arn:aws:someservice:us-east-2:999999999999:store/abc:111122223333:finance/document.txt';
    const pattern = 'arn:aws:someservice:*:111122223333:finance/*';
    expect(holds({ StringLike: { 'aws:SourceArn': pattern } }, { 'aws:SourceArn': value })).toBe(true);
    expect(holds({ ArnLike: { 'aws:SourceArn': pattern } }, { 'aws:SourceArn': value })).toBe(false);
  });

  it('negates with ArnNotEquals/ArnNotLike', () => {
    expect(
      holds({ ArnNotLike: { 'aws:SourceArn': 'arn:aws:sns:*:*:OTHER' } }, { 'aws:SourceArn': sourceArn }),
    ).toBe(true);
    expect(holds({ ArnNotEquals: { 'aws:SourceArn': sourceArn } }, { 'aws:SourceArn': sourceArn })).toBe(
      false,
    );
  });
});

describe('missing keys, IfExists and Null', () => {
  it('makes a positive operator false and a negated operator true when the key is missing', () => {
    expect(holds({ StringEquals: { 'aws:PrincipalTag/team': 'a' } }, {})).toBe(false);
    expect(holds({ StringNotEquals: { 'aws:PrincipalTag/team': 'a' } }, {})).toBe(true);
    expect(holds({ StringNotLike: { 'aws:PrincipalTag/team': 'a*' } }, {})).toBe(true);
    expect(holds({ ArnNotLike: { 'aws:SourceArn': 'arn:*' } }, {})).toBe(true);
    expect(holds({ NumericLessThan: { 's3:max-keys': '10' } }, {})).toBe(false);
  });

  it('makes ...IfExists true when the key is missing and checks the value when present (AWS ec2 example)', () => {
    const block = { StringLikeIfExists: { 'ec2:InstanceType': ['t1.*', 't2.*', 'm3.*'] } };
    expect(holds(block, {})).toBe(true);
    expect(holds(block, { 'ec2:InstanceType': 't2.micro' })).toBe(true);
    expect(holds(block, { 'ec2:InstanceType': 'c5.large' })).toBe(false);
    expect(holds({ StringNotEqualsIfExists: { 'aws:PrincipalTag/team': 'a' } }, {})).toBe(true);
  });

  it('tests presence with Null: "true" means absent, "false" present', () => {
    expect(holds({ Null: { 'aws:TokenIssueTime': 'true' } }, {})).toBe(true);
    expect(
      holds({ Null: { 'aws:TokenIssueTime': 'true' } }, { 'aws:TokenIssueTime': '2020-01-01T00:00:00Z' }),
    ).toBe(false);
    expect(
      holds({ Null: { 'aws:TokenIssueTime': false } }, { 'aws:TokenIssueTime': '2020-01-01T00:00:00Z' }),
    ).toBe(true);
  });

  it('looks condition keys up case-insensitively (aws:CurrentTime equals AWS:currenttime)', () => {
    expect(
      holds(
        { DateLessThan: { 'AWS:currenttime': '2030-01-01T00:00:00Z' } },
        { 'aws:CurrentTime': '2026-01-01T00:00:00Z' },
      ),
    ).toBe(true);
  });
});

describe('multiple keys and values', () => {
  it('ANDs operators and keys, ORs values (AWS multi-key example)', () => {
    const block = {
      StringEquals: {
        'aws:PrincipalTag/department': ['finance', 'hr', 'legal'],
        'aws:PrincipalTag/role': ['audit', 'security'],
      },
      ArnLike: {
        'aws:PrincipalArn': ['arn:aws:iam::123456789012:user/Ana', 'arn:aws:iam::123456789012:user/Mary'],
      },
    };
    const base = {
      'aws:PrincipalTag/department': 'hr',
      'aws:PrincipalTag/role': 'audit',
      'aws:PrincipalArn': 'arn:aws:iam::123456789012:user/Mary',
    };
    expect(holds(block, base)).toBe(true);
    expect(holds(block, { ...base, 'aws:PrincipalTag/department': 'sales' })).toBe(false);
    expect(holds(block, { ...base, 'aws:PrincipalTag/role': 'dev' })).toBe(false);
    expect(holds(block, { ...base, 'aws:PrincipalArn': 'arn:aws:iam::123456789012:user/Bob' })).toBe(false);
  });

  it('NORs the values of a negated operator', () => {
    const block = { StringNotEquals: { 'aws:PrincipalTag/role': ['audit', 'security'] } };
    expect(holds(block, { 'aws:PrincipalTag/role': 'audit' })).toBe(false);
    expect(holds(block, { 'aws:PrincipalTag/role': 'security' })).toBe(false);
    expect(holds(block, { 'aws:PrincipalTag/role': 'dev' })).toBe(true);
  });

  it('holds for an empty or absent block', () => {
    expect(holds({}, {})).toBe(true);
    expect(conditionsHold(compileConditions(undefined, at, true), () => undefined)).toBe(true);
  });
});

describe('set operators', () => {
  it('ForAllValues:StringNotLike denies only tag keys outside key1* (AWS deny example)', () => {
    const block = { 'ForAllValues:StringNotLike': { 'aws:TagKeys': 'key1*' } };
    expect(holds(block, { 'aws:TagKeys': ['key1:legal'] })).toBe(false);
    expect(holds(block, { 'aws:TagKeys': ['key1:hr', 'key1:personnel'] })).toBe(false);
    expect(holds(block, { 'aws:TagKeys': ['key2:audit'] })).toBe(true);
    expect(holds(block, {})).toBe(true);
  });

  it('ForAllValues holds when every request value matches some policy value, and for a missing or empty set', () => {
    const block = { 'ForAllValues:StringEquals': { 'aws:TagKeys': ['environment', 'cost-center'] } };
    expect(holds(block, { 'aws:TagKeys': ['environment'] })).toBe(true);
    expect(holds(block, { 'aws:TagKeys': ['environment', 'cost-center'] })).toBe(true);
    expect(holds(block, { 'aws:TagKeys': ['environment', 'owner'] })).toBe(false);
    expect(holds(block, {})).toBe(true);
    expect(holds(block, { 'aws:TagKeys': [] })).toBe(true);
    expect(holds(block, { 'aws:TagKeys': '' })).toBe(true);
  });

  it('ForAnyValue holds when at least one request value matches, and not for a missing or empty set', () => {
    const block = { 'ForAnyValue:StringEquals': { 'aws:TagKeys': ['webserver'] } };
    expect(holds(block, { 'aws:TagKeys': ['webserver', 'other'] })).toBe(true);
    expect(holds(block, { 'aws:TagKeys': ['other'] })).toBe(false);
    expect(holds(block, {})).toBe(false);
    expect(holds(block, { 'aws:TagKeys': [] })).toBe(false);
    expect(holds({ 'ForAnyValue:StringEqualsIfExists': { 'aws:TagKeys': ['webserver'] } }, {})).toBe(true);
  });

  it('ForAnyValue:StringNotEquals holds when some request value is outside the policy values', () => {
    const block = { 'ForAnyValue:StringNotEquals': { 'aws:TagKeys': ['DataClass', 'Owner'] } };
    expect(holds(block, {})).toBe(false);
    expect(holds(block, { 'aws:TagKeys': ['DataClass', 'Owner'] })).toBe(false);
    expect(holds(block, { 'aws:TagKeys': ['Dept', 'DataClass'] })).toBe(true);
  });

  it('applies a plain operator to a multivalued key as "any value matches"', () => {
    expect(holds({ StringEquals: { 'aws:TagKeys': 'b' } }, { 'aws:TagKeys': ['a', 'b'] })).toBe(true);
    expect(holds({ StringNotEquals: { 'aws:TagKeys': 'b' } }, { 'aws:TagKeys': ['a', 'b'] })).toBe(false);
  });
});

describe('invalid conditions', () => {
  it.each([
    'StringSortOf',
    'stringequals',
    'ForSomeValues:StringEquals',
    'NullIfExists',
    'ForAnyValue:Null',
    'StringEqualsIfExistsIfExists',
    'ForAnyValue:ForAllValues:StringEquals',
  ])('throws UnsupportedConditionOperatorError for %s', (operator) => {
    expect(() => compileConditions({ [operator]: { k: 'v' } }, at, true)).toThrow(
      UnsupportedConditionOperatorError,
    );
  });

  it('names the operator, policy and statement in the message and says what to use', () => {
    expect(() =>
      compileConditions({ StringSortOf: { k: 'v' } }, { policy: 'P', index: 2, sid: 'S' }, true),
    ).toThrow(/^P statement #2 \(S\): condition operator "StringSortOf" is not supported; use one of/);
  });

  it.each([
    [{ NumericLessThan: { 's3:max-keys': 'ten' } }, /"ten" is not a number/],
    [{ DateLessThan: { 'aws:CurrentTime': 'tomorrow' } }, /is not an ISO 8601 date/],
    [{ IpAddress: { 'aws:SourceIp': '300.1.1.1/8' } }, /is not an IP address/],
    [{ Bool: { 'aws:SecureTransport': 'maybe' } }, /is not "true" or "false"/],
    [{ BinaryEquals: { key: '***' } }, /is not base64/],
    [{ Null: { key: 'maybe' } }, /must be "true"/],
    [{ StringEquals: { key: [] } }, /has no values/],
    [{ StringEquals: { key: { nested: 'x' } } }, /not a string/],
    [
      { StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } } },
      /still a CloudFormation intrinsic/,
    ],
    [{ StringEquals: 'x' }, /must map condition keys/],
  ])('throws InvalidPolicyError for %j', (block, message) => {
    const attempt = () => compileConditions(block as unknown as ConditionBlock, at, true);
    expect(attempt).toThrow(InvalidPolicyError);
    expect(attempt).toThrow(message);
  });

  it('keeps the underlying problem as the cause', () => {
    try {
      compileConditions({ NumericEquals: { k: 'x' } }, at, true);
      expect.unreachable();
    } catch (error) {
      expect((error as Error).cause).toBeInstanceOf(Error);
    }
  });
});
