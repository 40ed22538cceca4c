/*
 * Names the S3 tests use, read from the shared test stack model (`@auth-s3/emulator/testing`, the
 * synthesized AuthS3Stack): its bucket (least-privilege role policy, enforce-SSL bucket policy,
 * CORS for the web origin), the authenticated role and a second role that grants nothing.
 */
import { testStackModel } from '../../testing/index.js';

export { testStackModel };

const model = testStackModel();
const authRoleArn = model.identityPool.authenticatedRoleArn;
const otherRoleArn = model.identityPool.unauthenticatedRoleArn;
const webOrigin = model.bucket.cors[0]?.allowedOrigins[0];
if (!authRoleArn || !otherRoleArn || !webOrigin) {
  throw new Error(
    'The template fixture lost a role or its CORS origin: refresh it with `pnpm --filter @auth-s3/infra fixture:refresh`',
  );
}

export const ACCOUNT = model.accountId;
export const BUCKET = model.bucket.name;
export const AUTH_ROLE_ARN = authRoleArn;
/** The identity pool's unauthenticated role: it has no policies, so it is allowed nothing. */
export const OTHER_ROLE_ARN = otherRoleArn;
export const WEB_ORIGIN = webOrigin;
