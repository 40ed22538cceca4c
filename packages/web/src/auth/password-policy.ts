/*
 * The stack's password rules, mirrored for live checking as the user types. The outputs file does not
 * carry the policy, so this is the one place in the app that repeats it: keep it in step with the
 * user pool's `passwordPolicy` in `infra/src/user-auth.ts` (`password-policy.stack.test.ts` compares
 * the two through the synthesized template). Cognito still enforces the rules; this only gives early feedback.
 */

/** One rule, with the words shown beside it. */
export interface PasswordRule {
  id: 'length' | 'lowercase' | 'uppercase' | 'number' | 'symbol';
  label: string;
  test(password: string): boolean;
}

/** The user pool's policy, in the shape the emulator's stack model uses. */
export interface PasswordPolicyShape {
  minimumLength: number;
  requireLowercase: boolean;
  requireUppercase: boolean;
  requireNumbers: boolean;
  requireSymbols: boolean;
}

/** Mirrors `passwordPolicy` in `infra/src/user-auth.ts`. */
export const STACK_PASSWORD_POLICY: PasswordPolicyShape = {
  minimumLength: 8,
  requireLowercase: true,
  requireUppercase: true,
  requireNumbers: true,
  requireSymbols: true,
};

// The characters Cognito counts as symbols (its documented set).
const COGNITO_SYMBOLS = '^$*.[]{}()?-"!@#%&/\\,><\':;|_~`+=';

/** Builds the rule list for a policy; the app uses {@link PASSWORD_RULES}. */
export function rulesFor(policy: PasswordPolicyShape): PasswordRule[] {
  const rules: PasswordRule[] = [
    {
      id: 'length',
      label: `At least ${policy.minimumLength} characters`,
      test: (p) => [...p].length >= policy.minimumLength,
    },
  ];
  if (policy.requireLowercase)
    rules.push({ id: 'lowercase', label: 'A lowercase letter', test: (p) => /[a-z]/.test(p) });
  if (policy.requireUppercase)
    rules.push({ id: 'uppercase', label: 'An uppercase letter', test: (p) => /[A-Z]/.test(p) });
  if (policy.requireNumbers) rules.push({ id: 'number', label: 'A number', test: (p) => /[0-9]/.test(p) });
  if (policy.requireSymbols) {
    rules.push({
      id: 'symbol',
      label: 'A symbol, such as ! ? # or %',
      test: (p) => [...p].some((c) => COGNITO_SYMBOLS.includes(c)),
    });
  }
  return rules;
}

/** The stack's rules, in the order they are shown. */
export const PASSWORD_RULES: readonly PasswordRule[] = rulesFor(STACK_PASSWORD_POLICY);

/** The labels of the rules a password does not meet yet; empty when it meets them all. */
export function unmetRules(
  password: string,
  rules: readonly PasswordRule[] = PASSWORD_RULES,
): PasswordRule[] {
  return rules.filter((rule) => !rule.test(password));
}
