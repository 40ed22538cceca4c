/*
 * Tests for Principal matching of an assumed-role session in the same account, of an AWS service
 * principal and of an anonymous caller, as the IAM User Guide's Principal page describes them
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html).
 */
import { describe, expect, it } from 'vitest';
import { matchPrincipal } from './principal.js';

const caller = {
  arn: 'arn:aws:sts::123456789012:assumed-role/AuthRole/CognitoIdentityCredentials',
  roleArn: 'arn:aws:iam::123456789012:role/AuthRole',
  account: '123456789012',
};

describe('matchPrincipal', () => {
  it.each([
    ['*', 'specific'],
    [{ AWS: '*' }, 'specific'],
    [{ AWS: 'arn:aws:iam::123456789012:role/AuthRole' }, 'specific'],
    [{ AWS: 'arn:aws:sts::123456789012:assumed-role/AuthRole/CognitoIdentityCredentials' }, 'specific'],
    [
      { AWS: ['arn:aws:iam::123456789012:role/Other', 'arn:aws:iam::123456789012:role/AuthRole'] },
      'specific',
    ],
    [{ AWS: '123456789012' }, 'account'],
    [{ AWS: 'arn:aws:iam::123456789012:root' }, 'account'],
    [{ AWS: ['arn:aws:iam::123456789012:root', 'arn:aws:iam::123456789012:role/AuthRole'] }, 'specific'],
    [{ AWS: '999999999999' }, 'none'],
    [{ AWS: 'arn:aws:iam::999999999999:root' }, 'none'],
    [{ AWS: 'arn:aws:iam::123456789012:role/Other' }, 'none'],
    [{ AWS: 'arn:aws:sts::123456789012:assumed-role/AuthRole/other-session' }, 'none'],
    [{ Federated: 'cognito-identity.amazonaws.com' }, 'none'],
    [{ Service: 's3.amazonaws.com' }, 'none'],
  ] as const)('%j names the role session: %s', (element, expected) => {
    expect(matchPrincipal(element as never, caller)).toBe(expected);
  });

  const cloudfront = { service: 'cloudfront.amazonaws.com' };
  const anonymous = { anonymous: true } as const;

  it.each([
    ['*', 'specific'],
    [{ AWS: '*' }, 'specific'],
    [{ Service: 'cloudfront.amazonaws.com' }, 'specific'],
    [{ Service: ['s3.amazonaws.com', 'cloudfront.amazonaws.com'] }, 'specific'],
    [{ Service: 's3.amazonaws.com' }, 'none'],
    [{ Service: 'cloudfront' }, 'none'],
    [{ AWS: '123456789012' }, 'none'],
    [{ AWS: 'arn:aws:iam::123456789012:role/AuthRole' }, 'none'],
    [{ Federated: 'cloudfront.amazonaws.com' }, 'none'],
  ] as const)('%j names the service principal cloudfront.amazonaws.com: %s', (element, expected) => {
    expect(matchPrincipal(element as never, cloudfront)).toBe(expected);
  });

  it.each([
    ['*', 'specific'],
    [{ AWS: '*' }, 'specific'],
    [{ AWS: ['arn:aws:iam::123456789012:role/AuthRole', '*'] }, 'specific'],
    [{ Service: 'cloudfront.amazonaws.com' }, 'none'],
    [{ AWS: '123456789012' }, 'none'],
    [{ AWS: 'arn:aws:iam::123456789012:root' }, 'none'],
  ] as const)('%j names an anonymous caller: %s', (element, expected) => {
    expect(matchPrincipal(element as never, anonymous)).toBe(expected);
  });

  it('takes the account from the caller ARN when the request omits it', () => {
    expect(matchPrincipal({ AWS: '123456789012' }, { arn: caller.arn })).toBe('account');
  });
});
