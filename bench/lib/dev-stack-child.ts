/*
 * Child process for the dev entry: what `pnpm dev --local` runs (`startDevStack` from
 * `packages/web/scripts/dev-stack.ts`), with the bench's own data dir, outputs file and app port so
 * it disturbs no one's `pnpm dev`. Prints `BENCH_DEV_READY <appUrl>` once the app's URL is known,
 * and stops everything on SIGTERM.
 * Input (env): BENCH_DATA_DIR, BENCH_OUTPUTS_FILE, BENCH_APP_PORT.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

interface DevStackModule {
  startDevStack(options: {
    forceLocal?: boolean;
    dataDir?: string;
    outputsFile?: string;
    appPort?: number;
    quiet?: boolean;
  }): Promise<{ appUrl: string; close(): Promise<void> }>;
}

const devStackPath = join(
  fileURLToPath(new URL('.', import.meta.url)),
  '../../packages/web/scripts/dev-stack.ts',
);
const { startDevStack } = (await import(devStackPath)) as DevStackModule;
const stack = await startDevStack({
  forceLocal: true,
  dataDir: process.env.BENCH_DATA_DIR,
  outputsFile: process.env.BENCH_OUTPUTS_FILE,
  appPort: Number(process.env.BENCH_APP_PORT),
  quiet: true,
});
process.stdout.write(`BENCH_DEV_READY ${stack.appUrl}\n`);
process.once('SIGTERM', () => {
  stack.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
});
