/*
 * Reads the outputs file (`cdk deploy --outputs-file`, or the emulator's copy with `Endpoint`)
 * into an `AuthS3Config`. One parser for both: it accepts `{ "AuthS3Stack": { … } }` or the inner
 * object, checks `OutputsVersion`, and names the missing key and the command that writes the file.
 */
import { ConfigError } from './errors.js';
import type { AuthS3Config } from './types.js';

/** The outputs-file version this parser understands. */
export const OUTPUTS_VERSION = '1';
const STACK_NAME = 'AuthS3Stack';
const WRITTEN_BY =
  'The file is written by `pnpm cdk deploy` (packages/web/aws-outputs.json) or, for the local emulator, by ' +
  '`pnpm dev` / `pnpm emulator` (packages/web/aws-outputs.local.json). Run the one you use and try again.';

/** Each key's shape, and what it looks like in words for the error message. */
const REQUIRED = {
  Region: [/^[a-z]{2}(-[a-z]+)+-\d$/, 'an AWS region such as eu-west-1'],
  UserPoolId: [/^[\w-]+_[0-9a-zA-Z]+$/, 'a user pool id such as eu-west-1_AbC123xyz'],
  UserPoolClientId: [/^[\w+]+$/, 'an app client id of letters and digits'],
  IdentityPoolId: [/^[\w-]+:[0-9a-f-]+$/, 'an identity pool id such as eu-west-1:<uuid>'],
  BucketName: [
    /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/,
    'a bucket name of 3–63 lowercase letters, digits, dots or hyphens',
  ],
} as const;

/**
 * Parses the outputs JSON (text or already-parsed object).
 * @throws ConfigError naming the missing or malformed key and the command that writes the file.
 */
export function parseOutputs(json: unknown): AuthS3Config {
  let value = json;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch (cause) {
      throw new ConfigError(`The outputs file is not valid JSON. ${WRITTEN_BY}`, { cause });
    }
  }
  if (!isRecord(value)) throw new ConfigError(`The outputs file must hold a JSON object. ${WRITTEN_BY}`);
  const outputs = isRecord(value[STACK_NAME]) ? value[STACK_NAME] : value;
  if (!('UserPoolId' in outputs) && Object.keys(outputs).length > 0 && !('OutputsVersion' in outputs)) {
    throw new ConfigError(
      `The outputs file has no "${STACK_NAME}" entry (found: ${Object.keys(outputs).join(', ')}). ${WRITTEN_BY}`,
    );
  }

  const version = outputs.OutputsVersion;
  if (version === undefined) throw missing('OutputsVersion');
  if (String(version) !== OUTPUTS_VERSION) {
    throw new ConfigError(
      `The outputs file has OutputsVersion "${String(version)}" but this auth-s3 reads version "${OUTPUTS_VERSION}". ` +
        `Update auth-s3 or redeploy the stack that matches it. ${WRITTEN_BY}`,
    );
  }
  const read = (key: keyof typeof REQUIRED): string => {
    const raw = outputs[key];
    if (raw === undefined || raw === null || raw === '') throw missing(key);
    const [shape, expected] = REQUIRED[key];
    if (typeof raw !== 'string' || !shape.test(raw)) {
      throw new ConfigError(
        `The outputs file's "${key}" (${JSON.stringify(raw)}) is malformed: expected ${expected}. ${WRITTEN_BY}`,
      );
    }
    return raw;
  };
  const config: AuthS3Config = {
    region: read('Region'),
    userPoolId: read('UserPoolId'),
    userPoolClientId: read('UserPoolClientId'),
    identityPoolId: read('IdentityPoolId'),
    bucket: read('BucketName'),
  };
  if (outputs.Endpoint !== undefined) config.endpoint = parseEndpoint(outputs.Endpoint);
  return config;
}

function parseEndpoint(raw: unknown): string {
  if (typeof raw === 'string') {
    try {
      const url = new URL(raw);
      if (url.protocol === 'http:' || url.protocol === 'https:') return raw.replace(/\/+$/, '');
    } catch {
      // Reported below with the same message as a non-string.
    }
  }
  throw new ConfigError(
    `The outputs file's "Endpoint" (${JSON.stringify(raw)}) is not an http(s) URL such as http://127.0.0.1:4566. ${WRITTEN_BY}`,
  );
}

function missing(key: string): ConfigError {
  return new ConfigError(`The outputs file has no "${key}". ${WRITTEN_BY}`);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
