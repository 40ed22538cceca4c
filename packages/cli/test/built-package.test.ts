/*
 * What installing the CLI gives: `build` emits dist/ (after the library's own `pnpm run build`, which
 * the CLI imports through its exports map, `#outputs` included), and `bin/auth-s3.mjs` runs with plain
 * Node, without tsx or the workspace's source condition, from another directory: --version, --help
 * and a usage error. The library's build and every use of its dist/ happen under the build lock its
 * own built-package test takes too (the two may run at once).
 */
import { execFile } from 'node:child_process';
import { access } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { withBuiltLibrary } from '../../auth-s3/test/built-library.js';

const run = promisify(execFile);
const packageDir = resolve(import.meta.dirname, '..');
const tsc = resolve(packageDir, '../../node_modules/.bin/tsc');
const bin = join(packageDir, 'bin/auth-s3.mjs');

describe('the built CLI', () => {
  it('builds to dist/ and runs from its bin with plain Node', async () => {
    await withBuiltLibrary(async () => {
      await run(tsc, ['-p', join(packageDir, 'tsconfig.build.json')]);
      await access(join(packageDir, 'dist/main.js'));
      const options = { cwd: tmpdir(), env: { PATH: process.env.PATH, HOME: tmpdir() } };
      const { stdout } = await run(process.execPath, [bin, '--version'], options);
      expect(stdout).toBe('0.1.0\n');
      const help = await run(process.execPath, [bin, 'cp', '--help'], options);
      expect(help.stdout).toMatch(/^Usage: auth-s3 cp SRC DST \[-r\]/);
      const refused = await run(process.execPath, [bin, 'frobnicate'], options).catch((error) => error);
      expect(refused.code).toBe(2);
      expect(refused.stderr).toMatch(/^auth-s3: Unknown command "frobnicate"/);
    });
  }, 120_000);
});
