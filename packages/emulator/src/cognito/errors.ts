/*
 * Cognito's errors, named and worded as AWS sends them, so a client maps them the same way
 * locally and in AWS. They travel as JSON 1.1 (`{ "__type": "NotAuthorizedException", "message":
 * "Incorrect username or password." }`, HTTP 400 unless a class says otherwise); each leaf class
 * below is one `__type`. The JSON branch of the emulator's error family (`../emulator-error.ts`);
 * anything else reaching the Cognito service is a bug and answers 500 InternalErrorException.
 */
import { EmulatorError } from '../emulator-error.js';

/** Base of every error the Cognito service sends: `type` is the `__type` of the JSON answer. */
export abstract class CognitoError extends EmulatorError {}

/**
 * The base of one leaf class: `__type` is `type`, sent with HTTP `status`. A leaf states its wire
 * code once, in its `extends` clause, and adds a constructor only where AWS fixes the message.
 */
function cognitoError<T extends string>(type: T, status = 400) {
  return class extends CognitoError {
    readonly type = type;
    override readonly status = status;
  };
}

// --- Request shape -------------------------------------------------------------------------

/** The body is not JSON, or a field has the wrong type. */
export class SerializationError extends cognitoError('SerializationException') {}
/** A parameter is missing or not acceptable. */
export class InvalidParameterError extends cognitoError('InvalidParameterException') {}
/**
 * The identity pool service's answer to a parameter that breaks its documented constraint
 * (pattern, length); the user pool service calls the same failure InvalidParameterException.
 */
export class ValidationError extends cognitoError('ValidationException') {}
/**
 * An `X-Amz-Target` that names no operation at all (an unknown service prefix, or a name that is
 * not an AWS operation name, such as `constructor`). AWS's Common Errors page names it
 * UnknownOperationException; AWS JSON 1.1 services send it with HTTP 400 (e.g. aws/aws-sdk-net#1536).
 */
export class UnknownOperationError extends cognitoError('UnknownOperationException') {}
/**
 * A JSON body larger than the emulator reads (1 MiB). AWS's Common Errors page:
 * RequestEntityTooLargeException, HTTP 413, which SDKs do not retry.
 */
export class RequestEntityTooLargeError extends cognitoError('RequestEntityTooLargeException', 413) {}
/** An operation or flow the emulator does not implement; the message names it. */
export class UnsupportedOperationError extends cognitoError('UnsupportedOperation') {
  constructor(operation: string, options?: ErrorOptions) {
    super(`${operation} is not supported by the auth-s3 emulator`, options);
  }
}
/** Cognito's own "this is switched off" answer, e.g. token revocation disabled for a client. */
export class CognitoUnsupportedOperationError extends cognitoError('UnsupportedOperationException') {}
/** A token that cannot be revoked (an access or id token given to RevokeToken). */
export class UnsupportedTokenTypeError extends cognitoError('UnsupportedTokenTypeException') {}
/** An unknown user pool, app client, identity pool or identity. */
export class ResourceNotFoundError extends cognitoError('ResourceNotFoundException') {}

// --- Authentication ------------------------------------------------------------------------

/** Wrong password, bad or revoked token, disallowed action. */
export class NotAuthorizedError extends cognitoError('NotAuthorizedException') {}
/** The user signed up but has not confirmed the code yet. */
export class UserNotConfirmedError extends cognitoError('UserNotConfirmedException') {
  constructor(options?: ErrorOptions) {
    super('User is not confirmed.', options);
  }
}
/** An administrator asked for a password reset before the next sign-in. */
export class PasswordResetRequiredError extends cognitoError('PasswordResetRequiredException') {
  constructor(options?: ErrorOptions) {
    super('Password reset required for the user', options);
  }
}
/** Only where the pool does not prevent user existence errors, and in admin operations. */
export class UserNotFoundError extends cognitoError('UserNotFoundException') {}

// --- Users, passwords and codes --------------------------------------------------------------

/** The username (or the email used as one) is taken. */
export class UsernameExistsError extends cognitoError('UsernameExistsException') {}
/** The password breaks the pool's policy; the message names the rule. */
export class InvalidPasswordError extends cognitoError('InvalidPasswordException') {}
/** Wrong confirmation, reset or MFA code. */
export class CodeMismatchError extends cognitoError('CodeMismatchException') {
  constructor(message = 'Invalid verification code provided, please try again.', options?: ErrorOptions) {
    super(message, options);
  }
}
/** The code is past its validity (24 h for sign-up, 1 h for password reset), or a TOTP code already used. */
export class ExpiredCodeError extends cognitoError('ExpiredCodeException') {
  constructor(message = 'Invalid code provided, please request a code again.', options?: ErrorOptions) {
    super(message, options);
  }
}
/** VerifySoftwareToken got a code the app being set up did not show. */
export class EnableSoftwareTokenMfaError extends cognitoError('EnableSoftwareTokenMFAException') {
  constructor(options?: ErrorOptions) {
    super('Code mismatch and fail enable Software Token MFA', options);
  }
}
/** The pool offers no authenticator apps, or the user has none to verify. */
export class SoftwareTokenMfaNotFoundError extends cognitoError('SoftwareTokenMFANotFoundException') {}
/** Too many wrong codes in a row. */
export class LimitExceededError extends cognitoError('LimitExceededException') {
  constructor(options?: ErrorOptions) {
    super('Attempt limit exceeded, please try after some time.', options);
  }
}

// --- IAM-signed operations (Admin*, ListUsers) ----------------------------------------------

/** An operation that AWS authorizes with IAM came without a SigV4 `Authorization` header. */
export class MissingAuthenticationTokenError extends cognitoError(
  'MissingAuthenticationTokenException',
  403,
) {}
/** An `Authorization` header that is not SigV4-shaped (`AWS4-HMAC-SHA256 Credential=…, SignedHeaders=…, Signature=…`). */
export class IncompleteSignatureError extends cognitoError('IncompleteSignatureException') {}
/** A request the emulator refuses outright, such as an admin operation sent from a web page. */
export class AccessDeniedError extends cognitoError('AccessDeniedException', 403) {}

// --- Identity pools --------------------------------------------------------------------------

/** The identity pool has no role for this kind of identity. */
export class InvalidIdentityPoolConfigurationError extends cognitoError(
  'InvalidIdentityPoolConfigurationException',
) {
  constructor(options?: ErrorOptions) {
    super('Invalid identity pool configuration. Check assigned IAM roles for this pool.', options);
  }
}

// --- Bugs ----------------------------------------------------------------------------------

/** Wraps an unexpected failure; the cause is logged, never sent. */
export class InternalError extends cognitoError('InternalErrorException', 500) {}
