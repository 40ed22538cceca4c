/*
 * Every CloudFormation output of the stack, made in this one place from the outputs contract
 * (`@auth-s3/outputs`): its writer turns the values into the keys and strings `cdk deploy
 * --outputs-file` writes for the web app and the library, the same writer the emulator uses for
 * local runs, and each output carries the contract's description of its key.
 */
import {
  FILE_AREAS,
  OUTPUT_KEYS,
  type OutputKey,
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
}

/** Adds one CfnOutput per key of the outputs contract (`OutputsVersion`, `Region`, the ids, the areas, the password policy). */
export function addStackOutputs(scope: Construct, values: StackOutputValues): void {
  const file = toOutputsFile({
    region: Stack.of(scope).region,
    userPoolId: values.userPool.userPoolId,
    userPoolClientId: values.userPoolClientId,
    identityPoolId: values.identityPoolId,
    bucketName: values.bucketName,
    // The areas the role's policy opens (file-area-access.ts builds it from the same contract).
    areas: FILE_AREAS,
    passwordPolicy: passwordPolicyOf(values.userPool),
  });
  for (const key of Object.keys(OUTPUT_KEYS) as OutputKey[]) {
    new CfnOutput(scope, key, { value: file[key], description: OUTPUT_KEYS[key] });
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
