/*
 * Checks the `Logins` map of identity pool requests: each key must be one of the pool's user
 * pool providers (`cognito-idp.<region>.amazonaws.com/<poolId>`) and each value an id token the
 * emulator issued (signature, issuer, audience = the provider's client, not expired). The result
 * names the user as `provider:sub`, the key of their identity. Where the provider has
 * ServerSideTokenCheck (the stack sets it), the token's sign-in must also still stand: not signed
 * out (GlobalSignOut) or revoked, and its user neither deleted nor disabled.
 */
import { NotAuthorizedError } from '../errors.js';
import type { Services } from '../services/index.js';

/** The login (`provider:sub`) a valid `Logins` map proves, or `undefined` when it is empty. */
export function verifiedLogin(
  services: Pick<Services, 'model' | 'tokens' | 'clock'>,
  logins: Record<string, string> | undefined,
): string | undefined {
  const entries = Object.entries(logins ?? {});
  if (entries.length === 0) return undefined;
  const [providerName, token] = entries[0] as [string, string];
  const provider = services.model.identityPool.providers.find((p) => p.providerName === providerName);
  if (!provider) {
    throw new NotAuthorizedError(
      `Invalid login token. Provider ${providerName} is not configured for this identity pool; expected one of: ${services.model.identityPool.providers.map((p) => p.providerName).join(', ')}`,
    );
  }
  const payload = services.tokens.verifyIdToken(token);
  if (!payload) {
    throw new NotAuthorizedError('Invalid login token. Not a valid OpenId Connect identity token.');
  }
  if (payload.aud !== provider.clientId)
    throw new NotAuthorizedError('Invalid login token. Incorrect token audience.');
  const now = Math.floor(services.clock.now() / 1000);
  if (typeof payload.exp !== 'number' || payload.exp <= now) {
    throw new NotAuthorizedError(`Invalid login token. Token expired: ${payload.exp} >= ${now}`);
  }
  if (provider.serverSideTokenCheck) {
    const reason = services.tokens.revokedReason(payload);
    if (reason !== undefined) {
      throw new NotAuthorizedError(`Invalid login token. ${reason} Sign in again for a new id token.`);
    }
  }
  return `${providerName}:${String(payload.sub)}`;
}
