/*
 * Unit test of the command line itself, run in-process: every command has --help with its usage
 * and examples, the general help lists every command and the exit codes, --version prints the
 * package's version.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Io } from './context.js';
import { main } from './main.js';

const NAMES = ['signup', 'confirm', 'login', 'whoami', 'logout', 'ls', 'cp', 'mv', 'rm', 'mkdir', 'presign'];

async function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io = {
    stdin: process.stdin,
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    env: {},
    cwd: process.cwd(),
  } as unknown as Io;
  const code = await main(args, io);
  return { code, stdout, stderr };
}

describe('auth-s3 help and version', () => {
  it.each(NAMES)('%s --help shows its usage and examples', async (name) => {
    const { code, stdout } = await run([name, '--help']);
    expect(code).toBe(0);
    expect(stdout).toMatch(new RegExp(`^Usage: auth-s3 ${name}\\b`));
    expect(stdout).toMatch(/Examples?:\n {2}auth-s3 /);
    expect(stdout).toMatch(/--outputs FILE/);
  });

  it('lists every command, the remote path syntax and the exit codes', async () => {
    const { code, stdout } = await run(['--help']);
    expect(code).toBe(0);
    for (const name of NAMES) expect(stdout).toMatch(new RegExp(`^ {2}${name} +\\S`, 'm'));
    expect(stdout).toMatch(/shared:PATH/);
    expect(stdout).toMatch(/Exit codes: 0 ok, 1 other error, 2 usage, 3 not signed in/);
  });

  it('prints the version from package.json, and usage with no command', async () => {
    const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
    expect((await run(['--version'])).stdout).toBe(`${manifest.version}\n`);
    const bare = await run([]);
    expect(bare.code).toBe(2);
    expect(bare.stdout).toMatch(/^auth-s3: sign in/);
  });
});
