/*
 * The sign-in steps after the password when the user has a second factor: SOFTWARE_TOKEN_MFA
 * (type the authenticator app's code) and MFA_SETUP (the pool requires an app and the user has
 * none: AssociateSoftwareToken and VerifySoftwareToken on the challenge's Session, then answer the
 * challenge). `auth.ts` hands a challenge response here and gets a `SignInResult`; a wrong code
 * can be retried on the same result while Cognito's Session lives (3 minutes), since Cognito's
 * CodeMismatchException leaves it usable.
 */
import { checkOptionalString } from '../check-arguments.js';
import type { InitiateAuthOutput, UserPoolApi } from '../cognito/user-pool-operations.js';
import { toAuthS3Error } from '../error-mapping.js';
import { ServiceError } from '../errors.js';
import type { CurrentUser, SignInResult } from '../types.js';
import { normalizeTotpCode, otpauthUri } from './totp.js';

export interface MfaChallengeDeps {
  api: UserPoolApi;
  clientId: string;
  /** Names the app in the `otpauth://` URI of a set-up. */
  issuer: string;
  /** What the user signed in with. */
  email: string;
  /** Stores the tokens of the final answer and reports the user signed in. */
  finish(response: InitiateAuthOutput): Promise<CurrentUser>;
}

async function send<T>(operation: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw toAuthS3Error(error, { operation });
  }
}

/** The `SignInResult` for an MFA challenge, or `undefined` when `response` is another challenge. */
export async function mfaChallengeResult(
  response: InitiateAuthOutput,
  deps: MfaChallengeDeps,
): Promise<SignInResult | undefined> {
  const { api, clientId, email } = deps;
  const username = response.ChallengeParameters?.USER_ID_FOR_SRP ?? email;

  if (response.ChallengeName === 'SOFTWARE_TOKEN_MFA') {
    const session = response.Session;
    return {
      status: 'totpRequired',
      async submitCode(code) {
        const digits = normalizeTotpCode('submitCode', code);
        const answered = await send('submitTotpCode', () =>
          api.respondToAuthChallenge({
            ClientId: clientId,
            ChallengeName: 'SOFTWARE_TOKEN_MFA',
            Session: session,
            ChallengeResponses: { USERNAME: username, SOFTWARE_TOKEN_MFA_CODE: digits },
          }),
        );
        return deps.finish(answered);
      },
    };
  }

  if (response.ChallengeName === 'MFA_SETUP') {
    const associated = await send('signIn', () => api.associateSoftwareToken({ Session: response.Session }));
    if (!associated.SecretCode || !associated.Session) {
      throw new ServiceError(
        'Cognito answered AssociateSoftwareToken without a secret or session. Sign in again.',
      );
    }
    const { SecretCode: secret, Session: setupSession } = associated;
    return {
      status: 'totpSetupRequired',
      secret,
      uri: otpauthUri(deps.issuer, email, secret),
      async verify(code, deviceName) {
        const UserCode = normalizeTotpCode('verify', code);
        checkOptionalString('verify', 'the device name', deviceName);
        const verified = await send('verifyTotpSetup', () =>
          api.verifySoftwareToken({
            Session: setupSession,
            UserCode,
            ...(deviceName ? { FriendlyDeviceName: deviceName } : {}),
          }),
        );
        const answered = await send('verifyTotpSetup', () =>
          api.respondToAuthChallenge({
            ClientId: clientId,
            ChallengeName: 'MFA_SETUP',
            Session: verified.Session,
            ChallengeResponses: { USERNAME: username },
          }),
        );
        return deps.finish(answered);
      },
    };
  }

  return undefined;
}
