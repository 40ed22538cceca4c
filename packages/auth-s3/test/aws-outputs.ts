/*
 * The deployed stack the AWS runs test: where its outputs file is and what it says. Shared by
 * `pnpm test:aws` (which stops early when there is nothing to test against) and the journeys'
 * target, so both read the same file the same way.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseOutputs } from '../src/config.js';
import type { AuthS3Config } from '../src/types.js';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

/**
 * The outputs file of the deployed stack: AUTH_S3_AWS_OUTPUTS if set, else the `outputsFile` of the
 * root `cdk.json` (what `pnpm cdk deploy` writes), `packages/web/aws-outputs.json`.
 */
export function awsOutputsPath(): string {
  if (process.env.AUTH_S3_AWS_OUTPUTS) return process.env.AUTH_S3_AWS_OUTPUTS;
  const cdkJson = JSON.parse(readFileSync(join(repoRoot, 'cdk.json'), 'utf8')) as { outputsFile: string };
  return join(repoRoot, cdkJson.outputsFile);
}

/**
 * The deployed stack's config.
 * @throws Error saying what to deploy when the file is missing or names an emulator, or the
 *   library's ConfigError when it is malformed.
 */
export function readAwsConfig(path = awsOutputsPath()): AuthS3Config {
  if (!existsSync(path)) {
    throw new Error(
      `No deployed stack to test against: ${path} does not exist. Deploy one with \`pnpm cdk deploy\` ` +
        '(it writes that file; see "Testing against AWS" in packages/auth-s3/README.md), then run `pnpm test:aws` again.',
    );
  }
  const config = parseOutputs(readFileSync(path, 'utf8'));
  if (config.endpoint !== undefined) {
    throw new Error(
      `${path} names an emulator (${config.endpoint}), not a deployed stack: deploy one with \`pnpm cdk deploy\`.`,
    );
  }
  return config;
}
