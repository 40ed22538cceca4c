/*
 * The `auth` facade: sign-up and confirmation (with sign-in straight after), SRP sign-in with the
 * NEW_PASSWORD_REQUIRED challenge and the MFA challenges (`mfa-challenge.ts`), password reset and change, sign-out, and the session: tokens
 * refreshed single-flight before they expire, and `onChange` events for every transition.
 */
import type {
  AuthenticationResult,
  InitiateAuthOutput,
  UserPoolApi,
} from '../cognito/user-pool-operations.js';
import { toAuthS3Error } from '../error-mapping.js';
import {
  NotAuthorizedError,
  NotSignedInError,
  ServiceError,
  SessionExpiredError,
  UnsupportedChallengeError,
  UserNotConfirmedError,
} from '../errors.js';
import {
  computePasswordClaim,
  createSrpEphemeral,
  type PasswordVerifierChallenge,
} from '../srp/srp-client.js';
import type {
  Auth,
  AuthEvent,
  AuthS3Config,
  Clock,
  CurrentUser,
  Logger,
  SignInResult,
  Tokens,
} from '../types.js';
import { userFromIdToken } from './id-token.js';
import { mfaChallengeResult } from './mfa-challenge.js';
import type { SessionStore, StoredSession } from './session-store.js';
import { DEFAULT_TOTP_ISSUER } from './totp.js';

/** Refresh this long before expiry (or at half the token lifetime, if that is sooner). */
export const REFRESH_MARGIN_MS = 5 * 60_000;

export interface AuthDeps {
  config: AuthS3Config;
  /** The user pool operations (`createUserPoolApi` in `clients.ts`, or a fake in tests). */
  api: UserPoolApi;
  store: SessionStore;
  clock: Clock;
  logger: Logger;
  /** Names the app in the `otpauth://` URI of an MFA_SETUP sign-in. @default 'auth-s3' */
  issuer?: string;
}

