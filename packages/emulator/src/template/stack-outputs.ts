/*
 * The outputs file contents for a stack model: the same keys `cdk deploy --outputs-file` writes
 * for the real stack (OutputsVersion as the template's own output says), plus `Endpoint` when the
 * emulator serves them.
 */
import type { StackModel, StackOutputs } from '../stack-model.js';

/** The outputs of `model`; pass `endpoint` (e.g. `http://127.0.0.1:4566`) for the emulator's file. */
export function toStackOutputs(model: StackModel, endpoint?: string): StackOutputs {
  const outputs: StackOutputs = {
    OutputsVersion: model.outputsVersion ?? '1',
    Region: model.region,
    UserPoolId: model.userPool.id,
    UserPoolClientId: model.userPoolClient.id,
    IdentityPoolId: model.identityPool.id,
    BucketName: model.bucket.name,
  };
  if (endpoint !== undefined) outputs.Endpoint = endpoint;
  return outputs;
}
