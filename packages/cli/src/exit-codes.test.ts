/*
 * Unit test of the mapping from the library's typed errors to exit codes and lines: every class a
 * command can meet lands on its documented code, with the next step where there is one. (Access
 * denied cannot be provoked through the CLI, whose paths always stay inside an area.)
 */
import {
  AbortedError,
  AccessDeniedError,
  CodeMismatchError,
  ConfigError,
  InvalidKeyError,
  NetworkError,
  NotAuthorizedError,
  NotFoundError,
  NotSignedInError,
  SessionExpiredError,
  UserNotConfirmedError,
} from 'auth-s3';
import { describe, expect, it } from 'vitest';
import { CliError, describeFailure, EXIT } from './exit-codes.js';

describe('describeFailure', () => {
  it.each([
    [
      new SessionExpiredError('Session ended.'),
      EXIT.notSignedIn,
      /Session ended\. Run `auth-s3 login EMAIL`/,
    ],
    [new NotSignedInError('Sign in first.'), EXIT.notSignedIn, /auth-s3 login EMAIL/],
    [new NotAuthorizedError('Incorrect email or password.'), EXIT.notSignedIn, /Incorrect/],
    [new UserNotConfirmedError('Not confirmed.'), EXIT.notSignedIn, /auth-s3 confirm EMAIL CODE/],
    [new AccessDeniedError('Not allowed.'), EXIT.accessDenied, /Not allowed/],
    [new NotFoundError('Nothing found.'), EXIT.notFound, /Nothing found/],
    [new NetworkError('Could not reach AWS.'), EXIT.network, /Could not reach/],
    [new ConfigError('Bad outputs.'), EXIT.config, /Bad outputs/],
    [new InvalidKeyError('Bad key.', 'a/../b'), EXIT.usage, /Bad key/],
    [
      new AbortedError('Upload cancelled.'),
      EXIT.interrupted,
      /Cancelled: Upload cancelled\. Nothing was left behind/,
    ],
    [new CodeMismatchError('Wrong code.'), EXIT.other, /Wrong code/],
    [new CliError('Mine.', EXIT.usage), EXIT.usage, /^Mine\.$/],
    [new Error('A bug.'), EXIT.other, /A bug/],
  ])('maps %s to its exit code', (error, exitCode, message) => {
    const described = describeFailure(error);
    expect(described.exitCode).toBe(exitCode);
    expect(described.message).toMatch(message);
  });
});
