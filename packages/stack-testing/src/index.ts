/*
 * `@auth-s3/stack-testing`: the AuthS3Stack facts that several packages' tests share, importable by
 * package name so no suite reaches into another package's folder. It depends on nothing but
 * `@auth-s3/iam` (types) and the S3 client, so infra, the emulator and the library can all use it
 * without a cycle. For tests only; not published.
 */
export type { MatrixCaller, PolicyMatrixCase } from './policy-matrix.js';
export {
  caseLabel,
  POLICY_MATRIX,
  toAuthorizationRequest,
} from './policy-matrix.js';
export {
  agrees,
  CASES_WITHOUT_HTTP_FORM,
  HTTP_MATRIX,
  objectToSeed,
  outcome,
} from './policy-matrix-http.js';
export type {
  SiteBucketMatrixCase,
  SiteCaller,
  SiteMatrixTarget,
} from './site-bucket-matrix.js';
export {
  SITE_BUCKET_MATRIX,
  siteCaseLabel,
  toSiteAuthorizationRequest,
} from './site-bucket-matrix.js';
export type { TemplateFixtureName } from './template-fixture.js';
export {
  normalizeTemplate,
  TEMPLATE_FIXTURE,
  TEMPLATE_FIXTURES,
  templateFixture,
  templateFixturePath,
} from './template-fixture.js';
