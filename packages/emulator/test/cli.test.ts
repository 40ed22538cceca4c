/*
 * The CLI as a user runs it: a real process — the prebuilt bundle `pnpm emulator` starts with
 * node (bin/emulator.mjs, rebuilt here when stale), and the sources through tsx — on a free port
 * with a given template, which prints its ready line with the endpoint, writes the outputs file,
 * answers on that endpoint, and exits 0 on SIGINT after stopping cleanly.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { OUTPUTS_VERSION } from '@auth-s3/outputs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEMPLATE_FIXTURE } from './harness.js';

const PACKAGE_ROOT = fileURLToPath(new URL('..', import.meta.url));
const TSX = fileURLToPath(new URL('../../../node_modules/.bin/tsx', import.meta.url));

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'emulator-cli-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** Resolves with everything printed so far once `pattern` appears on stdout. */
function waitFor(child: ChildProcess, output: { text: string }, pattern: RegExp): Promise<RegExpMatchArray> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const match = output.text.match(pattern);
      if (match) {
        child.stdout?.off('data', check);
        resolve(match);
      }
    };
    child.stdout?.on('data', check);
    child.once('exit', (code) =>
      reject(new Error(`CLI exited with ${code} before ${pattern}:\n${output.text}`)),
    );
    check();
  });
}

const LAUNCHERS = [
  { name: 'bin/emulator.mjs (node, prebuilt bundle)', command: process.execPath, args: ['bin/emulator.mjs'] },
  { name: 'src/cli.ts (tsx)', command: TSX, args: ['--conditions=@auth-s3/source', 'src/cli.ts'] },
];

describe.each(LAUNCHERS)('auth-s3-emulator CLI via $name', ({ command, args }) => {
  it('prints the endpoint when ready, writes the outputs file, and exits 0 on SIGINT', async () => {
    const outputsFile = join(dir, `outputs-${args[0]?.replace(/\W/g, '')}.json`);
    const child = spawn(
      command,
      [
        ...args,
        '--port',
        '0',
        '--data-dir',
        join(dir, `data-${args[0]?.replace(/\W/g, '')}`),
        '--template',
        TEMPLATE_FIXTURE,
        '--outputs-file',
        outputsFile,
      ],
      {
        cwd: PACKAGE_ROOT,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    const output = { text: '' };
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      output.text += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      output.text += chunk;
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    try {
      const [, endpoint = ''] = await waitFor(
        child,
        output,
        /Ready in \d+ ms \(\d+ ms since the process started\) at (http:\/\/127\.0\.0\.1:\d+)/,
      );
      await waitFor(child, output, /outputs written to: .*outputs-\w+\.json/);
      const outputs = JSON.parse(await readFile(outputsFile, 'utf8')).AuthS3Stack;
      expect(outputs).toMatchObject({
        OutputsVersion: OUTPUTS_VERSION,
        Region: 'us-east-1',
        Endpoint: endpoint,
      });
      expect(outputs.UserPoolId).toMatch(/^us-east-1_/);
      const inbox = await fetch(`${endpoint}/_emulator/inbox`);
      expect(await inbox.json()).toEqual([]);

      child.kill('SIGINT');
      expect(await exited).toBe(0);
      expect(output.text).toContain('SIGINT: stopping');
      await expect(fetch(`${endpoint}/_emulator/inbox`)).rejects.toThrow();
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });
});

describe('auth-s3-emulator CLI without a template', () => {
  it('exits 1 saying --template is required, knowing no repository to find one in', async () => {
    const child = spawn(process.execPath, [join(PACKAGE_ROOT, 'bin/emulator.mjs'), '--port', '0'], {
      cwd: dir,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let text = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      text += chunk;
    });
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code).toBe(1);
    expect(text).toContain('--template FILE is required');
  });
});
