/*
 * Measures the production build's transfer size: every JS and CSS file brotli-compressed (quality
 * 11, as a CDN would serve it). The sign-in screen counts everything needed to sign in: the first
 * load (the entry chunk, its static imports and their CSS, read from Vite's manifest) plus any lazy
 * chunk holding the Cognito user pool client, should it ever be split out again. The rest (the files
 * view, the S3 client) is listed with what each lazy import adds. Reused by the repository's bench.
 * CLI: `tsx scripts/size.ts [--build] [--check] [--json]`.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants } from 'node:zlib';

/** The budgets of issue 6, in KiB of brotli-compressed JS + CSS: the sign-in screen and the whole app. */
export const BUDGETS_KIB = { signIn: 95, total: 150 } as const;

/**
 * Found in the built code that sends the user pool calls (the `X-Amz-Target` prefix, in the library's
 * JSON client and in the AWS SDK's client alike): the sign-in screen is not usable without it.
 */
export const SIGN_IN_CODE_MARKER = 'AWSCognitoIdentityProviderService';

/** One built file. */
export interface FileSize {
  file: string;
  bytes: number;
  brotli: number;
  /** In the first load. */
  initial: boolean;
  /** Needed to sign in: the first load, plus the lazy chunks that carry the Cognito client if any. */
  signIn: boolean;
}

/** The measurement of one build. */
export interface BuildSize {
  files: FileSize[];
  /** Brotli bytes of the sign-in screen's first load. */
  initialBrotli: number;
  /** Brotli bytes of the sign-in screen with everything needed to sign in (the budget's measure). */
  signInBrotli: number;
  /** Brotli bytes of every JS and CSS file. */
  totalBrotli: number;
  /** Each dynamic import and what it adds, largest first (groups share chunks, so they do not sum). */
  lazyGroups: LazyGroup[];
}

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  css?: string[];
}

/** What one lazily imported module brings beyond the first load (its own chunk and static imports). */
export interface LazyGroup {
  /** The module's source path, e.g. `../auth-s3/src/files/files-client.ts`. */
  module: string;
  /** Brotli bytes it adds to the first load. */
  brotli: number;
}

/** Brotli size of a buffer at the highest quality. */
export function brotliSize(data: Buffer): number {
  return brotliCompressSync(data, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: data.length },
  }).length;
}

/** Measures `distDir` (built with `build.manifest: true`). */
export function measureBuild(distDir: string): BuildSize {
  const manifest = JSON.parse(readFileSync(join(distDir, '.vite/manifest.json'), 'utf8')) as Record<
    string,
    ManifestChunk
  >;
  // The files a chunk loads with it: itself, its CSS and its static imports, transitively.
  const closure = (key: string, into = new Set<string>()): Set<string> => {
    const chunk = manifest[key];
    if (!chunk || into.has(chunk.file)) return into;
    into.add(chunk.file);
    for (const css of chunk.css ?? []) into.add(css);
    for (const imported of chunk.imports ?? []) closure(imported, into);
    return into;
  };
  const initial = new Set<string>();
  for (const [key, chunk] of Object.entries(manifest)) if (chunk.isEntry) closure(key, initial);

  const all = new Set<string>();
  for (const chunk of Object.values(manifest)) {
    all.add(chunk.file);
    for (const css of chunk.css ?? []) all.add(css);
  }
  const signIn = signInFiles(distDir, manifest, initial, closure);
  const files = [...all]
    .filter((file) => /\.(m?js|css)$/.test(file))
    .sort()
    .map((file) => {
      const data = readFileSync(join(distDir, file));
      const brotli = brotliSize(data);
      return { file, bytes: data.length, brotli, initial: initial.has(file), signIn: signIn.has(file) };
    });
  const sum = (list: FileSize[]) => list.reduce((n, f) => n + f.brotli, 0);
  const lazyGroups = Object.entries(manifest)
    .filter(([, chunk]) => chunk.isDynamicEntry)
    .map(([module]) => {
      const added = closure(module);
      return { module, brotli: sum(files.filter((f) => added.has(f.file) && !f.initial)) };
    })
    .sort((a, b) => b.brotli - a.brotli);
  return {
    files,
    initialBrotli: sum(files.filter((f) => f.initial)),
    signInBrotli: sum(files.filter((f) => f.signIn)),
    totalBrotli: sum(files),
    lazyGroups,
  };
}

/**
 * The first load, plus, when the Cognito client is not in it, the smallest lazy import that brings
 * it. Throws when the build holds no Cognito client at all: the measure would then be meaningless.
 */
function signInFiles(
  distDir: string,
  manifest: Record<string, ManifestChunk>,
  initial: Set<string>,
  closure: (key: string) => Set<string>,
): Set<string> {
  const hasMarker = (files: Set<string>) =>
    [...files].some(
      (file) =>
        file.endsWith('.js') && readFileSync(join(distDir, file), 'utf8').includes(SIGN_IN_CODE_MARKER),
    );
  if (hasMarker(initial)) return initial;
  const carriers = Object.entries(manifest)
    .filter(([, chunk]) => chunk.isDynamicEntry)
    .map(([key]) => new Set([...initial, ...closure(key)]))
    .filter(hasMarker)
    .sort((a, b) => a.size - b.size);
  if (!carriers[0]) {
    throw new Error(
      `No built file contains ${SIGN_IN_CODE_MARKER}: cannot tell what the sign-in screen needs.`,
    );
  }
  return carriers[0];
}

/** `12345` → `12.1 KiB`. */
export function kib(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KiB`;
}

/** A table of the measurement and the budgets, for a terminal. */
export function formatBuildSize(size: BuildSize): string {
  const kind = (f: FileSize) => (f.initial ? 'initial' : f.signIn ? 'sign-in' : 'lazy   ');
  const lines = size.files.map(
    (f) => `${kind(f)}  ${kib(f.brotli).padStart(10)}  ${kib(f.bytes).padStart(10)} raw  ${f.file}`,
  );
  lines.push('', 'loaded later (each with what it adds to the first load):');
  for (const group of size.lazyGroups) {
    lines.push(`  +${kib(group.brotli).padStart(10)}  ${group.module.replace(/^.*node_modules\//, '')}`);
  }
  lines.push(
    '',
    `sign-in screen, first load:             ${kib(size.initialBrotli)} brotli`,
    `sign-in screen, with the code to sign in: ${kib(size.signInBrotli)} brotli (budget ${BUDGETS_KIB.signIn} KiB)`,
    `whole app:                              ${kib(size.totalBrotli)} brotli (budget ${BUDGETS_KIB.total} KiB)`,
  );
  return lines.join('\n');
}

/** True when both budgets hold. */
export function withinBudget(size: BuildSize): boolean {
  return size.signInBrotli <= BUDGETS_KIB.signIn * 1024 && size.totalBrotli <= BUDGETS_KIB.total * 1024;
}

async function main(args: string[]): Promise<void> {
  const webRoot = fileURLToPath(new URL('..', import.meta.url));
  if (args.includes('--build')) {
    const { build } = await import('vite');
    await build({ root: webRoot, configFile: resolve(webRoot, 'vite.config.ts'), logLevel: 'warn' });
  }
  const size = measureBuild(resolve(webRoot, 'dist'));
  console.log(args.includes('--json') ? JSON.stringify(size, null, 2) : formatBuildSize(size));
  if (args.includes('--check') && !withinBudget(size)) {
    console.error('Over budget: see the figures above.');
    process.exitCode = 1;
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
