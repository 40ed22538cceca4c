/*
 * Changing the password: the current one (Cognito checks it) and a new one, checked live against the
 * stack's rules from the outputs file.
 */
import { NotAuthorizedError } from 'auth-s3/errors';
import { type FormEvent, useState } from 'react';
import { usePasswordPolicy } from '../auth/password-policy';
import { checkNewPassword, checkPassword } from '../auth/validate';
import { Alert } from '../components/Alert';
import { NewPasswordField } from '../components/AuthFields';
import { PasswordField } from '../components/PasswordField';
import { SubmitButton } from '../components/SubmitButton';
import { useAction } from '../components/useAction';
import { useAccount } from './useAccount';

/** The change-password form. */
export function ChangePasswordSection() {
  const { auth } = useAccount();
  const policy = usePasswordPolicy();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [errors, setErrors] = useState<{ current?: string | null; next?: string | null }>({});
  const [done, setDone] = useState(false);
  const action = useAction();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = { current: checkPassword(current), next: checkNewPassword(next, policy) };
    setErrors(found);
    setDone(false);
    if (found.current || found.next) return;
    void action.run(
      async () => {
        await auth.changePassword(current, next);
        setCurrent('');
        setNext('');
        setDone(true);
      },
      (error) => {
        // Signed in, a refusal of ChangePassword means the current password was wrong.
        if (!(error instanceof NotAuthorizedError)) return false;
        setErrors({ current: 'That is not your current password.' });
        return true;
      },
    );
  };
  return (
    <section className="card card-wide account-section" aria-labelledby="password-title">
      <h2 id="password-title">Password</h2>
      {done ? (
        <Alert tone="success">Your password was changed. Use the new one next time you sign in.</Alert>
      ) : null}
      {action.error ? <Alert tone="error">{action.error}</Alert> : null}
      <form onSubmit={submit} noValidate>
        <PasswordField
          label="Current password"
          autoComplete="current-password"
          value={current}
          onValueChange={setCurrent}
          error={errors.current}
        />
        <NewPasswordField label="New password" value={next} onValueChange={setNext} error={errors.next} />
        <SubmitButton busy={action.busy}>Change password</SubmitButton>
      </form>
    </section>
  );
}
