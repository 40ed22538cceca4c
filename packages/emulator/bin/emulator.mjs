#!/usr/bin/env node
/*
 * The emulator's launcher (`auth-s3-emulator`, what `pnpm emulator` runs): the CLI (src/cli.ts) from a
 * single prebuilt ESM bundle with plain `node`, ready in ~0.3 s where tsx needs ~1 s to compile the
 * sources on every start. The bundle lives in node_modules/.cache/auth-s3-emulator/ and is rebuilt
 * with esbuild (tsx's own copy, ~0.1 s) whenever what it is built from is newer than it: this
 * package's src/ and package.json, this file, the src/ of each workspace package it depends on, and
 * its dependency links (relinked by `pnpm install`). Everything is found from this package's own
 * folder; it knows no repository layout.
 */
import { lstatSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const packageRoot = fileURLToPath(new URL('..', import.meta.url));
const bundle = join(packageRoot, 'node_modules', '.cache', 'auth-s3-emulator', 'cli.mjs');
const manifest = JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8'));
const dependencyLinks = Object.keys(manifest.dependencies ?? {}).map((name) =>
  join(packageRoot, 'node_modules', name),
);
const workspaceSources = Object.entries(manifest.dependencies ?? {})
  .filter(([, version]) => String(version).startsWith('workspace:'))
  .map(([name]) => join(packageRoot, 'node_modules', name, 'src'));
const inputs = [
  join(packageRoot, 'src'),
  join(packageRoot, 'package.json'),
  ...workspaceSources,
  fileURLToPath(import.meta.url),
];

/** When a dependency link itself was made (not what it points at). */
function linkTime(path) {
  try {
    return lstatSync(path).mtimeMs;
  } catch {
    return 0;
  }
}

/** Newest mtime under `path` (directories count too: a deleted file moves its directory's time). */
function newest(path) {
  let info;
  try {
    info = statSync(path);
  } catch {
    return 0;
  }
  if (!info.isDirectory()) return /\.test\.ts$/.test(path) ? 0 : info.mtimeMs;
  let time = info.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (entry !== 'node_modules' && !entry.startsWith('.')) time = Math.max(time, newest(join(path, entry)));
  }
  return time;
}

async function build() {
  let esbuild;
  try {
    // esbuild comes with tsx (a root dev dependency); no dependency of its own is needed.
    const fromTsx = createRequire(createRequire(import.meta.url).resolve('tsx/package.json'));
    esbuild = fromTsx('esbuild');
  } catch (error) {
    throw new Error(
      'esbuild (installed with tsx) was not found; run `pnpm install`, or `pnpm --filter @auth-s3/emulator start:tsx`',
      { cause: error },
    );
  }
  const result = await esbuild.build({
    entryPoints: [join(packageRoot, 'src', 'cli.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    conditions: ['@auth-s3/source'],
    // Bundled CommonJS dependencies call require(); give the ES module one.
    banner: {
      js: "import { createRequire as __authS3Require } from 'node:module'; const require = __authS3Require(import.meta.url);",
    },
    write: false,
    logLevel: 'warning',
  });
  const [output] = result.outputFiles;
  await mkdir(dirname(bundle), { recursive: true });
  // Another start may build at the same time: each writes its own file and renames it into place.
  const temp = `${bundle}.${process.pid}.tmp`;
  await writeFile(temp, output.text);
  await rename(temp, bundle);
}

let bundleTime = 0;
try {
  bundleTime = statSync(bundle).mtimeMs;
} catch {}
if (Math.max(...inputs.map(newest), ...dependencyLinks.map(linkTime)) > bundleTime) {
  const started = performance.now();
  try {
    await build();
  } catch (error) {
    console.error(
      `[emulator] Could not build the CLI bundle: ${error instanceof Error ? error.message : error}`,
    );
    process.exit(1);
  }
  console.log(
    `[emulator] Rebuilt the CLI bundle in ${Math.round(performance.now() - started)} ms (sources changed)`,
  );
}
await import(pathToFileURL(bundle).href);
