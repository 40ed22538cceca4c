/*
 * Every CloudFormation output of the stack, made in this one place. The keys are the contract
 * `cdk deploy --outputs-file` writes for the web app and the library (and that the emulator writes
 * for local runs); `OutputsVersion` versions that contract.
 */
import { CfnOutput, Stack } from 'aws-cdk-lib';
import type { Construct } from 'constructs';

/** Version of the outputs-file format; bump it when a key changes meaning or disappears. */
export const OUTPUTS_VERSION = '1';

/** The values the outputs file carries, as tokens of the stack's resources. */
export interface StackOutputValues {
  readonly userPoolId: string;
  readonly userPoolClientId: string;
  readonly identityPoolId: string;
  readonly bucketName: string;
}

/** Adds the outputs `OutputsVersion`, `Region`, `UserPoolId`, `UserPoolClientId`, `IdentityPoolId`, `BucketName`. */
export function addStackOutputs(scope: Construct, values: StackOutputValues): void {
  const outputs: Record<string, { value: string; description: string }> = {
    OutputsVersion: { value: OUTPUTS_VERSION, description: 'Version of this outputs format' },
    Region: { value: Stack.of(scope).region, description: 'Region of every resource below' },
    UserPoolId: { value: values.userPoolId, description: 'Cognito user pool id' },
    UserPoolClientId: { value: values.userPoolClientId, description: 'Cognito app client id (no secret)' },
    IdentityPoolId: { value: values.identityPoolId, description: 'Cognito identity pool id' },
    BucketName: { value: values.bucketName, description: 'S3 bucket for users’ files under public/' },
  };
  for (const [key, { value, description }] of Object.entries(outputs)) {
    new CfnOutput(scope, key, { value, description });
  }
}
