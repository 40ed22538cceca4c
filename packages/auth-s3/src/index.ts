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
  AlreadyExistsError,
  AuthS3Error,
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
  TransferIncompleteError,
  UnexpectedError,
  UnsupportedChallengeError,
  UserExistsError,
  UserNotConfirmedError,
} from './errors.js';
export { memoryStorage, webStorage } from './token-storage.js';
export type {
  AreaName,
  Auth,
  AuthEvent,
  AuthS3,
  AuthS3Config,
  AuthS3Options,
  BatchProgress,
  Clock,
  CurrentUser,
  DeletedFile,
  FileItem,
  Files,
  FileVersion,
  FolderItem,
  ListDeletedOptions,
  ListOptions,
  ListPage,
  Logger,
  MultipartOptions,
  RemoveOptions,
  RemoveResult,
  SignInResult,
  SignUpResult,
  TokenStorage,
  Tokens,
  TransferOptions,
  TransferResult,
  TransferredFile,
  UploadData,
  UploadOptions,
  UploadProgress,
} from './types.js';
