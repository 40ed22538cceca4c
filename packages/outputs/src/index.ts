/*
 * @auth-s3/outputs: the contract between the stack and everything that reads its outputs (the
 * library, the web app, the emulator, the bench): the version, the keys, the types, the reader, the
 * writer, and the password rules the outputs carry. A leaf: it imports nothing, and runs in browsers.
 */

export {
  OPTIONAL_OUTPUT_KEYS,
  OUTPUT_KEYS,
  OUTPUTS_VERSION,
  type OutputKey,
  type OutputsFile,
  SITE_OUTPUTS_FILE,
  STACK_NAME,
  type StackOutputs,
} from './outputs-file.js';
export {
  brokenPasswordRules,
  meetsPasswordRule,
  type PasswordPolicy,
  type PasswordRule,
  passwordRules,
} from './password-policy.js';
export { OutputsError, readOutputs } from './read-outputs.js';
export { outputsFileText, toOutputsFile } from './write-outputs.js';
