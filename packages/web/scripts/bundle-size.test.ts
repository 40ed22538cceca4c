// @vitest-environment node
/*
 * The one bundle measurer on small synthetic builds: the first load follows static imports with
 * their CSS and leaves dynamic imports out; the sign-in screen is the first load when the Cognito
 * client is in it and adds the lazy chunk that carries the client when it is not (and no other);
 * the whole app is every emitted JS and CSS file; the budget is checked against the sign-in screen;
 * a build with no Cognito client is refused.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  BUDGETS_KIB,
  type BuildSize,
  firstLoadFiles,
  type Manifest,
  measureBuild,
  SIGN_IN_CODE_MARKER,
  total,
  withinBudget,
} from './bundle-size.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Writes `files` under `assets/` and a Vite manifest; returns the dist directory. */
function build(manifest: Manifest, files: Record<string, string>): string {
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

const brotliOf = (size: BuildSize, name: string) =>
  size.files.find((f) => f.file === `assets/${name}`)?.brotli ?? Number.NaN;

describe('firstLoadFiles', () => {
  it('follows static imports transitively with their CSS and leaves dynamic imports out', () => {
    const manifest: Manifest = {
      'index.html': {
        file: 'assets/index-a.js',
        isEntry: true,
        imports: ['_react-b.js'],
        dynamicImports: ['src/files/FilesView.tsx'],
        css: ['assets/index-a.css'],
      },
      '_react-b.js': { file: 'assets/react-b.js', imports: ['_shared-c.js'] },
      '_shared-c.js': { file: 'assets/shared-c.js', css: ['assets/shared-c.css'] },
      'src/files/FilesView.tsx': {
        file: 'assets/FilesView-d.js',
        isDynamicEntry: true,
        imports: ['_shared-c.js', '_s3-e.js'],
        css: ['assets/FilesView-d.css'],
      },
      '_s3-e.js': { file: 'assets/s3-e.js' },
    };
    expect([...firstLoadFiles(manifest)].sort()).toEqual([
      'assets/index-a.css',
      'assets/index-a.js',
      'assets/react-b.js',
      'assets/shared-c.css',
      'assets/shared-c.js',
    ]);
  });

  it('throws when the manifest has no entry chunk', () => {
    expect(() => firstLoadFiles({ a: { file: 'a.js' } })).toThrow(/no entry chunk/);
  });
});

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
    expect(size.signIn).toEqual(size.initial);
    expect(size.files.find((f) => f.file === 'assets/files.js')?.signIn).toBe(false);
  });

  it('adds the lazy chunk carrying the Cognito client, and only that one, to the sign-in screen', () => {
    const dist = build(
      {
        'index.html': {
          file: 'assets/index.js',
          isEntry: true,
          css: ['assets/index.css'],
          dynamicImports: ['user-pool.ts', 'files.ts'],
        },
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
    const brotli = (name: string) => brotliOf(size, name);
    expect(total(size.initial, 'brotli')).toBe(brotli('index.js') + brotli('index.css'));
    expect(total(size.signIn, 'brotli')).toBe(
      total(size.initial, 'brotli') + brotli('user-pool.js') + brotli('sdk.js'),
    );
    expect(total(size.whole, 'brotli')).toBe(total(size.signIn, 'brotli') + brotli('files.js'));
    expect(size.initial.css.brotli).toBe(brotli('index.css'));
    expect(size.whole.files).toBe(5);
  });

  it('counts every emitted JS and CSS file in the whole app, gzip and raw too', () => {
    const dist = build(
      { 'index.html': { file: 'assets/index.js', isEntry: true } },
      {
        'index.js': `${SIGN_IN_CODE_MARKER} ${noise(1000)}`,
        'worker.js': noise(700),
        'notes.txt': noise(50),
      },
    );
    const size = measureBuild(dist);
    expect(size.files.map((f) => f.file).sort()).toEqual(['assets/index.js', 'assets/worker.js']);
    expect(size.whole.js.raw).toBe(`${SIGN_IN_CODE_MARKER} `.length + 1000 + 700);
    expect(size.whole.js.gzip).toBeGreaterThan(0);
    expect(total(size.whole, 'brotli')).toBe(brotliOf(size, 'index.js') + brotliOf(size, 'worker.js'));
  });

  it('checks the sign-in budget against the screen with its sign-in code', () => {
    const part = (brotli: number) => ({
      js: { raw: brotli, gzip: brotli, brotli },
      css: { raw: 0, gzip: 0, brotli: 0 },
      files: 1,
    });
    const within: BuildSize = {
      files: [],
      initial: part(10),
      signIn: part(BUDGETS_KIB.signIn * 1024),
      whole: part(BUDGETS_KIB.whole * 1024),
      lazyGroups: [],
    };
    expect(withinBudget(within)).toBe(true);
    expect(withinBudget({ ...within, signIn: part(BUDGETS_KIB.signIn * 1024 + 1) })).toBe(false);
    expect(withinBudget({ ...within, whole: part(BUDGETS_KIB.whole * 1024 + 1) })).toBe(false);
  });

  it('refuses a build without the Cognito client', () => {
    const dist = build(
      { 'index.html': { file: 'assets/index.js', isEntry: true } },
      { 'index.js': noise(100) },
    );
    expect(() => measureBuild(dist)).toThrow(SIGN_IN_CODE_MARKER);
  });
});
