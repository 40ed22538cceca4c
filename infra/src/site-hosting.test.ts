/*
 * Template assertions for the web app's hosting (issue 15): the distribution and its Origin Access
 * Control, a private site bucket only this distribution reads, the security headers with the CSP,
 * the two deployments and the invalidation, the CORS origin and the SiteUrl output; and that
 * without a site directory (`-c hosting=false`) none of it is there.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { OUTPUTS_VERSION, SITE_OUTPUTS_FILE } from '@auth-s3/outputs';
import { type App, Stack } from 'aws-cdk-lib';
import { Match, type Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { siteBuildFixture, synthAppTemplate, synthStack } from '../test/synth.js';
import type { AuthS3Stack } from './auth-s3-stack.js';
import { awsApiOrigins, contentSecurityPolicy } from './content-security-policy.js';
import { SiteHosting } from './site-hosting.js';

let stack: AuthS3Stack;
let template: Template;
let hosting: SiteHosting;

beforeAll(() => {
  ({ stack, template } = synthStack({ siteDirectory: siteBuildFixture() }));
  hosting = stack.hosting as SiteHosting;
});

const ref = (construct: { node: { defaultChild?: unknown } }) => ({
  Ref: stack.getLogicalId(construct.node.defaultChild as never),
});
const getAtt = (construct: { node: { defaultChild?: unknown } }, attribute: string) => ({
  'Fn::GetAtt': [stack.getLogicalId(construct.node.defaultChild as never), attribute],
});

/** The site bucket's policy statements, as synthesized. */
function siteBucketStatements(): Array<Record<string, unknown>> {
  const policies = template.findResources('AWS::S3::BucketPolicy', {
    Properties: { Bucket: ref(hosting.bucket) },
  });
  const [policy] = Object.values(policies) as Array<{
    Properties: { PolicyDocument: { Statement: Array<Record<string, unknown>> } };
  }>;
  expect(policy).toBeDefined();
  return policy?.Properties.PolicyDocument.Statement ?? [];
}

describe('the site bucket', () => {
  it('blocks public access, owns its objects, encrypts with SSE-S3', () => {
    template.hasResourceProperties('AWS::S3::Bucket', {
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] },
      BucketEncryption: {
        ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
      },
      Tags: Match.arrayWith([{ Key: 'aws-cdk:auto-delete-objects', Value: 'true' }]),
    });
    expect(Object.keys(template.findResources('AWS::S3::Bucket'))).toContain(
      stack.getLogicalId(hosting.bucket.node.defaultChild as never),
    );
  });

  it('refuses requests without TLS', () => {
    expect(siteBucketStatements()).toContainEqual(
      expect.objectContaining({
        Effect: 'Deny',
        Principal: { AWS: '*' },
        Action: 's3:*',
        Condition: { Bool: { 'aws:SecureTransport': 'false' } },
      }),
    );
  });

  it('lets CloudFront read objects only on behalf of this distribution (AWS:SourceArn)', () => {
    const reads = siteBucketStatements().filter(
      (s) => s.Effect === 'Allow' && JSON.stringify(s.Action).includes('GetObject'),
    );
    expect(reads).toEqual([
      {
        Effect: 'Allow',
        Principal: { Service: 'cloudfront.amazonaws.com' },
        Action: 's3:GetObject',
        Resource: { 'Fn::Join': ['', [getAtt(hosting.bucket, 'Arn'), '/*']] },
        Condition: {
          StringEquals: {
            'AWS:SourceArn': {
              'Fn::Join': [
                '',
                [
                  'arn:',
                  { Ref: 'AWS::Partition' },
                  ':cloudfront::',
                  { Ref: 'AWS::AccountId' },
                  ':distribution/',
                  ref(hosting.distribution),
                ],
              ],
            },
          },
        },
      },
    ]);
  });

  it('grants no one else and no public principal anything', () => {
    const allows = siteBucketStatements().filter((s) => s.Effect === 'Allow');
    for (const statement of allows) {
      expect(statement.Principal).not.toEqual('*');
      expect(statement.Principal).not.toEqual({ AWS: '*' });
    }
  });
});

