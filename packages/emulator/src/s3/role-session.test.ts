/*
 * The identity-pool role session as IAM sees it: the assumed-role ARN, a stable `AROA…` role id in
 * `aws:userid`, and `cognito-identity.amazonaws.com:amr` as the list AWS sends, checked both as
 * values and through policies that use them.
 */
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../clock.js';
import type { IssuedCredentials } from '../issued-credentials.js';
import type { StackModel } from '../stack-model.js';
import { AUTH_ROLE_ARN, OTHER_ROLE_ARN, testStackModel } from './__tests__/stack-fixture.js';
import { createAuthorizer } from './authorize.js';
import { amrValues, assumedRoleArn, roleIdFor, sessionContext } from './role-session.js';

const PROVIDER = 'cognito-idp.us-east-1.amazonaws.com/us-east-1_TestPool1';
const SUB = '5f1c0a8e-1111-4222-8333-444455556666';

function credentials(overrides: Partial<IssuedCredentials> = {}): IssuedCredentials {
  return {
    accessKeyId: 'ASIAEXAMPLE000000001',
    secretAccessKey: 'secret',
    sessionToken: 'token',
    expiration: Date.now() + 3600_000,
    roleArn: AUTH_ROLE_ARN,
    identityId: 'us-east-1:0a0a0a0a-0000-4000-8000-000000000001',
    login: `${PROVIDER}:${SUB}`,
    ...overrides,
  };
}

describe('role session', () => {
  it('names the caller as the assumed-role session', () => {
    expect(assumedRoleArn('arn:aws:iam::000000000000:role/AuthS3Stack-AuthenticatedRole-X')).toBe(
      'arn:aws:sts::000000000000:assumed-role/AuthS3Stack-AuthenticatedRole-X/CognitoIdentityCredentials',
    );
  });

  it('derives a stable AROA role id per role ARN for aws:userid', () => {
    const id = roleIdFor(AUTH_ROLE_ARN);
    expect(id).toMatch(/^AROA[A-Z2-7]{17}$/);
    expect(roleIdFor(AUTH_ROLE_ARN)).toBe(id);
    expect(roleIdFor(OTHER_ROLE_ARN)).not.toBe(id);
    expect(sessionContext(testStackModel(), credentials())['aws:userid']).toBe(
      `${id}:CognitoIdentityCredentials`,
    );
  });

  it('lists amr as AWS does: authenticated, the provider, and <provider>:CognitoSignIn:<sub>', () => {
    const model = testStackModel();
    expect(amrValues(model, credentials())).toEqual([
      'authenticated',
      PROVIDER,
      `${PROVIDER}:CognitoSignIn:${SUB}`,
    ]);
    expect(amrValues(model, credentials({ login: undefined }))).toEqual(['authenticated']);
    expect(amrValues(model, credentials({ login: undefined, roleArn: OTHER_ROLE_ARN }))).toEqual([
      'unauthenticated',
    ]);
  });

  it('lets policies match on the aws:userid variable and on one amr value with ForAnyValue', () => {
    const model: StackModel = testStackModel();
    const role = model.roles.find((r) => r.arn === AUTH_ROLE_ARN);
    if (!role) throw new Error('the fixture has no authenticated role');
    role.policies = [
      {
        name: 'Test/UserIdAndAmr',
        kind: 'identity',
        document: {
          Version: '2012-10-17',
          Statement: [
            {
              Effect: 'Allow',
              Action: 's3:GetObject',
              Resource: `${model.bucket.arn}/home/\${aws:userid}/*`,
              Condition: {
                'ForAnyValue:StringLike': { 'cognito-identity.amazonaws.com:amr': '*:CognitoSignIn:*' },
              },
            },
          ],
        },
      },
    ];
    model.bucket.policy = undefined;
    const userid = `${roleIdFor(AUTH_ROLE_ARN)}:CognitoIdentityCredentials`;
    const deps = { model, clock: new ManualClock(Date.now()) };
    const signedIn = createAuthorizer(deps, credentials(), 'GET');
    expect(signedIn.allows({ action: 's3:GetObject', key: `home/${userid}/a.txt` })).toBe(true);
    expect(
      signedIn.allows({ action: 's3:GetObject', key: 'home/AuthS3Stack-AuthenticatedRole-TEST/a.txt' }),
    ).toBe(false);
    const withoutLogin = createAuthorizer(deps, credentials({ login: undefined }), 'GET');
    expect(withoutLogin.allows({ action: 's3:GetObject', key: `home/${userid}/a.txt` })).toBe(false);
  });
});
