/*
 * Principal and NotPrincipal matching for resource policies (the bucket policy), for a caller in
 * the same account. `"*"` and `{ "AWS": "*" }` match everyone, anonymous callers and AWS services
 * included; a role ARN matches the role and every session of it; an assumed-role session ARN
 * matches that session; an account id or `arn:aws:iam::<account>:root` names the whole account.
 * Naming the account only delegates to the account's own identity policies (AWS: "this delegates
 * authority to the account"), so such an Allow does not grant anything by itself, while such a
 * Deny still applies to every caller in it. A service principal (`cloudfront.amazonaws.com`) is
 * named only by a `Service` entry with its exact name, and by the wildcards.
 * See https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html
 * (sections "AWS service principals" and "All principals").
 */
import { accountOf } from './request-context.js';
import type { AuthorizationRequest, Principal, RoleSessionPrincipal } from './types.js';

/** How a Principal element names the caller: specifically (or by wildcard), only by account, or not at all. */
export type PrincipalMatch = 'specific' | 'account' | 'none';

/** The principal types IAM accepts in a Principal element. */
export const PRINCIPAL_TYPES = ['AWS', 'Federated', 'Service', 'CanonicalUser'] as const;

const ACCOUNT_ROOT = /^arn:aws[a-z-]*:iam::(\d{12}):root$/;

/** A principal entry's values as a list. */
function valuesOf(element: Exclude<Principal, '*'>, type: string): string[] {
  const raw = element[type];
  return raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
}

function matchAwsValue(value: string, caller: RoleSessionPrincipal): PrincipalMatch {
  if (value === caller.arn || (caller.roleArn !== undefined && value === caller.roleArn)) return 'specific';
  const callerAccount = caller.account ?? accountOf(caller.arn);
  const namedAccount = /^\d{12}$/.test(value) ? value : ACCOUNT_ROOT.exec(value)?.[1];
  return namedAccount !== undefined && namedAccount === callerAccount ? 'account' : 'none';
}

/**
 * How `element` names `caller`. `"*"` and an `AWS` entry of `*` name every caller. Otherwise only
 * `AWS` entries can name an IAM role session, and only `Service` entries a service principal;
 * `Federated` and `CanonicalUser` entries never match, and nothing but the wildcards names an
 * anonymous caller.
 */
export function matchPrincipal(
  element: Principal,
  caller: AuthorizationRequest['principal'],
): PrincipalMatch {
  if (element === '*' || valuesOf(element, 'AWS').includes('*')) return 'specific';
  if ('anonymous' in caller) return 'none';
  if ('service' in caller) {
    return valuesOf(element, 'Service').includes(caller.service) ? 'specific' : 'none';
  }
  let best: PrincipalMatch = 'none';
  for (const value of valuesOf(element, 'AWS')) {
    const match = matchAwsValue(value, caller);
    if (match === 'specific') return match;
    if (match === 'account') best = match;
  }
  return best;
}
