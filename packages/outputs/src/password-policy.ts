/*
 * The user pool's password policy as the outputs carry it, and the one evaluator of its rules: the
 * web app checks a password live with it and the emulator enforces it with it, so the same rules
 * apply against the emulator and a deployed stack. Length is counted in UTF-16 code units (what
 * `String.length` counts); letters and digits are ASCII; the symbols are the set the Cognito developer
 * guide lists under "Password policies", space included, though a space at either end of the password
 * does not count (Cognito trims it).
 */

/** The user pool's password policy (CloudFormation `Policies.PasswordPolicy`, without the temporary-password validity). */
export interface PasswordPolicy {
  readonly minimumLength: number;
  readonly requireLowercase: boolean;
  readonly requireUppercase: boolean;
  readonly requireNumbers: boolean;
  readonly requireSymbols: boolean;
}

/** A rule of the policy, in the order Cognito checks them. */
export type PasswordRule = 'length' | 'lowercase' | 'uppercase' | 'numbers' | 'symbols';

/** The characters Cognito counts as symbols. */
const PASSWORD_SYMBOLS = '^$*.[]{}()?"!@#%&/\\,><\':;|_~`=+- ';

const RULES: readonly PasswordRule[] = ['length', 'lowercase', 'uppercase', 'numbers', 'symbols'];

/** The rules `policy` enforces, in Cognito's order (`length` always). */
export function passwordRules(policy: PasswordPolicy): PasswordRule[] {
  const required: Record<PasswordRule, boolean> = {
    length: true,
    lowercase: policy.requireLowercase,
    uppercase: policy.requireUppercase,
    numbers: policy.requireNumbers,
    symbols: policy.requireSymbols,
  };
  return RULES.filter((rule) => required[rule]);
}

/** Whether `password` meets `rule` (whether or not `policy` requires it). */
export function meetsPasswordRule(password: string, rule: PasswordRule, policy: PasswordPolicy): boolean {
  switch (rule) {
    case 'length':
      return password.length >= policy.minimumLength;
    case 'lowercase':
      return /[a-z]/.test(password);
    case 'uppercase':
      return /[A-Z]/.test(password);
    case 'numbers':
      return /[0-9]/.test(password);
    case 'symbols':
      return [...password.trim()].some((c) => PASSWORD_SYMBOLS.includes(c));
  }
}

/** The rules of `policy` that `password` breaks, in Cognito's order; empty when it meets them all. */
export function brokenPasswordRules(password: string, policy: PasswordPolicy): PasswordRule[] {
  return passwordRules(policy).filter((rule) => !meetsPasswordRule(password, rule, policy));
}
