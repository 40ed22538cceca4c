/*
 * Reads the stack's IAM roles with every policy that applies to them, resolved: the role's own
 * inline `Policies`, `AWS::IAM::Policy` resources that list the role, and customer managed
 * policies of the template. AWS managed policies have no document here and become warnings. The
 * roles of CDK's deployment-time custom resource providers are not served and are skipped.
 */
import type { NamedPolicy, PolicyDocument } from '@auth-s3/iam';
import type { RoleModel } from '../stack-model.js';
import { type LoadContext, stringList } from './load-context.js';

/** Every role of the template except CDK deployment helpers. */
export function readRoles(ctx: LoadContext): RoleModel[] {
  return ctx
    .resourcesOfType('AWS::IAM::Role')
    .filter((logicalId) => !isCdkDeploymentHelper(logicalId))
    .map((logicalId) => readRole(ctx, logicalId));
}

/**
 * CDK's custom resource providers (auto-delete-objects, and the bucket deployment's handler with its
 * role, policy and log group) run only while CloudFormation deploys.
 */
export function isCdkDeploymentHelper(logicalId: string): boolean {
  return /CustomResourceProvider(Role|Handler)|^CustomCDKBucketDeployment[0-9A-F]{32}/.test(logicalId);
}

function readRole(ctx: LoadContext, logicalId: string): RoleModel {
  const where = `Resources.${logicalId}`;
  const name = ctx.resolver.resolveString({ Ref: logicalId }, where);
  const arn = ctx.resolver.resolveString({ 'Fn::GetAtt': [logicalId, 'Arn'] }, where);
  const managed = managedPolicies(ctx);
  ctx.checkProperties(`Role ${logicalId}`, logicalId, {
    AssumeRolePolicyDocument: 'modelled',
    Policies: 'modelled',
    ManagedPolicyArns: (value) => {
      const unknown = stringList(value).filter((policyArn) => !managed.has(policyArn));
      return unknown.length > 0
        ? `managed policies outside the template (${unknown.join(', ')}) grant nothing`
        : undefined;
    },
    RoleName: 'ignored',
    Path: 'ignored',
    Description: 'ignored',
    MaxSessionDuration: 'ignored',
    Tags: 'ignored',
  });

  const policies: NamedPolicy[] = [];
  const inline = ctx.property(logicalId, 'Policies');
  for (const entry of Array.isArray(inline) ? (inline as Array<Record<string, unknown>>) : []) {
    policies.push(
      identityPolicy(`${displayName(ctx, logicalId)}/${String(entry.PolicyName)}`, entry.PolicyDocument),
    );
  }
  for (const policyId of ctx.resourcesOfType('AWS::IAM::Policy')) {
    if (!stringList(ctx.property(policyId, 'Roles')).includes(name)) continue;
    policies.push(identityPolicy(displayName(ctx, policyId), ctx.property(policyId, 'PolicyDocument')));
  }
  for (const policyArn of stringList(ctx.property(logicalId, 'ManagedPolicyArns'))) {
    const policy = managed.get(policyArn);
    if (policy) policies.push(policy);
  }
  for (const [policyArn, policy] of managed) {
    const attachedHere = stringList(ctx.property(managedLogicalId(ctx, policyArn), 'Roles')).includes(name);
    if (attachedHere && !policies.includes(policy)) policies.push(policy);
  }
  const role: RoleModel = { logicalId, arn, name, policies };
  const trust = cognitoTrustPolicy(ctx, logicalId, arn);
  if (trust) role.trustPolicy = trust;
  return role;
}

const COGNITO_IDENTITY = 'cognito-identity.amazonaws.com';

/**
 * The trust statements naming Cognito identity pools as the federated principal, with Principal
 * removed and the role itself as Resource (a trust policy's implicit resource).
 */
function cognitoTrustPolicy(ctx: LoadContext, logicalId: string, arn: string): NamedPolicy | undefined {
  const document = ctx.property(logicalId, 'AssumeRolePolicyDocument') as PolicyDocument | undefined;
  if (!document || typeof document !== 'object') return undefined;
  const statements = Array.isArray(document.Statement) ? document.Statement : [document.Statement];
  const trusted = statements
    .filter((statement) => {
      const principal = statement.Principal;
      return typeof principal === 'object' && stringList(principal.Federated).includes(COGNITO_IDENTITY);
    })
    .map(({ Principal: _principal, NotPrincipal: _not, ...rest }) => ({ ...rest, Resource: arn }));
  if (trusted.length === 0) return undefined;
  return identityPolicy(`${displayName(ctx, logicalId)}/TrustPolicy`, {
    ...(document.Version ? { Version: document.Version } : {}),
    Statement: trusted,
  });
}

/** Customer managed policies of the template, by ARN. */
function managedPolicies(ctx: LoadContext): Map<string, NamedPolicy> {
  const out = new Map<string, NamedPolicy>();
  for (const logicalId of ctx.resourcesOfType('AWS::IAM::ManagedPolicy')) {
    const policyArn = ctx.resolver.resolveString({ Ref: logicalId }, `Resources.${logicalId}`);
    out.set(
      policyArn,
      identityPolicy(displayName(ctx, logicalId), ctx.property(logicalId, 'PolicyDocument')),
    );
  }
  return out;
}

function managedLogicalId(ctx: LoadContext, policyArn: string): string {
  return (
    ctx
      .resourcesOfType('AWS::IAM::ManagedPolicy')
      .find((id) => ctx.resolver.resolve({ Ref: id }, `Resources.${id}`) === policyArn) ?? ''
  );
}

function identityPolicy(name: string, document: unknown): NamedPolicy {
  return { name, kind: 'identity', document: document as PolicyDocument };
}

/**
 * A readable policy name for decisions: the CDK construct path without the stack and the trailing
 * `/Resource` (`Identity/IdentityPool/AuthenticatedRole/DefaultPolicy`), else the logical id.
 */
export function displayName(ctx: LoadContext, logicalId: string): string {
  const path = ctx.template.Resources[logicalId]?.Metadata?.['aws:cdk:path'];
  if (typeof path !== 'string') return logicalId;
  return path
    .split('/')
    .slice(1)
    .filter((part, i, all) => !(part === 'Resource' && i === all.length - 1))
    .join('/');
}
