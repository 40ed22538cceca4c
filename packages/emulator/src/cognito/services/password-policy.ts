/*
 * The user pool's password policy, enforced as Cognito does, with Cognito's messages: each
 * names the first rule the password breaks ("Password must have symbol characters").
 */
import { brokenPasswordRules, type PasswordRule } from '@auth-s3/outputs';
import type { PasswordPolicy } from '../../stack-model.js';
import { InvalidPasswordError } from '../errors.js';

/** Cognito's words for each rule (the rules themselves are the outputs contract's, shared with the web app). */
const MESSAGES: Record<PasswordRule, string> = {
  length: 'Password not long enough',
  lowercase: 'Password must have lowercase characters',
  uppercase: 'Password must have uppercase characters',
  numbers: 'Password must have numeric characters',
  symbols: 'Password must have symbol characters',
};

/** Throws InvalidPasswordError naming the first rule `password` breaks. */
export function enforcePasswordPolicy(password: string, policy: PasswordPolicy): void {
  const [broken] = brokenPasswordRules(password, policy);
  if (broken) throw new InvalidPasswordError(`Password did not conform with policy: ${MESSAGES[broken]}`);
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
