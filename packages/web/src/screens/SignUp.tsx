/*
 * Sign-up: email and a password checked live against the stack's rules. On success the user goes to
 * Confirm to enter the emailed code.
 */
import { type FormEvent, useState } from 'react';
import { usePasswordPolicy } from '../auth/password-policy';
import { useAuth } from '../auth/useAuth';
import { checkEmail, checkNewPassword } from '../auth/validate';
import { Alert } from '../components/Alert';
import { EmailField, NewPasswordField } from '../components/AuthFields';
import { AuthLayout } from '../components/AuthLayout';
import { SubmitButton } from '../components/SubmitButton';
import { useAction } from '../components/useAction';
import { navigate, routeHref } from '../router';

/** The sign-up screen. */
export function SignUp() {
  const { auth, setNotice } = useAuth();
  const passwordPolicy = usePasswordPolicy();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<{ email?: string | null; password?: string | null }>({});
  const action = useAction();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = { email: checkEmail(email), password: checkNewPassword(password, passwordPolicy) };
    setErrors(found);
    if (found.email || found.password) return;
    void action.run(async () => {
      const address = email.trim();
      const result = await auth.signUp(address, password);
      if (result.userConfirmed) {
        // The library's `signedIn` event moves the app on.
        await auth.signIn(address, password);
        return;
      }
      setNotice(`We sent a code to ${result.codeDeliveredTo ?? address}.`);
      navigate({ name: 'confirm', email: address });
    });
  };

  return (
    <AuthLayout title="Create an account">
      {action.error ? <Alert tone="error">{action.error}</Alert> : null}
      <form onSubmit={submit} noValidate>
        <EmailField autoComplete="email" value={email} onValueChange={setEmail} error={errors.email} />
        <NewPasswordField
          label="Password"
          value={password}
          onValueChange={setPassword}
          error={errors.password}
        />
        <SubmitButton busy={action.busy}>{action.busy ? 'Creating account…' : 'Create account'}</SubmitButton>
      </form>
      <nav className="auth-links" aria-label="Other options">
        <a href={routeHref({ name: 'signIn' })}>Already have an account? Sign in</a>
      </nav>
    </AuthLayout>
  );
}
