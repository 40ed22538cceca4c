/*
 * The stack's password rules as the app shows them while the user types. The rules and the policy
 * are not repeated here: the policy comes with the outputs file (`config.passwordPolicy`, read by the
 * outputs contract), and whether a password meets a rule is the contract's evaluator, the same the
 * emulator enforces. This file only adds the words. Cognito still has the last word.
 */
import {
  type AuthS3Config,
  meetsPasswordRule,
  type PasswordPolicy,
  type PasswordRule,
  passwordRules,
} from 'auth-s3';
import { useAuthContext } from './useAuth';

/** A rule of the policy: the library's `PasswordRule` (as `InvalidPasswordError.rule` names it), less `unknown`. */
export type PolicyRule = Exclude<PasswordRule, 'unknown'>;

/** A rule as shown beside the password field. */
export interface ShownRule {
  rule: PolicyRule;
  label: string;
  met: boolean;
}

const LABELS: Record<PolicyRule, (policy: PasswordPolicy) => string> = {
  length: (policy) => `At least ${policy.minimumLength} characters`,
  lowercase: () => 'A lowercase letter',
  uppercase: () => 'An uppercase letter',
  numbers: () => 'A number',
  symbols: () => 'A symbol, such as ! ? # or %',
};

/** Each rule `policy` enforces, in Cognito's order, with its words and whether `password` meets it. */
export function showRules(password: string, policy: PasswordPolicy | undefined): ShownRule[] {
  if (!policy) return [];
  return passwordRules(policy).map((rule) => ({
    rule,
    label: LABELS[rule](policy),
    met: meetsPasswordRule(password, rule, policy),
  }));
}

/** The stack's password policy, from the config the app was started with (absent: no live rules). */
export function usePasswordPolicy(): AuthS3Config['passwordPolicy'] {
  return useAuthContext('usePasswordPolicy').client.config.passwordPolicy;
}
