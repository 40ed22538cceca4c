/*
 * Errors the policy evaluator throws. Every one extends the abstract `IamError`, so callers can
 * catch the whole family with one `instanceof`; the leaves say which policy and statement is at
 * fault and keep the underlying `cause`. A policy the evaluator cannot evaluate always throws:
 * it never silently allows or denies.
 */

/** Base class of every error `@auth-s3/iam` throws. */
export abstract class IamError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** Where in a policy a problem sits, for messages: `BucketPolicy statement #2 (DenyInsecure)`. */
export interface PolicyLocation {
  policy: string;
  index?: number;
  sid?: string;
}

function describeLocation(at: PolicyLocation): string {
  if (at.index === undefined) return at.policy;
  return `${at.policy} statement #${at.index}${at.sid ? ` (${at.sid})` : ''}`;
}

/**
 * A hint for values that are still CloudFormation intrinsics (`{ "Fn::GetAtt": ... }`, `{ "Ref": ... }`):
 * policies taken from a synthesized template must have them resolved before evaluation.
 */
export function intrinsicHint(value: unknown): string {
  const isIntrinsic = (v: unknown) =>
    typeof v === 'object' && v !== null && Object.keys(v).some((k) => k === 'Ref' || k.startsWith('Fn::'));
  const found = Array.isArray(value) ? value.some(isIntrinsic) : isIntrinsic(value);
  return found
    ? '; it is still a CloudFormation intrinsic (Ref/Fn::*): resolve it to a string before evaluating'
    : '';
}

/** The policy document breaks IAM's grammar (missing Effect, both Action and NotAction, a bad value...). */
export class InvalidPolicyError extends IamError {
  readonly location: PolicyLocation;
  constructor(location: PolicyLocation, problem: string, options?: { cause?: unknown }) {
    super(`${describeLocation(location)}: ${problem}`, options);
    this.location = location;
  }
}

/** A Condition uses an operator this evaluator does not implement (or AWS does not define). */
export class UnsupportedConditionOperatorError extends IamError {
  readonly operator: string;
  readonly location: PolicyLocation;
  constructor(location: PolicyLocation, operator: string, options?: { cause?: unknown }) {
    super(
      `${describeLocation(location)}: condition operator "${operator}" is not supported; use one of the ` +
        'operators AWS documents (StringLike, ArnEquals, Bool, IpAddress, DateLessThan, Null, ...), ' +
        'optionally with ForAnyValue:/ForAllValues: or an IfExists suffix',
      options,
    );
    this.operator = operator;
    this.location = location;
  }
}

/** The request to authorize is malformed (e.g. an action without a `service:` prefix). */
export class InvalidRequestError extends IamError {}
