/*
 * A builder for the hosting part of a synthesized template, shaped as `cdk synth` writes the
 * SiteHosting construct (infra/src/site-hosting.ts): the distribution, its response-headers policy and
 * the two bucket deployments, with the knobs the tests turn.
 */

/** Options of {@link siteTemplate}. */
export interface SiteTemplateOptions {
  customErrorResponses?: Array<{ ErrorCode: number; ResponseCode?: number; ResponsePagePath?: string }>;
  compress?: boolean;
  preload?: boolean;
}

/** A template with the site's CloudFront resources and deployments. */
export function siteTemplate(options: SiteTemplateOptions = {}): unknown {
  return {
    Resources: {
      SiteHostingHeaders: {
        Type: 'AWS::CloudFront::ResponseHeadersPolicy',
        Properties: {
          ResponseHeadersPolicyConfig: {
            SecurityHeadersConfig: {
              ContentSecurityPolicy: {
                ContentSecurityPolicy: { 'Fn::Join': ['', ['default-src']] },
                Override: true,
              },
              ContentTypeOptions: { Override: true },
              FrameOptions: { FrameOption: 'DENY', Override: true },
              ReferrerPolicy: { Override: true, ReferrerPolicy: 'strict-origin-when-cross-origin' },
              StrictTransportSecurity: {
                AccessControlMaxAgeSec: 63072000,
                IncludeSubdomains: true,
                Override: true,
                ...(options.preload ? { Preload: true } : {}),
              },
            },
          },
        },
      },
      SiteHostingDistribution: {
        Type: 'AWS::CloudFront::Distribution',
        Properties: {
          DistributionConfig: {
            DefaultCacheBehavior: { Compress: options.compress ?? true },
            DefaultRootObject: 'index.html',
            ...(options.customErrorResponses ? { CustomErrorResponses: options.customErrorResponses } : {}),
          },
        },
      },
      SiteHostingAssets: {
        Type: 'Custom::CDKBucketDeployment',
        Properties: {
          DestinationBucketKeyPrefix: 'assets/',
          SystemMetadata: { 'cache-control': 'public, max-age=31536000, immutable' },
        },
      },
      SiteHostingEntry: {
        Type: 'Custom::CDKBucketDeployment',
        Properties: { SystemMetadata: { 'cache-control': 'no-cache' } },
      },
    },
  };
}