describe('the distribution', () => {
  it('reads the site bucket through Origin Access Control (SigV4, always signed)', () => {
    template.hasResourceProperties('AWS::CloudFront::OriginAccessControl', {
      OriginAccessControlConfig: Match.objectLike({
        OriginAccessControlOriginType: 's3',
        SigningBehavior: 'always',
        SigningProtocol: 'sigv4',
      }),
    });
    const oac = Object.keys(template.findResources('AWS::CloudFront::OriginAccessControl'));
    expect(oac).toHaveLength(1);
    template.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        Origins: [
          Match.objectLike({
            DomainName: getAtt(hosting.bucket, 'RegionalDomainName'),
            OriginAccessControlId: { 'Fn::GetAtt': [oac[0], 'Id'] },
            S3OriginConfig: { OriginAccessIdentity: '' },
          }),
        ],
      }),
    });
  });

  it('redirects HTTP to HTTPS, serves index.html at the root and sends the security headers', () => {
    template.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        DefaultRootObject: 'index.html',
        DefaultCacheBehavior: Match.objectLike({
          ViewerProtocolPolicy: 'redirect-to-https',
          AllowedMethods: ['GET', 'HEAD'],
          ResponseHeadersPolicyId: ref(hosting.responseHeadersPolicy),
        }),
      }),
    });
  });

  it('has no error-page fallback: the app routes in the URL hash', () => {
    template.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({ CustomErrorResponses: Match.absent() }),
    });
  });
});

describe('the response headers policy', () => {
  it('sends the CSP of contentSecurityPolicy for the stack region and file bucket', () => {
    const expected = stack.resolve(
      contentSecurityPolicy(awsApiOrigins(stack.region, stack.files.bucket.bucketName)),
    );
    template.hasResourceProperties('AWS::CloudFront::ResponseHeadersPolicy', {
      ResponseHeadersPolicyConfig: Match.objectLike({
        SecurityHeadersConfig: Match.objectLike({
          ContentSecurityPolicy: { ContentSecurityPolicy: expected, Override: true },
        }),
      }),
    });
  });

  it('sends HSTS, nosniff, a strict referrer policy and frame denial', () => {
    template.hasResourceProperties('AWS::CloudFront::ResponseHeadersPolicy', {
      ResponseHeadersPolicyConfig: Match.objectLike({
        SecurityHeadersConfig: Match.objectLike({
          StrictTransportSecurity: {
            AccessControlMaxAgeSec: 63072000,
            IncludeSubdomains: true,
            Override: true,
          },
          ContentTypeOptions: { Override: true },
          ReferrerPolicy: { ReferrerPolicy: 'strict-origin-when-cross-origin', Override: true },
          FrameOptions: { FrameOption: 'DENY', Override: true },
        }),
      }),
    });
  });
});

describe('contentSecurityPolicy', () => {
  it('allows exactly the Cognito, Cognito Identity and S3 origins of the region and bucket', () => {
    expect(contentSecurityPolicy(awsApiOrigins('eu-west-1', 'files-bucket'))).toBe(
      [
        "default-src 'self'",
        "connect-src 'self' https://cognito-idp.eu-west-1.amazonaws.com https://cognito-identity.eu-west-1.amazonaws.com " +
          'https://files-bucket.s3.eu-west-1.amazonaws.com https://s3.eu-west-1.amazonaws.com',
        "img-src 'self' blob: https://files-bucket.s3.eu-west-1.amazonaws.com https://s3.eu-west-1.amazonaws.com",
        "media-src 'self' blob: https://files-bucket.s3.eu-west-1.amazonaws.com https://s3.eu-west-1.amazonaws.com",
        "object-src 'none'",
        "frame-ancestors 'none'",
        "base-uri 'self'",
      ].join('; '),
    );
  });
});

