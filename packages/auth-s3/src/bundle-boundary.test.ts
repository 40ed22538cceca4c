/*
 * Guards the bundle split: following only static imports from `index.ts` (what a bundler puts in
 * the first load) must reach no AWS SDK package. The user pool client arrives through the dynamic
 * `import()` in `create-auth-s3.ts`; S3, the presigner and the identity client through `files.ts`.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
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

describe('bundle boundary', () => {
  it('keeps every AWS SDK package out of the static graph of index.ts', () => {
    const { files, packages } = staticGraph(resolve(here, 'index.ts'));
    expect([...packages]).toEqual([]);
    expect([...files].some((file) => file.endsWith('user-pool-api.ts'))).toBe(false);
    expect([...files].some((file) => file.endsWith('files-client.ts'))).toBe(false);
    expect([...files].some((file) => file.endsWith('srp-client.ts'))).toBe(true);
  });

  it('reaches the Cognito SDK from user-pool-api.ts, loaded by auth on first use', () => {
    expect(staticGraph(resolve(here, 'auth/user-pool-api.ts')).packages).toContain(
      '@aws-sdk/client-cognito-identity-provider',
    );
  });

  it('reaches them from files-client.ts, the dynamically imported half', () => {
    const { packages } = staticGraph(resolve(here, 'files/files-client.ts'));
    expect(packages).toContain('@aws-sdk/client-s3');
    expect(packages).toContain('@aws-sdk/s3-request-presigner');
    expect(packages).toContain('@aws-sdk/client-cognito-identity');
  });
});
