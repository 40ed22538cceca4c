/*
 * auth-s3's public surface: `createAuthS3`, the outputs-file parser, the storage adapters and the
 * error classes, plus their types. Everything else is internal and may change.
 */

export {
  brokenPasswordRules,
  meetsPasswordRule,
  OUTPUTS_VERSION,
  type PasswordPolicy,
  passwordRules,
} from '#outputs';
export { parseOutputs } from './config.js';
export { createAuthS3 } from './create-auth-s3.js';
export {
  AbortedError,
  AccessDeniedError,
  AuthS3Error,
  ChallengeExpiredError,
  CodeExpiredError,
  CodeMismatchError,
  ConfigError,
  InvalidKeyError,
  InvalidParameterError,
  InvalidPasswordError,
  NetworkError,
  NotAuthorizedError,
  NotFoundError,
  NotSignedInError,
  PasswordResetRequiredError,
  type PasswordRule,
  ServiceError,
  SessionExpiredError,
  TooManyRequestsError,
  UnexpectedError,
  UnsupportedChallengeError,
  UserExistsError,
  UserNotConfirmedError,
} from './errors.js';
export { memoryStorage, webStorage } from './token-storage.js';
export type {
  Auth,
  AuthEvent,
  AuthS3,
  AuthS3Config,
  AuthS3Options,
  Clock,
  CurrentUser,
  FileItem,
  Files,
  FolderItem,
  ListOptions,
  ListPage,
  Logger,
  Mfa,
  MfaStatus,
  MultipartOptions,
  SignInResult,
  SignUpResult,
  TokenStorage,
  Tokens,
  TotpSetup,
  UploadData,
  UploadOptions,
  UploadProgress,
} from './types.js';
