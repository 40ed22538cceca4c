/*
 * `pnpm test:aws`: the library's Node journeys and the S3 authorization matrix against the deployed
 * stack named by `packages/web/aws-outputs.json`, with AUTH_S3_TEST_TARGET=aws (see
 * `journey-target.ts`). Without that file, or with an emulator's, it says what to deploy and exits 1
 * before starting anything.
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readAwsConfig } from './aws-outputs.js';

/** The suites that run against both targets. */
const SUITES = [
  'test/auth-journey.test.ts',
  'test/files-journey.test.ts',
  'test/areas-journey.test.ts',
  'test/totp-journey.test.ts',
  'test/download-journey.test.ts',
  'test/s3-authorization-matrix.test.ts',
];

try {
  readAwsConfig();
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}

const vitest = join(dirname(createRequire(import.meta.url).resolve('vitest/package.json')), 'vitest.mjs');
const result = spawnSync(
  process.execPath,
  // Real AWS is farther away than an in-process emulator: a 20 MiB upload may take a while.
  [vitest, 'run', ...SUITES, '--testTimeout=180000', '--hookTimeout=180000'],
  {
    cwd: fileURLToPath(new URL('..', import.meta.url)),
    stdio: 'inherit',
    env: { ...process.env, AUTH_S3_TEST_TARGET: 'aws' },
  },
);
process.exit(result.status ?? 1);
