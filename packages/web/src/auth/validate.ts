/*
 * Client-side checks of the auth forms, worded as what to do. They run before any request; the
 * server's answer is still the authority.
 */
import type { PasswordPolicy } from 'auth-s3';
import { showRules } from './password-policy';

// Deliberately loose: one @, something either side, a dot in the domain. Cognito has the last word.
const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** A message for a bad email, or `null`. */
export function checkEmail(email: string): string | null {
  if (email.trim() === '') return 'Enter your email address.';
  if (!EMAIL_SHAPE.test(email.trim())) return 'Enter an email address like name@example.com.';
  return null;
}

/** A message for a new password that breaks the stack's rules (`usePasswordPolicy()`), or `null`. */
export function checkNewPassword(password: string, policy: PasswordPolicy | undefined): string | null {
  if (password === '') return 'Choose a password.';
  const unmet = showRules(password, policy).filter((rule) => !rule.met);
  if (unmet.length === 0) return null;
  return `Your password still needs: ${unmet.map((r) => r.label.toLowerCase()).join(', ')}.`;
}

/** A message for an empty password on sign-in, or `null`. */
export function checkPassword(password: string): string | null {
  return password === '' ? 'Enter your password.' : null;
}

/** A message for a bad confirmation code, or `null`. */
export function checkCode(code: string): string | null {
  if (code.trim() === '') return 'Enter the code from the email.';
  if (!/^\d{6}$/.test(code.trim())) return 'The code is the 6 digits from the email.';
  return null;
}

/** A message for a bad authenticator-app code, or `null`. */
export function checkTotpCode(code: string): string | null {
  if (code === '') return 'Enter the code from your authenticator app.';
  if (!/^\d{6}$/.test(code)) return 'The code is the 6 digits your authenticator app shows.';
  return null;
}
