/*
 * The one place AWS, network and abort errors become auth-s3 errors. Both Cognito services (errors
 * from `cognito/json-client.ts`, shaped like the SDK's) and S3 (SDK errors), in AWS or the emulator,
 * which answers with the same codes, go through `toAuthS3Error`, so a caller only ever sees the
 * classes in `errors.ts`, with the original error kept as `cause`. Only errors that carry an AWS
 * response (`$metadata`) are read as AWS errors; anything else thrown (a bug, a broken stream) is an
 * `UnexpectedError`, never dressed as a `ServiceError`.
 */
import {
  AbortedError,
  AccessDeniedError,
  AlreadyExistsError,
  AuthS3Error,
  ChallengeExpiredError,
  CodeExpiredError,
  CodeMismatchError,
  ConfigError,
  InvalidParameterError,
  InvalidPasswordError,
  NetworkError,
  NotAuthorizedError,
  NotFoundError,
  PasswordResetRequiredError,
  type PasswordRule,
  ServiceError,
  SessionExpiredError,
  TooManyRequestsError,
  UnexpectedError,
  UserExistsError,
  UserNotConfirmedError,
} from './errors.js';

/** What was being attempted, so the message can say it. */
export interface ErrorContext {
  /** e.g. `signIn`, `upload`, `list` */
  operation: string;
  /** The S3 key, for files operations. */
  key?: string;
}

interface SdkLikeError {
  name?: string;
  code?: string;
  message?: string;
  $metadata?: { httpStatusCode?: number };
  cause?: unknown;
}

const THROTTLING = new Set([
  'TooManyRequestsException',
  'LimitExceededException',
  'TooManyFailedAttemptsException',
  'ThrottlingException',
  'Throttling',
  'SlowDown',
  'RequestLimitExceeded',
]);
/** Operations whose codes come from an authenticator app rather than an email. */
const TOTP_OPERATIONS = new Set(['verifyTotp', 'submitTotpCode', 'verifyTotpSetup']);

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'ETIMEDOUT', 'EAI_AGAIN', 'EPIPE']);

/**
 * Translates anything thrown by an SDK call into an `AuthS3Error` (returned as-is if it already is
 * one): an AWS answer by its code and status, a network failure or an abort by its shape, and
 * anything else into `UnexpectedError`.
 */
