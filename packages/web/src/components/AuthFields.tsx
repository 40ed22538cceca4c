/*
 * The fields the sign-up, confirm, sign-in and reset screens all ask for: an email, an emailed code and a
 * new password. Each keeps the label the screen names it by (tests and screen readers find it so) and
 * owns the input attributes that make browsers and password managers fill it in right.
 */
import { Field } from './Field';
import { PasswordField } from './PasswordField';

/** The value, setter and validation message of one form field. */
export interface AuthFieldProps {
  value: string;
  onValueChange(value: string): void;
  error?: string | null;
}

/**
 * The "Email" field. `autoComplete` is `email` where an address is being given (sign-up, confirm) and
 * `username` where it names an existing account (sign-in, reset), so password managers pair it.
 */
export function EmailField({
  autoComplete,
  value,
  onValueChange,
  error,
}: AuthFieldProps & { autoComplete: 'email' | 'username' }) {
  return (
    <Field
      label="Email"
      type="email"
      autoComplete={autoComplete}
      value={value}
      onChange={(e) => onValueChange(e.target.value)}
      error={error}
    />
  );
}

/** The 6-digit emailed code, offered from the one-time-code autofill. */
export function CodeField({ label, value, onValueChange, error }: AuthFieldProps & { label: string }) {
  return (
    <Field
      label={label}
      inputMode="numeric"
      autoComplete="one-time-code"
      maxLength={6}
      value={value}
      onChange={(e) => onValueChange(e.target.value)}
      error={error}
    />
  );
}

/**
 * The authenticator app's 6-digit code: numeric keyboard on phones, offered from the one-time-code
 * autofill, and a pasted "123 456" or "123-456" kept whole (no `maxLength`; spaces and dashes dropped).
 */
export function TotpCodeField({
  label = 'Authenticator code',
  value,
  onValueChange,
  error,
}: AuthFieldProps & { label?: string }) {
  return (
    <Field
      label={label}
      inputMode="numeric"
      autoComplete="one-time-code"
      value={value}
      onChange={(e) => onValueChange(e.target.value.replace(/[\s-]/g, ''))}
      error={error}
    />
  );
}

/** A password being chosen: the stack's rules are checked live under it. */
export function NewPasswordField({ label, value, onValueChange, error }: AuthFieldProps & { label: string }) {
  return (
    <PasswordField
      label={label}
      autoComplete="new-password"
      value={value}
      onValueChange={onValueChange}
      withRules
      error={error}
    />
  );
}
