/*
 * The stack's password rules as a checklist that updates while the user types. The list is linked to
 * the password input with `aria-describedby`, so a screen reader reads the rules with the field.
 */
import { showRules, usePasswordPolicy } from '../auth/password-policy';

/** The checklist; `id` lets the password input point at it. */
export function PasswordRules({ id, password }: { id: string; password: string }) {
  const rules = showRules(password, usePasswordPolicy());
  return (
    <ul className="password-rules" id={id} aria-label="Password rules">
      {rules.map(({ rule, label, met }) => (
        <li key={rule} className={met ? 'met' : 'unmet'}>
          <span aria-hidden="true" className="rule-mark">
            {met ? '✓' : '•'}
          </span>
          {label}
          <span className="visually-hidden">{met ? ' (met)' : ' (not met yet)'}</span>
        </li>
      ))}
    </ul>
  );
}
