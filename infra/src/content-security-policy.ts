/*
 * The site's Content-Security-Policy, built in one place: CloudFront's response-headers policy sends
 * it for the deployed app, and the web tooling's preview server sends the same string for the
 * production build it serves locally (import `@auth-s3/infra/content-security-policy`). It imports
 * nothing, so values may be CDK tokens (the stack's region and bucket name) or plain strings.
 */

/** Where the app's AWS calls go: the origins a browser connects to and loads previews from. */
export interface AppApiOrigins {
  /** Origins the app calls with `fetch` (Cognito, Cognito Identity, S3). */
  readonly connect: readonly string[];
  /** Origins of images and media the app shows (S3 presigned URLs for previews). */
  readonly media: readonly string[];
}

/**
 * The AWS endpoints the app calls in `region` for `bucketName`, as the SDK addresses them with no
 * custom endpoint (packages/auth-s3/src/clients.ts): Cognito user pools and Cognito Identity at their
 * regional hosts, and S3 at the bucket's regional virtual-hosted origin (the SDK's default for a
 * DNS-compatible name) and the regional path-style origin (used for names that are not).
 * See https://docs.aws.amazon.com/AmazonS3/latest/userguide/VirtualHosting.html and
 * https://docs.aws.amazon.com/general/latest/gr/cognito_identity.html.
 */
export function awsApiOrigins(region: string, bucketName: string): AppApiOrigins {
  const s3 = [`https://${bucketName}.s3.${region}.amazonaws.com`, `https://s3.${region}.amazonaws.com`];
  return {
    connect: [
      `https://cognito-idp.${region}.amazonaws.com`,
      `https://cognito-identity.${region}.amazonaws.com`,
      ...s3,
    ],
    media: s3,
  };
}

/**
 * The policy: everything from the site's own origin only, no plugins, no framing, no `<base>`
 * rewriting; `fetch` to the site itself (its outputs file) and to `origins.connect`; images and
 * media from the site, `blob:` (previews made in the page) and `origins.media`.
 */
export function contentSecurityPolicy(origins: AppApiOrigins): string {
  const directives: Array<[string, readonly string[]]> = [
    ['default-src', ["'self'"]],
    ['connect-src', ["'self'", ...origins.connect]],
    ['img-src', ["'self'", 'blob:', ...origins.media]],
    ['media-src', ["'self'", 'blob:', ...origins.media]],
    ['object-src', ["'none'"]],
    ['frame-ancestors', ["'none'"]],
    ['base-uri', ["'self'"]],
  ];
  return directives.map(([name, sources]) => `${name} ${sources.join(' ')}`).join('; ');
}
