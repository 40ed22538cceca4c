/*
 * Forgot password: email → emailed code → new password (rules checked live) → signed in.
 */
import { type FormEvent, useState } from 'react';
import { usePasswordPolicy } from '../auth/password-policy';
import { useAuth } from '../auth/useAuth';
import { checkCode, checkEmail, checkNewPassword } from '../auth/validate';
import { Alert } from '../components/Alert';
import { CodeField, EmailField, NewPasswordField } from '../components/AuthFields';
import { AuthLayout } from '../components/AuthLayout';
import { InboxHint } from '../components/InboxHint';
import { SubmitButton } from '../components/SubmitButton';
import { useAction } from '../components/useAction';
import { routeHref } from '../router';

/** The two-step reset screen; `email` pre-fills the first step. */
export function ForgotPassword({ email: initialEmail }: { email: string }) {
  const { auth } = useAuth();
  const passwordPolicy = usePasswordPolicy();
  const [step, setStep] = useState<'request' | 'reset'>('request');
  const [email, setEmail] = useState(initialEmail);
  const [sentTo, setSentTo] = useState('');
  const [code, setCode] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<{
    email?: string | null;
    code?: string | null;
    password?: string | null;
  }>({});
  const action = useAction();

  const requestCode = (event: FormEvent) => {
    event.preventDefault();
    const problem = checkEmail(email);
    setErrors({ email: problem });
    if (problem) return;
    void action.run(async () => {
      const result = await auth.forgotPassword(email.trim());
      setSentTo(result.codeDeliveredTo ?? email.trim());
      setStep('reset');
    });
  };

  const reset = (event: FormEvent) => {
    event.preventDefault();
    const found = { code: checkCode(code), password: checkNewPassword(password, passwordPolicy) };
    setErrors(found);
    if (found.code || found.password) return;
    void action.run(async () => {
      await auth.confirmForgotPassword(email.trim(), code.trim(), password);
      // The library's `signedIn` event moves the app on.
      await auth.signIn(email.trim(), password);
    });
  };

  return (
    <AuthLayout title="Reset your password">
      {action.error ? <Alert tone="error">{action.error}</Alert> : null}
      {step === 'request' ? (
        <form onSubmit={requestCode} noValidate>
          <p>Enter your email and we will send you a code to set a new password.</p>
          <EmailField autoComplete="username" value={email} onValueChange={setEmail} error={errors.email} />
          <SubmitButton busy={action.busy}>{action.busy ? 'Sending…' : 'Send code'}</SubmitButton>
        </form>
      ) : (
        <form onSubmit={reset} noValidate>
          <Alert tone="info">We sent a code to {sentTo}.</Alert>
          <InboxHint email={email.trim()} />
          <CodeField label="Code" value={code} onValueChange={setCode} error={errors.code} />
          <NewPasswordField
            label="New password"
            value={password}
            onValueChange={setPassword}
            error={errors.password}
          />
          <SubmitButton busy={action.busy}>{action.busy ? 'Saving…' : 'Set new password'}</SubmitButton>
        </form>
      )}
      <nav className="auth-links" aria-label="Other options">
        <a href={routeHref({ name: 'signIn' })}>Back to sign in</a>
      </nav>
    </AuthLayout>
  );
}
