/*
 * The one measurer of a Vite production build's size, serving the web app's size check
 * (`scripts/size.ts`) and the bench's `bundle` entry, which imports it as `@auth-s3/web/bundle-size`
 * to measure the web app and its baselines alike. It reads Vite's manifest (`build.manifest`) and
 * sizes every JS and CSS file raw, gzip (level 9) and brotli (quality 11, as a CDN serves it):
 *
 * - first load: the HTML entry's chunk, its static imports (transitively) and their CSS;
 * - sign-in screen: the first load plus, should the Cognito user pool client ever sit in a lazy
 *   chunk, the smallest lazy import that brings it: the screen cannot sign anyone in without it.
 *   This is what the sign-in budget bounds;
 * - whole app: every JS and CSS file the build emitted.
 *
 * Each lazy import is listed with what it adds to the first load. The budgets live here too.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/**
 * The budgets, in KiB of brotli-compressed JS + CSS: the sign-in screen (issue 6) and the whole app
 * (issue 6's 150, raised by issue 12, whose file browser may grow the lazy files view, and by
 * issue 14 for the account page and the QR encoder of the authenticator set-up, loaded only when
 * the account page or the set-up step opens).
 */
export const BUDGETS_KIB = { signIn: 95, whole: 170 } as const;

/**
 * Found in the built code that sends the user pool calls (the `X-Amz-Target` prefix, in the library's
 * JSON client, the AWS SDK's client and Amplify's alike): the sign-in screen is not usable without it.
 */
export const SIGN_IN_CODE_MARKER = 'AWSCognitoIdentityProviderService';

/** How a size is counted. */
export type Encoding = 'raw' | 'gzip' | 'brotli';

/** Bytes of one file, or of a set of files, in each encoding. */
export type Sizes = Record<Encoding, number>;

/** One built JS or CSS file. */
export interface FileSize extends Sizes {
  /** Path inside the build directory, with `/`: `assets/index-a1b2.js`. */
  file: string;
  kind: 'js' | 'css';
  /** In the first load. */
  initial: boolean;
  /** Needed to sign in: the first load, plus the lazy chunks that carry the Cognito client, if any. */
  signIn: boolean;
}

/** JS and CSS of one part of a build, and how many files it has. */
export interface PartSize {
  js: Sizes;
  css: Sizes;
  files: number;
}

/** What one lazily imported module brings beyond the first load (its own chunk and static imports). */
export interface LazyGroup {
  /** The module's manifest key, e.g. `../auth-s3/src/files/files-client.ts`. */
  module: string;
  /** Brotli bytes it adds to the first load. */
  brotli: number;
}

/** The measurement of one build. */
export interface BuildSize {
  /** Every JS and CSS file, largest (brotli) first. */
  files: FileSize[];
  initial: PartSize;
  signIn: PartSize;
  whole: PartSize;
  /** Each lazy import and what it adds, largest first (groups share chunks, so they do not sum). */
  lazyGroups: LazyGroup[];
}

/** One manifest record, as Vite writes it to `.vite/manifest.json`. */
export interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}

/** Vite's manifest: records by source path or chunk key. */
export type Manifest = Record<string, ManifestChunk>;

/** Sizes of `data` raw, gzip (level 9) and brotli (quality 11). */
function compressedSizes(data: Buffer): Sizes {
  return {
    raw: data.length,
    gzip: gzipSync(data, { level: 9 }).length,
    brotli: brotliCompressSync(data, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
      },
    }).length,
  };
}

/** The files a manifest record loads with it: its own, its CSS and its static imports', transitively. */
function closure(manifest: Manifest, key: string, into = new Set<string>(), seen = new Set<string>()) {
  if (seen.has(key)) return into;
  seen.add(key);
  const chunk = manifest[key];
  if (!chunk) throw new Error(`The manifest imports ${key}, which it does not list`);
  into.add(chunk.file);
  for (const css of chunk.css ?? []) into.add(css);
  for (const imported of chunk.imports ?? []) closure(manifest, imported, into, seen);
  return into;
}

/**
 * The files the browser fetches before the entry runs: each entry chunk, its static imports
 * (transitively) and their CSS. Dynamic imports are left out: they load later.
 */
