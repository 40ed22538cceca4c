/*
 * The step a user created by an administrator sees after the first sign-in: choose a password.
 */
import { type FormEvent, useState } from 'react';
import { usePasswordPolicy } from '../auth/password-policy';
import { checkNewPassword } from '../auth/validate';
import { Alert } from '../components/Alert';
import { NewPasswordField } from '../components/AuthFields';
import { AuthLayout } from '../components/AuthLayout';
import { SubmitButton } from '../components/SubmitButton';
import { useAction } from '../components/useAction';

/** Asks for a new password and completes the sign-in with it. */
export function NewPasswordStep({ complete }: { complete: (password: string) => Promise<unknown> }) {
  const passwordPolicy = usePasswordPolicy();
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const action = useAction();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problem = checkNewPassword(password, passwordPolicy);
    setError(problem);
    if (problem) return;
    // Completing signs in; the library's `signedIn` event moves the app on.
    void action.run(async () => {
      await complete(password);
    });
  };
  return (
    <AuthLayout title="Choose a new password">
      <p>Your account was created for you. Choose your own password to continue.</p>
      {action.error ? <Alert tone="error">{action.error}</Alert> : null}
      <form onSubmit={submit} noValidate>
        <NewPasswordField label="New password" value={password} onValueChange={setPassword} error={error} />
        <SubmitButton busy={action.busy}>Set password and sign in</SubmitButton>
      </form>
    </AuthLayout>
  );
}
