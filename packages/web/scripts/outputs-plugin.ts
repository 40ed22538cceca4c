/*
 * A Vite plugin that hands the app its stack configuration as the virtual module
 * `virtual:auth-s3-outputs`. The outputs file is chosen by whoever starts Vite (`scripts/dev.ts` sets
 * `AUTH_S3_OUTPUTS`); otherwise `aws-outputs.json` (written by `cdk deploy`) wins over
 * `aws-outputs.local.json` (written by the emulator). The file's text is passed as is, and parsed in
 * the browser, so that a missing or broken file becomes the ConfigError screen instead of a failed build.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';

const VIRTUAL_ID = 'virtual:auth-s3-outputs';
const RESOLVED_ID = `\0${VIRTUAL_ID}`;

/** The file names the app looks for, beside `packages/web/package.json`. */
export const AWS_OUTPUTS_FILE = 'aws-outputs.json';
export const LOCAL_OUTPUTS_FILE = 'aws-outputs.local.json';

/** What the virtual module exports; mirrored for the browser in `src/config/outputs-module.d.ts`. */
export interface OutputsModule {
  /** The file name shown to the user, e.g. `aws-outputs.local.json`. */
  fileName: string;
  /** `aws` for a `cdk deploy` outputs file, `emulator` for the emulator's. */
  source: 'aws' | 'emulator';
  /** The file's text, or `null` when the file does not exist. */
  text: string | null;
}

/**
 * Picks the outputs file: an explicit path wins, then `aws-outputs.json` when it exists, then the
 * emulator's file.
 */
export function chooseOutputsFile(webRoot: string, explicit?: string): string {
  if (explicit) return resolve(webRoot, explicit);
  const aws = resolve(webRoot, AWS_OUTPUTS_FILE);
  return existsSync(aws) ? aws : resolve(webRoot, LOCAL_OUTPUTS_FILE);
}

/** Reads the chosen outputs file into the shape the virtual module exports. */
export function readOutputsModule(path: string): OutputsModule {
  const fileName = path.split(/[\\/]/).pop() ?? path;
  const source = fileName === AWS_OUTPUTS_FILE ? 'aws' : 'emulator';
  return { fileName, source, text: existsSync(path) ? readFileSync(path, 'utf8') : null };
}

/**
 * The plugin. `outputsPath` defaults to `process.env.AUTH_S3_OUTPUTS`, then to the rule of
 * {@link chooseOutputsFile}.
 */
export function authS3Outputs(options: { webRoot: string; outputsPath?: string }): Plugin {
  const path = () => chooseOutputsFile(options.webRoot, options.outputsPath ?? process.env.AUTH_S3_OUTPUTS);
  return {
    name: 'auth-s3-outputs',
    resolveId(id) {
      return id === VIRTUAL_ID ? RESOLVED_ID : undefined;
    },
    load(id) {
      if (id !== RESOLVED_ID) return undefined;
      const file = path();
      // A missing file is watched by configureServer below; addWatchFile would make it an import.
      if (existsSync(file)) this.addWatchFile(file);
      return `export default ${JSON.stringify(readOutputsModule(file))};`;
    },
    configureServer(server) {
      // A rewritten outputs file (the emulator restarted on another port) reloads the page.
      server.watcher.add(path());
      server.watcher.on('all', (_event, changed) => {
        if (resolve(changed) !== path()) return;
        const mod = server.moduleGraph.getModuleById(RESOLVED_ID);
        if (mod) server.moduleGraph.invalidateModule(mod);
        server.ws.send({ type: 'full-reload' });
      });
    },
  };
}
