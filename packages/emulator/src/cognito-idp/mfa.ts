/*
 * The second factor by authenticator app (TOTP), shared by the operations that set it up, turn
 * it on and off, and answer its challenges: which challenge a proven password leads to
 * (SOFTWARE_TOKEN_MFA for an enrolled user, MFA_SETUP where the pool requires MFA and the user has
 * none), the sealed challenge `Session`s, code checks that spend each code, and the MFA fields of
 * GetUser and AdminGetUser. Cognito references: "TOTP software token MFA" in the developer guide
 * (https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-mfa-totp.html) and
 * the API reference pages of AssociateSoftwareToken, VerifySoftwareToken, SetUserMFAPreference.
 */
import { randomUUID } from 'node:crypto';
import type { InitiateAuthResponse } from '@aws-sdk/client-cognito-identity-provider';
import {
  CodeMismatchError,
  ExpiredCodeError,
  InvalidParameterError,
  NotAuthorizedError,
  SoftwareTokenMfaNotFoundError,
} from '../errors.js';
import type { Services } from '../services/index.js';
import { checkTotp } from '../services/totp.js';
import type { StackModel } from '../stack-model.js';
import type { SoftwareToken, UserRecord } from '../store/state.js';

/**
 * What a sealed MFA `Session` holds: `softwareTokenMfa` answers SOFTWARE_TOKEN_MFA; `mfaSetup`
 * (from the MFA_SETUP challenge or AssociateSoftwareToken) lets the user associate and verify an
 * app; `mfaSetupVerified` (from VerifySoftwareToken) answers MFA_SETUP.
 */
export interface MfaSession {
  kind: 'softwareTokenMfa' | 'mfaSetup' | 'mfaSetupVerified';
  /** Spent once the challenge is answered (see `spendChallenge`), so the session works once. */
  nonce: string;
  username: string;
  clientId: string;
  expiresAt: number;
}

type MfaServices = Pick<Services, 'model' | 'sealed' | 'store' | 'users'>;

/** Cognito's SoftwareTokenMFANotFoundException where the pool offers no authenticator app. */
export function assertPoolOffersSoftwareToken(model: StackModel): void {
  if (model.userPool.mfaConfiguration === 'OFF' || !model.userPool.softwareTokenMfa) {
    throw new SoftwareTokenMfaNotFoundError('Software Token MFA has not been enabled by the userPool.');
  }
}

/** Whether the user has a verified authenticator app that sign-in must ask for. */
function asksForCode(model: StackModel, token: SoftwareToken | undefined): token is SoftwareToken {
  if (token?.secret === undefined || model.userPool.mfaConfiguration === 'OFF') return false;
  return token.enabled || model.userPool.mfaConfiguration === 'ON';
}

/** Seals a new MFA session for `user`. */
export function sealMfaSession(
  services: Pick<Services, 'sealed'>,
  kind: MfaSession['kind'],
  user: UserRecord,
  clientId: string,
  expiresAt: number,
): string {
  const session: MfaSession = { kind, nonce: randomUUID(), username: user.username, clientId, expiresAt };
  return services.sealed.seal(session);
}

/**
 * The MFA challenge a proven password leads to, or `undefined` when the user may have tokens:
 * SOFTWARE_TOKEN_MFA for a user with a verified app that is on (or required), MFA_SETUP where the
 * pool requires MFA and the user has no verified app yet.
 */
export function mfaChallenge(
  services: Pick<Services, 'model' | 'sealed'>,
  user: UserRecord,
  clientId: string,
  expiresAt: number,
): InitiateAuthResponse | undefined {
  const { model } = services;
  if (asksForCode(model, user.softwareToken)) {
    return {
      ChallengeName: 'SOFTWARE_TOKEN_MFA',
      Session: sealMfaSession(services, 'softwareTokenMfa', user, clientId, expiresAt),
      ChallengeParameters: {
        USER_ID_FOR_SRP: user.username,
        ...(user.softwareToken.deviceName ? { FRIENDLY_DEVICE_NAME: user.softwareToken.deviceName } : {}),
      },
    };
  }
  if (model.userPool.mfaConfiguration === 'ON' && model.userPool.softwareTokenMfa) {
    return {
      ChallengeName: 'MFA_SETUP',
      Session: sealMfaSession(services, 'mfaSetup', user, clientId, expiresAt),
      ChallengeParameters: { MFAS_CAN_SETUP: '["SOFTWARE_TOKEN_MFA"]', USER_ID_FOR_SRP: user.username },
    };
  }
  return undefined;
}

/**
 * Opens an MFA session of one of `kinds` and finds its user, or throws NotAuthorizedException as
 * Cognito words it: "Invalid session for the user." (forged, foreign, wrong step), "…, session is
 * expired." (after 3 minutes), "…, session can only be used once." (already answered).
 */
