/* error-mapping: SDK service exceptions, S3 status-only errors, network failures and aborts. */
import { CognitoIdentityProviderServiceException } from '@aws-sdk/client-cognito-identity-provider';
import { describe, expect, it } from 'vitest';
import { toAuthS3Error } from './error-mapping.js';
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
  ServiceError,
  SessionExpiredError,
  TooManyRequestsError,
  UnexpectedError,
  UserExistsError,
  UserNotConfirmedError,
} from './errors.js';

function cognitoError(name: string, message: string) {
  return new CognitoIdentityProviderServiceException({
    name,
    message,
    $fault: 'client',
    $metadata: { httpStatusCode: 400 },
  });
}

function s3Error(name: string, status: number) {
  return Object.assign(new Error(name === 'NotFound' ? 'UnknownError' : 'denied'), {
    name,
    $metadata: { httpStatusCode: status },
  });
}

describe('toAuthS3Error', () => {
  it("maps S3's 412 to an If-None-Match: * write as AlreadyExistsError naming the key", () => {
    const mapped = toAuthS3Error(s3Error('PreconditionFailed', 412), {
      operation: 'upload',
      key: 'public/a.txt',
    });
    expect(mapped).toBeInstanceOf(AlreadyExistsError);
    expect((mapped as AlreadyExistsError).paths).toEqual(['public/a.txt']);
  });

  // Cognito's words for the authenticator-app (TOTP) cases, as the emulator and Cognito send them.
  it.each([
    [
      'NotAuthorizedException',
      'Invalid session for the user, session is expired.',
      'submitTotpCode',
      ChallengeExpiredError,
      /Sign in again\.$/,
    ],
    [
      'NotAuthorizedException',
      'Invalid session for the user, session can only be used once.',
      'submitTotpCode',
      ChallengeExpiredError,
      /only once/,
    ],
    [
      'CodeMismatchException',
      'Invalid code received for user',
      'submitTotpCode',
      CodeMismatchError,
      /authenticator app shows now/,
    ],
    [
      'EnableSoftwareTokenMFAException',
      'Code mismatch and fail enable Software Token MFA',
      'verifyTotp',
      CodeMismatchError,
      /authenticator app shows now/,
    ],
    [
      'ExpiredCodeException',
      'Your software token has already been used once.',
      'submitTotpCode',
      CodeExpiredError,
      /already used/,
    ],
    [
      'SoftwareTokenMFANotFoundException',
      'Software Token MFA has not been enabled by the userPool.',
      'setUpTotp',
      ConfigError,
      /does not offer authenticator apps/,
    ],
    [
      'SoftwareTokenMFANotFoundException',
      'No authenticator app is being set up',
      'verifyTotp',
      InvalidParameterError,
      /Call setUpTotp\(\) first/,
    ],
    [
      'InvalidParameterException',
      'User has not verified software token mfa',
      'enableTotp',
      InvalidParameterError,
      /before turning it on/,
    ],
  ])(
    'maps %s "%s" (%s) to its class with a message that says what to do',
    (code, message, operation, Class, says) => {
      const mapped = toAuthS3Error(cognitoError(code, message), { operation });
      expect(mapped).toBeInstanceOf(Class);
      expect(mapped.message).toMatch(says);
      expect(mapped.code).toBe(code);
    },
  );

  it('keeps the email wording for a wrong confirmation code', () => {
    const mapped = toAuthS3Error(
      cognitoError('CodeMismatchException', 'Invalid verification code provided'),
      {
        operation: 'confirmSignUp',
      },
    );
    expect(mapped.message).toMatch(/most recent email/);
  });

  it.each([
    ['UsernameExistsException', UserExistsError],
    ['CodeMismatchException', CodeMismatchError],
    ['ExpiredCodeException', CodeExpiredError],
    ['UserNotConfirmedException', UserNotConfirmedError],
    ['NotAuthorizedException', NotAuthorizedError],
    ['UserNotFoundException', NotAuthorizedError],
    ['TooManyRequestsException', TooManyRequestsError],
    ['LimitExceededException', TooManyRequestsError],
  ])('maps %s to its class and keeps the SDK error as cause', (code, Class) => {
    const sdk = cognitoError(code, 'from AWS');
    const mapped = toAuthS3Error(sdk, { operation: 'signIn' });
    expect(mapped).toBeInstanceOf(Class);
    expect(mapped).toBeInstanceOf(AuthS3Error);
    expect(mapped.cause).toBe(sdk);
    expect(mapped.code).toBe(code);
    expect(mapped.name).toBe(Class.name);
  });

  it.each([
    ['Password attempts exceeded', 'signIn', TooManyRequestsError, /Wait a few minutes/],
    ['Access Token has been revoked', 'changePassword', SessionExpiredError, /Sign in again/],
    ['Refresh Token has expired', 'refreshSession', SessionExpiredError, /Sign in again/],
    ['Incorrect username or password.', 'signIn', NotAuthorizedError, /Incorrect email or password/],
    ['Incorrect username or password.', 'changePassword', NotAuthorizedError, /current password/],
  ])('reads NotAuthorizedException "%s" during %s as what it means', (message, operation, Class, text) => {
    const mapped = toAuthS3Error(cognitoError('NotAuthorizedException', message), { operation });
    expect(mapped).toBeInstanceOf(Class);
    expect(mapped.message).toMatch(text);
  });

  it('names the failed password rule', () => {
    const symbol = toAuthS3Error(
      cognitoError(
        'InvalidPasswordException',
        'Password did not conform with policy: Password must have symbol characters',
      ),
      { operation: 'signUp' },
    );
    expect(symbol).toBeInstanceOf(InvalidPasswordError);
    expect((symbol as InvalidPasswordError).rule).toBe('symbols');
    expect(symbol.message).toBe('Password must contain a symbol, such as ! or #.');
    const short = toAuthS3Error(
      cognitoError(
        'InvalidParameterException',
        "Value at 'password' failed to satisfy constraint: Member must have length greater than or equal to 6",
      ),
      { operation: 'signUp' },
    );
    expect((short as InvalidPasswordError).rule).toBe('length');
  });

  it('says "incorrect email or password" for a failed sign-in without echoing AWS', () => {
    const mapped = toAuthS3Error(cognitoError('NotAuthorizedException', 'Incorrect username or password.'), {
      operation: 'signIn',
    });
    expect(mapped.message).toMatch(/^Incorrect email or password/);
  });

  it('maps S3 AccessDenied, a bodiless 404 and 403, and names the key', () => {
    const denied = toAuthS3Error(s3Error('AccessDenied', 403), { operation: 'upload', key: 'private/x' });
    expect(denied).toBeInstanceOf(AccessDeniedError);
    expect(denied.message).toContain('upload private/x');
    expect(toAuthS3Error(s3Error('NotFound', 404), { operation: 'head', key: 'public/a' })).toBeInstanceOf(
      NotFoundError,
    );
    expect(toAuthS3Error(s3Error('Unknown', 403), { operation: 'head' })).toBeInstanceOf(AccessDeniedError);
  });

  it('recognises network failures from fetch and from Node sockets', () => {
    const fetchFailure = new TypeError('fetch failed', {
      cause: Object.assign(new Error('x'), { code: 'ECONNREFUSED' }),
    });
    expect(toAuthS3Error(fetchFailure, { operation: 'signIn' })).toBeInstanceOf(NetworkError);
    const socket = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' });
    const mapped = toAuthS3Error(socket, { operation: 'list' });
    expect(mapped).toBeInstanceOf(NetworkError);
    expect(mapped.message).toContain('ECONNREFUSED');
  });

  it('maps aborts, and leaves unknown codes as ServiceError with the AWS code', () => {
    expect(toAuthS3Error(new DOMException('aborted', 'AbortError'), { operation: 'upload' })).toBeInstanceOf(
      AbortedError,
    );
    const other = toAuthS3Error(cognitoError('InternalErrorException', 'boom'), { operation: 'signUp' });
    expect(other).toBeInstanceOf(ServiceError);
    expect(other.message).toContain('InternalErrorException: boom');
  });

  it.each([
    new TypeError("Cannot read properties of undefined (reading 'ETag')"),
    new RangeError('Invalid array length'),
    'a thrown string',
  ])('reports %s, which is not an AWS answer, as UnexpectedError with the original as cause', (thrown) => {
    const mapped = toAuthS3Error(thrown, { operation: 'upload', key: 'public/a.txt' });
    expect(mapped).toBeInstanceOf(UnexpectedError);
    expect(mapped).not.toBeInstanceOf(ServiceError);
    expect(mapped.cause).toBe(thrown);
    expect(mapped.code).toBeUndefined();
    expect(mapped.message).toMatch(/^upload public\/a\.txt failed with .*This did not come from AWS/);
  });

  it('says which value was wrong for InvalidParameterException', () => {
    const email = toAuthS3Error(cognitoError('InvalidParameterException', 'Invalid email address format.'), {
      operation: 'signUp',
    });
    expect(email).toBeInstanceOf(InvalidParameterError);
    expect(email.message).toBe('That email address is not valid. Check it and try again.');
  });

  it('returns an AuthS3Error unchanged', () => {
    const error = new NotFoundError('x');
    expect(toAuthS3Error(error, { operation: 'head' })).toBe(error);
  });
});
