/*
 * Child process for the dev entry: what `pnpm dev --local` runs (`startDevStack` from
 * `@auth-s3/dev-stack`), with the bench's own data dir, outputs file and app port so
 * it disturbs no one's `pnpm dev`. Prints `BENCH_DEV_READY <appUrl>` once the app's URL is known,
 * and stops everything on SIGTERM.
 * Input (env): BENCH_DATA_DIR, BENCH_OUTPUTS_FILE, BENCH_APP_PORT.
 */
import { startDevStack } from '@auth-s3/dev-stack';

const stack = await startDevStack({
  local: true,
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