export function openMfaSession(
  services: MfaServices & Pick<Services, 'clock'>,
  sealedSession: string,
  kinds: Array<MfaSession['kind']>,
  clientId?: string,
): { session: MfaSession; user: UserRecord } {
  const session = services.sealed.open<MfaSession>(sealedSession);
  if (
    !session ||
    !kinds.includes(session.kind) ||
    (clientId !== undefined && session.clientId !== clientId)
  ) {
    throw new NotAuthorizedError('Invalid session for the user.');
  }
  if (services.clock.now() >= session.expiresAt) {
    throw new NotAuthorizedError('Invalid session for the user, session is expired.');
  }
  if (Object.hasOwn(services.store.state.spentChallenges, session.nonce)) {
    throw new NotAuthorizedError('Invalid session for the user, session can only be used once.');
  }
  const user = services.users.find(session.username);
  if (!user) throw new NotAuthorizedError('Invalid session for the user.');
  return { session, user };
}

/**
 * The user a set-up request is for: by access token or by MFA session, one of them and not both
 * (AssociateSoftwareToken and VerifySoftwareToken take "an access token or a session string, but
 * not both"), with the session when there was one.
 */
export function setupCaller(
  services: MfaServices & Pick<Services, 'tokens' | 'clock'>,
  request: { AccessToken?: string; Session?: string },
  kinds: Array<MfaSession['kind']>,
): { user: UserRecord; session?: MfaSession } {
  const { AccessToken, Session } = request;
  if (AccessToken !== undefined && Session !== undefined) {
    throw new InvalidParameterError('Give either AccessToken or Session, not both.');
  }
  if (typeof AccessToken === 'string' && AccessToken !== '') {
    return { user: services.tokens.authenticate(AccessToken) };
  }
  if (typeof Session === 'string' && Session !== '') return openMfaSession(services, Session, kinds);
  throw new InvalidParameterError('Give AccessToken or Session: one of them is required.');
}

/**
 * Accepts `code` from the user's `secret` (their verified one, or one being set up) and spends
 * it; otherwise throws `mismatch()`, or ExpiredCodeException "Your software token has already been
 * used once." for a code whose 30-second step was already accepted. `spentStep` is the last step
 * accepted for this secret: `token.lastUsedStep` for the verified one; none for one being set up.
 * The caller saves the store.
 */
export function acceptCode(
  services: Pick<Services, 'clock'>,
  token: SoftwareToken,
  secret: string,
  code: string,
  mismatch: () => Error,
  spentStep: number | undefined,
): void {
  const result = checkTotp(secret, code, services.clock.now(), spentStep);
  if (!result.ok) {
    if (result.reason === 'reused')
      throw new ExpiredCodeError('Your software token has already been used once.');
    throw mismatch();
  }
  token.lastUsedStep = result.step;
}

/** CodeMismatchException as RespondToAuthChallenge words a wrong SOFTWARE_TOKEN_MFA_CODE. */
export function wrongMfaCode(): CodeMismatchError {
  return new CodeMismatchError('Invalid code received for user');
}

/** The `{ Enabled, PreferredMfa }` settings SetUserMFAPreference takes per factor. */
export interface MfaSettings {
  Enabled?: boolean;
  PreferredMfa?: boolean;
}

/**
 * Applies SetUserMFAPreference / AdminSetUserMFAPreference: TOTP on or off and preferred, once
 * verified ("User has not verified software token mfa" otherwise); SMS and email cannot be turned
 * on in a pool that offers neither. Settings left out keep their value. The caller saves.
 */
export function applyMfaPreference(
  model: StackModel,
  user: UserRecord,
  request: {
    SoftwareTokenMfaSettings?: MfaSettings;
    SMSMfaSettings?: MfaSettings;
    EmailMfaSettings?: MfaSettings;
  },
): void {
  for (const [name, settings] of [
    ['SMS', request.SMSMfaSettings],
    ['Email', request.EmailMfaSettings],
  ] as const) {
    if (settings?.Enabled === true || settings?.PreferredMfa === true) {
      throw new InvalidParameterError(`${name} MFA is not enabled for this user pool.`);
    }
  }
  const settings = request.SoftwareTokenMfaSettings;
  if (settings === undefined) return;
  const token = user.softwareToken;
  if (settings.Enabled === true || settings.PreferredMfa === true) {
    assertPoolOffersSoftwareToken(model);
    if (token?.secret === undefined)
      throw new InvalidParameterError('User has not verified software token mfa');
  }
  if (token === undefined) return;
  if (settings.Enabled !== undefined) token.enabled = settings.Enabled;
  if (settings.PreferredMfa !== undefined) token.preferred = settings.PreferredMfa;
  // A factor that is off cannot be the preferred one.
  if (!token.enabled) token.preferred = false;
}

/** The MFA fields of GetUser and AdminGetUser; absent when the user has no factor on. */
export function mfaFields(user: UserRecord): { UserMFASettingList?: string[]; PreferredMfaSetting?: string } {
  const token = user.softwareToken;
  if (!token?.enabled || token.secret === undefined) return {};
  return {
    UserMFASettingList: ['SOFTWARE_TOKEN_MFA'],
    ...(token.preferred ? { PreferredMfaSetting: 'SOFTWARE_TOKEN_MFA' } : {}),
  };
}
