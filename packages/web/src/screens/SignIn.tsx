/*
 * Sign-in: email and password, then the authenticator app's code for users who turned it on. An
 * unconfirmed user is sent to Confirm with a fresh code; the files view is prefetched while the
 * password is typed, so landing there adds no wait.
 */
import { UnsupportedChallengeError, UserNotConfirmedError } from 'auth-s3/errors';
import { type FormEvent, useState } from 'react';
import { useAuth } from '../auth/useAuth';
import { checkEmail, checkPassword } from '../auth/validate';
import { Alert } from '../components/Alert';
import { EmailField } from '../components/AuthFields';
import { AuthLayout } from '../components/AuthLayout';
import { PasswordField } from '../components/PasswordField';
import { SubmitButton } from '../components/SubmitButton';
import { useAction } from '../components/useAction';
import { navigate, routeHref } from '../router';
import { NewPasswordStep } from './NewPasswordStep';
import { TotpCodeStep } from './TotpCodeStep';

/** Props of {@link SignIn}. */
export interface SignInProps {
  /** Called as the user types the password: a good moment to fetch the next screen. */
  onTypingPassword?: () => void;
}

/** The sign-in screen. */
export function SignIn({ onTypingPassword }: SignInProps) {
  const { auth, notice, setNotice } = useAuth();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<{ email?: string | null; password?: string | null }>({});
  const [completeNewPassword, setCompleteNewPassword] = useState<((p: string) => Promise<unknown>) | null>(
    null,
  );
  const [submitCode, setSubmitCode] = useState<((code: string) => Promise<unknown>) | null>(null);
  const action = useAction();

  if (completeNewPassword) return <NewPasswordStep complete={completeNewPassword} />;
  if (submitCode) {
    const restart = (message: string) => {
      setSubmitCode(null);
      setNotice(message);
    };
    return <TotpCodeStep submitCode={submitCode} restart={restart} />;
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = { email: checkEmail(email), password: checkPassword(password) };
    setErrors(found);
    if (found.email || found.password) return;
    setNotice(null);
    void action.run(
      async () => {
        // Done, the library's `signedIn` event moves the app on; otherwise a new password or a code comes first.
        const result = await auth.signIn(email.trim(), password);
        if (result.status === 'newPasswordRequired') setCompleteNewPassword(() => result.completeNewPassword);
        else if (result.status === 'totpRequired') setSubmitCode(() => result.submitCode);
        // Setting up an app during sign-in (a pool that requires MFA) is not on this screen yet.
        else if (result.status === 'totpSetupRequired') throw new UnsupportedChallengeError('MFA_SETUP');
      },
      async (error) => {
        if (!(error instanceof UserNotConfirmedError)) return false;
        await auth.resendCode(email.trim());
        setNotice('Confirm your email first: we sent you a new code.');
        navigate({ name: 'confirm', email: email.trim() });
        return true;
      },
    );
  };

  return (
    <AuthLayout title="Sign in">
      {notice ? <Alert tone="info">{notice}</Alert> : null}
      {action.error ? <Alert tone="error">{action.error}</Alert> : null}
      <form onSubmit={submit} noValidate>
        <EmailField autoComplete="username" value={email} onValueChange={setEmail} error={errors.email} />
        <PasswordField
          label="Password"
          autoComplete="current-password"
          value={password}
          onValueChange={(value) => {
            setPassword(value);
            onTypingPassword?.();
          }}
          onFocus={onTypingPassword}
          error={errors.password}
        />
        <SubmitButton busy={action.busy}>{action.busy ? 'Signing in…' : 'Sign in'}</SubmitButton>
      </form>
      <nav className="auth-links" aria-label="Other options">
        <a href={routeHref({ name: 'forgot', email: email.trim() })}>Forgot password?</a>
        <a href={routeHref({ name: 'signUp' })}>Create an account</a>
      </nav>
    </AuthLayout>
  );
}
