/*
 * Turns the outputs file into the library's config, or into a problem the ConfigError screen can
 * explain: the file is missing, is not JSON, or lacks a key (the library's `parseOutputs` says which).
 * Under `pnpm dev` the file comes from Vite (`virtual:auth-s3-outputs`) and the fix is a command for
 * the developer; on a deployed site it comes from the site itself (`site-outputs.ts`) and the fix is
 * a redeploy by whoever runs the site. Pure, so it is tested without a browser.
 */
import type { OutputsModule } from '@auth-s3/dev-stack/vite-plugin';
import { type AuthS3Config, parseOutputs } from 'auth-s3';
import type { SiteOutputs } from './site-outputs';

/** Why the app cannot start, and the command that fixes it. */
export interface ConfigProblem {
  message: string;
  command: string;
  explanation: string;
  /** On a deployed site the reader is a visitor or the site's operator, not the developer at a terminal. */
  deployed: boolean;
}

/** The outcome of loading the config. */
export type ConfigResult =
  | { ok: true; config: AuthS3Config; source: 'aws' | 'emulator' | 'site' }
  | { ok: false; problem: ConfigProblem };

const LOCAL = {
  command: 'pnpm dev',
  explanation:
    'It starts the local emulator, writes packages/web/aws-outputs.local.json and serves this app; no AWS account is needed.',
  deployed: false,
};
const AWS = {
  command: 'pnpm cdk deploy --outputs-file packages/web/aws-outputs.json',
  explanation:
    'It deploys the stack to your AWS account and rewrites the file. Or run pnpm dev --local for the emulator.',
  deployed: false,
};
const SITE = {
  command: 'pnpm cdk deploy',
  explanation:
    'The deployment writes this file next to index.html from the stack’s own values, so redeploying puts it back. ' +
    'Serving the build from elsewhere? Copy the stack’s outputs file (packages/web/aws-outputs.json after a deploy) there.',
  deployed: true,
};

/** Validates the outputs file's content, from Vite (`pnpm dev`) or from the deployed site. */
export function loadConfig(outputs: OutputsModule | SiteOutputs): ConfigResult {
  const site = outputs.source === 'site';
  const fix = site ? SITE : outputs.source === 'aws' ? AWS : LOCAL;
  const file = site ? `This site’s configuration file, ${outputs.url},` : `packages/web/${outputs.fileName}`;
  if (outputs.text === null) {
    const message = site
      ? `${file} could not be loaded (${outputs.failure ?? 'no answer'}).`
      : `${file} does not exist.`;
    return { ok: false, problem: { message, ...(site ? SITE : LOCAL) } };
  }
  let json: unknown;
  try {
    json = JSON.parse(outputs.text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, problem: { message: `${file} is not valid JSON (${reason}).`, ...fix } };
  }
  try {
    return { ok: true, config: parseOutputs(json), source: outputs.source };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, problem: { message: `${file} cannot be used: ${reason}`, ...fix } };
  }
}
