/*
 * The web app's hosting: a private site bucket that only a CloudFront distribution reads (Origin
 * Access Control), HTTPS only, with the security headers of a response-headers policy (the CSP of
 * `content-security-policy.ts` among them), and the production build uploaded at deploy time with
 * the outputs file written from the stack's own values, so one build serves any stack.
 *
 * Two deployments because the two halves are cached differently: hashed assets (`assets/`) are
 * immutable for a year, while `index.html` and the outputs file must be re-read on every load.
 * The app routes in `location.hash` (packages/web/src/router.ts), so no 403/404 → index.html
 * fallback is needed: a missing key is an honest error.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import {
  AllowedMethods,
  CachePolicy,
  Distribution,
  HeadersFrameOption,
  HeadersReferrerPolicy,
  HttpVersion,
  PriceClass,
  ResponseHeadersPolicy,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, CacheControl, Source } from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import { type AppApiOrigins, contentSecurityPolicy } from './content-security-policy.js';

/** The build's folder of content-hashed files (Vite's `build.assetsDir`). */
const HASHED_ASSETS_DIR = 'assets';

/** Options for {@link SiteHosting}. */
export interface SiteHostingProps {
  /** The web app's production build (`packages/web/dist`): `index.html` and `assets/`. */
  readonly siteDirectory: string;
  /** The AWS origins the app calls, for the Content-Security-Policy. */
  readonly apiOrigins: AppApiOrigins;
  /**
   * The outputs file's content, written next to `index.html` at deploy time; given the site's URL
   * so the file can carry it. Values may be tokens of the stack's resources.
   */
  readonly outputsFile: (siteUrl: string) => unknown;
  /** The outputs file's key in the site bucket and path on the site (`SITE_OUTPUTS_FILE` of the contract). */
  readonly outputsFileName: string;
  /**
   * `DESTROY` removes the site bucket (and, with `autoDeleteObjects`, its files) with the stack.
   * The site is rebuilt by every deploy, so nothing in it needs keeping.
   * @default RemovalPolicy.DESTROY
   */
  readonly removalPolicy?: RemovalPolicy;
  /**
   * Empty the site bucket when the stack deletes it. Only with `DESTROY`.
   * @default true
   */
  readonly autoDeleteObjects?: boolean;
}

/** The site bucket, its CloudFront distribution and the deployments of the app's build. */
export class SiteHosting extends Construct {
  /** The private bucket holding the build; only the distribution reads it. */
  readonly bucket: Bucket;
  /** The response headers every answer of the site carries (CSP, HSTS, nosniff, referrer, frames). */
  readonly responseHeadersPolicy: ResponseHeadersPolicy;
  /** The CloudFront distribution serving the site over HTTPS. */
  readonly distribution: Distribution;
  /** Hashed build files under `assets/`, cached for a year. */
  readonly assetsDeployment: BucketDeployment;
  /** `index.html`, the rest of the build and the outputs file, never cached; invalidates the distribution. */
  readonly entryDeployment: BucketDeployment;
  /** `https://<distribution domain>`: the site's URL, and its origin. */
  readonly siteUrl: string;

  constructor(scope: Construct, id: string, props: SiteHostingProps) {
    super(scope, id);
    if (!existsSync(join(props.siteDirectory, 'index.html'))) {
      throw new Error(
        `The web app's build is missing: no index.html in ${props.siteDirectory}. Run \`pnpm build\` ` +
          '(`pnpm cdk deploy` runs it first), or synthesize without hosting: -c hosting=false',
      );
    }
    const removalPolicy = props.removalPolicy ?? RemovalPolicy.DESTROY;

    this.bucket = new Bucket(this, 'Site', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      removalPolicy,
      autoDeleteObjects: removalPolicy === RemovalPolicy.DESTROY && (props.autoDeleteObjects ?? true),
    });

    this.responseHeadersPolicy = new ResponseHeadersPolicy(this, 'Headers', {
      comment: 'auth-s3 site: CSP, HSTS, nosniff, strict referrer, no framing',
      securityHeadersBehavior: {
        contentSecurityPolicy: {
          contentSecurityPolicy: contentSecurityPolicy(props.apiOrigins),
          override: true,
        },
        strictTransportSecurity: {
          accessControlMaxAge: Duration.days(730),
          includeSubdomains: true,
          override: true,
        },
        contentTypeOptions: { override: true },
        referrerPolicy: {
          referrerPolicy: HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN,
          override: true,
        },
        frameOptions: { frameOption: HeadersFrameOption.DENY, override: true },
      },
    });

    this.distribution = new Distribution(this, 'Distribution', {
      comment: 'auth-s3 web app',
      defaultRootObject: 'index.html',
      defaultBehavior: {
        // OAC signs CloudFront's reads; the bucket policy admits this distribution's ARN only.
        origin: S3BucketOrigin.withOriginAccessControl(this.bucket),
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        allowedMethods: AllowedMethods.ALLOW_GET_HEAD,
        cachePolicy: CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy: this.responseHeadersPolicy,
        compress: true,
      },
      httpVersion: HttpVersion.HTTP2_AND_3,
      // North America and Europe edges: the cheapest class, and the free tier covers every class.
      priceClass: PriceClass.PRICE_CLASS_100,
    });
    this.siteUrl = `https://${this.distribution.distributionDomainName}`;

    this.assetsDeployment = new BucketDeployment(this, 'Assets', {
      sources: [Source.asset(join(props.siteDirectory, HASHED_ASSETS_DIR))],
      destinationBucket: this.bucket,
      destinationKeyPrefix: `${HASHED_ASSETS_DIR}/`,
      cacheControl: [
        CacheControl.setPublic(),
        CacheControl.maxAge(Duration.days(365)),
        CacheControl.immutable(),
      ],
      // Old chunks stay: a tab opened before this deploy still loads the chunks its index.html names.
      prune: false,
    });

    this.entryDeployment = new BucketDeployment(this, 'Entry', {
      sources: [
        // Vite's manifest (`.vite/`) is for the bench's size check, not for browsers.
        Source.asset(props.siteDirectory, { exclude: [HASHED_ASSETS_DIR, '.vite'] }),
        Source.jsonData(props.outputsFileName, props.outputsFile(this.siteUrl)),
      ],
      destinationBucket: this.bucket,
      cacheControl: [CacheControl.noCache()],
      // Pruning here would delete assets/, which the other deployment owns.
      prune: false,
      distribution: this.distribution,
      distributionPaths: ['/*'],
    });
    // The new index.html goes up only once the chunks it names are there.
    this.entryDeployment.node.addDependency(this.assetsDeployment);
  }
}
