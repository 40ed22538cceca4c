/*
 * The sign-in step for a user with an authenticator app: type (or paste, or let the phone offer)
 * the 6-digit code. A wrong code can be typed again on the same step; when the step has expired
 * (3 minutes), the user goes back to the password form with a notice.
 */
import { ChallengeExpiredError } from 'auth-s3/errors';
import { AuthLayout } from '../components/AuthLayout';
import { TotpCodeForm } from '../components/TotpCodeForm';

/** Props of {@link TotpCodeStep}. */
export interface TotpCodeStepProps {
  /** The sign-in result's `submitCode`. */
  submitCode(code: string): Promise<unknown>;
  /** Back to the password form, saying why. */
  restart(notice: string): void;
}

/** Asks for the authenticator app's code and completes the sign-in with it. */
export function TotpCodeStep({ submitCode, restart }: TotpCodeStepProps) {
  return (
    <AuthLayout title="Enter your code">
      <p>Open your authenticator app and enter the 6-digit code it shows for this account.</p>
      <TotpCodeForm
        // Once the code is accepted, the library's `signedIn` event moves the app on.
        submitCode={submitCode}
        submitLabel="Verify and sign in"
        onError={(caught) => {
          if (!(caught instanceof ChallengeExpiredError)) return false;
          restart('That took too long. Sign in again, then type the code your app shows.');
          return true;
        }}
      />
    </AuthLayout>
  );
}
