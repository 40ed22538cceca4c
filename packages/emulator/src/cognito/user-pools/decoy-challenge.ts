/*
 * What an unknown user's PASSWORD_VERIFIER challenge shows, where the pool hides which users
 * exist: a SALT and a USER_ID_FOR_SRP shaped like a real user's (a UUID in pools that sign in with
 * email), both derived from HMAC(the emulator's secret key in the data dir, pool id + login) — so
 * asking twice gives the same answer, as it does for a real user, and nothing echoes the login.
 */
import { createHmac } from 'node:crypto';
import { padHex } from '../services/srp.js';

/** The stable SALT and USER_ID_FOR_SRP of a login that is not a user. */
export function decoyIdentity(
  key: Buffer,
  poolId: string,
  login: string,
  signsInWithEmail: boolean,
): { salt: string; userId: string } {
  const digest = createHmac('sha256', key).update(`decoy-srp\0${poolId}\0${login.toLowerCase()}`).digest();
  // A real salt is 16 random bytes written as padHex does; the user id, a random (v4) UUID.
  const salt = padHex(BigInt(`0x${digest.subarray(0, 16).toString('hex')}`));
  if (!signsInWithEmail) return { salt, userId: login.toLowerCase() };
  const bytes = Buffer.from(digest.subarray(16, 32));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  const userId = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
  return { salt, userId };
}
