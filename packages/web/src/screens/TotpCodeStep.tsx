/*
 * The sign-in step for a user with an authenticator app: type (or paste, or let the phone offer)
 * the 6-digit code. A wrong code can be typed again on the same step; when the step has expired
 * (3 minutes), the user goes back to the password form with a notice.
 */
import { ChallengeExpiredError } from 'auth-s3/errors';
import { type FormEvent, useState } from 'react';
import { checkTotpCode } from '../auth/validate';
import { Alert } from '../components/Alert';
import { TotpCodeField } from '../components/AuthFields';
import { AuthLayout } from '../components/AuthLayout';
import { SubmitButton } from '../components/SubmitButton';
import { useAction } from '../components/useAction';

/** Props of {@link TotpCodeStep}. */
export interface TotpCodeStepProps {
  /** The sign-in result's `submitCode`. */
  submitCode(code: string): Promise<unknown>;
  /** Back to the password form, saying why. */
  restart(notice: string): void;
}

/** Asks for the authenticator app's code and completes the sign-in with it. */
export function TotpCodeStep({ submitCode, restart }: TotpCodeStepProps) {
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const action = useAction();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problem = checkTotpCode(code);
    setError(problem);
    if (problem) return;
    void action.run(
      // Once the code is accepted, the library's `signedIn` event moves the app on.
      async () => {
        await submitCode(code);
      },
      (caught) => {
        if (!(caught instanceof ChallengeExpiredError)) {
          // The same step takes another code: clear the field for it.
          setCode('');
          return false;
        }
        restart('That took too long. Sign in again, then type the code your app shows.');
        return true;
      },
    );
  };
  return (
    <AuthLayout title="Enter your code">
      <p>Open your authenticator app and enter the 6-digit code it shows for this account.</p>
      {action.error ? <Alert tone="error">{action.error}</Alert> : null}
      <form onSubmit={submit} noValidate>
        <TotpCodeField value={code} onValueChange={setCode} error={error} />
        <SubmitButton busy={action.busy}>Verify and sign in</SubmitButton>
      </form>
    </AuthLayout>
  );
}
