/*
 * A password input with a show/hide toggle and, for new passwords, the stack's rules checked live.
 */
import { type InputHTMLAttributes, useId, useState } from 'react';
import { FieldError } from './Field';
import { PasswordRules } from './PasswordRules';

/** Props of {@link PasswordField}. */
export interface PasswordFieldProps
  extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'type' | 'value' | 'onChange'> {
  label: string;
  value: string;
  onValueChange(value: string): void;
  /** Show the rules checklist (for a new password). */
  withRules?: boolean;
  error?: string | null;
}

/** A labelled password input. */
export function PasswordField({
  label,
  value,
  onValueChange,
  withRules,
  error,
  ...input
}: PasswordFieldProps) {
  const id = useId();
  const [visible, setVisible] = useState(false);
  const rulesId = `${id}-rules`;
  const errorId = `${id}-error`;
  const described =
    [withRules ? rulesId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <div className="password-input">
        <input
          id={id}
          type={visible ? 'text' : 'password'}
          value={value}
          onChange={(event) => onValueChange(event.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={described}
          {...input}
        />
        <button
          type="button"
          className="button button-quiet"
          aria-pressed={visible}
          aria-label={visible ? `Hide ${label.toLowerCase()}` : `Show ${label.toLowerCase()}`}
          onClick={() => setVisible((v) => !v)}
        >
          {visible ? 'Hide' : 'Show'}
        </button>
      </div>
      {withRules ? <PasswordRules id={rulesId} password={value} /> : null}
      <FieldError id={errorId} error={error} />
    </div>
  );
}
