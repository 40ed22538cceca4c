/*
 * Reads the outputs file (`cdk deploy --outputs-file`, or the emulator's copy with `Endpoint`) into
 * an `AuthS3Config`, through the outputs contract's one reader (`@auth-s3/outputs`, reached as
 * `#outputs` so that the built package carries its own compiled copy). Its refusals become this
 * library's `ConfigError`, with the same message and the contract's error as `cause`.
 */
import { OutputsError, readOutputs } from '#outputs';
import { ConfigError } from './errors.js';
import type { AuthS3Config } from './types.js';

/**
 * Parses the outputs JSON (text or already-parsed object), in the `{ "AuthS3Stack": { … } }` shape or
 * the inner object.
 * @throws ConfigError naming the missing or malformed key and the command that writes the file.
 */
export function parseOutputs(json: unknown): AuthS3Config {
  let outputs: ReturnType<typeof readOutputs>;
  try {
    outputs = readOutputs(json);
  } catch (error) {
    if (error instanceof OutputsError) throw new ConfigError(error.message, { cause: error });
    throw error;
  }
  const config: AuthS3Config = {
    region: outputs.region,
    userPoolId: outputs.userPoolId,
    userPoolClientId: outputs.userPoolClientId,
    identityPoolId: outputs.identityPoolId,
    bucket: outputs.bucketName,
    passwordPolicy: outputs.passwordPolicy,
    mfaMode: outputs.mfaMode,
    areas: outputs.areas,
  };
  if (outputs.endpoint !== undefined) config.endpoint = outputs.endpoint;
  return config;
}
