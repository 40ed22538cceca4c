/*
 * The reader of the outputs file: takes the text or the parsed JSON, in the `cdk deploy` shape
 * (`{ "AuthS3Stack": { … } }`) or the inner object, checks the version and the shape of every key,
 * and gives typed `StackOutputs`. Every refusal is an `OutputsError` that names the key and the
 * command that writes a current file; the library turns it into its `ConfigError`. Hand-written
 * rather than a schema library: it runs in the browser's sign-in bundle.
 */
import {
  OUTPUTS_VERSION,
  type OutputKey,
  STACK_NAME,
  type StackOutputs,
  WRITTEN_BY,
} from './outputs-file.js';
import type { PasswordPolicy } from './password-policy.js';

/** The outputs file cannot be used; `key` names the missing or malformed key, when one is to blame. */
export class OutputsError extends Error {
  override name = 'OutputsError';
  constructor(
    message: string,
    readonly key?: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** The shape of each string key, and what it looks like in words for the message. */
const SHAPES = {
  Region: [/^[a-z]{2}(-[a-z]+)+-\d$/, 'an AWS region such as eu-west-1'],
  UserPoolId: [/^[a-z]{2}(-[a-z]+)+-\d_[0-9a-zA-Z]+$/, 'a user pool id such as eu-west-1_AbC123xyz'],
  UserPoolClientId: [/^[0-9a-zA-Z]+$/, 'an app client id of letters and digits'],
  IdentityPoolId: [
    /^[a-z]{2}(-[a-z]+)+-\d:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
    'an identity pool id such as eu-west-1:<uuid>',
  ],
  BucketName: [
    /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/,
    'a bucket name of 3–63 lowercase letters, digits, dots or hyphens',
  ],
  // 6 to 99, as AWS::Cognito::UserPool PasswordPolicy's MinimumLength allows
  // (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-cognito-userpool-passwordpolicy.html).
  PasswordMinimumLength: [/^([6-9]|[1-9]\d)$/, 'a whole number of characters from 6 to 99'],
  PasswordRequireLowercase: [/^(true|false)$/, 'true or false'],
  PasswordRequireUppercase: [/^(true|false)$/, 'true or false'],
  PasswordRequireNumbers: [/^(true|false)$/, 'true or false'],
  PasswordRequireSymbols: [/^(true|false)$/, 'true or false'],
} as const satisfies Record<Exclude<OutputKey, 'OutputsVersion'>, readonly [RegExp, string]>;

/**
 * Reads the outputs JSON (text or already parsed).
 * @throws OutputsError naming the missing or malformed key and the command that writes the file.
 */
export function readOutputs(json: unknown): StackOutputs {
  let value = json;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch (cause) {
      throw new OutputsError(`The outputs file is not valid JSON. ${WRITTEN_BY}`, undefined, { cause });
    }
  }
  if (!isRecord(value)) throw new OutputsError(`The outputs file must hold a JSON object. ${WRITTEN_BY}`);
  const outputs = isRecord(value[STACK_NAME]) ? value[STACK_NAME] : value;
  if (!('OutputsVersion' in outputs) && !('UserPoolId' in outputs) && Object.keys(outputs).length > 0) {
    throw new OutputsError(
      `The outputs file has no "${STACK_NAME}" entry (found: ${Object.keys(outputs).join(', ')}). ${WRITTEN_BY}`,
    );
  }
  checkVersion(outputs.OutputsVersion);

  const read = (key: keyof typeof SHAPES): string => {
    const raw = outputs[key];
    if (raw === undefined || raw === null || raw === '') throw missing(key);
    const [shape, expected] = SHAPES[key];
    if (typeof raw !== 'string' || !shape.test(raw)) {
      throw new OutputsError(
        `The outputs file's "${key}" (${JSON.stringify(raw)}) is malformed: expected ${expected}. ${WRITTEN_BY}`,
        key,
      );
    }
    return raw;
  };
  const passwordPolicy: PasswordPolicy = {
    minimumLength: Number(read('PasswordMinimumLength')),
    requireLowercase: read('PasswordRequireLowercase') === 'true',
    requireUppercase: read('PasswordRequireUppercase') === 'true',
    requireNumbers: read('PasswordRequireNumbers') === 'true',
    requireSymbols: read('PasswordRequireSymbols') === 'true',
  };
  const stack: StackOutputs = {
    region: read('Region'),
    userPoolId: read('UserPoolId'),
    userPoolClientId: read('UserPoolClientId'),
    identityPoolId: read('IdentityPoolId'),
    bucketName: read('BucketName'),
    passwordPolicy,
  };
  return {
    ...stack,
    ...(outputs.Endpoint === undefined ? {} : { endpoint: readEndpoint(outputs.Endpoint) }),
    ...(outputs.SiteUrl === undefined ? {} : { siteUrl: readSiteUrl(outputs.SiteUrl) }),
  };
}

/** `SiteUrl`: the CloudFront site, always HTTPS (the distribution redirects plain HTTP). */
function readSiteUrl(raw: unknown): string {
  if (typeof raw === 'string') {
    try {
      if (new URL(raw).protocol === 'https:') return raw;
    } catch {
      // Reported below with the same message as a non-string.
    }
  }
  throw new OutputsError(
    `The outputs file's "SiteUrl" (${JSON.stringify(raw)}) is not an https URL such as https://d111111abcdef8.cloudfront.net. ${WRITTEN_BY}`,
    'SiteUrl',
  );
}

function checkVersion(version: unknown): void {
  if (version === undefined) throw missing('OutputsVersion');
  if (version === OUTPUTS_VERSION) return;
  const older =
    typeof version === 'string' && /^\d+$/.test(version) && Number(version) < Number(OUTPUTS_VERSION);
  const advice = older
    ? 'It was written by an older stack or emulator, before the outputs carried the password policy; write a new one.'
    : 'Update auth-s3, or redeploy the stack that matches this auth-s3.';
  throw new OutputsError(
    `The outputs file has OutputsVersion ${JSON.stringify(version)} but this auth-s3 reads version "${OUTPUTS_VERSION}". ${advice} ${WRITTEN_BY}`,
    'OutputsVersion',
  );
}

function readEndpoint(raw: unknown): string {
  if (typeof raw === 'string') {
    try {
      const url = new URL(raw);
      if (url.protocol === 'http:' || url.protocol === 'https:') return raw.replace(/\/+$/, '');
    } catch {
      // Reported below with the same message as a non-string.
    }
  }
  throw new OutputsError(
    `The outputs file's "Endpoint" (${JSON.stringify(raw)}) is not an http(s) URL such as http://127.0.0.1:4566. ${WRITTEN_BY}`,
    'Endpoint',
  );
}

function missing(key: string): OutputsError {
  return new OutputsError(`The outputs file has no "${key}". ${WRITTEN_BY}`, key);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
