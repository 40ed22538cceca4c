/*
 * Sign-in: email and password, then (as the pool asks) a new password, the authenticator app's code,
 * or setting up the app where the pool requires one (its own lazy chunk, with the QR encoder). An
 * unconfirmed user is sent to Confirm with a fresh code; the files view is prefetched while the
 * password is typed, so landing there adds no wait.
 */
import type { SignInResult } from 'auth-s3';
import { UserNotConfirmedError } from 'auth-s3/errors';
import { type FormEvent, Suspense, useState } from 'react';
import { useAuth } from '../auth/useAuth';
import { checkEmail, checkPassword } from '../auth/validate';
import { Alert } from '../components/Alert';
import { EmailField } from '../components/AuthFields';
import { AuthLayout } from '../components/AuthLayout';
import { PasswordField } from '../components/PasswordField';
import { SubmitButton } from '../components/SubmitButton';
import { useAction } from '../components/useAction';
import { navigate, routeHref } from '../router';
import { LazyMfaSetupStep } from './lazy-account';
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
  // The step the pool asks for after the password; none: the password form.
  const [step, setStep] = useState<Exclude<SignInResult, { status: 'done' }> | null>(null);
  const action = useAction();
  // Done, the library's `signedIn` event moves the app on; otherwise the step it asks for comes next.
  const goOn = (result: SignInResult) => setStep(result.status === 'done' ? null : result);
  const restart = (message: string) => {
    setStep(null);
    setNotice(message);
  };

  switch (step?.status) {
    case 'newPasswordRequired':
      // A pool with MFA asks for the code (or the app) next.
      return <NewPasswordStep complete={async (p) => goOn(await step.completeNewPassword(p))} />;
    case 'totpRequired':
      return <TotpCodeStep submitCode={step.submitCode} restart={restart} />;
    case 'totpSetupRequired':
      return (
        <Suspense fallback={<p role="status">Loading…</p>}>
          <LazyMfaSetupStep setup={step} restart={restart} />
        </Suspense>
      );
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = { email: checkEmail(email), password: checkPassword(password) };
    setErrors(found);
    if (found.email || found.password) return;
    setNotice(null);
    void action.run(
      async () => {
        goOn(await auth.signIn(email.trim(), password));
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
