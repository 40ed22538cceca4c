/* Unit tests for the template freshness check and `ensureTemplate`, which `pnpm dev`, `pnpm emulator`, the browser test and the bench run. */
import { mkdir, mkdtemp, rm, unlink, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ensureTemplate, templateIsStale, templatePath, templateSources } from './template.js';

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
  await at(join(dir, 'infra', 'src'), 1000);
  await at(join(dir, 'infra'), 1000);
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

  it('is true when a source file was deleted after the template was written (directory time)', async () => {
    await unlink(join(dir, 'infra', 'src', 'stack.test.ts'));
    expect(await templateIsStale(join(dir, 'template.json'), [join(dir, 'infra')])).toBe(true);
  });

  it('counts infra/package.json, the outputs contract and the lockfile among the sources', async () => {
    await writeFile(join(dir, 'pnpm-lock.yaml'), '');
    await at(join(dir, 'pnpm-lock.yaml'), 3000);
    await at(join(dir, 'infra', 'src'), 1000);
    expect(templateSources(dir)).toContain(join(dir, 'pnpm-lock.yaml'));
    expect(templateSources(dir)).toContain(join(dir, 'infra', 'package.json'));
    expect(templateSources(dir)).toContain(join(dir, 'packages', 'outputs', 'src'));
    expect(await templateIsStale(join(dir, 'template.json'), templateSources(dir))).toBe(true);
  });

  it('is true when the template is missing', async () => {
    expect(await templateIsStale(join(dir, 'missing.json'), [join(dir, 'infra')])).toBe(true);
  });
});

describe('ensureTemplate', () => {
  const template = () => templatePath(dir);
  const writeTemplate = async (seconds: number) => {
    await mkdir(join(dir, 'cdk.out'), { recursive: true });
    await writeFile(template(), '{}');
    await at(template(), seconds);
  };

  it('runs the synth when the template is missing, and not again once it is fresh', async () => {
    const runs: string[] = [];
    const synth = async (root: string) => {
      runs.push(root);
      await writeTemplate(5000);
      return 0;
    };
    expect(await ensureTemplate({ repoRoot: dir, synth, log: () => {} })).toBe(template());
    expect(await ensureTemplate({ repoRoot: dir, synth, log: () => {} })).toBe(template());
    expect(runs).toEqual([dir]);
  });

  it('throws, naming the template, when the synth leaves it stale', async () => {
    await writeTemplate(500);
    await expect(ensureTemplate({ repoRoot: dir, synth: async () => 1, log: () => {} })).rejects.toThrow(
      /exited with 1 .*AuthS3Stack\.template\.json is still missing or stale/,
    );
  });
});
