/*
 * Version 2 of the outputs file, the one this contract reads and writes. `cdk deploy --outputs-file`
 * writes `{ "AuthS3Stack": { "<Key>": "<string>", … } }` from the stack's CloudFormation outputs; the
 * emulator writes the same, plus `Endpoint`. Every value is a string, as CloudFormation outputs are.
 * Version 1 had no password policy; a version 1 file is refused with the command that writes a new one.
 * Bump the version when a key changes meaning or disappears (a new optional key needs no bump).
 */
import type { PasswordPolicy } from './password-policy.js';

/** The outputs-file version this contract reads and writes. */
export const OUTPUTS_VERSION = '2';

/** The CloudFormation stack (and construct id) whose outputs these are: the outputs file's top-level key. */
export const STACK_NAME = 'AuthS3Stack';

/**
 * The outputs file's path on the hosted site, next to `index.html`: the stack writes it there at
 * deploy time and the production build fetches it from its own origin at start-up.
 */
export const SITE_OUTPUTS_FILE = 'aws-outputs.json';

/** The commands that write an outputs file, for messages that say how to get a current one. */
export const WRITTEN_BY =
  'The file is written by `pnpm cdk deploy` (packages/web/aws-outputs.json) or, for the local emulator, by ' +
  '`pnpm dev` / `pnpm emulator` (packages/web/aws-outputs.local.json). Run the one you use and try again.';

/** Each key of the stack's outputs, with the description its CloudFormation output carries. */
export const OUTPUT_KEYS = {
  OutputsVersion: 'Version of this outputs format',
  Region: 'Region of every resource below',
  UserPoolId: 'Cognito user pool id',
  UserPoolClientId: 'Cognito app client id (no secret)',
  IdentityPoolId: 'Cognito identity pool id',
  BucketName: 'S3 bucket for users’ files under public/',
  PasswordMinimumLength: 'Password policy: minimum length in characters',
  PasswordRequireLowercase: 'Password policy: a lowercase letter is required (true/false)',
  PasswordRequireUppercase: 'Password policy: an uppercase letter is required (true/false)',
  PasswordRequireNumbers: 'Password policy: a digit is required (true/false)',
  PasswordRequireSymbols: 'Password policy: a symbol is required (true/false)',
} as const;

/** A key the stack writes as a CloudFormation output. */
export type OutputKey = keyof typeof OUTPUT_KEYS;

/** Keys the stack writes only in some configurations, with their descriptions. */
export const OPTIONAL_OUTPUT_KEYS = {
  SiteUrl: 'URL of the web app served by CloudFront (absent with -c hosting=false)',
} as const;

/**
 * The outputs file's inner object, as written: every stack output as a string, plus the emulator's
 * `Endpoint` (where all three services answer, e.g. `http://127.0.0.1:4566`) and, when the stack
 * hosts the web app, `SiteUrl`.
 */
export type OutputsFile = { readonly [K in OutputKey]: string } & {
  readonly Endpoint?: string;
  readonly SiteUrl?: string;
};

/** The outputs, read and typed. */
export interface StackOutputs {
  readonly region: string;
  readonly userPoolId: string;
  readonly userPoolClientId: string;
  readonly identityPoolId: string;
  readonly bucketName: string;
  /** The user pool's password policy, for checking a new password as the user types it. */
  readonly passwordPolicy: PasswordPolicy;
  /** The emulator's endpoint; absent for a deployed stack. */
  readonly endpoint?: string;
  /** The hosted web app's URL (`https://<distribution>.cloudfront.net`); absent when hosted elsewhere. */
  readonly siteUrl?: string;
}
