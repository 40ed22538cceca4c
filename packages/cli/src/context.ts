/*
 * What every command gets: the global flags, where to write (results on stdout, messages on
 * stderr, JSON lines for programs), the library for the chosen outputs file with the session file
 * as its token storage (made on first use, so `--help` and bad usage never read either file), and
 * the signal that Ctrl-C aborts.
 */
import { type AuthS3, createAuthS3, type Files, type Logger } from 'auth-s3';
import { type AreaName, libraryArea } from './locations.js';
import { chooseOutputsFile, readOutputs } from './outputs-file.js';
import { sessionFilePath, sessionFileStorage } from './session-file.js';

/** The flags every command takes. */
export interface GlobalFlags {
  outputs?: string;
  json: boolean;
  quiet: boolean;
  verbose: boolean;
  debug: boolean;
}

/** The process's streams and surroundings, injectable for tests of single modules. */
export interface Io {
  stdin: NodeJS.ReadStream;
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
  env: NodeJS.ProcessEnv;
  cwd: string;
}

export interface Context {
  flags: GlobalFlags;
  io: Io;
  /** Aborted by Ctrl-C while a transfer runs. */
  signal: AbortSignal;
  /** A result line for people on stdout, unless --quiet (with --json, commands call `record` instead). */
  result(line: string): void;
  /** One JSON object on its own line (with --json). */
  record(value: object): void;
  /** A message for people on stderr, unless --quiet. */
  note(line: string): void;
  /** A line on stderr with -v or --debug. */
  verbose(line: string): void;
  /** The library over the session file; built on first call. */
  library(): AuthS3;
  /** The library's `files` of an area (`my` is the signed-in user's private area). */
  files(area: AreaName): Files;
}

export function createContext(flags: GlobalFlags, io: Io, signal: AbortSignal): Context {
  let library: AuthS3 | undefined;
  const context: Context = {
    flags,
    io,
    signal,
    result: (line) => {
      if (!flags.quiet) io.stdout.write(`${line}\n`);
    },
    record: (value) => {
      io.stdout.write(`${JSON.stringify(value)}\n`);
    },
    note: (line) => {
      if (!flags.quiet) io.stderr.write(`${line}\n`);
    },
    verbose: (line) => {
      if (flags.verbose || flags.debug) io.stderr.write(`auth-s3: ${line}\n`);
    },
    library() {
      if (library) return library;
      const choice = chooseOutputsFile(flags.outputs, io.env, io.cwd);
      context.verbose(`outputs: ${choice.file} (${choice.source})`);
      const config = readOutputs(choice);
      context.verbose(
        `stack: ${config.endpoint ? `emulator at ${config.endpoint}` : `AWS ${config.region}`}, user pool client ${config.userPoolClientId}`,
      );
      const file = sessionFilePath(io.env, config.userPoolClientId);
      context.verbose(`session: ${file}`);
      library = createAuthS3(config, {
        storage: sessionFileStorage(file),
        logger: requestLogger(flags, io),
      });
      return library;
    },
    files(area) {
      return context.library().area(libraryArea(area));
    },
  };
  return context;
}

/** With --debug, one stderr line per AWS request (operation names only: never tokens). */
function requestLogger(flags: GlobalFlags, io: Io): Logger {
  return {
    debug(message, data) {
      if (!flags.debug) return;
      if (message === 'aws request')
        io.stderr.write(`auth-s3: request ${data?.service}:${data?.operation}\n`);
      else io.stderr.write(`auth-s3: ${message} ${JSON.stringify(data ?? {})}\n`);
    },
    warn(message, data) {
      io.stderr.write(`auth-s3: warning: ${message}${data ? ` ${JSON.stringify(data)}` : ''}\n`);
    },
  };
}
