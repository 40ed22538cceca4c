/*
 * The stack's password rules as a checklist that updates while the user types. The list is linked to
 * the password input with `aria-describedby`, so a screen reader reads the rules with the field.
 */
import { PASSWORD_RULES } from '../auth/password-policy';

/** The checklist; `id` lets the password input point at it. */
export function PasswordRules({ id, password }: { id: string; password: string }) {
  return (
    <ul className="password-rules" id={id} aria-label="Password rules">
      {PASSWORD_RULES.map((rule) => {
        const met = rule.test(password);
        return (
          <li key={rule.id} className={met ? 'met' : 'unmet'}>
            <span aria-hidden="true" className="rule-mark">
              {met ? '✓' : '•'}
            </span>
            {rule.label}
            <span className="visually-hidden">{met ? ' (met)' : ' (not met yet)'}</span>
          </li>
        );
      })}
    </ul>
  );
}
