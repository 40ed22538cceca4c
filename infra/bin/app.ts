/*
 * The CDK app: one `AuthS3Stack`. The region comes from CDK_DEFAULT_REGION when the CLI knows
 * it; otherwise the template is environment-agnostic (and synthesizes offline). Context flags:
 * `-c ephemeral=true` for a throwaway stack, `-c webOrigins=<origin>,<origin>` for CORS,
 * `-c hosting=false` to leave the web app's CloudFront hosting out, `-c siteDirectory=<dir>` for
 * another build than packages/web/dist (cdk.json's `build` step writes that one first).
 */
import { App } from 'aws-cdk-lib';
import { addAuthS3Stack } from '../src/auth-s3-app.js';

const app = new App();
addAuthS3Stack(app, process.env.CDK_DEFAULT_REGION);
app.synth();
