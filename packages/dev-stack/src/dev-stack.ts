/*
 * What `pnpm dev` runs, as a function the browser test and the bench reuse: `chooseStack` picks AWS
 * (a `cdk deploy` outputs file) or the emulator; for the emulator the template is made fresh
 * (`ensureTemplate`) and the emulator started in-process with its outputs file; then Vite's dev
 * server serves the web app with that choice handed to its outputs plugin. `close()` stops
 * everything it started.
 */
import { createServer as createNetServer } from 'node:net';
import { join } from 'node:path';
import { type StackModel, startEmulator } from '@auth-s3/emulator';
import { loadStackModel, readTemplate } from '@auth-s3/emulator/template';
import { STACK_NAME } from '@auth-s3/outputs';
import { createServer, type ViteDevServer } from 'vite';
import { stackChoicePlugin } from './outputs-plugin.js';
import { EMULATOR_DATA_DIR, WEB_ROOT } from './repository.js';
import { chooseStack } from './stack-choice.js';
import { ensureTemplate } from './template.js';

/** The port the stack's bucket CORS rule allows by default (`infra/src/app-context.ts`). */
export const DEFAULT_APP_PORT = 5173;
/** The region the emulator plays (the emulator's own default). */
const EMULATOR_REGION = 'us-east-1';

/** Options of {@link startDevStack}. */
export interface DevStackOptions {
  /** Use the emulator even when `aws-outputs.json` exists (`pnpm dev --local`). */
  local?: boolean;
  /** The emulator's data dir. @default `<repo>/.emulator` */
  dataDir?: string;
  /** Where the emulator's outputs are written. @default `packages/web/aws-outputs.local.json` */
  outputsFile?: string;
  /** The emulator's port; 0 picks a free one. @default 0 */
  emulatorPort?: number;
  /**
   * Vite's port; 0 picks a free one (so a test runs beside `pnpm dev`), and the emulator's bucket then
   * allows that origin too. With AWS, only the stack's `webOrigins` work. @default 5173
   */
  appPort?: number;
  /** Silence the emulator's console lines. */
  quiet?: boolean;
  /** Vite's console output. @default 'info' */
  logLevel?: 'info' | 'warn' | 'error' | 'silent';
  /** Changes the stack model read from the template before the emulator starts (tests). */
  adjustModel?: (model: StackModel) => StackModel;
  /**
   * A synthesized template to serve instead of `cdk.out`'s, which is then neither checked nor
   * synthesized (tests: another stack's `-c` flags, e.g. a `@auth-s3/stack-testing` fixture).
   */
  template?: string;
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
  const choice = chooseStack({ local: options.local, outputsFile: options.outputsFile });
  const appPort = options.appPort === 0 ? await freePort() : (options.appPort ?? DEFAULT_APP_PORT);
  let stopEmulator = async () => {};
  let endpoint: string | undefined;

  if (choice.mode === 'emulator') {
    const emulator = await startAppEmulator({ ...options, outputsFile: choice.outputsFile }, appPort);
    endpoint = emulator.endpoint;
    stopEmulator = () => emulator.stop();
  }

  let vite: ViteDevServer;
  try {
    vite = await createServer({
      root: WEB_ROOT,
      configFile: join(WEB_ROOT, 'vite.config.ts'),
      plugins: [stackChoicePlugin(choice)],
      server: { host: 'localhost', port: appPort, strictPort: true },
      logLevel: options.logLevel ?? 'info',
    });
    await vite.listen();
  } catch (error) {
    await stopEmulator();
    throw error;
  }
  return {
    mode: choice.mode,
    appUrl: `http://localhost:${vite.config.server.port}/`,
    endpoint,
    inboxUrl: endpoint ? `${endpoint}/_emulator/inbox` : undefined,
    outputsFile: choice.outputsFile,
    async close() {
      await vite.close();
      await stopEmulator();
    },
  };
}

/** What {@link startAppEmulator} needs: the emulator options of {@link DevStackOptions}, the file chosen. */
export type AppEmulatorOptions = Pick<
  DevStackOptions,
  'dataDir' | 'emulatorPort' | 'quiet' | 'adjustModel' | 'template'
> & {
  outputsFile: string;
};

/**
 * The emulator for an app served on `localhost:appPort` (the dev server or the preview): a fresh
 * template (or the one given), loaded as the stack model with that origin in the bucket's CORS rule,
 * started in-process.
 */
export async function startAppEmulator(
  options: AppEmulatorOptions,
  appPort: number,
): Promise<{ endpoint: string; stop(): Promise<void> }> {
  const loaded = loadStackModel(await readTemplate(options.template ?? (await ensureTemplate())), {
    stackName: STACK_NAME,
    region: EMULATOR_REGION,
  });
  const model = allowOrigin(loaded, `http://localhost:${appPort}`);
  return startEmulator({
    dataDir: options.dataDir ?? EMULATOR_DATA_DIR,
    port: options.emulatorPort ?? 0,
    outputsFile: options.outputsFile,
    quiet: options.quiet,
    model: options.adjustModel ? options.adjustModel(model) : model,
  });
}

/** A port free on localhost right now (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createNetServer();
    server.once('error', reject);
    server.listen(0, 'localhost', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('No free port')),
      );
    });
  });
}

/** `model` with `origin` added to each bucket CORS rule that allows the default app origin. */
function allowOrigin(model: StackModel, origin: string): StackModel {
  const defaultOrigin = `http://localhost:${DEFAULT_APP_PORT}`;
  const cors = model.bucket.cors.map((rule) =>
    rule.allowedOrigins.includes(defaultOrigin) && !rule.allowedOrigins.includes(origin)
      ? { ...rule, allowedOrigins: [...rule.allowedOrigins, origin] }
      : rule,
  );
  return { ...model, bucket: { ...model.bucket, cors } };
}
