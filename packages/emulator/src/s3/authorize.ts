/*
 * Authorizes an authenticated S3 request with the stack's own policies: the caller's role
 * policies plus the bucket policy, evaluated by @auth-s3/iam with the request context S3 supplies
 * (s3:prefix, s3:delimiter, s3:max-keys, aws:SecureTransport, aws:CurrentTime, the Cognito
 * identity). Each decision is reported to the emulator (and printed when asked); a deny is S3's
 * 403 AccessDenied.
 */
import {
  type AuthorizationRequest,
  type ContextValue,
  type Decision,
  evaluate,
  type NamedPolicy,
} from '@auth-s3/iam';
import type { Clock } from '../clock.js';
import type { IssuedCredentials } from '../issued-credentials.js';
import type { StackModel } from '../stack-model.js';
import { S3Errors } from './errors.js';
import { assumedRoleArn, sessionContext } from './role-session.js';

/** One authorization decision as the emulator's console and `/_emulator/` page show it. */
export interface DecisionEvent {
  time: number;
  method: string;
  key?: string;
  action: string;
  decision: string;
  summary: string;
}

export interface AuthorizerDeps {
  model: StackModel;
  clock: Clock;
  onDecision?(event: DecisionEvent): void;
  logDecisions?: boolean;
}

/** What one operation asks permission for. */
export interface Permission {
  action: string;
  /** Undefined for bucket-level actions (ListBucket): the resource is then the bucket ARN. */
  key?: string;
  /** Overrides the resource ARN (ListAllMyBuckets: `arn:aws:s3:::*`). */
  resource?: string;
  /** Extra condition keys, e.g. `s3:prefix`. */
  context?: Record<string, ContextValue | undefined>;
}

/** Checks permissions for one caller; `check` throws AccessDenied on deny, `allows` only answers. */
export interface Authorizer {
  allows(permission: Permission): boolean;
  check(permission: Permission): void;
}

function policiesFor(model: StackModel, roleArn: string): NamedPolicy[] {
  const role = model.roles.find((r) => r.arn === roleArn);
  const policies = [...(role?.policies ?? [])];
  if (model.bucket.policy) policies.push(model.bucket.policy);
  return policies;
}

/** Builds the authorizer for one request by `credentials` (HTTP `method`, for the decision log). */
export function createAuthorizer(
  deps: AuthorizerDeps,
  credentials: IssuedCredentials,
  method: string,
): Authorizer {
  const { model, clock } = deps;
  const policies = policiesFor(model, credentials.roleArn);
  const session = sessionContext(model, credentials);
  const decide = (permission: Permission): Decision => {
    const now = clock.now();
    const resource =
      permission.resource ??
      (permission.key === undefined ? model.bucket.arn : `${model.bucket.arn}/${permission.key}`);
    const request: AuthorizationRequest = {
      action: permission.action,
      resource,
      principal: {
        arn: assumedRoleArn(credentials.roleArn),
        roleArn: credentials.roleArn,
        account: model.accountId,
      },
      context: {
        'aws:SecureTransport': true,
        'aws:CurrentTime': new Date(now).toISOString().replace(/\.\d{3}Z$/, 'Z'),
        'aws:EpochTime': Math.floor(now / 1000),
        ...session,
        ...permission.context,
      },
    };
    const decision = evaluate(request, policies);
    const event: DecisionEvent = {
      time: now,
      method,
      key: permission.key,
      action: permission.action,
      decision: decision.decision,
      summary: decision.summary,
    };
    deps.onDecision?.(event);
    if (deps.logDecisions) console.log(`[s3] ${method} ${decision.summary}`);
    return decision;
  };
  return {
    allows: (permission) => decide(permission).decision === 'Allow',
    check(permission) {
      if (decide(permission).decision !== 'Allow') throw S3Errors.accessDenied();
    },
  };
}
