/*
 * The README's TypeScript examples compile against the real API: each ```ts block becomes a module
 * in a temporary directory (with an example `aws-outputs.json` for the browser example's import and
 * `declare`d stand-ins for the page elements and helpers it leaves to the reader), and `tsc` checks
 * them with the repository's strict settings. An example that drifts from the API fails here.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const packageDir = resolve(import.meta.dirname, '..');
const rootDir = resolve(packageDir, '../..');

/** Names the examples use without defining them, as a reader's page or script would provide them. */
const STAND_INS: Record<string, string> = {
  outputsJson: 'string',
  email: 'string',
  password: 'string',
  passwordInput: 'HTMLInputElement',
  fileInput: 'HTMLInputElement',
  progress: 'HTMLProgressElement',
  showConfirmScreen: '() => void',
  showError: '(message: string) => void',
  highlightRule: "(rule: import('auth-s3').PasswordRule) => void",
  auth: "import('auth-s3').Auth",
};

function examples(readme: string): string[] {
  return [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1] ?? '');
}

/** The block as a module: its imports first, then stand-ins for the names it does not define. */
function toModule(block: string): string {
  const lines = block.split('\n');
  const imports = lines.filter((line) => line.startsWith('import '));
  const body = lines.filter((line) => !line.startsWith('import '));
  const defined = (name: string) =>
    new RegExp(`(const|let|function)\\s+(\\{[^}]*\\b${name}\\b[^}]*\\}|${name}\\b)`).test(block);
  const used = (name: string) => new RegExp(`\\b${name}\\b`).test(body.join('\n'));
  const declarations = Object.entries(STAND_INS)
    .filter(([name]) => used(name) && !defined(name))
    .map(([name, type]) => `declare const ${name}: ${type};`);
  return [...imports, ...declarations, ...body, 'export {};', ''].join('\n');
}

describe('README examples', () => {
  it('compile with strict TypeScript against the library', async () => {
    const blocks = examples(await readFile(join(packageDir, 'README.md'), 'utf8'));
    expect(blocks.length).toBeGreaterThanOrEqual(4);
    const dir = await mkdtemp(join(tmpdir(), 'auth-s3-readme-'));
    try {
      const files = blocks.map((_, i) => `example-${i}.ts`);
      await Promise.all(blocks.map((block, i) => writeFile(join(dir, files[i] ?? ''), toModule(block))));
      await writeFile(
        join(dir, 'aws-outputs.json'),
        JSON.stringify({
          AuthS3Stack: {
            OutputsVersion: '1',
            Region: 'eu-west-1',
            UserPoolId: 'eu-west-1_example',
            UserPoolClientId: 'exampleclient',
            IdentityPoolId: 'eu-west-1:00000000-0000-0000-0000-000000000000',
            BucketName: 'example-bucket',
          },
        }),
      );
      await writeFile(
        join(dir, 'tsconfig.json'),
        JSON.stringify({
          extends: join(rootDir, 'tsconfig.base.json'),
          compilerOptions: {
            types: ['node'],
            typeRoots: [join(rootDir, 'node_modules/@types')],
            paths: { 'auth-s3': [join(packageDir, 'src/index.ts')] },
          },
          files,
        }),
      );
      const tsc = join(rootDir, 'node_modules/.bin/tsc');
      const result = await promisify(execFile)(tsc, ['-p', dir]).then(
        () => '',
        (error: { stdout?: string; message: string }) => error.stdout || error.message,
      );
      expect(result).toBe('');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