export function firstLoadFiles(manifest: Manifest): Set<string> {
  const entries = Object.keys(manifest).filter((key) => manifest[key]?.isEntry);
  if (entries.length === 0) {
    throw new Error('The manifest has no entry chunk; was it built with an HTML entry?');
  }
  const files = new Set<string>();
  for (const key of entries) closure(manifest, key, files);
  return files;
}

/** Every record something imports lazily, a dynamic entry or a shared chunk. */
function lazyKeys(manifest: Manifest): string[] {
  const keys = new Set<string>();
  for (const [key, chunk] of Object.entries(manifest)) {
    if (chunk.isDynamicEntry) keys.add(key);
    for (const imported of chunk.dynamicImports ?? []) keys.add(imported);
  }
  return [...keys];
}

/**
 * The first load, plus, when the Cognito client is not in it, the smallest lazy import that brings
 * it. Throws when the build holds no Cognito client at all: the measure would then be meaningless.
 */
function signInFiles(distDir: string, manifest: Manifest, initial: Set<string>): Set<string> {
  const hasMarker = (files: Set<string>) =>
    [...files].some(
      (file) =>
        file.endsWith('.js') && readFileSync(join(distDir, file), 'utf8').includes(SIGN_IN_CODE_MARKER),
    );
  if (hasMarker(initial)) return initial;
  const carriers = lazyKeys(manifest)
    .map((key) => new Set([...initial, ...closure(manifest, key)]))
    .filter(hasMarker)
    .sort((a, b) => a.size - b.size);
  if (!carriers[0]) {
    throw new Error(
      `No built file contains ${SIGN_IN_CODE_MARKER}: cannot tell what the sign-in screen needs.`,
    );
  }
  return carriers[0];
}

/** Every JS and CSS file under `distDir` (Vite's own `.vite/` aside), relative, with `/`. */
function emittedFiles(distDir: string): string[] {
  return readdirSync(distDir, { withFileTypes: true, recursive: true })
    .filter((dirent) => dirent.isFile() && /\.(m?js|css)$/.test(dirent.name))
    .map((dirent) => relative(distDir, join(dirent.parentPath, dirent.name)).split(sep).join('/'))
    .filter((file) => !file.startsWith('.vite/'))
    .sort();
}

function emptyPart(): PartSize {
  return { js: { raw: 0, gzip: 0, brotli: 0 }, css: { raw: 0, gzip: 0, brotli: 0 }, files: 0 };
}

function sumPart(files: FileSize[]): PartSize {
  const part = emptyPart();
  for (const file of files) {
    part.files += 1;
    for (const encoding of ['raw', 'gzip', 'brotli'] as const) part[file.kind][encoding] += file[encoding];
  }
  return part;
}

/** JS + CSS of a part, in one encoding. */
export function total(part: PartSize, encoding: Encoding): number {
  return part.js[encoding] + part.css[encoding];
}

/** Measures the build in `distDir`, which must hold `.vite/manifest.json`. */
export function measureBuild(distDir: string): BuildSize {
  const manifest = JSON.parse(readFileSync(join(distDir, '.vite', 'manifest.json'), 'utf8')) as Manifest;
  const initial = firstLoadFiles(manifest);
  const signIn = signInFiles(distDir, manifest, initial);
  const files: FileSize[] = emittedFiles(distDir).map((file) => ({
    file,
    kind: file.endsWith('.css') ? 'css' : 'js',
    ...compressedSizes(readFileSync(join(distDir, file))),
    initial: initial.has(file),
    signIn: signIn.has(file),
  }));
  const lazyGroups = lazyKeys(manifest)
    .map((module) => {
      const added = closure(manifest, module);
      const brotli = files.filter((f) => added.has(f.file) && !f.initial).reduce((n, f) => n + f.brotli, 0);
      return { module, brotli };
    })
    .filter((group) => group.brotli > 0)
    .sort((a, b) => b.brotli - a.brotli);
  return {
    files: files.sort((a, b) => b.brotli - a.brotli),
    initial: sumPart(files.filter((f) => f.initial)),
    signIn: sumPart(files.filter((f) => f.signIn)),
    whole: sumPart(files),
    lazyGroups,
  };
}

/** True when both budgets hold (brotli). */
export function withinBudget(size: BuildSize): boolean {
  return (
    total(size.signIn, 'brotli') <= BUDGETS_KIB.signIn * 1024 &&
    total(size.whole, 'brotli') <= BUDGETS_KIB.whole * 1024
  );
}
