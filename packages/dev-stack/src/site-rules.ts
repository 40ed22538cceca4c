/*
 * What CloudFront serves for the stack's site, read from the synthesized template so the preview
 * (`preview-server.ts`) copies the stack instead of restating it: the distribution's root object,
 * compression and custom error responses, the response-headers policy's security headers as the HTTP
 * headers CloudFront sends, and each bucket deployment's key prefix and `cache-control`. The
 * Content-Security-Policy is the one header taken from elsewhere: the template's holds the AWS
 * endpoints as tokens, and the preview builds it for the emulator with the stack's own function.
 */

/** A custom error response of the distribution (`CustomErrorResponses`). */
export interface ErrorResponseRule {
  /** The status the origin answered with. */
  errorCode: number;
  /** The status sent instead. */
  responseCode?: number;
  /** The object sent instead, e.g. `/index.html`. */
  responsePagePath?: string;
}

/** The site's serving rules, as the template states them. */
export interface SiteRules {
  /** `DefaultRootObject`: what `/` serves. */
  rootObject: string;
  /** Whether the default behaviour compresses (gzip or brotli) what the viewer accepts. */
  compress: boolean;
  /** The response-headers policy's security headers, the CSP left out (see the file header). */
  securityHeaders: Record<string, string>;
  /** `cache-control` by key prefix, longest prefix first ('' matches every key). */
  cacheControl: Array<{ prefix: string; value: string }>;
  /** What the distribution answers instead of an origin error. */
  errorResponses: ErrorResponseRule[];
}

/** The template has no site hosting (synthesized with `-c hosting=false`, or before hosting existed). */
export class NoSiteHostingError extends Error {
  override name = 'NoSiteHostingError';
}

interface Resource {
  Type: string;
  Properties?: Record<string, unknown>;
}

interface SecurityHeadersConfig {
  StrictTransportSecurity?: {
    AccessControlMaxAgeSec: number;
    IncludeSubdomains?: boolean;
    Preload?: boolean;
  };
  ContentTypeOptions?: object;
  FrameOptions?: { FrameOption: string };
  ReferrerPolicy?: { ReferrerPolicy: string };
  XSSProtection?: { Protection: boolean; ModeBlock?: boolean; ReportUri?: string };
}

interface DistributionConfig {
  DefaultRootObject?: string;
  DefaultCacheBehavior?: { Compress?: boolean };
  CustomErrorResponses?: Array<{ ErrorCode: number; ResponseCode?: number; ResponsePagePath?: string }>;
}

/**
 * The HTTP headers CloudFront sends for a response-headers policy's `SecurityHeadersConfig`, CSP
 * aside. Values as CloudFront writes them:
 * https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/understanding-response-headers-policies.html#understanding-response-headers-policies-security
 */
function securityHeaders(config: SecurityHeadersConfig): Record<string, string> {
  const headers: Record<string, string> = {};
  const hsts = config.StrictTransportSecurity;
  if (hsts) {
    headers['strict-transport-security'] = [
      `max-age=${hsts.AccessControlMaxAgeSec}`,
      ...(hsts.IncludeSubdomains ? ['includeSubDomains'] : []),
      ...(hsts.Preload ? ['preload'] : []),
    ].join('; ');
  }
  if (config.ContentTypeOptions) headers['x-content-type-options'] = 'nosniff';
  if (config.FrameOptions) headers['x-frame-options'] = config.FrameOptions.FrameOption;
  if (config.ReferrerPolicy) headers['referrer-policy'] = config.ReferrerPolicy.ReferrerPolicy;
  const xss = config.XSSProtection;
  if (xss) {
    headers['x-xss-protection'] = !xss.Protection
      ? '0'
      : [
          '1',
          ...(xss.ModeBlock ? ['mode=block'] : []),
          ...(xss.ReportUri ? [`report=${xss.ReportUri}`] : []),
        ].join('; ');
  }
  return headers;
}

/** The resources of `type` in `template`. */
function resourcesOf(template: unknown, type: string): Resource[] {
  const resources = (template as { Resources?: Record<string, Resource> }).Resources ?? {};
  return Object.values(resources).filter((resource) => resource.Type === type);
}

/** One resource of `type`, or {@link NoSiteHostingError} naming it. */
function theOne(template: unknown, type: string): Resource {
  const found = resourcesOf(template, type);
  if (found.length === 1 && found[0]) return found[0];
  throw new NoSiteHostingError(
    `The stack's template has ${found.length} ${type} (expected one): it was synthesized without the site ` +
      'hosting. Run `pnpm synth` (hosting is on unless `-c hosting=false`) and try again.',
  );
}

/** Reads the site's serving rules from the synthesized template; see the file header. */
export function siteRulesFromTemplate(template: unknown): SiteRules {
  const distribution = theOne(template, 'AWS::CloudFront::Distribution').Properties?.DistributionConfig as
    | DistributionConfig
    | undefined;
  const policy = theOne(template, 'AWS::CloudFront::ResponseHeadersPolicy').Properties
    ?.ResponseHeadersPolicyConfig as { SecurityHeadersConfig?: SecurityHeadersConfig } | undefined;
  const cacheControl = resourcesOf(template, 'Custom::CDKBucketDeployment')
    .map((deployment) => ({
      prefix: String(deployment.Properties?.DestinationBucketKeyPrefix ?? ''),
      value: (deployment.Properties?.SystemMetadata as Record<string, string> | undefined)?.['cache-control'],
    }))
    .filter((rule): rule is { prefix: string; value: string } => rule.value !== undefined)
    .sort((a, b) => b.prefix.length - a.prefix.length);
  return {
    rootObject: distribution?.DefaultRootObject ?? '',
    compress: distribution?.DefaultCacheBehavior?.Compress ?? false,
    securityHeaders: securityHeaders(policy?.SecurityHeadersConfig ?? {}),
    cacheControl,
    errorResponses: (distribution?.CustomErrorResponses ?? []).map((rule) => ({
      errorCode: rule.ErrorCode,
      responseCode: rule.ResponseCode,
      responsePagePath: rule.ResponsePagePath,
    })),
  };
}

/** The `cache-control` the deployments gave `key` (no leading slash), if any. */
export function cacheControlFor(rules: SiteRules, key: string): string | undefined {
  return rules.cacheControl.find((rule) => key.startsWith(rule.prefix))?.value;
}
