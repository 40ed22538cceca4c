/*
 * What happens once a sign-in has checked (or failed) the password, shared by InitiateAuth and
 * RespondToAuthChallenge: the lockout bookkeeping, the status checks Cognito makes after the
 * password (unconfirmed, reset required, temporary password), and the tokens or the
 * NEW_PASSWORD_REQUIRED challenge, or the MFA challenge (`mfa.ts`). Challenge state travels sealed
 * in `Session`/`SECRET_BLOCK`.
 */
import type { InitiateAuthResponse } from '@aws-sdk/client-cognito-identity-provider';
import { NotAuthorizedError, PasswordResetRequiredError, UserNotConfirmedError } from '../errors.js';
import type { Services } from '../services/index.js';
import type { UserRecord } from '../store/state.js';
import { mfaChallenge } from './mfa.js';

/** How long a challenge may be answered (Cognito's default AuthSessionValidity). */
export const CHALLENGE_VALIDITY_MS = 3 * 60_000;

/** What a NEW_PASSWORD_REQUIRED `Session` holds. */
export interface NewPasswordSession {
  kind: 'newPassword';
  username: string;
  clientId: string;
  expiresAt: number;
}

type SignInServices = Pick<Services, 'model' | 'users' | 'tokens' | 'sealed' | 'clock' | 'store'>;

/** Cognito's one answer for both an unknown user and a wrong password. */
export function incorrectCredentials(): NotAuthorizedError {
  return new NotAuthorizedError('Incorrect username or password.');
}

/**
 * Marks a challenge answered; false when it already was. Each SRP challenge takes one answer,
 * right or wrong, so a captured PASSWORD_VERIFIER answer cannot be replayed. The caller saves.
 */
export function spendChallenge(
  services: Pick<Services, 'store' | 'clock'>,
  nonce: string,
  expiresAt: number,
): boolean {
  const spent = services.store.state.spentChallenges;
  if (spent[nonce] !== undefined) return false;
  const now = services.clock.now();
  for (const [key, until] of Object.entries(spent)) if (until < now) delete spent[key];
  spent[nonce] = expiresAt;
  return true;
}

/** Refuses a disabled or locked-out user before any password is checked. */
export function assertMaySignIn(services: Pick<Services, 'users'>, user: UserRecord): void {
  if (!user.enabled) throw new NotAuthorizedError('User is disabled.');
  services.users.assertNotLockedOut(user);
}

/**
 * Refuses a sign-in name that is no user while it is locked out, as `assertMaySignIn` refuses a
 * user: where the pool hides users, "Password attempts exceeded" must not tell real accounts apart
 * (developer guide, "Managing user existence error responses").
 */
export function assertUnknownMaySignIn(services: Pick<Services, 'users'>, login: string): void {
  services.users.assertNotLockedOut(services.users.unknownSignIn(login));
}

/** Records a wrong sign-in to a name that is no user and throws what a wrong password gets. */
export async function rejectUnknown(services: SignInServices, login: string): Promise<never> {
  services.users.recordUnknownSignIn(login);
  await services.store.save();
  throw incorrectCredentials();
}

/** Records a wrong password and throws the error for it. */
export async function rejectPassword(services: SignInServices, user: UserRecord): Promise<never> {
  services.users.recordFailedSignIn(user);
  await services.store.save();
  throw incorrectCredentials();
}

/** The answer to a proven password: tokens, or the challenge or error the user's status calls for. */
export async function completeSignIn(
  services: SignInServices,
  user: UserRecord,
  clientId: string,
): Promise<InitiateAuthResponse> {
  const { users, tokens, sealed, clock, store } = services;
  users.recordSuccessfulSignIn(user);
  try {
    if (user.status === 'UNCONFIRMED') throw new UserNotConfirmedError();
    if (user.status === 'RESET_REQUIRED') throw new PasswordResetRequiredError();
    if (user.status === 'FORCE_CHANGE_PASSWORD') {
      if (user.temporaryPasswordExpiresAt !== undefined && clock.now() >= user.temporaryPasswordExpiresAt) {
        throw new NotAuthorizedError('Temporary password has expired and must be reset by an administrator.');
      }
      const session: NewPasswordSession = {
        kind: 'newPassword',
        username: user.username,
        clientId,
        expiresAt: clock.now() + CHALLENGE_VALIDITY_MS,
      };
      const { sub: _sub, email_verified: _verified, ...userAttributes } = user.attributes;
      return {
        ChallengeName: 'NEW_PASSWORD_REQUIRED',
        Session: sealed.seal(session),
        ChallengeParameters: {
          USER_ID_FOR_SRP: user.username,
          requiredAttributes: '[]',
          userAttributes: JSON.stringify(userAttributes),
        },
      };
    }
    const mfa = mfaChallenge(services, user, clientId, clock.now() + CHALLENGE_VALIDITY_MS);
    if (mfa) return mfa;
    return { ChallengeParameters: {}, AuthenticationResult: tokens.signIn(user, clientId) };
  } finally {
    await store.save();
  }
}