describe('the deployments', () => {
  const deployments = () =>
    template.findResources('Custom::CDKBucketDeployment') as Record<
      string,
      { Properties: Record<string, unknown>; DependsOn?: string[] }
    >;
  const logicalId = (d: SiteHosting['assetsDeployment']) =>
    stack.getLogicalId(d.node.findChild('CustomResource').node.defaultChild as never);

  it('upload hashed assets under assets/ cached for a year, immutable, never pruned', () => {
    expect(deployments()[logicalId(hosting.assetsDeployment)]?.Properties).toMatchObject({
      DestinationBucketName: ref(hosting.bucket),
      DestinationBucketKeyPrefix: 'assets/',
      SystemMetadata: { 'cache-control': 'public, max-age=31536000, immutable' },
      Prune: false,
    });
  });

  it('upload index.html and the outputs file no-cache, after the assets, and invalidate the distribution', () => {
    const entry = deployments()[logicalId(hosting.entryDeployment)];
    expect(entry?.Properties).toMatchObject({
      DestinationBucketName: ref(hosting.bucket),
      SystemMetadata: { 'cache-control': 'no-cache' },
      Prune: false,
      DistributionId: ref(hosting.distribution),
      DistributionPaths: ['/*'],
    });
    expect(entry?.Properties.DestinationBucketKeyPrefix).toBeUndefined();
    expect(entry?.DependsOn ?? []).toEqual(expect.arrayContaining([logicalId(hosting.assetsDeployment)]));
  });

  it("write the outputs file at deploy time from the stack's own values and the site URL", () => {
    const entry = deployments()[logicalId(hosting.entryDeployment)];
    const markers = Object.values(((entry?.Properties.SourceMarkers ?? []) as object[])[1] ?? {});
    expect(markers).toEqual(
      expect.arrayContaining([
        ref(stack.userAuth.userPool),
        ref(stack.userAuth.userPoolClient),
        ref(stack.identity.identityPool),
        ref(stack.files.bucket),
        getAtt(hosting.distribution, 'DomainName'),
      ]),
    );
  });

  it('write the outputs file in the shape of `cdk deploy --outputs-file`, every stack output in it', () => {
    const entry = deployments()[logicalId(hosting.entryDeployment)];
    const [, zip] = (entry?.Properties.SourceObjectKeys ?? []) as string[];
    const outdir = (stack.node.root as App).outdir;
    const file = JSON.parse(
      readFileSync(join(outdir, `asset.${zip?.replace(/\.zip$/, '')}`, SITE_OUTPUTS_FILE), 'utf8'),
    ) as Record<string, Record<string, string>>;
    expect(Object.keys(file)).toEqual(['AuthS3Stack']);
    expect(Object.keys(file.AuthS3Stack ?? {}).sort()).toEqual(Object.keys(template.findOutputs('*')).sort());
    expect(file.AuthS3Stack?.OutputsVersion).toBe(OUTPUTS_VERSION);
  });
});

describe('the rest of the stack with hosting', () => {
  it("lets CloudFront origins call the file bucket (CORS) besides the dev server's", () => {
    template.hasResourceProperties('AWS::S3::Bucket', {
      CorsConfiguration: {
        CorsRules: [
          Match.objectLike({ AllowedOrigins: ['http://localhost:5173', 'https://*.cloudfront.net'] }),
        ],
      },
    });
  });

  it("outputs the site's URL", () => {
    expect(template.findOutputs('SiteUrl').SiteUrl?.Value).toEqual({
      'Fn::Join': ['', ['https://', getAtt(hosting.distribution, 'DomainName')]],
    });
  });
});

describe('without hosting (-c hosting=false)', () => {
  it('has no distribution, site bucket, deployment, CloudFront CORS origin or SiteUrl', () => {
    const off = synthAppTemplate({ hosting: 'false' }) as {
      Resources: Record<string, { Type: string; Properties?: Record<string, unknown> }>;
      Outputs: Record<string, unknown>;
    };
    const types = Object.values(off.Resources).map((r) => r.Type);
    expect(
      types.filter((t) => t.startsWith('AWS::CloudFront::') || t === 'Custom::CDKBucketDeployment'),
    ).toEqual([]);
    expect(types.filter((t) => t === 'AWS::S3::Bucket')).toHaveLength(2);
    expect(JSON.stringify(off.Resources)).not.toContain('cloudfront');
    expect(Object.keys(off.Outputs)).not.toContain('SiteUrl');
  });
});

describe('SiteHosting', () => {
  it('fails synthesis with the command to run when the build is missing', () => {
    const scope = new Stack();
    expect(
      () =>
        new SiteHosting(scope, 'Site', {
          siteDirectory: '/nonexistent/dist',
          apiOrigins: { connect: [], media: [] },
          outputsFile: () => ({}),
          outputsFileName: SITE_OUTPUTS_FILE,
        }),
    ).toThrow(/no index\.html in \/nonexistent\/dist\. Run `pnpm build`.*-c hosting=false/);
  });
});
