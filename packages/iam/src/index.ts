/*
 * Public surface of @auth-s3/iam: `evaluate` decides a request against IAM policies the way AWS
 * documents it; the error classes let callers tell a malformed policy from a denial.
 */

export { validatePolicy } from './compile-policy.js';
export type { PolicyLocation } from './errors.js';
export {
  IamError,
  InvalidPolicyError,
  InvalidRequestError,
  UnsupportedConditionOperatorError,
} from './errors.js';
export { evaluate } from './evaluate.js';
export type {
  AnonymousPrincipal,
  AuthorizationRequest,
  ConditionBlock,
  ContextValue,
  Decision,
  MatchedStatement,
  NamedPolicy,
  OneOrMany,
  PolicyDocument,
  PolicyStatement,
  Principal,
  RequestPrincipal,
  RoleSessionPrincipal,
  ServicePrincipal,
} from './types.js';
