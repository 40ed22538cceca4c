/*
 * `@auth-s3/emulator/testing`: the one stack model every test suite serves. It is the emulator's
 * template loader run on `test/fixtures/AuthS3Stack.template.json` (a copy of the synthesized
 * AuthS3Stack), so tests see the stack's real policies, CORS rule, bucket policy and ids, and
 * `withOverrides` adjusts the pool, the client or the identity pool per test. Also the emulator's
 * own TOTP arithmetic (RFC 6238), so suites compute an authenticator app's codes as a phone
 * would. For tests only.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { IdentityPoolModel, StackModel, UserPoolClientModel, UserPoolModel } from '../stack-model.js';
import { loadStackModel } from '../template/index.js';

export { TIME_STEP_MS, totpCode } from '../services/totp.js';

/**
 * A copy of `cdk.out/AuthS3Stack.template.json` (synth takes too long to run per test run);
 * refresh it with `pnpm synth && cp cdk.out/AuthS3Stack.template.json packages/emulator/test/fixtures/`.
 */
export const TEMPLATE_FIXTURE = fileURLToPath(
  new URL('../../test/fixtures/AuthS3Stack.template.json', import.meta.url),
);

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

let template: object | undefined;

/** The model loaded from the template fixture, with `overrides`; every call returns a fresh object. */
export function testStackModel(overrides: FixtureOverrides = {}): StackModel {
  template ??= JSON.parse(readFileSync(TEMPLATE_FIXTURE, 'utf8')) as object;
  const model = loadStackModel(template, { stackName: 'AuthS3Stack', region: 'us-east-1' });
  return withOverrides(structuredClone(model), overrides);
}