export function toAuthS3Error(error: unknown, context: ErrorContext): AuthS3Error {
  if (error instanceof AuthS3Error) return error;
  const e = (
    typeof error === 'object' && error !== null ? error : { message: String(error) }
  ) as SdkLikeError;
  const name = e.name ?? '';
  const code = e.code && !NETWORK_CODES.has(e.code) ? e.code : name;
  const awsMessage = e.message ?? '';
  const options = { cause: error, code: name || undefined };
  const what = context.key ? `${context.operation} ${context.key}` : context.operation;

  if (name === 'AbortError' || name === 'AbortedError') {
    return new AbortedError(`${what} was cancelled.`, options);
  }
  if (isNetworkError(e)) {
    return new NetworkError(
      `${what} could not reach AWS (${describeNetworkCause(e)}). Check the connection, or that the emulator is running, and retry.`,
      options,
    );
  }
  if (!isAwsAnswer(e)) {
    return new UnexpectedError(
      `${what} failed with ${name || 'a non-Error value'}${awsMessage ? `: ${trimPeriod(awsMessage)}` : ''}. ` +
        'This did not come from AWS; the original error is the cause.',
      { cause: error },
    );
  }
  if (THROTTLING.has(code)) {
    return new TooManyRequestsError(`Too many attempts for ${what}. Wait a minute and try again.`, options);
  }

  switch (code) {
    case 'UsernameExistsException':
    case 'AliasExistsException':
      return new UserExistsError(
        'An account with this email already exists. Sign in instead, or reset the password if it is forgotten.',
        options,
      );
    case 'InvalidPasswordException':
      return invalidPassword(awsMessage, options);
    case 'InvalidParameterException':
      if (/not verified software token/i.test(awsMessage)) {
        return new InvalidParameterError(
          'No verified authenticator app: set one up and verify a code from it (verifyTotp) before turning it on.',
          options,
        );
      }
      if (/password/i.test(awsMessage)) return invalidPassword(awsMessage, options);
      if (/email/i.test(awsMessage)) {
        return new InvalidParameterError('That email address is not valid. Check it and try again.', options);
      }
      return new InvalidParameterError(
        `Cognito rejected ${what}: ${trimPeriod(awsMessage)}. Check the values sent.`,
        options,
      );
    case 'CodeMismatchException':
    case 'EnableSoftwareTokenMFAException':
      if (TOTP_OPERATIONS.has(context.operation) || code === 'EnableSoftwareTokenMFAException') {
        return new CodeMismatchError(
          'That code is not right. Type the 6-digit code the authenticator app shows now, and check that the ' +
            "device's clock is set automatically.",
          options,
        );
      }
      return new CodeMismatchError(
        'That code is not right. Check the most recent email and type the code again.',
        options,
      );
    case 'ExpiredCodeException':
      if (/already been used/i.test(awsMessage)) {
        return new CodeExpiredError(
          'That code was already used. Wait for the authenticator app to show the next code and type that one.',
          options,
        );
      }
      return new CodeExpiredError('That code has expired. Ask for a new code and use it.', options);
    case 'SoftwareTokenMFANotFoundException':
      if (/user ?pool/i.test(awsMessage)) {
        return new ConfigError(
          'This user pool does not offer authenticator apps (MFA is off). Deploy the stack with MFA optional or required.',
          options,
        );
      }
      return new InvalidParameterError(
        'No authenticator app is being set up. Call setUpTotp() first, then verify a code from it.',
        options,
      );
    case 'UserNotConfirmedException':
      return new UserNotConfirmedError(
        'This email address is not confirmed yet. Enter the code from the confirmation email, or ask for a new one.',
        options,
      );
    case 'PasswordResetRequiredException':
      return new PasswordResetRequiredError(
        'This account needs a new password. Use "forgot password" to get a code and set one.',
        options,
      );
    case 'UserNotFoundException':
    case 'NotAuthorizedException':
      return notAuthorized(context, awsMessage, options);
    case 'AccessDenied':
    case 'AccessDeniedException':
    case 'Forbidden':
      return new AccessDeniedError(
        `Not allowed to ${what}: the signed-in user's role only reaches keys under the files prefix. ` +
          'Use a key inside it, or change the identity pool role.',
        options,
      );
    case 'PreconditionFailed':
      // The library sends one condition only, `If-None-Match: *` on writes: the key exists (S3 User
      // Guide, "How to prevent object overwrites with conditional writes").
      return new AlreadyExistsError(
        `${context.key ?? 'The object'} already exists and was not replaced. Choose another name, or ask to replace it.`,
        context.key === undefined ? [] : [context.key],
        options,
      );
    case 'NoSuchKey':
    case 'NoSuchVersion':
    case 'NotFound':
    case 'NoSuchUpload':
    case 'ResourceNotFoundException':
      return notFoundError(context, options);
    case 'NoSuchBucket':
      return new ConfigError(
        `The bucket in the configuration does not exist (${what}). Check BucketName in the outputs file, or redeploy.`,
        options,
      );
    case 'ExpiredToken':
    case 'ExpiredTokenException':
    case 'InvalidAccessKeyId':
    case 'InvalidToken':
      return new NotAuthorizedError(
        `The temporary AWS credentials for ${what} were rejected or have expired. Retry; if it persists, sign in again.`,
        options,
      );
  }

  const status = e.$metadata?.httpStatusCode;
  if (status === 403) return new AccessDeniedError(`Not allowed to ${what} (HTTP 403).`, options);
  if (status === 404) return new NotFoundError(`Nothing found for ${what} (HTTP 404).`, options);
  if (status === 429 || status === 503) {
    return new TooManyRequestsError(
      `AWS is busy (${what}, HTTP ${status}). Wait a moment and retry.`,
      options,
    );
  }
  return new ServiceError(
    `${what} failed: ${code || 'unknown error'}${awsMessage ? `: ${trimPeriod(awsMessage)}` : ''}.` +
      (status && status >= 500 ? ' This is on the AWS side; retry later.' : ''),
    options,
  );
}

