/*
 * Child processes for the benchmarks: run a command to completion (builds, synth), start a
 * long-running one and wait for the line that says it is ready (the emulator, `pnpm dev`), run a
 * TypeScript script in a fresh Node process (with tsx and the `@auth-s3/source` condition), and
 * read a live process's memory from /proc (peak RSS without sampling).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { SetupError } from './errors.ts';

/** Node arguments that run a workspace TypeScript file from source, as `pnpm bench` itself runs. */
export const tsNodeArgs = ['--conditions=@auth-s3/source', '--import', 'tsx'];

export interface RunOptions {
  cwd: string;
  env?: NodeJS.ProcessEnv;
  /** Default 5 minutes. */
  timeoutMs?: number;
}

/** Runs a command to completion and returns its stdout; throws `SetupError` with its output's tail. */
export async function runCommand(command: string, args: string[], options: RunOptions): Promise<string> {
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk;
    output += chunk;
  });
  child.stderr.on('data', (chunk: Buffer) => {
    output += chunk;
  });
  const timeout = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 5 * 60_000);
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', resolve);
  }).finally(() => clearTimeout(timeout));
  if (code !== 0) {
    throw new SetupError(`\`${command} ${args.join(' ')}\` exited with ${code}:\n${tail(output)}`);
  }
  return stdout;
}

/** A long-running child and what it has printed so far. */
export interface StartedProcess {
  child: ChildProcess;
  pid: number;
  /** Everything printed on stdout and stderr so far. */
  output(): string;
  /** Resolves with the first output line matching `pattern` (checked against earlier output too). */
  waitFor(pattern: RegExp, timeoutMs: number): Promise<RegExpMatchArray>;
  /** SIGTERM, then SIGKILL after `graceMs`; resolves when it has exited. */
  stop(graceMs?: number): Promise<void>;
}

/**
 * Starts a child. With `detached`, it leads its own process group and `stop` signals the whole
 * group, for commands such as `pnpm dev` that start children of their own; with `stdin`, the
 * parent can write to it (`child.stdin`).
 */
export function startProcess(
  command: string,
  args: string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv; detached?: boolean; stdin?: boolean },
): StartedProcess {
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    stdio: [options.stdin ? 'pipe' : 'ignore', 'pipe', 'pipe'],
    detached: options.detached ?? false,
  });
  if (child.pid === undefined) throw new SetupError(`Could not start ${command}`);
  const pid = child.pid;
  let output = '';
  const listeners = new Set<() => void>();
  const onData = (chunk: Buffer) => {
    output += chunk;
    for (const listener of listeners) listener();
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  let hasExited = false;
  void exited.then(() => {
    hasExited = true;
    for (const listener of listeners) listener();
  });

  const signal = (name: NodeJS.Signals) => {
    try {
      if (options.detached) process.kill(-pid, name);
      else child.kill(name);
    } catch {
      // Already gone.
    }
  };

  return {
    child,
    pid,
    output: () => output,
    waitFor(pattern, timeoutMs) {
      return new Promise((resolve, reject) => {
        const check = () => {
          for (const line of output.split('\n')) {
            const match = line.match(pattern);
            if (match) {
              done();
              resolve(match);
              return;
            }
          }
          if (hasExited) {
            done();
            reject(new SetupError(`${command} exited before printing ${pattern}:\n${tail(output)}`));
          }
        };
        const timer = setTimeout(() => {
          done();
          reject(
            new SetupError(`${command} did not print ${pattern} within ${timeoutMs} ms:\n${tail(output)}`),
          );
        }, timeoutMs);
        const done = () => {
          clearTimeout(timer);
          listeners.delete(check);
        };
        listeners.add(check);
        check();
      });
    },
    async stop(graceMs = 5000) {
      if (hasExited) return;
      signal('SIGTERM');
      const timer = setTimeout(() => signal('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** The last lines of a command's output that are not stack frames. */
export function tail(output: string, lines = 8): string {
  return output
    .trim()
    .split('\n')
    .filter((line) => !/^\s+at /.test(line) && line.trim() !== '')
    .slice(-lines)
    .join('\n');
}

/** Memory of a live process from /proc/<pid>/status, in bytes: current RSS and its peak (VmHWM). */
export async function processMemory(pid: number): Promise<{ rss: number; peakRss: number }> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kib = (field: string) => {
    const match = status.match(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm'));
    if (!match?.[1]) throw new SetupError(`/proc/${pid}/status has no ${field}`);
    return Number(match[1]) * 1024;
  };
  return { rss: kib('VmRSS'), peakRss: kib('VmHWM') };
}

/** CPU time (user + system) a live process has used so far, in milliseconds (/proc/<pid>/stat). */
export async function processCpuMilliseconds(pid: number): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name (which may hold spaces) start at state, field 3; utime is 14, stime 15.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  // Linux reports in USER_HZ, 100 on every platform Node supports.
  return ticks * 10;
}

/** Resets a process's peak RSS to its current RSS (Linux: `5` into /proc/<pid>/clear_refs). */
export async function resetPeakMemory(pid: number): Promise<void> {
  await writeFile(`/proc/${pid}/clear_refs`, '5');
}
