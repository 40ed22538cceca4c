/*
 * `@auth-s3/emulator/testing`: the one stack model every test suite serves. It is the emulator's
 * template loader run on the synthesized AuthS3Stack kept by `@auth-s3/stack-testing` (a fixture
 * that infra's tests hold equal to a fresh synth), so tests see the stack's real policies, CORS
 * rule, bucket policy and ids, and `withOverrides` adjusts the pool, the client or the identity
 * pool per test, and `withAuthenticatedRolePolicy` gives the authenticated role one more policy (a
 * deny to refuse with, an allow the stack leaves out). Also the emulator's own TOTP arithmetic (RFC 6238), so suites compute an
 * authenticator app's codes as a phone would. For tests only.
 */
import type { PolicyStatement } from '@auth-s3/iam';
import { STACK_NAME } from '@auth-s3/outputs';
import { type TemplateFixtureName, templateFixture } from '@auth-s3/stack-testing';
import type { IdentityPoolModel, StackModel, UserPoolClientModel, UserPoolModel } from '../stack-model.js';
import { loadStackModel } from '../template/index.js';

export { TEMPLATE_FIXTURE } from '@auth-s3/stack-testing';
export { TIME_STEP_MS, totpCode } from '../cognito/services/totp.js';

/** Per-test changes to the fixture model's user pool, client and identity pool. */
export interface FixtureOverrides {
  userPool?: Partial<UserPoolModel>;
  userPoolClient?: Partial<UserPoolClientModel>;
  identityPool?: Partial<IdentityPoolModel>;
}

/** `model` with the pool, client and identity pool fields in `overrides` replaced. */
export function withOverrides(model: StackModel, overrides: FixtureOverrides): StackModel {
  return {
    ...model,
    userPool: { ...model.userPool, ...overrides.userPool },
    userPoolClient: { ...model.userPoolClient, ...overrides.userPoolClient },
    identityPool: { ...model.identityPool, ...overrides.identityPool },
  };
}

/** How the tests load a template: the stack name and region `pnpm synth` uses here. */
export const FIXTURE_LOAD_OPTIONS = { stackName: STACK_NAME, region: 'us-east-1' } as const;

/** The model of a template fixture (`default`, or `ephemeral`), with `overrides`; a fresh object each call. */
export function testStackModel(
  overrides: FixtureOverrides = {},
  fixture: TemplateFixtureName = 'default',
): StackModel {
  return withOverrides(loadStackModel(templateFixture(fixture), FIXTURE_LOAD_OPTIONS), overrides);
}

/**
 * A copy of `model` whose authenticated role also has the identity policy `name` made of
 * `statements`, so real IAM evaluation grants or refuses what a test needs beyond the stack's.
 */
export function withAuthenticatedRolePolicy(
  model: StackModel,
  name: string,
  statements: PolicyStatement[],
): StackModel {
  const roleArn = model.identityPool.authenticatedRoleArn;
  return {
    ...model,
    roles: model.roles.map((role) =>
      role.arn !== roleArn
        ? role
        : {
            ...role,
            policies: [
              ...role.policies,
              { name, kind: 'identity', document: { Version: '2012-10-17', Statement: statements } },
            ],
          },
    ),
  };
}
