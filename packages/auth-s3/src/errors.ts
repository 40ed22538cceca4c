/*
 * Every error auth-s3 throws: an abstract `AuthS3Error` base and one leaf per cause a caller can
 * act on. Each message says what happened and what to do; the SDK or network error it came from
 * is kept as `cause`. AWS errors are translated into these in `error-mapping.ts`, nowhere else.
 */
import type { PasswordRule as PolicyRule } from '#outputs';
import type { TransferredFile } from './types.js';

/** Base class: `err instanceof AuthS3Error` catches everything this library throws. */
export abstract class AuthS3Error extends Error {
  /** The AWS error code this came from (e.g. `UsernameExistsException`), when there was one. */
  readonly code: string | undefined;

  constructor(message: string, options?: { cause?: unknown; code?: string }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = options?.code;
  }
}

// --- configuration ---------------------------------------------------------------------------

/** The outputs file or options are missing something, or a platform global is absent. */
export class ConfigError extends AuthS3Error {}

// --- sign-up, sign-in, passwords ---------------------------------------------------------------

/** An account with this email already exists: sign in or reset the password instead. */
export class UserExistsError extends AuthS3Error {}

/** Which rule of the pool's password policy the password broke (`unknown` when Cognito's message names none). */
export type PasswordRule = PolicyRule | 'unknown';

/** The password breaks the pool's policy; `rule` names the first failed rule. */
export class InvalidPasswordError extends AuthS3Error {
  constructor(
    message: string,
    readonly rule: PasswordRule,
    options?: { cause?: unknown; code?: string },
  ) {
    super(message, options);
  }
}

/**
 * A value the caller passed is not what the method takes (a number where a path belongs, an
 * unknown upload body, an out-of-range option), or Cognito rejected a value other than the password
 * (e.g. a malformed email address). The message says what to pass instead.
 */
export class InvalidParameterError extends AuthS3Error {}

/** The confirmation or reset code is wrong. */
export class CodeMismatchError extends AuthS3Error {}

/** The confirmation or reset code has expired: ask for a new one. */
export class CodeExpiredError extends AuthS3Error {}

/** The account exists but its email is not confirmed yet. */
export class UserNotConfirmedError extends AuthS3Error {}

/** Wrong email or password, a disabled user, or a token Cognito no longer accepts. */
export class NotAuthorizedError extends AuthS3Error {}

/**
 * A sign-in challenge (the authenticator code step, a new password) was answered after Cognito's
 * 3 minutes, or after it was already used: start the sign-in again.
 */
export class ChallengeExpiredError extends AuthS3Error {}

/** An administrator asked this user to reset the password before signing in. */
export class PasswordResetRequiredError extends AuthS3Error {}

/** Cognito asked for a challenge this library does not handle (e.g. MFA). */
export class UnsupportedChallengeError extends AuthS3Error {
  constructor(
    readonly challengeName: string,
    options?: { cause?: unknown },
  ) {
    super(
      `Cognito asked for the ${challengeName} challenge, which auth-s3 does not support. ` +
        'Turn it off for this user pool (e.g. MFA) or complete it with the AWS SDK directly.',
      { ...options, code: challengeName },
    );
  }
}

/** The call needs a signed-in user and there is none. */
export class NotSignedInError extends AuthS3Error {}

/** The session can no longer be refreshed (refresh token expired or revoked): sign in again. */
export class SessionExpiredError extends AuthS3Error {}

// --- files ---------------------------------------------------------------------------------------

/** The identity pool role does not allow this S3 request (e.g. a key outside `public/`). */
export class AccessDeniedError extends AuthS3Error {}

/** No object (or bucket) under that key. */
export class NotFoundError extends AuthS3Error {}

/**
 * A path or name that S3 or the prefix rules would reject (`..`, a `/` in a name, a control
 * character, over 1,024 bytes); the message says what to change. An `InvalidParameterError`.
 */
export class InvalidKeyError extends InvalidParameterError {
  constructor(
    message: string,
    readonly key: string,
  ) {
    super(message);
  }
}

/**
 * Something already exists where the call would write, and it was asked not to replace it
 * (`upload` with `overwrite: false`, `copy`/`move` by default). Nothing was written. `paths` are
 * the existing paths (relative to the destination area), so the app can ask "Replace?" and call
 * again with `overwrite: true`.
 */
export class AlreadyExistsError extends AuthS3Error {
  constructor(
    message: string,
    readonly paths: readonly string[],
    options?: { cause?: unknown; code?: string },
  ) {
    super(message, options);
  }
}

/**
 * A copy or move of several files stopped partway (a file S3 refused, the network, the signal).
 * Nothing is lost: a source is removed only after its copy exists. `cause` is the first failure.
 */
export class TransferIncompleteError extends AuthS3Error {
  constructor(
    message: string,
    readonly details: {
      /** Copied (copy), or copied and the source removed (move). */
      completed: readonly TransferredFile[];
      /** Move only: the copy exists and so does the source (removing it failed); remove it to finish. */
      copiedNotRemoved: readonly TransferredFile[];
      /** Left where they were, not copied. */
      notCopied: readonly TransferredFile[];
      /** Each file that failed with its own error. */
      failures: ReadonlyArray<{ path: string; error: AuthS3Error }>;
    },
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** The operation was cancelled through its AbortSignal; nothing was left behind. */
export class AbortedError extends AuthS3Error {}

// --- transport -----------------------------------------------------------------------------------

/** AWS (or the emulator) is throttling: wait and retry. */
export class TooManyRequestsError extends AuthS3Error {}

/** The request never got an answer: offline, DNS, refused connection, timeout or CORS. */
export class NetworkError extends AuthS3Error {}

/** An AWS error with no more specific class; `code` holds the AWS error name. */
export class ServiceError extends AuthS3Error {}

// --- neither the caller nor AWS ----------------------------------------------------------------

/**
 * Something failed that is not an AWS answer, a network failure or a bad argument: a bug, the
 * runtime, or the upload body's own source (a stream that errored). `cause` is the original error,
 * with its stack; `code` is unset because AWS said nothing.
 */
export class UnexpectedError extends AuthS3Error {}

/**
 * A local file given to `upload()` as an open file handle changed size (or was written to) while it
 * was being read: the object would have mixed old and new bytes, so nothing was stored. Upload it
 * again once it has stopped changing.
 */
export class FileChangedError extends AuthS3Error {}
