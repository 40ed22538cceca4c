/*
 * Turns the outputs file handed over by Vite (`virtual:auth-s3-outputs`) into the library's config,
 * or into a problem the ConfigError screen can explain: the file is missing, is not JSON, or lacks a
 * key (the library's `parseOutputs` says which). Pure, so it is tested without a browser.
 */
import { type AuthS3Config, parseOutputs } from 'auth-s3';

/** Why the app cannot start, and the command that fixes it. */
export interface ConfigProblem {
  message: string;
  command: string;
  explanation: string;
}

/** The outcome of loading the config. */
export type ConfigResult =
  | { ok: true; config: AuthS3Config; source: 'aws' | 'emulator' }
  | { ok: false; problem: ConfigProblem };

const LOCAL = {
  command: 'pnpm dev',
  explanation:
    'It starts the local emulator, writes packages/web/aws-outputs.local.json and serves this app; no AWS account is needed.',
};
const AWS = {
  command: 'pnpm cdk deploy --outputs-file packages/web/aws-outputs.json',
  explanation:
    'It deploys the stack to your AWS account and rewrites the file. Or run pnpm dev --local for the emulator.',
};

/** Validates the outputs module's content. */
export function loadConfig(outputs: {
  fileName: string;
  source: 'aws' | 'emulator';
  text: string | null;
}): ConfigResult {
  const fix = outputs.source === 'aws' ? AWS : LOCAL;
  const file = `packages/web/${outputs.fileName}`;
  if (outputs.text === null) {
    return { ok: false, problem: { message: `${file} does not exist.`, ...LOCAL } };
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
