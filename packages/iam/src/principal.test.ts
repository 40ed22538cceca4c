/*
 * Tests for Principal matching of an assumed-role session in the same account.
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

  it('takes the account from the caller ARN when the request omits it', () => {
    expect(matchPrincipal({ AWS: '123456789012' }, { arn: caller.arn })).toBe('account');
  });
});
