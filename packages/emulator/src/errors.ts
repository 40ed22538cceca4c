/*
 * The errors the emulator answers with, named and worded as AWS sends them, so a client maps
 * them the same way locally and in AWS. Cognito errors travel as JSON 1.1
 * (`{ "__type": "NotAuthorizedException", "message": "Incorrect username or password." }`, HTTP
 * 400); each leaf class below is one `__type`. `EmulatorError` is the base of everything thrown
 * on purpose; anything else reaching the server is a bug and answers 500 InternalErrorException.
 */

/** Base of every error the emulator sends on purpose. `type` is the wire code (`__type`). */
export abstract class EmulatorError extends Error {
  abstract readonly type: string;
  /** HTTP status AWS uses for this error. */
  readonly status: number = 400;
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = new.target.name;
  }
}

// --- Request shape -------------------------------------------------------------------------

/** The body is not JSON, or a field has the wrong type. */
export class SerializationError extends EmulatorError {
  readonly type = 'SerializationException';
}
/** A parameter is missing or not acceptable. */
export class InvalidParameterError extends EmulatorError {
  readonly type = 'InvalidParameterException';
}
/**
 * The identity pool service's answer to a parameter that breaks its documented constraint
 * (pattern, length); the user pool service calls the same failure InvalidParameterException.
 */
export class ValidationError extends EmulatorError {
  readonly type = 'ValidationException';
}
/**
 * An `X-Amz-Target` that names no operation at all (an unknown service prefix, or a name that is
 * not an AWS operation name, such as `constructor`). AWS's Common Errors page names it
 * UnknownOperationException; AWS JSON 1.1 services send it with HTTP 400 (e.g. aws/aws-sdk-net#1536).
 */
export class UnknownOperationError extends EmulatorError {
  readonly type = 'UnknownOperationException';
}
/**
 * A JSON body larger than the emulator reads (1 MiB). AWS's Common Errors page:
 * RequestEntityTooLargeException, HTTP 413, which SDKs do not retry.
 */
export class RequestEntityTooLargeError extends EmulatorError {
  readonly type = 'RequestEntityTooLargeException';
  override readonly status = 413;
}
/** An operation or flow the emulator does not implement; the message names it. */
export class UnsupportedOperationError extends EmulatorError {
  readonly type = 'UnsupportedOperation';
  constructor(operation: string, options?: ErrorOptions) {
    super(`${operation} is not supported by the auth-s3 emulator`, options);
  }
}
/** Cognito's own "this is switched off" answer, e.g. token revocation disabled for a client. */
export class CognitoUnsupportedOperationError extends EmulatorError {
  readonly type = 'UnsupportedOperationException';
}
/** A token that cannot be revoked (an access or id token given to RevokeToken). */
export class UnsupportedTokenTypeError extends EmulatorError {
  readonly type = 'UnsupportedTokenTypeException';
}
/** An unknown user pool, app client, identity pool or identity. */
export class ResourceNotFoundError extends EmulatorError {
  readonly type = 'ResourceNotFoundException';
}

// --- Authentication ------------------------------------------------------------------------

/** Wrong password, bad or revoked token, disallowed action. */
export class NotAuthorizedError extends EmulatorError {
  readonly type = 'NotAuthorizedException';
}
/** The user signed up but has not confirmed the code yet. */
export class UserNotConfirmedError extends EmulatorError {
  readonly type = 'UserNotConfirmedException';
  constructor(options?: ErrorOptions) {
    super('User is not confirmed.', options);
  }
}
/** An administrator asked for a password reset before the next sign-in. */
export class PasswordResetRequiredError extends EmulatorError {
  readonly type = 'PasswordResetRequiredException';
  constructor(options?: ErrorOptions) {
    super('Password reset required for the user', options);
  }
}
/** Only where the pool does not prevent user existence errors, and in admin operations. */
export class UserNotFoundError extends EmulatorError {
  readonly type = 'UserNotFoundException';
}

// --- Users, passwords and codes --------------------------------------------------------------

