/*
 * Turns a synthesized CloudFormation template into the emulator's StackModel: finds the user
 * pool, app client, identity pool, roles and app bucket, resolves every intrinsic with
 * deterministic physical ids (the same on every start, nothing stored), and lists what the
 * template asks for that the emulator does not do.
 */
import { TemplateReadError } from '../errors.js';
import type { StackModel } from '../stack-model.js';
import { readIdentityPool, readUserPool, readUserPoolClient } from './cognito-resources.js';
import { isCdkDeploymentHelper, readRoles } from './iam-resources.js';
import { IntrinsicResolver } from './intrinsics.js';
import { LoadContext } from './load-context.js';
import { stableUuid } from './physical-ids.js';
import { createResourceValues, type StackIdentity } from './resource-values.js';
import { readBucket } from './s3-resources.js';
import type { CfnTemplate } from './template-types.js';

/** Options for {@link loadStackModel}. */
export interface LoadStackModelOptions {
  /** The stack's name, e.g. `AuthS3Stack`; it seeds every physical id. */
  stackName: string;
  /** e.g. `us-east-1`; the value of `AWS::Region` and the prefix of pool ids. */
  region: string;
  /** The value of `AWS::AccountId`. @default '000000000000' */
  accountId?: string;
}

/** Resource types the loader reads, or knows to be irrelevant locally. */
const KNOWN_TYPES = new Set([
  'AWS::Cognito::UserPool',
  'AWS::Cognito::UserPoolClient',
  'AWS::Cognito::IdentityPool',
  'AWS::Cognito::IdentityPoolRoleAttachment',
  'AWS::IAM::Role',
  'AWS::IAM::Policy',
  'AWS::IAM::ManagedPolicy',
  'AWS::S3::Bucket',
  'AWS::S3::BucketPolicy',
  'AWS::CDK::Metadata',
  // CDK's deployment-time helper: empties buckets before CloudFormation deletes them.
  'Custom::S3AutoDeleteObjects',
  // The web app's hosting (CloudFront in front of the site bucket, and the build's upload): locally
  // the app is served by `pnpm dev` or the preview server, not by the emulator.
  'AWS::CloudFront::Distribution',
  'AWS::CloudFront::OriginAccessControl',
  'AWS::CloudFront::ResponseHeadersPolicy',
  'Custom::CDKBucketDeployment',
  'AWS::Lambda::LayerVersion',
]);

/**
 * Builds the stack model from `template` (a parsed CloudFormation template).
 * @throws TemplateReadError when `template` is not a template with Resources.
 * @throws TemplateResourceError when a resource the emulator needs is missing or ambiguous.
 * @throws UnresolvableIntrinsicError naming the path of an intrinsic it cannot resolve.
 */
export function loadStackModel(template: object, options: LoadStackModelOptions): StackModel {
  const cfn = asTemplate(template);
  const stack: StackIdentity = {
    stackName: options.stackName,
    region: options.region,
    accountId: options.accountId ?? '000000000000',
    partition: 'aws',
    urlSuffix: 'amazonaws.com',
  };
  const pseudo: Record<string, string | string[]> = {
    'AWS::Region': stack.region,
    'AWS::AccountId': stack.accountId,
    'AWS::Partition': stack.partition,
    'AWS::URLSuffix': stack.urlSuffix,
    'AWS::StackName': stack.stackName,
    'AWS::StackId': `arn:${stack.partition}:cloudformation:${stack.region}:${stack.accountId}:stack/${stack.stackName}/${stableUuid(stack.stackName, 'stack')}`,
    'AWS::NotificationARNs': [],
  };
  const resolver: IntrinsicResolver = new IntrinsicResolver(
    cfn,
    pseudo,
    createResourceValues(cfn, stack, () => resolver),
  );
  const ctx = new LoadContext(cfn, resolver, stack);

  const userPool = readUserPool(ctx);
  const identityPool = readIdentityPool(ctx);
  const preferredClient = identityPool.providers.find((p) => p.userPoolId === userPool.id)?.clientId;
  const userPoolClient = readUserPoolClient(ctx, userPool, preferredClient);
  const roles = readRoles(ctx);
  const bucket = readBucket(ctx);
  warnAboutOtherResources(ctx);
  warnAboutRegion(ctx);
  const outputsVersion = readOutputsVersion(ctx);

  return {
    stackName: stack.stackName,
    region: stack.region,
    accountId: stack.accountId,
    userPool,
    userPoolClient,
    identityPool,
    roles,
    bucket,
    warnings: ctx.warnings,
    outputsVersion,
  };
}

/** The stack's `OutputsVersion` output (the outputs contract version); '1' with a warning if absent. */
function readOutputsVersion(ctx: LoadContext): string {
  const output = ctx.template.Outputs?.OutputsVersion;
  if (output === undefined) {
    ctx.warn(
      'The template has no OutputsVersion output; the outputs file says "1". Synthesize the current stack',
    );
    return '1';
  }
  return ctx.resolver.resolveString(output.Value, 'Outputs.OutputsVersion.Value');
}

function asTemplate(template: object): CfnTemplate {
  const resources = (template as { Resources?: unknown }).Resources;
  if (resources === null || typeof resources !== 'object' || Array.isArray(resources)) {
    throw new TemplateReadError(
      'This is not a CloudFormation template: it has no Resources. Use cdk.out/AuthS3Stack.template.json (pnpm synth).',
    );
  }
  return template as CfnTemplate;
}

function warnAboutOtherResources(ctx: LoadContext): void {
  for (const [logicalId, resource] of Object.entries(ctx.template.Resources)) {
    if (KNOWN_TYPES.has(resource.Type) || isCdkDeploymentHelper(logicalId)) continue;
    if (!ctx.exists(logicalId, resource)) continue;
    ctx.warn(`${resource.Type} ${logicalId} is not emulated`);
  }
}

/** A template synthesized for one region names it in literals (provider names); say so if it differs. */
function warnAboutRegion(ctx: LoadContext): void {
  const region = ctx.template.Outputs?.Region?.Value;
  if (typeof region === 'string' && region !== ctx.stack.region) {
    ctx.warn(
      `The template was synthesized for ${region} but the emulator runs as ${ctx.stack.region}; ` +
        `start it with region ${region}, or synthesize without CDK_DEFAULT_REGION`,
    );
  }
}
