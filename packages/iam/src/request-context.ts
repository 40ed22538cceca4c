/*
 * The request context as conditions and policy variables see it: key names compared
 * case-insensitively (AWS documents condition key names as case-insensitive), plus the few
 * principal keys AWS always adds (`aws:PrincipalArn`, `aws:PrincipalAccount`) derived from the
 * caller when the request does not set them.
 */
import type { AuthorizationRequest, ContextValue } from './types.js';

/** Looks a condition key up by name, ignoring case; `undefined` means the key is missing. */
export type ContextLookup = (key: string) => ContextValue | undefined;

/** Builds the case-insensitive lookup for one request. */
export function createContextLookup(request: AuthorizationRequest): ContextLookup {
  const values = new Map<string, ContextValue>();
  const principalArn = request.principal.roleArn ?? request.principal.arn;
  values.set('aws:principalarn', principalArn);
  const account = request.principal.account ?? accountOf(request.principal.arn);
  if (account) values.set('aws:principalaccount', account);
  for (const [key, value] of Object.entries(request.context)) {
    if (value !== undefined && value !== null) values.set(key.toLowerCase(), value);
  }
  return (key) => values.get(key.toLowerCase());
}

/** The account id in an ARN's fifth field, if there is one. */
export function accountOf(arn: string): string | undefined {
  const account = arn.split(':')[4];
  return account && /^\d{12}$/.test(account) ? account : undefined;
}
