/*
 * The CDK app: one `AuthS3Stack`. The region comes from CDK_DEFAULT_REGION when the CLI knows
 * it; otherwise the template is environment-agnostic (and synthesizes offline). Context flags:
 * `-c ephemeral=true` for a throwaway stack, `-c webOrigins=<origin>,<origin>` for CORS,
 * `-c mfa=required` to require an authenticator app of every user (optional by default).
 */
import { App } from 'aws-cdk-lib';
import { parseAppContext } from '../src/app-context.js';
import { AuthS3Stack } from '../src/auth-s3-stack.js';
import { acknowledgeNagFindings } from '../src/nag-acknowledgements.js';

const app = new App();
const { ephemeral, webOrigins, mfa } = parseAppContext((key) => app.node.tryGetContext(key));
const region = process.env.CDK_DEFAULT_REGION;

const stack = new AuthS3Stack(app, 'AuthS3Stack', {
  env: region ? { region } : undefined,
  description: 'auth-s3: Cognito sign-up/sign-in, an identity pool and least-privilege S3 under public/',
  ephemeral,
  webOrigins,
  mfa,
});
// Reasons for the cdk-nag findings the stack accepts travel with it, for anyone running cdk-nag on the app.
acknowledgeNagFindings(stack);

app.synth();
