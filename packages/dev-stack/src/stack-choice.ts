/*
 * The one answer to "AWS or the emulator?" for `pnpm dev`, the web app's Vite plugin and the tests:
 * AWS when `cdk deploy` has written `packages/web/aws-outputs.json` and the emulator is not asked
 * for, otherwise the emulator, whose outputs go to `aws-outputs.local.json` unless another file is given.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { AWS_OUTPUTS_FILE, LOCAL_OUTPUTS_FILE } from './repository.js';

/** Which stack the app talks to, and the outputs file that describes it. */
export interface StackChoice {
  mode: 'aws' | 'emulator';
  /** Absolute path of the outputs file. */
  outputsFile: string;
}

/** Options of {@link chooseStack}. */
export interface StackChoiceOptions {
  /** Use the emulator even when `aws-outputs.json` exists (`pnpm dev --local`). */
  local?: boolean;
  /** The emulator's outputs file. @default `packages/web/aws-outputs.local.json` */
  outputsFile?: string;
  /** The `cdk deploy` outputs file whose presence means AWS. @default `packages/web/aws-outputs.json` */
  awsOutputsFile?: string;
}

/** Chooses AWS or the emulator; see the file header. */
export function chooseStack(options: StackChoiceOptions = {}): StackChoice {
  const aws = options.awsOutputsFile ?? AWS_OUTPUTS_FILE;
  if (!options.local && existsSync(aws)) return { mode: 'aws', outputsFile: resolve(aws) };
  return { mode: 'emulator', outputsFile: resolve(options.outputsFile ?? LOCAL_OUTPUTS_FILE) };
}
