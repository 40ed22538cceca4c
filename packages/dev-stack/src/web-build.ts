/*
 * A production build of the web app for a given outputs file (the bench builds one against its own
 * emulator): Vite's build with the web app's config, the choice handed to its outputs plugin as
 * `startDevStack` hands it, so no environment variable carries it.
 */
import { join } from 'node:path';
import { build } from 'vite';
import { stackChoicePlugin } from './outputs-plugin.js';
import { WEB_ROOT } from './repository.js';
import { chooseStack } from './stack-choice.js';

/** Options of {@link buildWebApp}. */
export interface WebBuildOptions {
  /** The emulator's outputs file the app is built with. */
  outputsFile: string;
  /** Where the build goes (emptied first). */
  outDir: string;
}

/** Builds the web app into `outDir` with `outputsFile` as its configuration. */
export async function buildWebApp(options: WebBuildOptions): Promise<void> {
  await build({
    root: WEB_ROOT,
    configFile: join(WEB_ROOT, 'vite.config.ts'),
    plugins: [stackChoicePlugin(chooseStack({ local: true, outputsFile: options.outputsFile }))],
    build: { outDir: options.outDir, emptyOutDir: true },
    logLevel: 'warn',
  });
}
