/*
 * The signed-in user's authenticator app (TOTP): set-up (a secret and the `otpauth://` URI that
 * authenticator apps read from a QR code), a first code that verifies it, and turning it on and
 * off with SetUserMFAPreference. Codes are checked for shape here (6 digits, spaces and dashes
 * from a paste ignored) so a typo gets a clear message without a request.
 */
import { checkOptionalString, checkText } from '../check-arguments.js';
import type { UserPoolApi } from '../cognito/user-pool-operations.js';
import { InvalidParameterError, ServiceError } from '../errors.js';
import type { Mfa, TotpSetup } from '../types.js';
import type { Session } from './session.js';

/** What authenticator apps list the account under when no `appName` is given. */
export const DEFAULT_TOTP_ISSUER = 'auth-s3';

/**
 * The Key URI authenticator apps import (Google Authenticator's format): the label
 * `<issuer>:<email>` and the `issuer` parameter name the app and the user; SHA-1, 6 digits and
 * 30 seconds are the defaults every app assumes, as Cognito's codes use.
 */
export function otpauthUri(issuer: string, email: string, secret: string): string {
  const label = `${encodeURIComponent(issuer)}:${encodeURIComponent(email)}`;
  return `otpauth://totp/${label}?secret=${secret}&issuer=${encodeURIComponent(issuer)}`;
}

/**
 * The 6 digits of a typed or pasted code, without spaces or dashes ("123 456", "123-456"), given
 * to `method`.
 * @throws InvalidParameterError saying what is wrong, for anything else.
 */
export function normalizeTotpCode(method: string, code: unknown): string {
  checkText(method, 'the code from the authenticator app', code);
  const digits = (code as string).replace(/[\s-]/g, '');
  if (!/^\d+$/.test(digits)) {
    throw new InvalidParameterError(
      'The code has characters other than digits. Type the 6 digits the authenticator app shows.',
    );
  }
  if (digits.length !== 6) {
    throw new InvalidParameterError(
      `The code has ${digits.length} digits; an authenticator app shows 6. Type the code it shows now.`,
    );
  }
  return digits;
}

export interface MfaDeps {
  api: UserPoolApi;
  /** The signed-in session whose access token authorizes the calls. */
  session: Pick<Session, 'withTokens' | 'currentUser'>;
  /** Names the app in the `otpauth://` URI. */
  issuer: string;
}

/** Builds the `mfa` facade over the user pool operations and the signed-in session. */
export function createMfa({ api, session, issuer }: MfaDeps): Mfa {
  const withAccessToken = <T>(operation: string, run: (accessToken: string) => Promise<T>): Promise<T> =>
    session.withTokens(operation, (tokens) => run(tokens.accessToken));

  const setPreference = (operation: string, on: boolean) =>
    withAccessToken(operation, async (AccessToken) => {
      await api.setUserMFAPreference({
        AccessToken,
        SoftwareTokenMfaSettings: { Enabled: on, PreferredMfa: on },
      });
    });

  return {
    setUpTotp: () =>
      withAccessToken('setUpTotp', async (AccessToken): Promise<TotpSetup> => {
        const { SecretCode } = await api.associateSoftwareToken({ AccessToken });
        if (!SecretCode)
          throw new ServiceError('Cognito answered AssociateSoftwareToken without a secret. Try again.');
        return {
          secret: SecretCode,
          uri: otpauthUri(issuer, session.currentUser()?.email ?? '', SecretCode),
        };
      }),

    async verifyTotp(code, deviceName) {
      const UserCode = normalizeTotpCode('verifyTotp', code);
      checkOptionalString('verifyTotp', 'the device name', deviceName);
      await withAccessToken('verifyTotp', (AccessToken) =>
        api.verifySoftwareToken({
          AccessToken,
          UserCode,
          ...(deviceName ? { FriendlyDeviceName: deviceName } : {}),
        }),
      );
    },

    enableTotp: () => setPreference('enableTotp', true),
    disableTotp: () => setPreference('disableTotp', false),

    status: () =>
      withAccessToken('getMfaStatus', async (AccessToken) => {
        const user = await api.getUser({ AccessToken });
        return {
          totpEnabled: user.UserMFASettingList?.includes('SOFTWARE_TOKEN_MFA') ?? false,
          totpPreferred: user.PreferredMfaSetting === 'SOFTWARE_TOKEN_MFA',
        };
      }),
  };
}
