/*
 * What the CLI tests share: one emulator started in-process (random port, temporary data dir,
 * the shared test stack model, the system clock, since the CLI runs in its own processes) with its
 * outputs file written where `AUTH_S3_OUTPUTS` points, a temporary HOME per "machine", and `cli()`,
 * which spawns `auth-s3` on source exactly as `pnpm auth-s3` does, as a user would run it.
 */
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type RunningEmulator, type StackModel, startEmulator } from '@auth-s3/emulator';
import { testStackModel } from '@auth-s3/emulator/testing';
import { createAuthS3, parseOutputs } from 'auth-s3';

export const MAIN = resolve(import.meta.dirname, '../src/main.ts');
/** tsx's loader, by path: the CLI runs from temporary directories where `tsx` does not resolve. */
const TSX = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
export const PASSWORD = 'Corr3ct-horse!';

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  stdoutBytes: Buffer;
}

export interface CliOptions {
  /** Written to stdin, then closed. */
  input?: string | Buffer;
  /** Extra environment (replaces the machine's defaults key by key). */
  env?: Record<string, string | undefined>;
  cwd?: string;
  /** Called with each stderr chunk and the child, e.g. to send SIGINT at the right moment. */
  onStderr?(text: string, child: ReturnType<typeof spawn>): void;
}

export interface Machine {
  home: string;
  config: string;
  cli(args: string[], options?: CliOptions): Promise<CliResult>;
}

export interface CliHarness {
  emulator: RunningEmulator;
  dataDir: string;
  outputsFile: string;
  root: string;
  /** A fresh temporary HOME (with its own XDG config dir): one "machine". */
  machine(): Promise<Machine>;
  /** The newest code the emulator sent to `email`, from its inbox. */
  codeFor(email: string): string;
  /** Multipart uploads the emulator still holds (each is a directory in its data dir). */
  pendingMultipartUploads(): Promise<string[]>;
  /** Every file the emulator's S3 holds (objects, metadata, multipart uploads): what a write changes. */
  storedFiles(): Promise<string[]>;
  /**
   * A confirmed account for `email`, signed in on `machine` through the CLI. The sign-up goes through
   * the library in-process (the journey suite covers `signup` and `confirm` on the command line), which
   * saves two process starts per suite.
   */
  signedInUser(machine: Machine, email: string): Promise<void>;
  stop(): Promise<void>;
}

/** Starts the emulator; `narrow` changes the test stack model first (e.g. a role that denies more). */
export async function startCliHarness(
  options: { narrow?: (model: StackModel) => StackModel } = {},
): Promise<CliHarness> {
  const root = await mkdtemp(join(tmpdir(), 'auth-s3-cli-'));
  const dataDir = join(root, 'emulator');
  const outputsFile = join(root, 'aws-outputs.local.json');
  const model = (options.narrow ?? ((unchanged) => unchanged))(testStackModel());
  const emulator = await startEmulator({ dataDir, model, quiet: true, outputsFile });
  let machines = 0;
  const harness: CliHarness = {
    emulator,
    dataDir,
    outputsFile,
    root,
    async machine() {
      const home = join(root, `home-${++machines}`);
      const config = join(home, 'config');
      await mkdir(home, { recursive: true });
      return {
        home,
        config,
        cli: (args, options = {}) =>
          runCli(args, {
            ...options,
            cwd: options.cwd ?? home,
            env: { HOME: home, XDG_CONFIG_HOME: config, AUTH_S3_OUTPUTS: outputsFile, ...options.env },
          }),
      };
    },
    codeFor(email) {
      const message = emulator.inbox(email)[0];
      if (!message) throw new Error(`No message to ${email} in the emulator's inbox`);
      return message.code;
    },
    async pendingMultipartUploads() {
      return readdir(join(dataDir, 's3', model.bucket.name, 'uploads')).catch(() => []);
    },
    async storedFiles() {
      const files = await readdir(join(dataDir, 's3'), { recursive: true }).catch(() => []);
      return files.sort();
    },
    async signedInUser(machine, email) {
      const { auth } = createAuthS3(parseOutputs({ AuthS3Stack: emulator.outputs }), { storage: 'memory' });
      await auth.signUp(email, PASSWORD);
      await auth.confirmSignUp(email, harness.codeFor(email), { autoSignIn: false });
      await expectOk(machine.cli(['login', email, '--password-stdin'], { input: `${PASSWORD}\n` }));
    },
    async stop() {
      await emulator.stop();
      await rm(root, { recursive: true, force: true });
    },
  };
  return harness;
}

async function expectOk(result: Promise<CliResult>): Promise<CliResult> {
  const done = await result;
  if (done.code !== 0) throw new Error(`auth-s3 failed (${done.code}): ${done.stderr}`);
  return done;
}

/**
 * The set-up most suites share: the harness with one machine signed in as `email`. A failed sign-in
 * stops the emulator before the error propagates, so nothing is left running.
 */
export async function startSignedInHarness(
  email: string,
): Promise<{ harness: CliHarness; machine: Machine }> {
  const harness = await startCliHarness();
  try {
    const machine = await harness.machine();
    await harness.signedInUser(machine, email);
    return { harness, machine };
  } catch (error) {
    await harness.stop();
    throw error;
  }
}

/** The command line that runs the CLI on source, like `pnpm auth-s3` (tsx, the `@auth-s3/source` condition). */
export function cliCommand(args: string[]): string[] {
  return [process.execPath, '--conditions=@auth-s3/source', '--import', TSX, MAIN, ...args];
}

/** Spawns the CLI on source, with pipes for stdin, stdout and stderr. */
export function runCli(args: string[], options: CliOptions = {}): Promise<CliResult> {
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, ...options.env };
  for (const [key, value] of Object.entries(env)) if (value === undefined) delete env[key];
  const [node = '', ...rest] = cliCommand(args);
  const child = spawn(node, rest, {
    cwd: options.cwd,
    env,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const stdout: Buffer[] = [];
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
    options.onStderr?.(stderr, child);
  });
  child.stdin.on('error', () => {});
  child.stdin.end(options.input);
  return new Promise((resolvePromise, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => {
      const bytes = Buffer.concat(stdout);
      resolvePromise({ code, signal, stdout: bytes.toString(), stderr, stdoutBytes: bytes });
    });
  });
}
