/*
 * Every CloudFormation output of the stack, made in this one place from the outputs contract
 * (`@auth-s3/outputs`): its writer turns the values into the keys and strings `cdk deploy
 * --outputs-file` writes for the web app and the library, the same writer the emulator uses for
 * local runs, and each output carries the contract's description of its key. `stackOutputsFile`
 * gives the same keys and values as the file's content, which the hosted site receives at deploy time.
 */
import {
  OPTIONAL_OUTPUT_KEYS,
  OUTPUT_KEYS,
  type OutputsFile,
  type PasswordPolicy,
  toOutputsFile,
} from '@auth-s3/outputs';
import { CfnOutput, Stack } from 'aws-cdk-lib';
import { CfnUserPool, type UserPool } from 'aws-cdk-lib/aws-cognito';
import type { Construct } from 'constructs';

/** The resources the outputs describe, as tokens of the stack's resources. */
export interface StackOutputValues {
  readonly userPool: UserPool;
  readonly userPoolClientId: string;
  readonly identityPoolId: string;
  readonly bucketName: string;
  /** The hosted web app's URL; absent when the stack does not host it. */
  readonly siteUrl?: string;
}

/** The outputs as the file's inner object, written by the contract's writer (`SiteUrl` only with hosting). */
export function stackOutputsFile(scope: Construct, values: StackOutputValues): OutputsFile {
  return toOutputsFile({
    region: Stack.of(scope).region,
    userPoolId: values.userPool.userPoolId,
    userPoolClientId: values.userPoolClientId,
    identityPoolId: values.identityPoolId,
    bucketName: values.bucketName,
    passwordPolicy: passwordPolicyOf(values.userPool),
    ...(values.siteUrl === undefined ? {} : { siteUrl: values.siteUrl }),
  });
}

/**
 * Adds one CfnOutput per key of the outputs contract (`OutputsVersion`, `Region`, the ids, the
 * password policy, and `SiteUrl` when the stack hosts the app).
 */
export function addStackOutputs(scope: Construct, values: StackOutputValues): void {
  const file = stackOutputsFile(scope, values);
  const descriptions: Record<string, string> = { ...OUTPUT_KEYS, ...OPTIONAL_OUTPUT_KEYS };
  for (const [key, value] of Object.entries(file)) {
    new CfnOutput(scope, key, { value, description: descriptions[key] });
  }
}

/**
 * The password policy as the user pool's CloudFormation resource states it (`Policies.PasswordPolicy`),
 * so the outputs say what Cognito enforces; where the resource leaves a property out, Cognito's default
 * policy (length 8, every class required), which the CDK's `UserPool` also defaults to.
 */
function passwordPolicyOf(userPool: UserPool): PasswordPolicy {
  const resource = userPool.node.defaultChild;
  const policies = resource instanceof CfnUserPool ? resource.policies : undefined;
  const policy =
    policies && 'passwordPolicy' in policies
      ? (policies.passwordPolicy as CfnUserPool.PasswordPolicyProperty | undefined)
      : undefined;
  const flag = (value: unknown): boolean => {
    if (value === undefined || typeof value === 'boolean') return value ?? true;
    throw new Error('The user pool password policy must be plain values to be written to the outputs');
  };
  const minimumLength = policy?.minimumLength ?? 8;
  if (typeof minimumLength !== 'number')
    throw new Error('The user pool minimum password length must be a number');
  return {
    minimumLength,
    requireLowercase: flag(policy?.requireLowercase),
    requireUppercase: flag(policy?.requireUppercase),
    requireNumbers: flag(policy?.requireNumbers),
    requireSymbols: flag(policy?.requireSymbols),
  };
}
