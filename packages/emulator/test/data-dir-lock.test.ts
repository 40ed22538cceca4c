/*
 * One emulator per data dir: a second start on a directory in use is refused with
 * `DataDirLockedError` naming the holder's pid (in-process, and as the CLI prints it) and
 * touches nothing there, so the first keeps every sign-up; a lock left by a process killed with
 * SIGKILL, or one that exited without stopping, does not block the next start.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ListUsersCommand } from '@aws-sdk/client-cognito-identity-provider';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DataDirLockedError, type RunningEmulator, startEmulator } from '../src/index.js';
import { testStackModel } from '../src/testing/index.js';
import { type Harness, startHarness, TEMPLATE_FIXTURE } from './harness.js';

const PACKAGE_ROOT = fileURLToPath(new URL('..', import.meta.url));
const model = testStackModel();
const lockFile = (dataDir: string) => join(dataDir, 'emulator.lock');

let dir: string;
const running: RunningEmulator[] = [];
const children: ChildProcess[] = [];
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'emulator-lock-'));
});
afterEach(async () => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
  for (const emulator of running.splice(0)) await emulator.stop();
  await rm(dir, { recursive: true, force: true });
});

const start = async (dataDir: string, port = 0) => {
  const emulator = await startEmulator({ dataDir, model, quiet: true, port });
  running.push(emulator);
  return emulator;
};

/** Runs a process to its end (or until `until` appears on its output), collecting stdout and stderr. */
function run(
  command: string,
  args: string[],
  until?: RegExp,
): { child: ChildProcess; output: Promise<{ text: string; code: number | null }> } {
  const child = spawn(command, args, {
    cwd: PACKAGE_ROOT,
    env: { ...process.env, INIT_CWD: PACKAGE_ROOT },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let text = '';
  const output = new Promise<{ text: string; code: number | null }>((resolve) => {
    const collect = (chunk: string) => {
      text += chunk;
      if (until?.test(text)) resolve({ text, code: null });
    };
    child.stdout?.setEncoding('utf8').on('data', collect);
    child.stderr?.setEncoding('utf8').on('data', collect);
    child.once('exit', (code) => resolve({ text, code }));
  });
  return { child, output };
}

/** Node itself runs the sources (tsx as a loader, not its wrapper process), so `child.pid` is the emulator's. */
const TS_NODE = ['--import', 'tsx', '--conditions=@auth-s3/source'];

const cli = (dataDir: string, until?: RegExp) =>
  run(
    process.execPath,
    [
      ...TS_NODE,
      'src/cli.ts',
      '--port',
      '0',
      '--data-dir',
      dataDir,
      '--template',
      TEMPLATE_FIXTURE,
      '--outputs-file',
      join(dir, 'outputs.json'),
    ],
    until,
  );

describe('a second emulator on a data dir in use', () => {
  let h: Harness;
  afterEach(() => h?.close());

  it('is refused with DataDirLockedError naming the pid, and the first keeps its users', async () => {
    h = await startHarness();
    await h.createUser('ada@example.com', 'Correct-Horse-1');
    const before = await readdir(h.dataDir, { recursive: true });

    const second = await startEmulator({ dataDir: h.dataDir, model: h.model, quiet: true }).then(
      (emulator) => {
        running.push(emulator);
        return undefined;
      },
      (error: unknown) => error,
    );
    expect(second).toBeInstanceOf(DataDirLockedError);
    expect((second as DataDirLockedError).owner.pid).toBe(process.pid);
    expect((second as Error).message).toContain(`process ${process.pid}`);
    expect((second as Error).message).toContain(h.dataDir);
    // It touched nothing: the first's files, its upload scratch space included, are all still there.
    expect(await readdir(h.dataDir, { recursive: true })).toEqual(before);

    await h.createUser('grace@example.com', 'Correct-Horse-1');
    await h.restart();
    const users = await h.idp.send(new ListUsersCommand({ UserPoolId: h.model.userPool.id }));
    expect(users.Users?.map((u) => u.Attributes?.find((a) => a.Name === 'email')?.Value).sort()).toEqual([
      'ada@example.com',
      'grace@example.com',
    ]);
  });

  it('starts once the first has stopped, and after a start that failed', async () => {
    const first = await start(dir);
    await first.stop();
    running.splice(0);
    const holder = await start(dir);
    const port = Number(new URL(holder.endpoint).port);
    const other = join(dir, 'other');
    // The port is taken: this start fails after taking the lock, and must give it back.
    await expect(start(other, port)).rejects.toMatchObject({ code: 'EADDRINUSE' });
    await holder.stop();
    running.splice(0);
    // The outputs file cannot be written (its directory would be under a file): this start fails
    // once listening, and must close its server as well as give the lock back.
    await writeFile(join(dir, 'a-file'), '');
    const outputsFile = join(dir, 'a-file', 'outputs.json');
    await expect(
      startEmulator({ dataDir: other, model, quiet: true, port, outputsFile }),
    ).rejects.toMatchObject({ code: expect.stringMatching(/^(ENOTDIR|EEXIST)$/) });
    await start(other, port);
  });

  it('is refused by the CLI with the holder’s pid, exiting non-zero', async () => {
    const first = await start(dir);
    // Stops waiting at a ready line too, so a second emulator that did start fails here at once.
    const { output } = cli(dir, /Ready in \d+ ms/);
    const { text, code } = await output;
    expect(code).not.toBe(0);
    expect(code).not.toBeNull();
    expect(text).toContain(`is in use by another emulator: process ${process.pid}`);
    // The first still answers.
    expect((await fetch(`${first.endpoint}/_emulator/inbox`)).status).toBe(200);
  });
});

describe('a lock left behind', () => {
  it('by a process killed with SIGKILL does not block the next start', async () => {
    const { child, output } = cli(dir, /Ready in \d+ ms/);
    const ready = await output;
    expect(ready.text).toMatch(/Ready in/);
    const holder = JSON.parse(await readFile(lockFile(dir), 'utf8'));
    expect(holder.pid).toBe(child.pid);

    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
    // The killed process could not remove it.
    expect(JSON.parse(await readFile(lockFile(dir), 'utf8')).pid).toBe(child.pid);

    const emulator = await start(dir);
    expect(JSON.parse(await readFile(lockFile(dir), 'utf8')).pid).toBe(process.pid);
    expect((await fetch(`${emulator.endpoint}/_emulator/inbox`)).status).toBe(200);
  });

  it('is removed when the process exits without stopping the emulator', async () => {
    const script = join(dir, 'exit-without-stop.mts');
    const index = fileURLToPath(new URL('../src/index.ts', import.meta.url));
    await writeFile(
      script,
      `import { startEmulator } from ${JSON.stringify(index)};\n` +
        `import { testStackModel } from ${JSON.stringify(fileURLToPath(new URL('../src/testing/index.ts', import.meta.url)))};\n` +
        `await startEmulator({ dataDir: ${JSON.stringify(join(dir, 'data'))}, model: testStackModel(), quiet: true });\n` +
        `process.exit(0);\n`,
    );
    const { output } = run(process.execPath, [...TS_NODE, script]);
    const { text, code } = await output;
    expect(code, text).toBe(0);
    await expect(readFile(lockFile(join(dir, 'data')), 'utf8')).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('by a live process that is not this one is respected', async () => {
    // A lock file as another running emulator leaves it: the test runner's parent is alive.
    await writeFile(
      lockFile(dir),
      JSON.stringify({ pid: process.ppid, host: hostname(), startedAt: 'x', token: 't' }),
    );
    await expect(start(dir)).rejects.toThrow(`process ${process.ppid}`);
  });
});
