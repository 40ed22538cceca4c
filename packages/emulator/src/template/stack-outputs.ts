/*
 * The outputs file contents for a stack model, made by the outputs contract's writer: the same keys
 * and strings `cdk deploy --outputs-file` writes for the real stack, plus `Endpoint` when the emulator
 * serves them.
 */
import { type OutputsFile, toOutputsFile } from '@auth-s3/outputs';
import type { StackModel } from '../stack-model.js';

/** The outputs of `model`; pass `endpoint` (e.g. `http://127.0.0.1:4566`) for the emulator's file. */
export function toStackOutputs(model: StackModel, endpoint?: string): OutputsFile {
  return toOutputsFile({
    region: model.region,
    userPoolId: model.userPool.id,
    userPoolClientId: model.userPoolClient.id,
    identityPoolId: model.identityPool.id,
    bucketName: model.bucket.name,
    areas: model.areas,
    passwordPolicy: model.userPool.passwordPolicy,
    // The template's MfaConfiguration, as infra writes it from UserAuth.mfaMode.
    mfaMode: model.userPool.mfaConfiguration,
    ...(endpoint === undefined ? {} : { endpoint }),
  });
}
