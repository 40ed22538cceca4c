/*
 * The `auth-s3` command: parses the command line (node:util parseArgs, strict: an unknown flag or
 * command is a usage error), prints help and the version, runs the command with Ctrl-C wired to an
 * AbortSignal, and turns whatever it throws into one line on stderr and a documented exit code.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { Command, CommandOptions } from './command.js';
import { confirm, login, logout, signup, whoami } from './commands/account.js';
import { ls, mkdir, presign, rm } from './commands/listing.js';
import { cp, mv } from './commands/transfer.js';
import { createContext, type GlobalFlags, type Io } from './context.js';
import { CliError, describeFailure, EXIT, usageError } from './exit-codes.js';

const COMMANDS: Command[] = [signup, confirm, login, whoami, logout, ls, cp, mv, rm, mkdir, presign];

const GLOBAL_OPTIONS = {
  outputs: { type: 'string' },
  json: { type: 'boolean' },
  quiet: { type: 'boolean', short: 'q' },
  verbose: { type: 'boolean', short: 'v' },
  debug: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean' },
} as const satisfies CommandOptions;

const GLOBAL_HELP = `Global flags:
  --outputs FILE  the stack's outputs file (default: $AUTH_S3_OUTPUTS, then the repository's
                  packages/web/aws-outputs.json, then packages/web/aws-outputs.local.json)
  --json          one JSON object per line for lists and transfers
  -q, --quiet     print nothing but errors
  -v, --verbose   say which outputs and session files are used
  --debug         also print each AWS request and the cause of an error
  -h, --help      help (for a command: auth-s3 COMMAND --help)
  --version       print the version`;

/** The version in package.json (next to src/ and dist/ alike). */
export function version(): string {
  const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  return manifest.version;
}

function generalHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return `auth-s3: sign in to an auth-s3 stack and move files with your own access.

Usage: auth-s3 COMMAND [ARGS] [FLAGS]

Commands:
${COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n')}

Remote paths name their area: shared:PATH (files every signed-in user shares; the root is shared:)
and my:PATH (your private files, which no other user sees). Anything else is a local path; - is
standard input or output.

${GLOBAL_HELP}

Exit codes: 0 ok, 1 other error, 2 usage, 3 not signed in / session expired, 4 access denied,
5 not found, 6 network, 7 outputs or session file unusable, 130 interrupted.`;
}

function commandHelp(command: Command): string {
  return `Usage: auth-s3 ${command.usage}\n\n${command.help}\n\n${GLOBAL_HELP}`;
}

/** The index of the command word: the first argument that is neither a flag nor a flag's value. */
function findCommand(args: string[]): number {
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === '--outputs') i++;
    else if (arg === '-' || !arg.startsWith('-')) return i;
  }
  return -1;
}

/** Runs the CLI on `args`; resolves with the exit code. */
export async function main(args: string[], io: Io = processIo()): Promise<number> {
  quietSdkVersionWarning();
  const at = findCommand(args);
  const name = at === -1 ? undefined : args[at];
  const command = COMMANDS.find((c) => c.name === name);
  const rest = at === -1 ? args : [...args.slice(0, at), ...args.slice(at + 1)];
  let flags: GlobalFlags = { json: false, quiet: false, verbose: false, debug: false };
  const controller = new AbortController();
  let context: ReturnType<typeof createContext> | undefined;
  try {
    if (name !== undefined && !command) {
      throw usageError(`Unknown command "${name}". Commands: ${COMMANDS.map((c) => c.name).join(', ')}.`);
    }
    const parsed = parseCommandLine(rest, command);
    const values = parsed.values as Record<string, string | boolean | undefined>;
    flags = {
      outputs: values.outputs as string | undefined,
      json: values.json === true,
      quiet: values.quiet === true,
      verbose: values.verbose === true,
      debug: values.debug === true,
    };
    if (values.version) {
      io.stdout.write(`${version()}\n`);
      return EXIT.ok;
    }
    if (values.help || !command) {
      io.stdout.write(`${command ? commandHelp(command) : generalHelp()}\n`);
      return command || values.help ? EXIT.ok : EXIT.usage;
    }
    checkArgumentCount(command, parsed.positionals);
    context = createContext(flags, io, controller.signal);
    const stopOnInterrupt = onInterrupt(io, controller);
    try {
      await command.run(context, parsed.positionals, values);
    } finally {
      stopOnInterrupt();
    }
    return EXIT.ok;
  } catch (error) {
    const { exitCode, message } = describeFailure(error);
    io.stderr.write(`auth-s3: ${message}\n`);
    if (flags.debug) io.stderr.write(describeCauses(error));
    return exitCode;
  }
}

function parseCommandLine(args: string[], command: Command | undefined) {
  try {
    return parseArgs({
      args,
      options: { ...GLOBAL_OPTIONS, ...command?.options },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    // parseArgs says e.g. "Unknown option '--bogus'"; the command's help lists the right ones.
    const where = command ? `auth-s3 ${command.name} --help` : 'auth-s3 --help';
    const message = (error as Error).message.replace(/\.? To specify a positional.*$/s, '');
    throw new CliError(`${message}. See \`${where}\`.`, EXIT.usage);
  }
}

function checkArgumentCount(command: Command, positionals: string[]): void {
  const { required, optional = 0 } = command.args;
  if (positionals.length < required.length) {
    const missing = required.slice(positionals.length).join(' ');
    throw usageError(`${command.name} needs ${missing}. Usage: auth-s3 ${command.usage}.`);
  }
  if (positionals.length > required.length + optional) {
    throw usageError(`${command.name} takes no more arguments than: auth-s3 ${command.usage}.`);
  }
}

/**
 * Ctrl-C aborts the signal (a transfer then takes back what it started and exits with 130); a
 * second Ctrl-C, or one while nothing is cancellable, exits at once.
 */
function onInterrupt(io: Io, controller: AbortController): () => void {
  const handler = () => {
    if (controller.signal.aborted) process.exit(EXIT.interrupted);
    io.stderr.write('\nauth-s3: cancelling (Ctrl-C again to quit at once)…\n');
    controller.abort();
  };
  process.on('SIGINT', handler);
  return () => process.off('SIGINT', handler);
}

function describeCauses(error: unknown): string {
  const lines: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current !== undefined && depth < 5; depth++) {
    if (current instanceof Error) {
      lines.push(
        `  ${depth === 0 ? 'error' : 'cause'}: ${current.stack ?? `${current.name}: ${current.message}`}`,
      );
      current = current.cause;
    } else {
      lines.push(`  cause: ${String(current)}`);
      current = undefined;
    }
  }
  return `${lines.join('\n')}\n`;
}

function processIo(): Io {
  return {
    stdin: process.stdin,
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    cwd: process.cwd(),
  };
}

/**
 * The AWS SDK warns on every start under Node 20 that its future versions need Node 22; a CLI that
 * prints that before each result reads as broken. The SDK's own switch turns it off (unless set).
 */
function quietSdkVersionWarning(): void {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  // `pnpm auth-s3 …` runs in the repository root; local paths are meant from where it was typed.
  if (process.env.npm_lifecycle_event === 'auth-s3' && process.env.INIT_CWD)
    process.chdir(process.env.INIT_CWD);
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
