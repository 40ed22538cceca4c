/*
 * Every CloudFormation output of the stack, made in this one place. The keys are the contract
 * `cdk deploy --outputs-file` writes for the web app and the library (and that the emulator writes
 * for local runs); `OutputsVersion` versions that contract. `stackOutputsFile` gives the same keys
 * and values as the outputs file's content, which the hosted site receives at deploy time.
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
  /** The hosted web app's URL; absent when the stack does not host it. */
  readonly siteUrl?: string;
}

const DESCRIPTIONS = {
  OutputsVersion: 'Version of this outputs format',
  Region: 'Region of every resource below',
  UserPoolId: 'Cognito user pool id',
  UserPoolClientId: 'Cognito app client id (no secret)',
  IdentityPoolId: 'Cognito identity pool id',
  BucketName: 'S3 bucket for users’ files under public/',
  SiteUrl: 'URL of the web app served by CloudFront',
} as const;

/** The outputs as the file's inner object: key → value (`SiteUrl` only when the stack hosts the app). */
export function stackOutputsFile(scope: Construct, values: StackOutputValues): Record<string, string> {
  const file: Record<string, string> = {
    OutputsVersion: OUTPUTS_VERSION,
    Region: Stack.of(scope).region,
    UserPoolId: values.userPoolId,
    UserPoolClientId: values.userPoolClientId,
    IdentityPoolId: values.identityPoolId,
    BucketName: values.bucketName,
  };
  return values.siteUrl === undefined ? file : { ...file, SiteUrl: values.siteUrl };
}

/** Adds one output per key of {@link stackOutputsFile}, each with its description. */
export function addStackOutputs(scope: Construct, values: StackOutputValues): void {
  for (const [key, value] of Object.entries(stackOutputsFile(scope, values))) {
    new CfnOutput(scope, key, { value, description: DESCRIPTIONS[key as keyof typeof DESCRIPTIONS] });
  }
}