/** The SDK's service exceptions and `CognitoServiceError` carry the response's `$metadata`. */
function isAwsAnswer(e: SdkLikeError): boolean {
  return typeof e.$metadata === 'object' && e.$metadata !== null;
}

/**
 * The NotFoundError for `context`, also for a 403 that `files` has shown to be a missing key (S3
 * answers a missing key with 403 to a caller it does not let list that key).
 */
export function notFoundError(
  context: ErrorContext,
  options: { cause: unknown; code?: string },
): NotFoundError {
  const what = context.key ? `${context.operation} ${context.key}` : context.operation;
  return new NotFoundError(
    `Nothing found for ${what}. Check the name, or list the folder to see what exists.`,
    options,
  );
}

function trimPeriod(message: string): string {
  return message.replace(/\.+$/, '');
}

function notAuthorized(
  context: ErrorContext,
  awsMessage: string,
  options: { cause: unknown; code?: string },
) {
  if (/attempts exceeded/i.test(awsMessage)) {
    return new TooManyRequestsError(
      'Too many failed sign-in attempts for this account. Wait a few minutes and try again, or reset the password.',
      options,
    );
  }
  // A challenge Session past its 3 minutes, or already answered: only a new sign-in helps.
  if (/invalid session/i.test(awsMessage)) {
    return new ChallengeExpiredError(
      'This sign-in step has expired (it must be finished within 3 minutes, and only once). Sign in again.',
      options,
    );
  }
  // A token revoked by a sign-out (here or on another device) or past its lifetime: no retry helps.
  if (/token/i.test(awsMessage) && /revoked|expired/i.test(awsMessage)) {
    return new SessionExpiredError(
      'This session has ended: it was signed out, possibly on another device, or it expired. Sign in again.',
      options,
    );
  }
  if (context.operation === 'signIn') {
    if (/disabled/i.test(awsMessage)) {
      return new NotAuthorizedError('This account is disabled. Contact the administrator.', options);
    }
    return new NotAuthorizedError(
      'Incorrect email or password. Check both and try again, or reset the password.',
      options,
    );
  }
  if (context.operation === 'changePassword') {
    return new NotAuthorizedError('The current password is not right. Type it again.', options);
  }
  return new NotAuthorizedError(
    `Cognito refused ${context.operation}: ${trimPeriod(awsMessage) || 'not authorized'}. Sign in again.`,
    options,
  );
}

const RULES: Array<[RegExp, PasswordRule, string]> = [
  [
    /long enough|length|at least \d+|greater than or equal/i,
    'length',
    'Password is too short. Use a longer one.',
  ],
  [/lowercase/i, 'lowercase', 'Password must contain a lowercase letter.'],
  [/uppercase/i, 'uppercase', 'Password must contain an uppercase letter.'],
  [/numeric|number|digit/i, 'numbers', 'Password must contain a number.'],
  [/symbol|special/i, 'symbols', 'Password must contain a symbol, such as ! or #.'],
];

function invalidPassword(
  awsMessage: string,
  options: { cause: unknown; code?: string },
): InvalidPasswordError {
  for (const [pattern, rule, message] of RULES) {
    if (pattern.test(awsMessage)) return new InvalidPasswordError(message, rule, options);
  }
  return new InvalidPasswordError(
    `The password does not meet the policy${awsMessage ? ` (${awsMessage})` : ''}. Choose another.`,
    'unknown',
    options,
  );
}

function isNetworkError(e: SdkLikeError): boolean {
  if (e.$metadata?.httpStatusCode) return false;
  if (e.code && NETWORK_CODES.has(e.code)) return true;
  if (e.name === 'TimeoutError' || e.name === 'NetworkingError' || e.name === 'RequestTimeout') return true;
  if (e.name === 'TypeError' && /fetch|network|load failed/i.test(e.message ?? '')) return true;
  const cause = e.cause as SdkLikeError | undefined;
  return !!cause && typeof cause === 'object' && !!cause.code && NETWORK_CODES.has(cause.code);
}

function describeNetworkCause(e: SdkLikeError): string {
  const cause = e.cause as SdkLikeError | undefined;
  return (
    (e.code && NETWORK_CODES.has(e.code) ? e.code : undefined) ?? cause?.code ?? e.message ?? 'no response'
  );
}
