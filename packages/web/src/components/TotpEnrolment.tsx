/*
 * Adding an authenticator app: its QR code, the same secret as text for typing in by hand (grouped
 * in fours, as apps show it), and a first code from the app to prove it works. Used by the account
 * page and by the sign-in step of a pool that requires the app; both load it lazily, with the QR
 * encoder.
 */
import { Field } from './Field';
import { QrCode } from './QrCode';
import { TotpCodeForm } from './TotpCodeForm';
import './totp-enrolment.css';

/** Props of {@link TotpEnrolment}. */
export interface TotpEnrolmentProps {
  /** The base32 secret and its `otpauth://` URI, from `mfa.setUpTotp()` or a `totpSetupRequired` sign-in. */
  secret: string;
  uri: string;
  /** Confirms the app with its first code. */
  verify(code: string): Promise<void>;
  submitLabel: string;
  /** Takes an error over (returns true), e.g. an expired sign-in step; otherwise it is shown here. */
  onError?(error: unknown): boolean;
}

/** The secret in groups of four, as authenticator apps show it: easier to read and type. */
function groupSecret(secret: string): string {
  return secret.match(/.{1,4}/g)?.join(' ') ?? '';
}

/** The QR code, the secret as text, and the first code. */
export function TotpEnrolment({ secret, uri, verify, submitLabel, onError }: TotpEnrolmentProps) {
  return (
    <div className="totp-enrolment">
      <ol>
        <li>
          <p>
            Scan this QR code with your authenticator app (for example 1Password, Google Authenticator or
            Authy).
          </p>
          <QrCode value={uri} label="QR code for your authenticator app" />
        </li>
        <li>
          <Field
            label="Setup key"
            hint="Can’t scan? Add the account in the app by typing this key."
            className="totp-secret"
            readOnly
            value={groupSecret(secret)}
            onFocus={(e) => e.target.select()}
          />
        </li>
        <li>
          <p>Enter the 6-digit code the app now shows.</p>
          <TotpCodeForm submitCode={verify} submitLabel={submitLabel} onError={onError} />
        </li>
      </ol>
    </div>
  );
}
