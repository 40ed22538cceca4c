/*
 * What the CDK app holds: one `AuthS3Stack`, configured from the app's context flags, with its
 * description and its accepted cdk-nag findings. `bin/app.ts` runs it for the CLI; tests run it
 * in-process, so both synthesize the same template.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { STACK_NAME } from '@auth-s3/outputs';
import type { App } from 'aws-cdk-lib';
import { parseAppContext } from './app-context.js';
import { AuthS3Stack } from './auth-s3-stack.js';
import { acknowledgeNagFindings } from './nag-acknowledgements.js';

/** The web app's production build, which cdk.json's `build` step writes before every synth. */
const DEFAULT_SITE_DIRECTORY = fileURLToPath(new URL('../../packages/web/dist', import.meta.url));

/**
 * Adds the stack to `app`. `region` pins the environment (the CLI passes CDK_DEFAULT_REGION);
 * without it the template is environment-agnostic.
 */
export function addAuthS3Stack(app: App, region: string | undefined): AuthS3Stack {
  const { ephemeral, webOrigins, hosting, siteDirectory } = parseAppContext((key) =>
    app.node.tryGetContext(key),
  );
  // The outputs file is keyed by the stack's name, so the contract names it.
  const stack = new AuthS3Stack(app, STACK_NAME, {
    env: region ? { region } : undefined,
    description:
      'auth-s3: Cognito sign-up/sign-in, an identity pool, least-privilege S3 under public/' +
      (hosting ? ' and the web app on CloudFront' : ''),
    ephemeral,
    webOrigins,
    siteDirectory: hosting ? resolve(siteDirectory ?? DEFAULT_SITE_DIRECTORY) : undefined,
  });
  // Reasons for the cdk-nag findings the stack accepts travel with it, for anyone running cdk-nag on the app.
  acknowledgeNagFindings(stack);
  return stack;
}
