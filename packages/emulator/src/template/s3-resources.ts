/*
 * Reads the app's bucket (the one with CORS rules; a log bucket is not served) and its bucket
 * policy, resolved, into the stack model.
 */
import type { PolicyDocument } from '@auth-s3/iam';
import type { BucketModel, CorsRule } from '../stack-model.js';
import { TemplateResourceError } from './errors.js';
import { displayName } from './iam-resources.js';
import { type LoadContext, stringList } from './load-context.js';

/** The bucket with a `CorsConfiguration` (or the only bucket), with its policy. */
export function readBucket(ctx: LoadContext): BucketModel {
  const buckets = ctx.resourcesOfType('AWS::S3::Bucket');
  const withCors = buckets.filter(
    (id) => ctx.template.Resources[id]?.Properties?.CorsConfiguration !== undefined,
  );
  const candidates = withCors.length > 0 ? withCors : buckets;
  if (candidates.length !== 1) {
    throw new TemplateResourceError(
      `The template has ${buckets.length} buckets, ${withCors.length} of them with CORS rules; the emulator serves ` +
        'the one bucket with a CorsConfiguration. Give exactly one bucket CORS rules.',
    );
  }
  const logicalId = candidates[0] as string;
  ctx.checkProperties('Bucket', logicalId, {
    BucketName: 'modelled',
    CorsConfiguration: 'modelled',
    VersioningConfiguration: 'modelled',
    LifecycleConfiguration: () => 'versions and multipart uploads never expire locally',
    LoggingConfiguration: () => 'no server access logs are written locally',
    BucketEncryption: 'ignored',
    PublicAccessBlockConfiguration: 'ignored',
    OwnershipControls: 'ignored',
    Tags: 'ignored',
  });

  const where = `Resources.${logicalId}`;
  const name = ctx.resolver.resolveString({ Ref: logicalId }, where);
  const arn = ctx.resolver.resolveString({ 'Fn::GetAtt': [logicalId, 'Arn'] }, where);
  const cors = (ctx.property(logicalId, 'CorsConfiguration') ?? {}) as {
    CorsRules?: Array<Record<string, unknown>>;
  };
  const versioning = (ctx.property(logicalId, 'VersioningConfiguration') ?? {}) as { Status?: string };
  const model: BucketModel = {
    logicalId,
    name,
    arn,
    cors: (cors.CorsRules ?? []).map(corsRule),
    versioning: versioning.Status === 'Enabled',
  };

  for (const policyId of ctx.resourcesOfType('AWS::S3::BucketPolicy')) {
    if (ctx.property(policyId, 'Bucket') !== name) continue;
    model.policy = {
      name: displayName(ctx, policyId),
      kind: 'resource',
      document: ctx.property(policyId, 'PolicyDocument') as PolicyDocument,
    };
  }
  return model;
}

function corsRule(raw: Record<string, unknown>): CorsRule {
  const rule: CorsRule = {
    allowedOrigins: stringList(raw.AllowedOrigins),
    allowedMethods: stringList(raw.AllowedMethods),
    allowedHeaders: stringList(raw.AllowedHeaders),
    exposedHeaders: stringList(raw.ExposedHeaders),
  };
  if (raw.MaxAge !== undefined) rule.maxAge = Number(raw.MaxAge);
  return rule;
}
