/*
 * The user pool's password policy, enforced as Cognito does, with Cognito's messages: each
 * names the first rule the password breaks ("Password must have symbol characters").
 */
import { InvalidPasswordError } from '../errors.js';
import type { PasswordPolicy } from '../stack-model.js';

/** The characters Cognito counts as symbols. */
const SYMBOLS = new Set('^$*.[]{}()?"!@#%&/\\,><\':;|_~`=+- ');

/** Throws InvalidPasswordError naming the first rule `password` breaks. */
export function enforcePasswordPolicy(password: string, policy: PasswordPolicy): void {
  const fail = (rule: string) => {
    throw new InvalidPasswordError(`Password did not conform with policy: ${rule}`);
  };
  if (password.length < policy.minimumLength) fail('Password not long enough');
  if (policy.requireLowercase && !/[a-z]/.test(password)) fail('Password must have lowercase characters');
  if (policy.requireUppercase && !/[A-Z]/.test(password)) fail('Password must have uppercase characters');
  if (policy.requireNumbers && !/[0-9]/.test(password)) fail('Password must have numeric characters');
  // A space counts only inside the password, not at either end.
  const inner = password.trim();
  if (policy.requireSymbols && ![...inner].some((c) => SYMBOLS.has(c))) {
    fail('Password must have symbol characters');
  }
}

/** A random password that satisfies `policy`, for AdminCreateUser without a TemporaryPassword. */
export function generatePassword(policy: PasswordPolicy, random: (n: number) => number): string {
  const sets = ['abcdefghijkmnopqrstuvwxyz', 'ABCDEFGHJKLMNPQRSTUVWXYZ', '23456789', '^$*.!@#%&'];
  const pick = (set: string) => set[random(set.length)] ?? 'x';
  const chars = sets.map(pick);
  const all = sets.join('');
  while (chars.length < Math.max(policy.minimumLength, 12)) chars.push(pick(all));
  return chars.join('');
}