/** The username (or the email used as one) is taken. */
export class UsernameExistsError extends EmulatorError {
  readonly type = 'UsernameExistsException';
}
/** The password breaks the pool's policy; the message names the rule. */
export class InvalidPasswordError extends EmulatorError {
  readonly type = 'InvalidPasswordException';
}
/** Wrong confirmation, reset or MFA code. */
export class CodeMismatchError extends EmulatorError {
  readonly type = 'CodeMismatchException';
  constructor(message = 'Invalid verification code provided, please try again.', options?: ErrorOptions) {
    super(message, options);
  }
}
/** The code is past its validity (24 h for sign-up, 1 h for password reset), or a TOTP code already used. */
export class ExpiredCodeError extends EmulatorError {
  readonly type = 'ExpiredCodeException';
  constructor(message = 'Invalid code provided, please request a code again.', options?: ErrorOptions) {
    super(message, options);
  }
}
/** VerifySoftwareToken got a code the app being set up did not show. */
export class EnableSoftwareTokenMfaError extends EmulatorError {
  readonly type = 'EnableSoftwareTokenMFAException';
  constructor(options?: ErrorOptions) {
    super('Code mismatch and fail enable Software Token MFA', options);
  }
}
/** The pool offers no authenticator apps, or the user has none to verify. */
export class SoftwareTokenMfaNotFoundError extends EmulatorError {
  readonly type = 'SoftwareTokenMFANotFoundException';
}
/** Too many wrong codes in a row. */
export class LimitExceededError extends EmulatorError {
  readonly type = 'LimitExceededException';
  constructor(options?: ErrorOptions) {
    super('Attempt limit exceeded, please try after some time.', options);
  }
}

// --- IAM-signed operations (Admin*, ListUsers) ----------------------------------------------

/** An operation that AWS authorizes with IAM came without a SigV4 `Authorization` header. */
export class MissingAuthenticationTokenError extends EmulatorError {
  readonly type = 'MissingAuthenticationTokenException';
  override readonly status = 403;
}
/** An `Authorization` header that is not SigV4-shaped (`AWS4-HMAC-SHA256 Credential=…, SignedHeaders=…, Signature=…`). */
export class IncompleteSignatureError extends EmulatorError {
  readonly type = 'IncompleteSignatureException';
}
/** A request the emulator refuses outright, such as an admin operation sent from a web page. */
export class AccessDeniedError extends EmulatorError {
  readonly type = 'AccessDeniedException';
  override readonly status = 403;
}

// --- Identity pools --------------------------------------------------------------------------

/** The identity pool has no role for this kind of identity. */
export class InvalidIdentityPoolConfigurationError extends EmulatorError {
  readonly type = 'InvalidIdentityPoolConfigurationException';
  constructor(options?: ErrorOptions) {
    super('Invalid identity pool configuration. Check assigned IAM roles for this pool.', options);
  }
}

// --- Bugs ----------------------------------------------------------------------------------

/** Wraps an unexpected failure; the cause is logged, never sent. */
export class InternalError extends EmulatorError {
  readonly type = 'InternalErrorException';
  override readonly status = 500;
}

// --- Template loading ------------------------------------------------------------------------

/**
 * The synthesized CloudFormation template cannot be turned into a stack model. Never sent over
 * the wire: the emulator refuses to start, and the message says which part of the template and
 * what to do.
 */
export abstract class TemplateError extends EmulatorError {
  readonly type = 'InvalidTemplate';
  override readonly status = 500;
}
/** The template file is missing or is not a JSON CloudFormation template. */
export class TemplateReadError extends TemplateError {}
/** A resource the emulator needs (user pool, client, identity pool, app bucket) is absent or ambiguous. */
export class TemplateResourceError extends TemplateError {}
/** An intrinsic function or reference the loader cannot resolve; `path` names where, e.g. `Resources.X.Properties.Y`. */
export class UnresolvableIntrinsicError extends TemplateError {
  readonly path: string;
  constructor(path: string, message: string, options?: ErrorOptions) {
    super(`${path}: ${message}`, options);
    this.path = path;
  }
}
