// @vitest-environment node
/*
 * The root `lint` script, which `pnpm test` runs, fails on Biome warnings as well as errors: an unused
 * import (a warning in the recommended preset) must stop the run, not scroll past. The script and
 * `biome.json` are read from the repository, so loosening either makes this fail.
 */
import { execFile } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = resolve(import.meta.dirname, '../../..');
const lintScript: string = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).scripts.lint;
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Runs the lint script in a scratch folder holding the repository's biome.json and one source file. */
async function lint(source: string): Promise<{ code: number; output: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'lint-script-'));
  dirs.push(dir);
  copyFileSync(join(root, 'biome.json'), join(dir, 'biome.json'));
  writeFileSync(join(dir, 'probe.ts'), source);
  // biome.json reads the ignore file of the Git repository it sits in.
  await run('git', ['init', '--quiet'], { cwd: dir });
  const env = { ...process.env, PATH: `${join(root, 'node_modules/.bin')}:${process.env.PATH}` };
  try {
    const { stdout, stderr } = await run('sh', ['-c', lintScript], { cwd: dir, env });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, output: failed.stdout + failed.stderr };
  }
}

describe('the root lint script', () => {
  it('passes clean code', async () => {
    const result = await lint('export const answer = 42;\n');
    expect(result.output).toMatch(/Checked 2 files/);
    expect(result.code).toBe(0);
  });

  it('fails on an unused import and an unused variable, which Biome reports as warnings', async () => {
    const result = await lint(
      "import { readFileSync } from 'node:fs';\n\nexport function answer(): number {\n  const unused = 1;\n  return 42;\n}\n",
    );
    expect(result.output).toContain('lint/correctness/noUnusedImports');
    expect(result.output).toContain('lint/correctness/noUnusedVariables');
    expect(result.code).not.toBe(0);
  });
});
