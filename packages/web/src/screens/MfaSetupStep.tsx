/*
 * The sign-in step of a pool that requires an authenticator app (`-c mfa=required`, Cognito's
 * MFA_SETUP) for a user who has none yet: add the app, type its first code, and be signed in. A
 * wrong code can be typed again; when the step has expired (3 minutes), the user goes back to the
 * password form with a notice. Loaded lazily, with the QR encoder.
 */
import type { TotpSetup } from 'auth-s3';
import { ChallengeExpiredError } from 'auth-s3/errors';
import { AuthLayout } from '../components/AuthLayout';
import { TotpEnrolment } from '../components/TotpEnrolment';

/** Props of {@link MfaSetupStep}. */
export interface MfaSetupStepProps {
  /** The `totpSetupRequired` sign-in result. */
  setup: TotpSetup & { verify(code: string, deviceName?: string): Promise<unknown> };
  /** Back to the password form, saying why. */
  restart(notice: string): void;
}

/** Sets up the authenticator app and completes the sign-in with its first code. */
export function MfaSetupStep({ setup, restart }: MfaSetupStepProps) {
  return (
    <AuthLayout title="Set up your authenticator app">
      <p>
        This app asks every account for a code from an authenticator app. Add it now to finish signing in.
      </p>
      <TotpEnrolment
        secret={setup.secret}
        uri={setup.uri}
        submitLabel="Verify and sign in"
        // Once the code is accepted, the library's `signedIn` event moves the app on.
        verify={async (code) => {
          await setup.verify(code, 'Authenticator app');
        }}
        onError={(error) => {
          if (!(error instanceof ChallengeExpiredError)) return false;
          restart('That took too long. Sign in again to set up your authenticator app.');
          return true;
        }}
      />
    </AuthLayout>
  );
}
