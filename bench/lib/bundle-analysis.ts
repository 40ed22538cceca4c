/*
 * Sizes of a Vite production build, read from its manifest (`build.manifest`): the initial load
 * (the HTML entry's chunk, every chunk it imports statically, transitively, and their CSS) and the
 * whole app (every JS and CSS file emitted), each raw, gzip (level 9) and brotli (quality 11).
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

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

export type Manifest = Record<string, ManifestChunk>;

/** Bytes of a set of files, raw and compressed. */
export interface SizeTotals {
  files: number;
  raw: number;
  gzip: number;
  brotli: number;
}

/** JS and CSS of one part of a build. */
export interface PartSizes {
  js: SizeTotals;
  css: SizeTotals;
}

export interface BuildSizes {
  initial: PartSizes;
  whole: PartSizes;
  initialFiles: string[];
  /** Every JS and CSS file, largest (brotli) first. */
  files: Array<{ file: string; initial: boolean } & Omit<SizeTotals, 'files'>>;
}

/**
 * The files the browser fetches before the entry runs: the entry chunk, its static imports
 * (transitively) and the CSS of each. Dynamic imports are left out: they load later.
 */
export function initialLoadFiles(manifest: Manifest): string[] {
  const entries = Object.entries(manifest).filter(([, chunk]) => chunk.isEntry);
  if (entries.length === 0)
    throw new Error('The manifest has no entry chunk; was it built with an HTML entry?');
  const files = new Set<string>();
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    const chunk = manifest[key];
    if (!chunk) throw new Error(`The manifest imports ${key}, which it does not list`);
    files.add(chunk.file);
    for (const css of chunk.css ?? []) files.add(css);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  for (const [key] of entries) visit(key);
  return [...files].filter((file) => file.endsWith('.js') || file.endsWith('.css'));
}

async function listFiles(dir: string): Promise<string[]> {
  const found: string[] = [];
  for (const dirent of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (dirent.isFile()) found.push(join(dirent.parentPath, dirent.name));
  }
  return found;
}

function compressedSizes(bytes: Buffer): Omit<SizeTotals, 'files'> {
  return {
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
      },
    }).length,
  };
}

function emptyTotals(): SizeTotals {
  return { files: 0, raw: 0, gzip: 0, brotli: 0 };
}

function add(totals: SizeTotals, sizes: Omit<SizeTotals, 'files'>): void {
  totals.files += 1;
  totals.raw += sizes.raw;
  totals.gzip += sizes.gzip;
  totals.brotli += sizes.brotli;
}

/** Measures the build in `outDir` (which must hold `.vite/manifest.json`). */
export async function measureBuild(outDir: string): Promise<BuildSizes> {
  const manifest = JSON.parse(await readFile(join(outDir, '.vite', 'manifest.json'), 'utf8')) as Manifest;
  const initialFiles = initialLoadFiles(manifest);
  const sizes: BuildSizes = {
    initial: { js: emptyTotals(), css: emptyTotals() },
    whole: { js: emptyTotals(), css: emptyTotals() },
    initialFiles,
    files: [],
  };
  for (const path of await listFiles(outDir)) {
    const file = relative(outDir, path);
    const kind = file.endsWith('.js') ? 'js' : file.endsWith('.css') ? 'css' : undefined;
    if (kind === undefined || file.startsWith('.vite')) continue;
    const measured = compressedSizes(await readFile(path));
    const initial = initialFiles.includes(file);
    add(sizes.whole[kind], measured);
    if (initial) add(sizes.initial[kind], measured);
    sizes.files.push({ file, initial, ...measured });
  }
  sizes.files.sort((a, b) => b.brotli - a.brotli);
  return sizes;
}

/** JS + CSS of a part, for one encoding. */
export function total(part: PartSizes, encoding: 'raw' | 'gzip' | 'brotli'): number {
  return part.js[encoding] + part.css[encoding];
}
