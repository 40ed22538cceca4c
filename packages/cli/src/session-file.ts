/*
 * The signed-in session between commands: a `TokenStorage` (the library's interface) kept in one
 * JSON file per user pool client under the XDG config directory, `$XDG_CONFIG_HOME/auth-s3/` or
 * `~/.config/auth-s3/`. The file holds refresh tokens, so it is created readable by the user alone
 * (0600, in a 0700 directory) and written atomically; a file that others can read is refused rather
 * than used. The library reads and writes it; refreshing the tokens stays the library's job.
 */
import { chmodSync, mkdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { TokenStorage } from 'auth-s3';
import { CliError, EXIT } from './exit-codes.js';

/** `$XDG_CONFIG_HOME/auth-s3`, else `~/.config/auth-s3`. */
export function configDirectory(env: NodeJS.ProcessEnv): string {
  const base = env.XDG_CONFIG_HOME || join(env.HOME || homedir(), '.config');
  return join(base, 'auth-s3');
}

/** The session file for one user pool client. */
export function sessionFilePath(env: NodeJS.ProcessEnv, userPoolClientId: string): string {
  // Client ids are letters, digits and `+`; anything else would be a path trick.
  return join(configDirectory(env), `session-${userPoolClientId.replace(/[^\w+-]/g, '_')}.json`);
}

/**
 * A TokenStorage over `file`, read once now (so the library's `currentUser()` works at once) and
 * written on every change.
 * @throws CliError (exit 7) when the file is readable or writable by others, or is not a session file.
 */
export function sessionFileStorage(file: string): TokenStorage {
  const values = readValues(file);
  const write = () => {
    if (Object.keys(values).length === 0) {
      try {
        unlinkSync(file);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      }
      return;
    }
    const directory = join(file, '..');
    mkdirSync(directory, { recursive: true, mode: 0o700 });
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, `${JSON.stringify(values, null, 2)}\n`, { mode: 0o600 });
    // The mode given to writeFileSync is masked by the umask; the file must be 0600 whatever it is.
    chmodSync(temporary, 0o600);
    renameSync(temporary, file);
  };
  return {
    getItem: (key) => values[key] ?? null,
    setItem: (key, value) => {
      values[key] = value;
      write();
    },
    removeItem: (key) => {
      if (!(key in values)) return;
      delete values[key];
      write();
    },
  };
}

function readValues(file: string): Record<string, string> {
  let mode: number;
  try {
    mode = statSync(file).mode;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw new CliError(`Cannot read the session file ${file}: ${(error as Error).message}.`, EXIT.config, {
      cause: error,
    });
  }
  if ((mode & 0o077) !== 0) {
    const octal = (mode & 0o777).toString(8).padStart(4, '0');
    throw new CliError(
      `The session file ${file} can be read or changed by other users (mode ${octal}), so it is not used. ` +
        `Run \`chmod 600 ${file}\` if you trust it, or delete it and run \`auth-s3 login\`.`,
      EXIT.config,
    );
  }
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as unknown;
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
      throw new Error('not an object');
    return Object.fromEntries(
      Object.entries(parsed).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
    );
  } catch (error) {
    throw new CliError(
      `The session file ${file} is not a session file auth-s3 wrote. Delete it and run \`auth-s3 login\`.`,
      EXIT.config,
      { cause: error },
    );
  }
}
