/*
 * The shapes the policy evaluator works on: IAM policy documents as CloudFormation and AWS
 * write them, the request being authorized, and the decision with the statement behind it.
 */

/** A value that IAM allows either as one string or as a list of them. */
export type OneOrMany<T> = T | T[];

/** `{ "StringLike": { "s3:prefix": ["public/", "public/*"] } }` */
export type ConditionBlock = Record<string, Record<string, OneOrMany<string | boolean | number>>>;

/** `"*"` or `{ "AWS": "<role arn | account id | arn:aws:iam::<id>:root | *>" }` (also `Service`, `Federated`, `CanonicalUser`). */
export type Principal = '*' | Record<string, OneOrMany<string>>;

/** One statement; exactly one of Action/NotAction and of Resource/NotResource, Principal only in resource policies. */
export interface PolicyStatement {
  Sid?: string;
  Effect: 'Allow' | 'Deny';
  Action?: OneOrMany<string>;
  NotAction?: OneOrMany<string>;
  Resource?: OneOrMany<string>;
  NotResource?: OneOrMany<string>;
  Principal?: Principal;
  NotPrincipal?: Principal;
  Condition?: ConditionBlock;
}

/** A policy document; `Version: "2012-10-17"` enables policy variables. */
export interface PolicyDocument {
  Version?: string;
  Statement: OneOrMany<PolicyStatement>;
}

/** A policy with a name to report in decisions, e.g. the role's inline policy or the bucket policy. */
export interface NamedPolicy {
  /** Shown in decisions, e.g. `AuthenticatedRole/DefaultPolicy` or `BucketPolicy`. */
  name: string;
  /** Identity policies are attached to the caller; resource policies (bucket policy) match on `Principal`. */
  kind: 'identity' | 'resource';
  document: PolicyDocument;
}

/** Request context values: `aws:SecureTransport` → `true`, `s3:prefix` → `"public/"`. Absent keys are missing. */
export type ContextValue = string | boolean | number | string[];

/** The request to decide: who asks to do what on which resource, with which context keys. */
export interface AuthorizationRequest {
  /** e.g. `s3:GetObject` */
  action: string;
  /** e.g. `arn:aws:s3:::my-bucket/public/a.txt` */
  resource: string;
  /** The caller, matched against `Principal` in resource policies. */
  principal: RequestPrincipal;
  /**
   * Condition keys, case-insensitive names (`aws:CurrentTime`, `cognito-identity.amazonaws.com:sub`,
   * and for a service principal `aws:SourceArn`, e.g. the CloudFront distribution it acts for).
   */
  context: Record<string, ContextValue | undefined>;
}

/** An IAM role session, e.g. the identity pool's credentials. */
export interface RoleSessionPrincipal {
  /** e.g. `arn:aws:sts::123456789012:assumed-role/AuthRole/CognitoIdentityCredentials` */
  arn: string;
  /** The role ARN the session came from, e.g. `arn:aws:iam::123456789012:role/AuthRole` */
  roleArn?: string;
  account?: string;
}

/**
 * An AWS service principal calling on a resource's behalf, e.g. CloudFront reading an origin bucket
 * through Origin Access Control: `{ service: 'cloudfront.amazonaws.com' }`. The resource it acts for
 * goes in the context as `aws:SourceArn` (and `aws:SourceAccount`), as AWS adds them.
 */
export interface ServicePrincipal {
  service: string;
}

/** An unsigned (anonymous) request: only `"*"` or `{ "AWS": "*" }` names it. */
export interface AnonymousPrincipal {
  anonymous: true;
}

/** Who makes the request. */
export type RequestPrincipal = RoleSessionPrincipal | ServicePrincipal | AnonymousPrincipal;

/** The statement that decided a request. */
export interface MatchedStatement {
  policy: string;
  /** Index in the policy's Statement list. */
  index: number;
  sid?: string;
  effect: 'Allow' | 'Deny';
}

/** The outcome of `evaluate`. */
export interface Decision {
  decision: 'Allow' | 'ExplicitDeny' | 'ImplicitDeny';
  /** The statement that decided: the denying one, or the first allowing one. Absent for implicit deny. */
  statement?: MatchedStatement;
  /** One line for logs: `Allow s3:GetObject on arn:aws:s3:::b/public/a by AuthRole/DefaultPolicy#0`. */
  summary: string;
}
