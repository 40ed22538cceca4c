/*
 * Confirm: the emailed code, a resend button with a cooldown, and (locally) a link to the emulator's
 * inbox. A confirmed user is signed in at once and lands in the files view.
 */
import { type FormEvent, useEffect, useState } from 'react';
import { useAuth } from '../auth/useAuth';
import { checkCode, checkEmail } from '../auth/validate';
import { Alert } from '../components/Alert';
import { CodeField, EmailField } from '../components/AuthFields';
import { AuthLayout } from '../components/AuthLayout';
import { InboxHint } from '../components/InboxHint';
import { SubmitButton } from '../components/SubmitButton';
import { useAction } from '../components/useAction';
import { navigate, routeHref } from '../router';

/** Seconds before another code may be requested. */
export const RESEND_COOLDOWN_SECONDS = 30;

/** The confirm screen for `email` (from the route; asked for when empty). */
export function ConfirmSignUp({ email: routeEmail }: { email: string }) {
  const { auth, notice, setNotice } = useAuth();
  const [email, setEmail] = useState(routeEmail);
  const [code, setCode] = useState('');
  const [errors, setErrors] = useState<{ email?: string | null; code?: string | null }>({});
  const [cooldown, setCooldown] = useState(RESEND_COOLDOWN_SECONDS);
  const confirm = useAction();
  const resend = useAction();

  useEffect(() => {
    if (cooldown <= 0) return;
    const timer = setTimeout(() => setCooldown((s) => s - 1), 1000);
    return () => clearTimeout(timer);
  }, [cooldown]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = { email: checkEmail(email), code: checkCode(code) };
    setErrors(found);
    if (found.email || found.code) return;
    void confirm.run(async () => {
      // Signed in straight away, the library's `signedIn` event moves the app on.
      const result = await auth.confirmSignUp(email.trim(), code.trim());
      if (!result.signedIn) {
        // The password is gone (e.g. after a reload), so auto sign-in could not happen.
        setNotice('Your email is confirmed. Sign in to continue.');
        navigate({ name: 'signIn' });
      }
    });
  };

  const resendCode = () => {
    const problem = checkEmail(email);
    setErrors({ email: problem });
    if (problem) return;
    setNotice(null);
    void resend.run(async () => {
      const result = await auth.resendCode(email.trim());
      setNotice(`We sent a new code to ${result.codeDeliveredTo ?? email.trim()}.`);
      setCooldown(RESEND_COOLDOWN_SECONDS);
    });
  };

  return (
    <AuthLayout title="Confirm your email">
      {notice ? <Alert tone="info">{notice}</Alert> : null}
      {confirm.error || resend.error ? <Alert tone="error">{confirm.error ?? resend.error}</Alert> : null}
      <p>Enter the 6-digit code we emailed you.</p>
      <InboxHint email={email.trim()} />
      <form onSubmit={submit} noValidate>
        {routeEmail ? null : (
          <EmailField autoComplete="email" value={email} onValueChange={setEmail} error={errors.email} />
        )}
        <CodeField label="Confirmation code" value={code} onValueChange={setCode} error={errors.code} />
        <SubmitButton busy={confirm.busy}>{confirm.busy ? 'Confirming…' : 'Confirm'}</SubmitButton>
      </form>
      <div className="resend">
        <button
          type="button"
          className="button button-secondary"
          onClick={resendCode}
          disabled={cooldown > 0 || resend.busy}
        >
          {cooldown > 0 ? `Resend code (${cooldown} s)` : 'Resend code'}
        </button>
      </div>
      <nav className="auth-links" aria-label="Other options">
        <a href={routeHref({ name: 'signIn' })}>Back to sign in</a>
      </nav>
    </AuthLayout>
  );
}
