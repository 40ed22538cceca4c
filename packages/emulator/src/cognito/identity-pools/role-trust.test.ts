/* Unit tests for the role trust check: the synthesized stack's roles, evaluated with Cognito's amr and aud. */
import { describe, expect, it } from 'vitest';
import { testStackModel } from '../../testing/index.js';
import { InvalidIdentityPoolConfigurationError } from '../errors.js';
import { amrFor, assertRoleTrustsIdentity } from './role-trust.js';

const model = testStackModel();
const login = `cognito-idp.us-east-1.amazonaws.com/${model.userPool.id}:0b1c`;

describe('amrFor', () => {
  it('lists authenticated, the provider and the CognitoSignIn entry, or unauthenticated', () => {
    expect(amrFor(login)).toEqual([
      'authenticated',
      `cognito-idp.us-east-1.amazonaws.com/${model.userPool.id}`,
      `cognito-idp.us-east-1.amazonaws.com/${model.userPool.id}:CognitoSignIn:0b1c`,
    ]);
    expect(amrFor(undefined)).toEqual(['unauthenticated']);
  });
});

describe('assertRoleTrustsIdentity', () => {
  const logged: string[] = [];
  const services = { model, log: (line: string) => logged.push(line) };
  const authRole = model.identityPool.authenticatedRoleArn ?? '';
  const guestRole = model.identityPool.unauthenticatedRoleArn ?? '';

  it("lets each kind of identity assume its own role per the stack's trust policies", () => {
    expect(() =>
      assertRoleTrustsIdentity(services, authRole, { identityId: 'us-east-1:a', login }),
    ).not.toThrow();
    expect(() => assertRoleTrustsIdentity(services, guestRole, { identityId: 'us-east-1:b' })).not.toThrow();
  });

  it('refuses the other role, and says which statement decided', () => {
    expect(() => assertRoleTrustsIdentity(services, authRole, { identityId: 'us-east-1:b' })).toThrow(
      InvalidIdentityPoolConfigurationError,
    );
    expect(() => assertRoleTrustsIdentity(services, guestRole, { identityId: 'us-east-1:a', login })).toThrow(
      InvalidIdentityPoolConfigurationError,
    );
    expect(logged.join('\n')).toMatch(/trust policy does not let identity us-east-1:b .*ImplicitDeny/);
  });
});