/** Builds the `auth` facade over one user pool client. */
export function createAuth(deps: AuthDeps): Auth {
  const { config, api, store, clock, logger } = deps;
  const listeners = new Set<(event: AuthEvent) => void>();
  let refreshing: Promise<Tokens | null> | undefined;
  /** Bumped on every sign-in and sign-out, so a refresh that finishes late does not resurrect a session. */
  let generation = 0;
  /**
   * The password from signUp (or from a sign-in refused as unconfirmed), kept in memory only until
   * confirmSignUp signs the user in or another sign-in succeeds.
   */
  let pendingSignIn: { email: string; password: string } | undefined;
  let decoded: { idToken: string; user: CurrentUser } | undefined;

  async function call<T>(operation: string, run: (api: UserPoolApi) => Promise<T>): Promise<T> {
    try {
      return await run(api);
    } catch (error) {
      throw toAuthS3Error(error, { operation });
    }
  }

  function emit(event: AuthEvent): void {
    logger.debug('auth event', { type: event.type });
    for (const listener of [...listeners]) {
      try {
        listener(event);
      } catch (error) {
        // A broken listener must not break sign-in; report it the way the platform reports uncaught errors.
        queueMicrotask(() => {
          throw error;
        });
      }
    }
  }

  async function storeResult(result: AuthenticationResult, previous?: StoredSession): Promise<CurrentUser> {
    const { IdToken, AccessToken, ExpiresIn } = result;
    const refreshToken = result.RefreshToken ?? previous?.refreshToken;
    if (!IdToken || !AccessToken || !refreshToken) {
      throw new ServiceError('Cognito answered without the expected tokens. Try signing in again.');
    }
    const issuedAt = clock.now();
    await store.save({
      idToken: IdToken,
      accessToken: AccessToken,
      refreshToken,
      issuedAt,
      expiresAt: issuedAt + (ExpiresIn ?? 3600) * 1000,
    });
    return userFromIdToken(IdToken);
  }

  async function finishSignIn(response: InitiateAuthOutput, email: string): Promise<SignInResult> {
    if (response.AuthenticationResult) {
      generation++;
      const user = await storeResult(response.AuthenticationResult);
      emit({ type: 'signedIn', user });
      return { status: 'done', user };
    }
    if (response.ChallengeName === 'NEW_PASSWORD_REQUIRED') {
      const session = response.Session;
      const username = response.ChallengeParameters?.USER_ID_FOR_SRP ?? email;
      return {
        status: 'newPasswordRequired',
        completeNewPassword: async (newPassword) => {
          const next = await call('completeNewPassword', (api) =>
            api.respondToAuthChallenge({
              ClientId: config.userPoolClientId,
              ChallengeName: 'NEW_PASSWORD_REQUIRED',
              Session: session,
              ChallengeResponses: { USERNAME: username, NEW_PASSWORD: newPassword },
            }),
          );
          const result = await finishSignIn(next, email);
          if (result.status !== 'done') throw new UnsupportedChallengeError(next.ChallengeName ?? 'unknown');
          return result.user;
        },
      };
    }
    const mfa = await mfaChallengeResult(response, {
      api,
      clientId: config.userPoolClientId,
      issuer: deps.issuer ?? DEFAULT_TOTP_ISSUER,
      email,
      finish: async (next) => {
        const result = await finishSignIn(next, email);
        if (result.status !== 'done') throw new UnsupportedChallengeError(next.ChallengeName ?? 'unknown');
        return result.user;
      },
    });
    if (mfa) return mfa;
    throw new UnsupportedChallengeError(response.ChallengeName ?? 'unknown');
  }

  async function signIn(email: string, password: string): Promise<SignInResult> {
    try {
      const result = await srpSignIn(email, password);
      pendingSignIn = undefined;
      return result;
    } catch (error) {
      // Confirming next (with a fresh code) can then sign straight in, as after signUp.
      if (error instanceof UserNotConfirmedError) pendingSignIn = { email, password };
      throw error;
    }
  }

  async function srpSignIn(email: string, password: string): Promise<SignInResult> {
    const ephemeral = createSrpEphemeral();
    const started = await call('signIn', (api) =>
      api.initiateAuth({
        ClientId: config.userPoolClientId,
        AuthFlow: 'USER_SRP_AUTH',
        AuthParameters: { USERNAME: email, SRP_A: ephemeral.srpA },
      }),
    );
    if (started.ChallengeName !== 'PASSWORD_VERIFIER') return finishSignIn(started, email);
    const challenge = started.ChallengeParameters as unknown as PasswordVerifierChallenge | undefined;
    if (!challenge?.SRP_B || !challenge.SALT || !challenge.SECRET_BLOCK || !challenge.USER_ID_FOR_SRP) {
      throw new ServiceError('Cognito sent an incomplete PASSWORD_VERIFIER challenge. Try again.');
    }
    const claim = await computePasswordClaim({
      userPoolId: config.userPoolId,
      password,
      ephemeral,
      challenge,
      now: new Date(clock.now()),
    });
    const verified = await call('signIn', (api) =>
      api.respondToAuthChallenge({
        ClientId: config.userPoolClientId,
        ChallengeName: 'PASSWORD_VERIFIER',
        Session: started.Session,
        ChallengeResponses: { ...claim },
      }),
    );
    return finishSignIn(verified, email);
  }

  /** Ends the local session Cognito no longer accepts, so listeners can return to sign-in. */
  async function expire(): Promise<void> {
    generation++;
    await store.clear();
    emit({ type: 'expired' });
  }

  async function refresh(session: StoredSession): Promise<Tokens | null> {
    const startedIn = generation;
    try {
      const response = await api.initiateAuth({
        ClientId: config.userPoolClientId,
        AuthFlow: 'REFRESH_TOKEN_AUTH',
        AuthParameters: { REFRESH_TOKEN: session.refreshToken },
      });
      if (generation !== startedIn) return toTokens(store.current);
      if (!response.AuthenticationResult)
        throw new UnsupportedChallengeError(response.ChallengeName ?? 'unknown');
      const user = await storeResult(response.AuthenticationResult, session);
      emit({ type: 'refreshed', user });
      return toTokens(store.current);
    } catch (error) {
      const mapped = toAuthS3Error(error, { operation: 'refreshSession' });
      if (
        (mapped instanceof NotAuthorizedError || mapped instanceof SessionExpiredError) &&
        generation === startedIn
      ) {
        await expire();
        throw new SessionExpiredError('The session has expired or was signed out elsewhere. Sign in again.', {
          cause: mapped,
          code: mapped.code,
        });
      }
      throw mapped;
    }
  }

  async function getSession(): Promise<Tokens | null> {
    await store.ready;
    const session = store.current;
    if (!session) return null;
    const margin = Math.min(REFRESH_MARGIN_MS, (session.expiresAt - session.issuedAt) / 2);
    if (clock.now() < session.expiresAt - margin) return toTokens(session);
    refreshing ??= refresh(session).finally(() => {
      refreshing = undefined;
    });
    return refreshing;
  }

  async function requireSession(operation: string): Promise<Tokens> {
    const tokens = await getSession();
    if (!tokens) throw new NotSignedInError(`${operation} needs a signed-in user. Sign in first.`);
    return tokens;
  }

  return {
    async signUp(email, password, attributes = {}) {
      const response = await call('signUp', (api) =>
        api.signUp({
          ClientId: config.userPoolClientId,
          Username: email,
          Password: password,
          UserAttributes: Object.entries({ email, ...attributes }).map(([Name, Value]) => ({ Name, Value })),
        }),
      );
      pendingSignIn = response.UserConfirmed ? undefined : { email, password };
      return {
        userConfirmed: response.UserConfirmed ?? false,
        codeDeliveredTo: response.CodeDeliveryDetails?.Destination,
      };
    },

    async confirmSignUp(email, code, options = {}) {
      await call('confirmSignUp', (api) =>
        api.confirmSignUp({
          ClientId: config.userPoolClientId,
          Username: email,
          ConfirmationCode: code,
        }),
      );
      const pending = pendingSignIn?.email === email ? pendingSignIn : undefined;
      pendingSignIn = undefined;
      if (options.autoSignIn === false || !pending) return { signedIn: false };
      let result: SignInResult;
      try {
        result = await signIn(email, pending.password);
      } catch (error) {
        // The account is confirmed either way; a kept password the pool refuses means "sign in yourself".
        if (error instanceof NotAuthorizedError) return { signedIn: false };
        throw error;
      }
      return result.status === 'done' ? { signedIn: true, user: result.user } : { signedIn: false };
    },

    async resendCode(email) {
      const response = await call('resendCode', (api) =>
        api.resendConfirmationCode({ ClientId: config.userPoolClientId, Username: email }),
      );
      return { codeDeliveredTo: response.CodeDeliveryDetails?.Destination };
    },

    signIn,

    async signOut(options = {}) {
      await store.ready;
      const session = store.current;
      if (!session) return;
      let failure: unknown;
      try {
        if (options.global) {
          const tokens = await requireSession('signOut');
          await api.globalSignOut({ AccessToken: tokens.accessToken });
        } else {
          await api.revokeToken({ ClientId: config.userPoolClientId, Token: session.refreshToken });
        }
      } catch (error) {
        failure = error;
      }
      // Local state goes whatever the network said: the user asked to be signed out on this device.
      generation++;
      pendingSignIn = undefined;
      const wasSignedIn = store.current !== null;
      await store.clear();
      if (wasSignedIn) emit({ type: 'signedOut' });
      if (failure !== undefined) throw toAuthS3Error(failure, { operation: 'signOut' });
    },

    async forgotPassword(email) {
      const response = await call('forgotPassword', (api) =>
        api.forgotPassword({ ClientId: config.userPoolClientId, Username: email }),
      );
      return { codeDeliveredTo: response.CodeDeliveryDetails?.Destination };
    },

    async confirmForgotPassword(email, code, newPassword) {
      await call('confirmForgotPassword', (api) =>
        api.confirmForgotPassword({
          ClientId: config.userPoolClientId,
          Username: email,
          ConfirmationCode: code,
          Password: newPassword,
        }),
      );
    },

    async changePassword(oldPassword, newPassword) {
      const tokens = await requireSession('changePassword');
      const startedIn = generation;
      try {
        await call('changePassword', (api) =>
          api.changePassword({
            AccessToken: tokens.accessToken,
            PreviousPassword: oldPassword,
            ProposedPassword: newPassword,
          }),
        );
      } catch (error) {
        // Signed out on another device: the access token is revoked, and so is the refresh token.
        if (error instanceof SessionExpiredError && generation === startedIn) await expire();
        throw error;
      }
    },

    getSession,

    currentUser() {
      const session = store.current;
      if (!session) return null;
      // UIs call this on every render: decode each id token once.
      if (decoded?.idToken !== session.idToken)
        decoded = { idToken: session.idToken, user: userFromIdToken(session.idToken) };
      return decoded.user;
    },

    onChange(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}

function toTokens(session: StoredSession | null): Tokens | null {
  if (!session) return null;
  const { idToken, accessToken, refreshToken, expiresAt } = session;
  return { idToken, accessToken, refreshToken, expiresAt };
}
