/*
 * The authenticator app (TOTP) on the account page: whether sign-in asks for its code, setting one
 * up (QR code, the secret as text, a first code; starting over gives a new secret, and a verified
 * app is replaced only once the new one is verified), and turning it off where the pool allows it
 * (`MfaMode` `OPTIONAL`; with `ON` every account must keep one).
 *
 * Turning off asks for the password and a current code, and proves both the only way Cognito checks
 * a code outside a set-up: a fresh sign-in (SRP, then the SOFTWARE_TOKEN_MFA challenge) with them,
 * then SetUserMFAPreference on that new session. A stolen session alone cannot turn the factor off.
 */
import type { MfaStatus, TotpSetup } from 'auth-s3';
import { type FormEvent, useEffect, useState } from 'react';
import { checkPassword, checkTotpCode } from '../auth/validate';
import { Alert } from '../components/Alert';
import { TotpCodeField } from '../components/AuthFields';
import { PasswordField } from '../components/PasswordField';
import { SubmitButton } from '../components/SubmitButton';
import { TotpEnrolment } from '../components/TotpEnrolment';
import { useAction } from '../components/useAction';
import { useAccount } from './useAccount';

type Mode = { kind: 'view' } | { kind: 'setup'; setup: TotpSetup } | { kind: 'turnOff' };

/** The two-factor section of the account page. */
export function TwoFactorSection() {
  const { mfa, mfaMode } = useAccount();
  const [status, setStatus] = useState<MfaStatus | null>(null);
  const [mode, setMode] = useState<Mode>({ kind: 'view' });
  const [success, setSuccess] = useState<string | null>(null);
  const action = useAction();

  useEffect(() => {
    void action.run(async () => setStatus(await mfa.status()));
  }, [mfa, action.run]);

  const startSetUp = () => {
    setSuccess(null);
    void action.run(async () => setMode({ kind: 'setup', setup: await mfa.setUpTotp() }));
  };
  const finished = async (message: string) => {
    setMode({ kind: 'view' });
    setStatus(await mfa.status());
    setSuccess(message);
  };

  return (
    <section className="card card-wide account-section" aria-labelledby="mfa-title">
      <h2 id="mfa-title">Two-factor sign-in</h2>
      {success ? <Alert tone="success">{success}</Alert> : null}
      {action.error ? <Alert tone="error">{action.error}</Alert> : null}
      {status === null ? (
        <p role="status">{action.error ? 'The setting could not be read.' : 'Checking…'}</p>
      ) : (
        <p>
          {status.totpEnabled
            ? 'On: signing in asks for your password and a code from your authenticator app.'
            : 'Off: signing in asks for your password only. Add an authenticator app to also ask for a code.'}
        </p>
      )}

      {mode.kind === 'setup' ? (
        <>
          <TotpEnrolment
            key={mode.setup.secret}
            secret={mode.setup.secret}
            uri={mode.setup.uri}
            submitLabel="Verify and turn on"
            verify={async (code) => {
              await mfa.verifyTotp(code, 'Authenticator app');
              await mfa.enableTotp();
              await finished('Two-factor sign-in is on. Signing in now also asks for a code from your app.');
            }}
          />
          <div className="account-actions">
            <button
              type="button"
              className="button button-secondary"
              disabled={action.busy}
              onClick={startSetUp}
            >
              Start over with a new key
            </button>
            <button type="button" className="button button-quiet" onClick={() => setMode({ kind: 'view' })}>
              Cancel
            </button>
          </div>
        </>
      ) : null}

      {mode.kind === 'turnOff' ? (
        <TurnOffForm
          onDone={() => finished('Two-factor sign-in is off. Signing in asks for your password only.')}
          onCancel={() => setMode({ kind: 'view' })}
        />
      ) : null}

      {mode.kind === 'view' && status !== null ? (
        <div className="account-actions">
          <button type="button" className="button button-primary" disabled={action.busy} onClick={startSetUp}>
            {status.totpEnabled ? 'Set up a different app' : 'Set up authenticator app'}
          </button>
          {status.totpEnabled && mfaMode !== 'ON' ? (
            <button
              type="button"
              className="button button-secondary"
              onClick={() => {
                setSuccess(null);
                setMode({ kind: 'turnOff' });
              }}
            >
              Turn off
            </button>
          ) : null}
        </div>
      ) : null}
      {mfaMode === 'ON' ? (
        <p className="muted">
          This app requires an authenticator app for every account, so it cannot be turned off.
        </p>
      ) : null}
    </section>
  );
}

/** Asks for the password and a current code, and turns the factor off once both prove right. */
function TurnOffForm({ onDone, onCancel }: { onDone(): Promise<void>; onCancel(): void }) {
  const { auth, mfa, user } = useAccount();
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [errors, setErrors] = useState<{ password?: string | null; code?: string | null }>({});
  const action = useAction();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = { password: checkPassword(password), code: checkTotpCode(code) };
    setErrors(found);
    if (found.password || found.code || !user) return;
    void action.run(
      async () => {
        // Cognito checks a code only on a challenge: sign in again with both, then turn it off.
        const result = await auth.signIn(user.email, password);
        if (result.status === 'totpRequired') await result.submitCode(code);
        await mfa.disableTotp();
        await onDone();
      },
      () => {
        setCode('');
        return false;
      },
    );
  };
  return (
    <form className="turn-off" onSubmit={submit} noValidate aria-labelledby="turn-off-title">
      <h3 id="turn-off-title">Turn off two-factor sign-in</h3>
      <p>Confirm with your password and a current code from your authenticator app.</p>
      {action.error ? <Alert tone="error">{action.error}</Alert> : null}
      <PasswordField
        label="Password"
        autoComplete="current-password"
        value={password}
        onValueChange={setPassword}
        error={errors.password}
      />
      <TotpCodeField value={code} onValueChange={setCode} error={errors.code} />
      <div className="account-actions">
        <SubmitButton busy={action.busy}>Turn off</SubmitButton>
        <button type="button" className="button button-quiet" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
