/*
 * Guards the bundle split: following only static imports from `index.ts` (what a bundler puts in
 * the first load) must reach no AWS SDK package; the Cognito JSON client is part of it. S3 and the
 * presigner arrive through the dynamic `import()` in `files.ts`. The Cognito SDK clients are dev
 * dependencies (the fidelity test), so no runtime file may import them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const here = dirname(fileURLToPath(import.meta.url));
const STATIC_IMPORT = /^\s*(?:import|export)\s+(?!type\b)(?:[^'"]*?\sfrom\s+)?['"]([^'"]+)['"]/gm;

function staticGraph(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    const source = readFileSync(file, 'utf8');
    for (const match of source.matchAll(STATIC_IMPORT)) {
      const specifier = match[1] as string;
      if (specifier.startsWith('.')) visit(resolve(dirname(file), specifier.replace(/\.js$/, '.ts')));
      else packages.add(specifier);
    }
  };
  visit(entry);
  return { files, packages };
}

function runtimeSources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === '__tests__' ? [] : runtimeSources(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

describe('bundle boundary', () => {
  it('keeps every AWS SDK package out of the static graph of index.ts, Cognito client included', () => {
    const { files, packages } = staticGraph(resolve(here, 'index.ts'));
    // The outputs contract (`#outputs`, a leaf that imports nothing) is the one package in the first load.
    expect([...packages]).toEqual(['#outputs']);
    expect([...files].some((file) => file.endsWith('cognito/json-client.ts'))).toBe(true);
    expect([...files].some((file) => file.endsWith('cognito/user-pool-operations.ts'))).toBe(true);
    expect([...files].some((file) => file.endsWith('srp-client.ts'))).toBe(true);
    expect([...files].some((file) => file.endsWith('files-client.ts'))).toBe(false);
  });

  it('reaches the S3 SDK and the presigner from files-client.ts, the dynamically imported half', () => {
    const { packages } = staticGraph(resolve(here, 'files/files-client.ts'));
    // Besides `#outputs`, the leaf the first load already carries.
    expect([...packages].sort()).toEqual(['#outputs', '@aws-sdk/client-s3', '@aws-sdk/s3-request-presigner']);
  });

  it('imports the Cognito SDK clients nowhere outside tests (they are dev dependencies)', () => {
    const importers = runtimeSources(here).filter((file) =>
      /@aws-sdk\/client-cognito-identity/.test(readFileSync(file, 'utf8')),
    );
    expect(importers).toEqual([]);
  });
});
