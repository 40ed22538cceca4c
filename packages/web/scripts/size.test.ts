// @vitest-environment node
/*
 * The size script's sign-in measure on small synthetic builds: it counts the first load when the
 * Cognito client is in it, adds the lazy chunk that carries the client when it is not (and no other
 * lazy chunk), checks the budget against that figure, and refuses a build with no Cognito client.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BUDGETS_KIB, measureBuild, SIGN_IN_CODE_MARKER, withinBudget } from './size.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Writes `files` under `assets/` and a Vite manifest; returns the dist directory. */
function build(manifest: Record<string, object>, files: Record<string, string>): string {
  const dist = mkdtempSync(join(tmpdir(), 'size-test-'));
  dirs.push(dist);
  mkdirSync(join(dist, '.vite'));
  mkdirSync(join(dist, 'assets'));
  writeFileSync(join(dist, '.vite/manifest.json'), JSON.stringify(manifest));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dist, 'assets', name), text);
  return dist;
}

// Random text does not compress, so each file's brotli size is close to its length.
const noise = (bytes: number) =>
  Array.from({ length: bytes }, () => String.fromCharCode(33 + Math.floor(Math.random() * 90))).join('');

describe('measureBuild', () => {
  it('counts the first load as the sign-in screen when the Cognito client is in it', () => {
    const dist = build(
      {
        'index.html': { file: 'assets/index.js', isEntry: true, dynamicImports: ['files.ts'] },
        'files.ts': { file: 'assets/files.js', isDynamicEntry: true },
      },
      { 'index.js': `app ${SIGN_IN_CODE_MARKER} ${noise(2000)}`, 'files.js': noise(5000) },
    );
    const size = measureBuild(dist);
    expect(size.signInBrotli).toBe(size.initialBrotli);
    expect(size.files.find((f) => f.file === 'assets/files.js')?.signIn).toBe(false);
  });

  it('adds the lazy chunk carrying the Cognito client, and only that one, to the sign-in screen', () => {
    const dist = build(
      {
        'index.html': { file: 'assets/index.js', isEntry: true, css: ['assets/index.css'] },
        'user-pool.ts': { file: 'assets/user-pool.js', isDynamicEntry: true, imports: ['_sdk.js'] },
        '_sdk.js': { file: 'assets/sdk.js' },
        'files.ts': { file: 'assets/files.js', isDynamicEntry: true },
      },
      {
        'index.js': noise(2000),
        'index.css': noise(500),
        'user-pool.js': noise(1000),
        'sdk.js': `${SIGN_IN_CODE_MARKER} ${noise(3000)}`,
        'files.js': noise(5000),
      },
    );
    const size = measureBuild(dist);
    const brotliOf = (name: string) => size.files.find((f) => f.file === `assets/${name}`)?.brotli ?? NaN;
    expect(size.signInBrotli).toBe(size.initialBrotli + brotliOf('user-pool.js') + brotliOf('sdk.js'));
    expect(size.initialBrotli).toBe(brotliOf('index.js') + brotliOf('index.css'));
    expect(size.totalBrotli).toBe(size.signInBrotli + brotliOf('files.js'));
  });

  it('checks the sign-in budget against the screen with its sign-in code', () => {
    const within = {
      initialBrotli: 10,
      signInBrotli: BUDGETS_KIB.signIn * 1024,
      totalBrotli: 1,
      files: [],
      lazyGroups: [],
    };
    expect(withinBudget(within)).toBe(true);
    expect(withinBudget({ ...within, signInBrotli: BUDGETS_KIB.signIn * 1024 + 1 })).toBe(false);
  });

  it('refuses a build without the Cognito client', () => {
    const dist = build(
      { 'index.html': { file: 'assets/index.js', isEntry: true } },
      { 'index.js': noise(100) },
    );
    expect(() => measureBuild(dist)).toThrow(SIGN_IN_CODE_MARKER);
  });
});
