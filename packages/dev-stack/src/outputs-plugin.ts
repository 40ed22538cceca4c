/*
 * The Vite plugin that hands the web app its stack configuration as the virtual module
 * `virtual:auth-s3-outputs`. Which outputs file is `chooseStack`'s answer: whoever starts Vite with a
 * choice of its own (`startDevStack`, the browser test) passes it as a second, inline plugin,
 * {@link stackChoicePlugin}, which this one reads through Vite's plugin `api`; a plain `vite` or
 * `vite build` gets the default choice. The file's text is passed as is and parsed in the browser,
 * so that a missing or broken file becomes the ConfigError screen instead of a failed build. That is
 * the dev server's path; in a production build the module is `null` (decided by Vite's command, not by
 * NODE_ENV, which a test runner sets), so the build carries no configuration: it fetches the outputs
 * file the deployment writes next to `index.html`, which preloads it (`data-site-outputs`) so the
 * fetch starts with the page; the dev server drops that preload, as nothing there reads it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import type { Plugin } from 'vite';
import { chooseStack, type StackChoice } from './stack-choice.js';

const VIRTUAL_ID = 'virtual:auth-s3-outputs';
const RESOLVED_ID = `\0${VIRTUAL_ID}`;
const CHOICE_PLUGIN = 'auth-s3-stack-choice';

/** What the virtual module exports under the dev server (`null` in a build); declared for the browser in `packages/web/src/config/outputs-module.d.ts`. */
export interface OutputsModule {
  /** The file name shown to the user, e.g. `aws-outputs.local.json`. */
  fileName: string;
  /** `aws` for a `cdk deploy` outputs file, `emulator` for the emulator's. */
  source: StackChoice['mode'];
  /** The file's text, or `null` when the file does not exist. */
  text: string | null;
}

/** Reads the chosen outputs file into the shape the virtual module exports. */
export function readOutputsModule(choice: StackChoice): OutputsModule {
  const { outputsFile } = choice;
  const text = existsSync(outputsFile) ? readFileSync(outputsFile, 'utf8') : null;
  return { fileName: basename(outputsFile), source: choice.mode, text };
}

/** Carries a choice made by whoever starts Vite to {@link authS3Outputs}; add it to the inline config. */
export function stackChoicePlugin(choice: StackChoice): Plugin<{ choice: StackChoice }> {
  return { name: CHOICE_PLUGIN, api: { choice } };
}

/** The plugin, for the web app's `vite.config.ts`. */
export function authS3Outputs(): Plugin {
  let choice: StackChoice = chooseStack();
  let building = false;
  return {
    name: 'auth-s3-outputs',
    configResolved(config) {
      building = config.command === 'build';
      const given = config.plugins.find((plugin) => plugin.name === CHOICE_PLUGIN)?.api as
        | { choice: StackChoice }
        | undefined;
      if (given) choice = given.choice;
    },
    resolveId(id) {
      return id === VIRTUAL_ID ? RESOLVED_ID : undefined;
    },
    load(id) {
      if (id !== RESOLVED_ID) return undefined;
      if (building) return 'export default null;';
      // A missing file is watched by configureServer below; addWatchFile would make it an import.
      if (existsSync(choice.outputsFile)) this.addWatchFile(choice.outputsFile);
      return `export default ${JSON.stringify(readOutputsModule(choice))};`;
    },
    transformIndexHtml(html, context) {
      return context.server ? html.replace(/\s*<link [^>]*data-site-outputs[^>]*>/, '') : html;
    },
    configureServer(server) {
      // A rewritten outputs file (the emulator restarted on another port) reloads the page.
      server.watcher.add(choice.outputsFile);
      server.watcher.on('all', (_event, changed) => {
        if (resolve(changed) !== choice.outputsFile) return;
        const mod = server.moduleGraph.getModuleById(RESOLVED_ID);
        if (mod) server.moduleGraph.invalidateModule(mod);
        server.ws.send({ type: 'full-reload' });
      });
    },
  };
}
