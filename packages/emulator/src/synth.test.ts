/* Unit tests for the template freshness check the CLI runs before deciding to synthesize. */
import { mkdir, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findRepoRoot, templateIsStale } from './synth.js';

let dir: string;
const at = (path: string, seconds: number) => utimes(path, seconds, seconds);

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'synth-test-'));
  await mkdir(join(dir, 'infra', 'src'), { recursive: true });
  await writeFile(join(dir, 'infra', 'src', 'stack.ts'), '');
  await writeFile(join(dir, 'infra', 'src', 'stack.test.ts'), '');
  await writeFile(join(dir, 'template.json'), '{}');
  await at(join(dir, 'infra', 'src', 'stack.ts'), 1000);
  await at(join(dir, 'infra', 'src', 'stack.test.ts'), 1000);
  await at(join(dir, 'template.json'), 2000);
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('templateIsStale', () => {
  it('is false when the template is newer than every source', async () => {
    expect(await templateIsStale(join(dir, 'template.json'), [join(dir, 'infra')])).toBe(false);
  });

  it('is true when a source changed after the template was written', async () => {
    await at(join(dir, 'infra', 'src', 'stack.ts'), 3000);
    expect(await templateIsStale(join(dir, 'template.json'), [join(dir, 'infra')])).toBe(true);
  });

  it('ignores changed tests', async () => {
    await at(join(dir, 'infra', 'src', 'stack.test.ts'), 3000);
    expect(await templateIsStale(join(dir, 'template.json'), [join(dir, 'infra')])).toBe(false);
  });

  it('is true when the template is missing', async () => {
    expect(await templateIsStale(join(dir, 'missing.json'), [join(dir, 'infra')])).toBe(true);
  });
});

describe('findRepoRoot', () => {
  it('finds the directory with pnpm-workspace.yaml above a path', async () => {
    await writeFile(join(dir, 'pnpm-workspace.yaml'), '');
    expect(findRepoRoot(join(dir, 'infra', 'src'))).toBe(dir);
  });
});
