/*
 * The CLI's exit codes and its own error class, and the one place a library error becomes an exit
 * code and a line of words with the next step to take. Scripts branch on these numbers, so they are
 * part of the public surface: the README lists them and the tests check each one.
 */
import {
  AbortedError,
  AccessDeniedError,
  ConfigError,
  InvalidKeyError,
  InvalidParameterError,
  NetworkError,
  NotAuthorizedError,
  NotFoundError,
  NotSignedInError,
  PasswordResetRequiredError,
  SessionExpiredError,
  UserNotConfirmedError,
} from 'auth-s3';

/** Every exit code the CLI uses. */
export const EXIT = {
  ok: 0,
  /** Anything not listed below (a wrong code, a password the policy refuses, a service error). */
  other: 1,
  /** The command line is wrong: unknown command or flag, missing or malformed argument. */
  usage: 2,
  /** Not signed in, the session expired or was signed out elsewhere, or the sign-in was refused. */
  notSignedIn: 3,
  /** The user's role does not allow this request. */
  accessDenied: 4,
  /** No such file or folder, locally or remotely. */
  notFound: 5,
  /** AWS (or the emulator) could not be reached. */
  network: 6,
  /** The outputs file or the session file cannot be used. */
  config: 7,
  /** Interrupted (Ctrl-C): the transfer was cancelled and nothing left behind. */
  interrupted: 130,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** An error the CLI raises itself: its message is shown as is, with its exit code. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: ExitCode,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'CliError';
  }
}

/** A command-line mistake (exit 2). */
export function usageError(message: string): CliError {
  return new CliError(`${message} See \`auth-s3 --help\`.`, EXIT.usage);
}

/** The exit code and the one line to print for anything thrown by a command. */
export function describeFailure(error: unknown): { exitCode: ExitCode; message: string } {
  if (error instanceof CliError) return { exitCode: error.exitCode, message: error.message };
  const message = error instanceof Error ? error.message : String(error);
  const signIn = 'Run `auth-s3 login EMAIL` to sign in.';
  if (error instanceof AbortedError) {
    return { exitCode: EXIT.interrupted, message: `Cancelled: ${message} Nothing was left behind.` };
  }
  if (error instanceof UserNotConfirmedError) {
    return {
      exitCode: EXIT.notSignedIn,
      message: `${message} Run \`auth-s3 confirm EMAIL CODE\` (or \`auth-s3 confirm EMAIL --resend\` for a new code).`,
    };
  }
  if (error instanceof PasswordResetRequiredError) return { exitCode: EXIT.notSignedIn, message };
  if (
    error instanceof NotSignedInError ||
    error instanceof SessionExpiredError ||
    error instanceof NotAuthorizedError
  ) {
    return { exitCode: EXIT.notSignedIn, message: `${message} ${signIn}` };
  }
  if (error instanceof AccessDeniedError) return { exitCode: EXIT.accessDenied, message };
  if (error instanceof NotFoundError) return { exitCode: EXIT.notFound, message };
  if (error instanceof NetworkError) return { exitCode: EXIT.network, message };
  if (error instanceof ConfigError) return { exitCode: EXIT.config, message };
  if (error instanceof InvalidKeyError || error instanceof InvalidParameterError) {
    return { exitCode: EXIT.usage, message };
  }
  return { exitCode: EXIT.other, message };
}

/**
 * The error for a many-file operation (copy, move, removeFolder) where some files failed, after each
 * failure was printed on its own line: it exits with the first failure's code (e.g. 4 when the role
 * refused a write), so a script can tell a denied write from a lost connection.
 */
export function partialFailure(
  failures: ReadonlyArray<{ path: string; error: unknown }>,
  summary: string,
  writeLine: (line: string) => void,
): CliError {
  for (const { path, error } of failures)
    writeLine(`auth-s3: failed: ${path}: ${describeFailure(error).message}`);
  const first = failures[0];
  const exitCode = first ? describeFailure(first.error).exitCode : EXIT.other;
  return new CliError(summary, exitCode === EXIT.ok ? EXIT.other : exitCode, { cause: first?.error });
}
