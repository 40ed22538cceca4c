/*
 * What `pnpm dev` runs, as a function the browser tests reuse: either AWS (a `cdk deploy` outputs
 * file) or the emulator started in-process from the synthesized template (synthesized first when
 * missing or stale) with its outputs file, then Vite's dev server on the port the stack's bucket
 * CORS allows. `close()` stops everything it started.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  defaultTemplatePath,
  ensureTemplate as ensureEmulatorTemplate,
  type StackModel,
  startEmulator,
} from '@auth-s3/emulator';
import { loadStackModel, readTemplate } from '@auth-s3/emulator/template';
import { createServer, type ViteDevServer } from 'vite';
import { AWS_OUTPUTS_FILE, LOCAL_OUTPUTS_FILE } from './outputs-plugin';

/** `packages/web/`. */
export const WEB_ROOT = fileURLToPath(new URL('..', import.meta.url));
/** The repository root. */
export const REPO_ROOT = resolve(WEB_ROOT, '../..');
/** The port the stack's bucket CORS rule allows by default (`infra/src/file-bucket.ts`). */
export const DEFAULT_APP_PORT = 5173;
/** Where `pnpm synth` writes the stack's template. */
export const TEMPLATE_PATH = defaultTemplatePath(REPO_ROOT);

/** Options of {@link startDevStack}. */
export interface DevStackOptions {
  /** Use the emulator even when `aws-outputs.json` exists. */
  forceLocal?: boolean;
  /** The emulator's data dir. @default `<repo>/.emulator` */
  dataDir?: string;
  /** Where the emulator's outputs are written. @default `packages/web/aws-outputs.local.json` */
  outputsFile?: string;
  /** The emulator's port; 0 picks a free one. @default 0 */
  emulatorPort?: number;
  /** Vite's port (strict: the bucket CORS allows one origin). @default 5173 */
  appPort?: number;
  /** Silence the emulator's console lines. */
  quiet?: boolean;
  /** Vite's console output. @default 'info' */
  logLevel?: 'info' | 'warn' | 'error' | 'silent';
  /** Changes the stack model read from the template before the emulator starts (tests). */
  adjustModel?: (model: StackModel) => StackModel;
}

/** A running dev stack. */
export interface DevStack {
  mode: 'aws' | 'emulator';
  appUrl: string;
  /** The emulator's endpoint (emulator mode only). */
  endpoint?: string;
  /** The emulator's inbox page (emulator mode only). */
  inboxUrl?: string;
  outputsFile: string;
  close(): Promise<void>;
}

/** Starts the dev stack; see the file header. */
export async function startDevStack(options: DevStackOptions = {}): Promise<DevStack> {
  const awsOutputs = join(WEB_ROOT, AWS_OUTPUTS_FILE);
  const useAws = existsSync(awsOutputs) && !options.forceLocal;
  let stopEmulator = async () => {};
  let endpoint: string | undefined;
  const outputsFile = useAws ? awsOutputs : (options.outputsFile ?? join(WEB_ROOT, LOCAL_OUTPUTS_FILE));

  if (!useAws) {
    const template = await ensureTemplate();
    const model = options.adjustModel
      ? options.adjustModel(
          await loadStackModel(await readTemplate(template), {
            stackName: 'AuthS3Stack',
            region: 'us-east-1',
          }),
        )
      : undefined;
    const emulator = await startEmulator({
      template,
      dataDir: options.dataDir ?? join(REPO_ROOT, '.emulator'),
      port: options.emulatorPort ?? 0,
      outputsFile,
      quiet: options.quiet,
      model,
    });
    endpoint = emulator.endpoint;
    stopEmulator = () => emulator.stop();
  }

  let vite: ViteDevServer;
  try {
    // The outputs plugin reads this; the app gets the file chosen here, not a guess.
    process.env.AUTH_S3_OUTPUTS = outputsFile;
    vite = await createServer({
      root: WEB_ROOT,
      configFile: join(WEB_ROOT, 'vite.config.ts'),
      server: { host: 'localhost', port: options.appPort ?? DEFAULT_APP_PORT, strictPort: true },
      logLevel: options.logLevel ?? 'info',
    });
    await vite.listen();
  } catch (error) {
    await stopEmulator();
    throw error;
  }
  const appUrl = `http://localhost:${vite.config.server.port}/`;
  return {
    mode: useAws ? 'aws' : 'emulator',
    appUrl,
    endpoint,
    inboxUrl: endpoint ? `${endpoint}/_emulator/inbox` : undefined,
    outputsFile,
    async close() {
      await vite.close();
      await stopEmulator();
    },
  };
}

/**
 * The synthesized template's path, running `pnpm synth` at the root first when it is missing or
 * older than the infra sources — the emulator CLI's own check (`ensureTemplate` of
 * `@auth-s3/emulator`: infra/src, infra/bin, infra/package.json, cdk.json, pnpm-lock.yaml).
 */
export function ensureTemplate(log: (line: string) => void = console.log): Promise<string> {
  return ensureEmulatorTemplate({ repoRoot: REPO_ROOT, log });
}
