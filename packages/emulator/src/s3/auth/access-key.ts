/*
 * Finding the credentials an access key id names, safely: the id must have AWS's shape before it
 * reaches the lookup, and what the lookup returns must carry that same id, so no key id
 * (`constructor`, `__proto__`, `toString`) can reach an object's prototype through a lookup table,
 * however the identity pool's lookup is implemented.
 */
import type { CredentialsLookup, IssuedCredentials } from '../../issued-credentials.js';

/** AWS access key ids: upper-case letters and digits (`ASIA…`), 16 to 128 characters. */
const ACCESS_KEY_ID = /^[A-Z0-9]{16,128}$/;

/** The issued credentials for `accessKeyId`, or undefined for any id the emulator did not issue. */
export function findCredentials(
  lookup: CredentialsLookup,
  accessKeyId: string,
): IssuedCredentials | undefined {
  if (!ACCESS_KEY_ID.test(accessKeyId)) return undefined;
  const found: unknown = lookup(accessKeyId);
  if (typeof found !== 'object' || found === null) return undefined;
  return Object.hasOwn(found, 'accessKeyId') && (found as IssuedCredentials).accessKeyId === accessKeyId
    ? (found as IssuedCredentials)
    : undefined;
}
