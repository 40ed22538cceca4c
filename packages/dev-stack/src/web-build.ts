/*
 * The web app's production build, as `pnpm build` makes it (Vite's build with the web app's config):
 * `ensureWebBuild` rebuilds `packages/web/dist` when it is missing or older than what it is built
 * from, for the preview; `buildWebApp` builds into another folder and puts an outputs file beside
 * `index.html` where the deployment would (the bench serves such a build against its own emulator).
 * The build itself carries no stack configuration: the app fetches the outputs file at start-up.
 */
import { copyFile } from 'node:fs/promises';
import { join } from 'node:path';
import { SITE_OUTPUTS_FILE } from '@auth-s3/outputs';
import { build } from 'vite';
import { REPO_ROOT, WEB_DIST, WEB_ROOT } from './repository.js';
import { templateIsStale } from './template.js';

/** Options of {@link buildWebApp}. */
export interface WebBuildOptions {
  /** Where the build goes (emptied first). @default `packages/web/dist` */
  outDir?: string;
  /** An outputs file to copy next to `index.html` as the deployment's outputs file. */
  outputsFile?: string;
}

/** Builds the web app into `outDir`, with `outputsFile` beside it when given. */
export async function buildWebApp(options: WebBuildOptions = {}): Promise<void> {
  const outDir = options.outDir ?? WEB_DIST;
  // Vite takes `import.meta.env.DEV` from NODE_ENV when set (vitest sets `test`): a build made from a
  // test would keep the dev path and bundle the developer's outputs file. `pnpm build` leaves it unset.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      root: WEB_ROOT,
      configFile: join(WEB_ROOT, 'vite.config.ts'),
      build: { outDir, emptyOutDir: true },
      logLevel: 'warn',
    });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
  if (options.outputsFile) await copyFile(options.outputsFile, join(outDir, SITE_OUTPUTS_FILE));
}

/** What `packages/web/dist` is built from, under `repoRoot` (tests aside). */
function webBuildSources(repoRoot: string = REPO_ROOT): string[] {
  const web = join(repoRoot, 'packages', 'web');
  return [
    join(web, 'src'),
    join(web, 'index.html'),
    join(web, 'vite.config.ts'),
    // The build's own Vite plugins (vite.config.ts imports them).
    join(web, 'build'),
    join(web, 'package.json'),
    join(repoRoot, 'packages', 'auth-s3', 'src'),
    join(repoRoot, 'packages', 'outputs', 'src'),
    join(repoRoot, 'packages', 'dev-stack', 'src', 'outputs-plugin.ts'),
    join(repoRoot, 'pnpm-lock.yaml'),
  ];
}

/**
 * `packages/web/dist`, rebuilt first when its `index.html` is missing or older than any of
 * {@link webBuildSources}; a fresh build is left alone.
 */
export async function ensureWebBuild(log: (line: string) => void = console.log): Promise<string> {
  if (await templateIsStale(join(WEB_DIST, 'index.html'), webBuildSources())) {
    log('The web build (packages/web/dist) is missing or older than its sources; building it…');
    await buildWebApp();
  }
  return WEB_DIST;
}
