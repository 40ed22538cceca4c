/*
 * The request context as conditions and policy variables see it: key names compared
 * case-insensitively (AWS documents condition key names as case-insensitive, so a bucket policy's
 * `AWS:SourceArn` reads the request's `aws:SourceArn`), plus the principal keys AWS adds, derived
 * from the caller when the request does not set them: `aws:PrincipalArn` and `aws:PrincipalAccount`
 * for a role session, `aws:PrincipalServiceName` for a service principal, `aws:PrincipalIsAWSService`
 * for both; none for an anonymous caller. `aws:SourceArn` itself is the caller's to supply: AWS adds
 * it only when a service calls on a resource's behalf.
 * See https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html
 */
import type { AuthorizationRequest, ContextValue } from './types.js';

/** Looks a condition key up by name, ignoring case; `undefined` means the key is missing. */
export type ContextLookup = (key: string) => ContextValue | undefined;

/** Builds the case-insensitive lookup for one request. */
export function createContextLookup(request: AuthorizationRequest): ContextLookup {
  const values = new Map<string, ContextValue>();
  const caller = request.principal;
  if ('service' in caller) {
    // A service principal has no ARN or account of its own; AWS names the service instead.
    values.set('aws:principalservicename', caller.service);
    values.set('aws:principalisawsservice', true);
  } else if (!('anonymous' in caller)) {
    values.set('aws:principalarn', caller.roleArn ?? caller.arn);
    const account = caller.account ?? accountOf(caller.arn);
    if (account) values.set('aws:principalaccount', account);
    values.set('aws:principalisawsservice', false);
  }
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
