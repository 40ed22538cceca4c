/*
 * The writer of the outputs: one function turns typed values into the file's keys and strings, so the
 * stack's CloudFormation outputs (values that are still CDK tokens) and the emulator's outputs file
 * are made by the same code and cannot disagree.
 */
import { OUTPUTS_VERSION, type OutputsFile, STACK_NAME, type StackOutputs } from './outputs-file.js';

/** The outputs as the file's keys and string values (`Endpoint` and `SiteUrl` only when set). */
export function toOutputsFile(outputs: StackOutputs): OutputsFile {
  const { passwordPolicy: policy } = outputs;
  const file: OutputsFile = {
    OutputsVersion: OUTPUTS_VERSION,
    Region: outputs.region,
    UserPoolId: outputs.userPoolId,
    UserPoolClientId: outputs.userPoolClientId,
    IdentityPoolId: outputs.identityPoolId,
    BucketName: outputs.bucketName,
    PasswordMinimumLength: String(policy.minimumLength),
    PasswordRequireLowercase: String(policy.requireLowercase),
    PasswordRequireUppercase: String(policy.requireUppercase),
    PasswordRequireNumbers: String(policy.requireNumbers),
    PasswordRequireSymbols: String(policy.requireSymbols),
  };
  return {
    ...file,
    ...(outputs.endpoint === undefined ? {} : { Endpoint: outputs.endpoint }),
    ...(outputs.siteUrl === undefined ? {} : { SiteUrl: outputs.siteUrl }),
  };
}

/** The text of an outputs file as `cdk deploy --outputs-file` lays it out: `{ "AuthS3Stack": { … } }`. */
export function outputsFileText(file: OutputsFile): string {
  return `${JSON.stringify({ [STACK_NAME]: file }, null, 2)}\n`;
}
