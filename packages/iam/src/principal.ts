/*
 * Principal and NotPrincipal matching for resource policies (the bucket policy), for a caller in
 * the same account. `"*"` and `{ "AWS": "*" }` match everyone; a role ARN matches the role and
 * every session of it; an assumed-role session ARN matches that session; an account id or
 * `arn:aws:iam::<account>:root` names the whole account. Naming the account only delegates to the
 * account's own identity policies (AWS: "this delegates authority to the account"), so such an
 * Allow does not grant anything by itself, while such a Deny still applies to every caller in it.
 */
import { accountOf } from './request-context.js';
import type { AuthorizationRequest, Principal } from './types.js';

/** How a Principal element names the caller: specifically (or by wildcard), only by account, or not at all. */
export type PrincipalMatch = 'specific' | 'account' | 'none';

/** The principal types IAM accepts in a Principal element. */
export const PRINCIPAL_TYPES = ['AWS', 'Federated', 'Service', 'CanonicalUser'] as const;

const ACCOUNT_ROOT = /^arn:aws[a-z-]*:iam::(\d{12}):root$/;

function matchAwsValue(value: string, caller: AuthorizationRequest['principal']): PrincipalMatch {
  if (value === '*') return 'specific';
  if (value === caller.arn || (caller.roleArn !== undefined && value === caller.roleArn)) return 'specific';
  const callerAccount = caller.account ?? accountOf(caller.arn);
  const namedAccount = /^\d{12}$/.test(value) ? value : ACCOUNT_ROOT.exec(value)?.[1];
  return namedAccount !== undefined && namedAccount === callerAccount ? 'account' : 'none';
}

/**
 * How `element` names `caller`. Only the `AWS` key can name an IAM role session; `Federated`,
 * `Service` and `CanonicalUser` entries never match it.
 */
export function matchPrincipal(
  element: Principal,
  caller: AuthorizationRequest['principal'],
): PrincipalMatch {
  if (element === '*') return 'specific';
  const aws = element.AWS;
  const values = aws === undefined ? [] : Array.isArray(aws) ? aws : [aws];
  let best: PrincipalMatch = 'none';
  for (const value of values) {
    const match = matchAwsValue(value, caller);
    if (match === 'specific') return match;
    if (match === 'account') best = match;
  }
  return best;
}
