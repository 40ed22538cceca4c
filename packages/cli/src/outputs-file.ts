/*
 * Which outputs file the CLI reads, in order: `--outputs FILE`, `AUTH_S3_OUTPUTS`, the repository's
 * deployed outputs (`packages/web/aws-outputs.json`, written by `pnpm cdk deploy`), the emulator's
 * (`packages/web/aws-outputs.local.json`, written by `pnpm emulator` / `pnpm dev`). The repository is
 * found by walking up from the working directory. Parsing is the library's `parseOutputs`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { type AuthS3Config, ConfigError, parseOutputs } from 'auth-s3';
import { CliError, EXIT } from './exit-codes.js';

/** The file chosen and why, for `-v`. */
export interface OutputsChoice {
  file: string;
  /** e.g. `--outputs`, `AUTH_S3_OUTPUTS`, `the repository's deployed outputs`. */
  source: string;
}

const DEPLOYED = 'packages/web/aws-outputs.json';
const EMULATOR = 'packages/web/aws-outputs.local.json';

/** Picks the outputs file. @throws CliError (exit 7) when there is none. */
export function chooseOutputsFile(
  flag: string | undefined,
  env: NodeJS.ProcessEnv,
  cwd: string,
): OutputsChoice {
  if (flag) return { file: resolve(cwd, flag), source: '--outputs' };
  if (env.AUTH_S3_OUTPUTS) return { file: resolve(cwd, env.AUTH_S3_OUTPUTS), source: 'AUTH_S3_OUTPUTS' };
  const root = findRepository(cwd);
  if (root) {
    if (existsSync(join(root, DEPLOYED))) {
      return { file: join(root, DEPLOYED), source: "the repository's deployed outputs" };
    }
    if (existsSync(join(root, EMULATOR))) {
      return { file: join(root, EMULATOR), source: "the emulator's outputs" };
    }
  }
  throw new CliError(
    'No outputs file found. Pass --outputs FILE or set AUTH_S3_OUTPUTS; in the repository, run ' +
      '`pnpm cdk deploy` (writes packages/web/aws-outputs.json) or `pnpm emulator` (writes packages/web/aws-outputs.local.json).',
    EXIT.config,
  );
}

/** Reads and parses the chosen file. @throws CliError (exit 7) naming the file and what is wrong. */
export function readOutputs(choice: OutputsChoice): AuthS3Config {
  let text: string;
  try {
    text = readFileSync(choice.file, 'utf8');
  } catch (error) {
    const reason =
      (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'it does not exist' : (error as Error).message;
    throw new CliError(
      `Cannot read the outputs file ${choice.file} (from ${choice.source}): ${reason}. Check the path.`,
      EXIT.config,
      { cause: error },
    );
  }
  try {
    return parseOutputs(text);
  } catch (error) {
    if (error instanceof ConfigError) {
      throw new CliError(`${choice.file}: ${error.message}`, EXIT.config, { cause: error });
    }
    throw error;
  }
}

function findRepository(start: string): string | undefined {
  for (let dir = resolve(start); ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'pnpm-workspace.yaml')) && existsSync(join(dir, 'packages/web'))) return dir;
    if (dirname(dir) === dir) return undefined;
  }
}
